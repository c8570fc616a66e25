package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class HoldoutPropertiesTest {
  /** Funnel steps and purchases are recorded on a channel without it touching anyone. */
  private static final Set<InteractionType> FUNNEL =
      Set.of(InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE);

  /** A held-out person is never touched by their channel, in any mechanism, and is listed once. */
  @Property(tries = 30)
  void heldOutPeopleAreNeverTouchedByTheirChannel(@ForAll long seed, @ForAll @IntRange(min = 0, max = 9) int channel,
      @ForAll @DoubleRange(min = 0.05, max = 0.9) double share, @ForAll WorldMechanism mechanism) {
    WorldSpec defaults = WorldSpec.defaults();
    String id = defaults.channels().get(channel).id();
    World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).customers(120).mechanism(mechanism)
        .holdouts(List.of(new Holdout(id, share))).build());
    Set<String> heldOut = world.heldOut().stream().map(HeldOut::customerId).collect(Collectors.toSet());

    assertThat(world.heldOut()).allSatisfy(row -> assertThat(row.channel()).isEqualTo(id))
        .hasSize(heldOut.size());
    assertThat(world.interactions()).noneMatch(i -> i.channel().id().equals(id) && heldOut.contains(i.customerId())
        && !FUNNEL.contains(i.type()));
  }

  /** A holdout draws from a stream of its own: holding out nobody changes nothing. */
  @Property(tries = 15)
  void aHoldoutOfNobodyChangesNothing(@ForAll long seed) {
    World plain = WorldGenerator.generate(WorldSpec.builder().seed(seed).customers(80).build());
    World held = WorldGenerator.generate(WorldSpec.builder().seed(seed).customers(80)
        .holdouts(List.of(new Holdout("newsletter", 0.0))).build());
    assertThat(held.interactions()).isEqualTo(plain.interactions());
    assertThat(held.heldOut()).isEmpty();
  }

  @Test
  void aHoldoutOfAnUnknownChannelOrTwiceTheSameIsRefused() {
    assertThatThrownBy(() -> WorldSpec.builder().holdouts(List.of(new Holdout("fax", 0.1))).build())
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("holdouts").hasMessageContaining("fax");
    assertThatThrownBy(() -> WorldSpec.builder()
        .holdouts(List.of(new Holdout("press", 0.1), new Holdout("press", 0.2))).build())
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> new Holdout("press", 1.5)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("share");
  }

  @Test
  void aLiftTestOnAHoldoutFindsTheChannelsTrueEffect() {
    // Half the people held out of trade shows: buyers per person among those not held out minus among those
    // held out, times the people not held out, estimates the trade shows' incremental conversions. It must
    // land near the replayed truth (within the test's own binomial noise, 3 standard errors).
    int people = 8_000;
    World world = WorldGenerator.generate(WorldSpec.builder().seed(3).customers(people)
        .holdouts(List.of(new Holdout("trade-show", 0.5))).build());
    Set<String> heldOut = world.heldOut().stream().map(HeldOut::customerId).collect(Collectors.toSet());
    Set<String> buyers = WorldMechanismTest.firstPurchases(world).keySet();
    long heldBuyers = buyers.stream().filter(heldOut::contains).count();
    double rateHeld = heldBuyers / (double) heldOut.size();
    int exposed = people - heldOut.size();
    double rateExposed = (buyers.size() - heldBuyers) / (double) exposed;
    double lift = (rateExposed - rateHeld) * exposed;
    double se = Math.sqrt(rateHeld * (1 - rateHeld) / heldOut.size() + rateExposed * (1 - rateExposed) / exposed)
        * exposed;
    long truth = world.truth().channels().get(world.spec().channelIndex("trade-show")).incrementalConversions();

    assertThat(lift).as("lift %s ± %s against the truth %s", lift, se, truth)
        .isCloseTo((double) truth, org.assertj.core.data.Offset.offset(3 * se));
  }
}
