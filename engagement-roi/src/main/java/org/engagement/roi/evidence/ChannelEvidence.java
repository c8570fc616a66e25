package org.engagement.roi.evidence;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.lift.DifferenceInDifferences;
import org.engagement.roi.lift.LiftEstimate;

/**
 * Per-channel evidence for the ROI rewards, from the interactions of an observation window
 * {@code [from, to)}.
 *
 * <p>A customer <em>engages</em> on a channel when they have an engaging interaction there in the
 * window; by default an interaction engages when the customer acted (direction inbound) and it is not
 * a purchase, so impressions and sends do not count and buying is an outcome, not engagement.
 *
 * <ul>
 *   <li>{@link #engagedCustomers()}: customers engaged on each channel.
 *   <li>{@link #retention}: among the customers who bought in the window (churn is about customers, not
 *       prospects who never bought), the churn rate at {@code to} of those engaged on a channel against that
 *       of the others (a customer has churned when their last interaction of any kind is more than the
 *       inactivity window before {@code to}).
 *   <li>{@link #engagementLift}: did starting to engage on a channel change engagement elsewhere? The
 *       window is cut in two halves; treated customers were active in the first half and first engaged
 *       on the channel in the second; control customers were active in the first half and never engaged
 *       on it. The outcome is each customer's engaging interactions on other channels, first half
 *       against second, compared by difference in differences ({@link
 *       DifferenceInDifferences#perCustomer}); extra interactions = estimate × treated customers.
 * </ul>
 *
 * <p>Immutable after construction and thread-safe.
 *
 * @since 0.1.0
 */
public final class ChannelEvidence {
  /** The default engagement rule: inbound interactions other than purchases. */
  public static final Predicate<Interaction> INBOUND_NOT_PURCHASE =
      i -> i.direction() == Direction.INBOUND && i.type() != InteractionType.PURCHASE;

  private final Instant to;
  private final long middle;
  private final Map<String, CustomerActivity> customers;
  private final SortedSet<String> channels;

  private ChannelEvidence(
      Instant to, long middle, Map<String, CustomerActivity> customers, SortedSet<String> channels) {
    this.to = to;
    this.middle = middle;
    this.customers = customers;
    this.channels = channels;
  }

  /** The evidence of {@code interactions} in {@code [from, to)} under the default engagement rule. */
  public static ChannelEvidence of(Iterable<Interaction> interactions, Instant from, Instant to) {
    return of(interactions, from, to, INBOUND_NOT_PURCHASE);
  }

  /**
   * The evidence of {@code interactions} in {@code [from, to)}, where {@code engages} says which
   * interactions count as engagement. Interactions outside the window are ignored.
   *
   * @throws InvalidFieldException if {@code to} is not after {@code from}
   */
  public static ChannelEvidence of(
      Iterable<Interaction> interactions, Instant from, Instant to, Predicate<Interaction> engages) {
    requireNonNull(interactions, "interactions");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(engages, "engages");
    if (!to.isAfter(from)) {
      throw new InvalidFieldException("to", to, "must be after from " + from);
    }
    long start = from.toEpochMilli();
    long end = to.toEpochMilli();
    long middle = start + (end - start) / 2;
    Map<String, CustomerActivity> customers = new HashMap<>();
    TreeSet<String> channels = new TreeSet<>();
    for (Interaction interaction : interactions) {
      long at = interaction.timestamp().toEpochMilli();
      if (at < start || at >= end) {
        continue;
      }
      CustomerActivity activity = customers.computeIfAbsent(interaction.customerId(), id -> new CustomerActivity());
      activity.lastActiveMillis = Math.max(activity.lastActiveMillis, at);
      activity.activeInFirstHalf |= at < middle;
      activity.bought |= interaction.type() == InteractionType.PURCHASE;
      if (engages.test(interaction)) {
        String channel = interaction.channel().id();
        channels.add(channel);
        CustomerActivity.ChannelCounts counts =
            activity.channels.computeIfAbsent(channel, c -> new CustomerActivity.ChannelCounts());
        counts.firstMillis = Math.min(counts.firstMillis, at);
        if (at < middle) {
          counts.firstHalf++;
        } else {
          counts.secondHalf++;
        }
      }
    }
    return new ChannelEvidence(to, middle, customers, channels);
  }

  /** Customers active (any interaction) in the window. */
  public long activeCustomers() {
    return customers.size();
  }

  /** Customers engaged on at least one channel, each counted once. */
  public long engagedOnAnyChannel() {
    return customers.values().stream().filter(activity -> !activity.channels.isEmpty()).count();
  }

  /** Customers engaged on each channel, channels in name order. */
  public Map<String, Long> engagedCustomers() {
    Map<String, Long> engaged = new TreeMap<>();
    for (CustomerActivity activity : customers.values()) {
      activity.channels.keySet().forEach(channel -> engaged.merge(channel, 1L, Long::sum));
    }
    return Collections.unmodifiableMap(engaged);
  }

  /**
   * Retention evidence per channel: churn at the window's end among the buyers engaged on the channel
   * against the other buyers. Channels where either group is empty are left out.
   *
   * @param inactivity how long without any interaction makes a customer churned
   * @param valuePerCustomer the value of keeping one customer
   */
  public Map<String, RetentionEvidence> retention(Duration inactivity, double valuePerCustomer) {
    requireNonNull(inactivity, "inactivity");
    if (inactivity.isNegative() || inactivity.isZero()) {
      throw new InvalidFieldException("inactivity", inactivity, "must be positive");
    }
    long cutoff = to.minus(inactivity).toEpochMilli();
    Map<String, RetentionEvidence> evidence = new TreeMap<>();
    for (String channel : channels) {
      long engaged = 0;
      long engagedChurned = 0;
      long others = 0;
      long othersChurned = 0;
      for (CustomerActivity activity : customers.values()) {
        if (!activity.bought) {
          continue;
        }
        boolean churned = activity.lastActiveMillis < cutoff;
        if (activity.channels.containsKey(channel)) {
          engaged++;
          engagedChurned += churned ? 1 : 0;
        } else {
          others++;
          othersChurned += churned ? 1 : 0;
        }
      }
      if (engaged > 0 && others > 0) {
        evidence.put(channel, new RetentionEvidence(
            engaged, engagedChurned / (double) engaged, othersChurned / (double) others, valuePerCustomer));
      }
    }
    return Collections.unmodifiableMap(evidence);
  }

  /**
   * Engagement lift per channel by difference in differences (see the class description). Channels
   * with fewer than two treated or two control customers are left out: there is nothing to test.
   *
   * @param valuePerInteraction the value of one extra engaging interaction
   */
  public Map<String, ChannelLift> engagementLift(double valuePerInteraction) {
    Map<String, ChannelLift> lifts = new TreeMap<>();
    for (String channel : channels) {
      List<long[]> treated = new ArrayList<>();
      List<long[]> control = new ArrayList<>();
      for (CustomerActivity activity : customers.values()) {
        if (!activity.activeInFirstHalf) {
          continue;
        }
        CustomerActivity.ChannelCounts counts = activity.channels.get(channel);
        long[] prePost = {activity.engagedElsewhere(channel, false), activity.engagedElsewhere(channel, true)};
        if (counts == null) {
          control.add(prePost);
        } else if (counts.firstMillis >= middle) {
          treated.add(prePost);
        }
      }
      if (treated.size() >= 2 && control.size() >= 2) {
        LiftEstimate test = DifferenceInDifferences.perCustomer(
            column(treated, 0), column(treated, 1), column(control, 0), column(control, 1));
        EngagementLiftEvidence evidence =
            new EngagementLiftEvidence(test.absoluteLift() * treated.size(), valuePerInteraction);
        lifts.put(channel, new ChannelLift(test, treated.size(), control.size(), evidence));
      }
    }
    return Collections.unmodifiableMap(lifts);
  }

  private static double[] column(List<long[]> rows, int index) {
    double[] column = new double[rows.size()];
    for (int i = 0; i < column.length; i++) {
      column[i] = rows.get(i)[index];
    }
    return column;
  }
}
