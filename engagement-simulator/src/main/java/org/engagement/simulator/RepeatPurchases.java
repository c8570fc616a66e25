package org.engagement.simulator;

import static org.engagement.simulator.CustomerSimulation.WEEK;

import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.hipparchus.random.RandomDataGenerator;

/**
 * A customer's repeat purchases after the first, as the BG/NBD story has them ({@link RepeatBuying}): Poisson
 * purchases in continuous time at the customer's rate, dropout after each with the customer's probability,
 * counted on past the world's end for the holdout weeks. Immutable and thread-safe.
 */
final class RepeatPurchases {
  private final WorldSpec spec;
  private final Channel channel;
  private final double valueScale;

  RepeatPurchases(WorldSpec spec, Channel channel, double valueScale) {
    this.spec = spec;
    this.channel = channel;
    this.valueScale = valueScale;
  }

  /**
   * What became of a customer.
   *
   * @param aliveAtEnd whether they had not dropped out by the world's end
   * @param droppedAt the instant of the purchase after which they dropped out, if within the world
   * @param holdoutPurchases their purchases in the holdout weeks
   */
  record Outcome(boolean aliveAtEnd, long droppedAt, int holdoutPurchases) {}

  /** Adds the repeat purchases within the world to {@code out}. */
  Outcome simulate(String id, long firstPurchase, double rate, double dropout, double spendScale,
      RandomDataGenerator random, List<Interaction> out) {
    long end = spec.endInstant().toEpochMilli();
    double horizon = end + (double) spec.holdoutWeeks() * WEEK;
    double t = firstPurchase;
    int number = 1;
    int holdout = 0;
    while (true) {
      t += random.nextExponential(1) / rate * WEEK;
      if (!(t < horizon)) {
        return new Outcome(true, -1, holdout);
      }
      long at = CustomerSimulation.seconds((long) t);
      if (at < end) {
        number++;
        out.add(Interaction.builder().customerId(id).channel(channel).timestamp(Instant.ofEpochMilli(at))
            .type(InteractionType.PURCHASE).value(value(random, spendScale))
            .attributes(Attributes.of(CustomerSimulation.PURCHASE_NUMBER, Integer.toString(number))).build());
      } else {
        holdout++;
      }
      if (random.nextDouble() < dropout) {
        return at < end ? new Outcome(false, at, holdout) : new Outcome(true, -1, holdout);
      }
    }
  }

  /** One purchase's value: Gamma with the spend shape and the customer's scale, cut to the minor unit. */
  Money value(RandomDataGenerator random, double spendScale) {
    double amount = random.nextGamma(spec.buyers().spendShape(), 1 / spendScale);
    return Money.ofMinor(Math.max(1, Math.round(amount * valueScale)), spec.currency());
  }
}
