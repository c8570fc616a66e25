package org.engagement.roi.evidence;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.lift.DifferenceInDifferences;
import org.engagement.roi.lift.LiftEstimate;
import org.jspecify.annotations.Nullable;

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
 * <p>The interactions are folded one customer at a time ({@link InteractionColumns#perCustomer()}; under the
 * default rule straight from the columns, {@link InteractionColumns#forEachRowPerCustomer}, making no interaction;
 * or by a host that walks the customers itself, {@link #fold}) into per-channel sums, so the evidence holds no
 * per-customer state but the buyers' last activity and channels (for retention at any inactivity window): a few
 * hundred bytes a channel plus a few dozen a buyer, where a map of every customer's activity took hundreds of
 * bytes a customer (issue 16). The lift's per-customer values are kept as counts of each distinct (first half,
 * second half) pair in primitive tables, given to the test in ascending order.
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
  private final long active;
  private final long engagedOnAny;
  /** Per channel, in name order: its engaged customers and the lift's pairs. */
  private final TreeMap<String, ChannelSums> channels;
  /** Per customer active in the first half: the count of each (first half, second half) pair of engagement. */
  private final PairCounts everyone;
  private final long[] buyersLastActive;
  private final List<List<String>> buyersChannels;

  private ChannelEvidence(Folding folding) {
    this.to = folding.to;
    this.active = folding.active;
    this.engagedOnAny = folding.engagedOnAny;
    this.channels = folding.channels;
    this.everyone = folding.everyone;
    this.buyersLastActive = Arrays.copyOf(folding.buyersLastActive, folding.buyers);
    this.buyersChannels = folding.buyersChannels;
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
    Fold fold = fold(from, to, engages);
    InteractionColumns columns = InteractionColumns.of(interactions);
    if (engages == INBOUND_NOT_PURCHASE) {
      columns.forEachRowPerCustomer(fold.folding.columnar(columns));
    } else {
      for (List<Interaction> own : columns.perCustomer()) {
        fold.add(own);
      }
    }
    return fold.evidence();
  }

  /**
   * The evidence of each group of customers of {@code groups} among {@code interactions} in {@code [from, to)} under
   * the default engagement rule, in group order, from one pass over the columns: what {@link #of} gives for each
   * group's members' interactions, every figure exactly (issue 16: the ROI's segments read ten million rows once
   * for all of them, making no interaction, where a pass per segment made each member's interactions). Each
   * customer's activity in the window is read once and folded into every group that holds it, so groups may
   * overlap; the evidence of all the groups is held at once (a few hundred bytes a channel and a few dozen a buyer
   * for each group).
   *
   * @param groups which customers each group holds, asked with a customer's number in {@link
   *     InteractionColumns#internedCustomers()} once per customer with a row in the window
   * @throws InvalidFieldException if {@code to} is not after {@code from}
   */
  public static List<ChannelEvidence> ofGroups(InteractionColumns interactions, Instant from, Instant to,
      List<? extends IntPredicate> groups) {
    requireNonNull(interactions, "interactions");
    IntPredicate[] members = groups.toArray(IntPredicate[]::new);
    Folding[] foldings = new Folding[members.length];
    for (int g = 0; g < foldings.length; g++) {
      foldings[g] = fold(from, to, INBOUND_NOT_PURCHASE).folding;
    }
    Folding reader = fold(from, to, INBOUND_NOT_PURCHASE).folding;
    interactions.forEachRowPerCustomer(reader.columnar(interactions, (customer, activity) -> {
      for (int g = 0; g < members.length; g++) {
        if (members[g].test(customer)) {
          foldings[g].add(activity);
        }
      }
    }));
    List<ChannelEvidence> evidence = new ArrayList<>(foldings.length);
    for (Folding folding : foldings) {
      evidence.add(new ChannelEvidence(folding));
    }
    return Collections.unmodifiableList(evidence);
  }

  /**
   * A fold of customers, one at a time, into the evidence in {@code [from, to)}, where {@code engages} says which
   * interactions count as engagement: for a host that walks the interactions customer by customer for something
   * else too (the ROI's per-segment journeys), so each interaction is made once.
   *
   * @throws InvalidFieldException if {@code to} is not after {@code from}
   */
  public static Fold fold(Instant from, Instant to, Predicate<Interaction> engages) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(engages, "engages");
    if (!to.isAfter(from)) {
      throw new InvalidFieldException("to", to, "must be after from " + from);
    }
    return new Fold(new Folding(from, to, engages));
  }

  /** Customers active (any interaction) in the window. */
  public long activeCustomers() {
    return active;
  }

  /** Customers engaged on at least one channel, each counted once. */
  public long engagedOnAnyChannel() {
    return engagedOnAny;
  }

  /** Customers engaged on each channel, channels in name order. */
  public Map<String, Long> engagedCustomers() {
    Map<String, Long> engaged = new TreeMap<>();
    channels.forEach((channel, sums) -> engaged.put(channel, sums.engaged));
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
    for (String channel : channels.keySet()) {
      long engaged = 0;
      long engagedChurned = 0;
      long others = 0;
      long othersChurned = 0;
      for (int b = 0; b < buyersLastActive.length; b++) {
        boolean churned = buyersLastActive[b] < cutoff;
        if (buyersChannels.get(b).contains(channel)) {
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
    channels.forEach((channel, sums) -> {
      PairCounts control = everyone.copy();
      sums.onChannel.forEach((pair, n) -> control.add(pair, -n));
      long treated = sums.treated.total();
      long controls = control.total();
      if (treated >= 2 && controls >= 2) {
        double[][] t = expand(sums.treated, treated);
        double[][] c = expand(control, controls);
        LiftEstimate test = DifferenceInDifferences.perCustomer(t[0], t[1], c[0], c[1]);
        EngagementLiftEvidence evidence =
            new EngagementLiftEvidence(test.absoluteLift() * treated, valuePerInteraction);
        lifts.put(channel, new ChannelLift(test, treated, controls, evidence));
      }
    });
    return Collections.unmodifiableMap(lifts);
  }

  /** The pairs as two columns (first half, second half), each pair repeated by its count, pairs ascending. */
  private static double[][] expand(PairCounts pairs, long count) {
    double[][] columns = new double[2][Math.toIntExact(count)];
    long[][] ascending = pairs.ascending();
    int i = 0;
    for (int p = 0; p < ascending[0].length; p++) {
      double pre = ascending[0][p] >>> 32;
      double post = ascending[0][p] & 0xFFFF_FFFFL;
      for (long k = 0; k < ascending[1][p]; k++, i++) {
        columns[0][i] = pre;
        columns[1][i] = post;
      }
    }
    return columns;
  }

  /** The pair (first half, second half) as one key; counts of engaging interactions fit 32 bits each. */
  private static long pair(long firstHalf, long secondHalf) {
    return Math.toIntExact(firstHalf) * (1L << 32) + Math.toIntExact(secondHalf);
  }

  /**
   * Customers folded one at a time into {@link ChannelEvidence} ({@link ChannelEvidence#fold}). Given every
   * customer's interactions once each, in any order of customers, the evidence equals {@link ChannelEvidence#of}
   * of all of them. Not thread-safe: one instance per pass, used once ({@link #evidence()} ends it).
   *
   * @since 0.1.0
   */
  public static final class Fold {
    private final Folding folding;
    private boolean done;

    private Fold(Folding folding) {
      this.folding = folding;
    }

    /**
     * Folds one customer: {@code interactions} are all of that customer's, in any order (those outside the window
     * are ignored); the list is read, not kept.
     *
     * @throws IllegalStateException after {@link #evidence()}
     */
    public void add(List<Interaction> interactions) {
      requireNonNull(interactions, "interactions");
      if (done) {
        throw new IllegalStateException("the evidence was already taken");
      }
      folding.add(interactions);
    }

    /**
     * The evidence of every customer folded, which ends this fold.
     *
     * @throws IllegalStateException if called twice
     */
    public ChannelEvidence evidence() {
      if (done) {
        throw new IllegalStateException("the evidence was already taken");
      }
      done = true;
      return new ChannelEvidence(folding);
    }
  }

  /** Where a columnar read hands each customer's activity in the window: its number and the activity. */
  @FunctionalInterface
  private interface ActivitySink {
    void accept(int customer, CustomerActivity activity);
  }

  /** One channel's sums. */
  private static final class ChannelSums {
    private long engaged;
    /** The treated customers' pairs: engagement elsewhere. */
    private final PairCounts treated = new PairCounts();
    /** The pairs (of all engagement) of the customers active in the first half who engaged on the channel. */
    private final PairCounts onChannel = new PairCounts();
  }

  /** The fold of customers into sums. Not thread-safe. */
  private static final class Folding {
    private final Instant to;
    private final long start;
    private final long end;
    private final long middle;
    private final Predicate<Interaction> engages;
    private final TreeMap<String, ChannelSums> channels = new TreeMap<>();
    private final PairCounts everyone = new PairCounts();
    private final List<List<String>> buyersChannels = new ArrayList<>();
    private long[] buyersLastActive = new long[64];
    private int buyers;
    private long active;
    private long engagedOnAny;
    /** The activity in the window of the customer being folded; null before its first row in the window. */
    private @Nullable CustomerActivity current;

    Folding(Instant from, Instant to, Predicate<Interaction> engages) {
      this.to = to;
      this.start = from.toEpochMilli();
      this.end = to.toEpochMilli();
      this.middle = start + (end - start) / 2;
      this.engages = engages;
    }

    /** Folds one customer's interactions. */
    void add(List<Interaction> own) {
      for (Interaction interaction : own) {
        long at = interaction.timestamp().toEpochMilli();
        if (at >= start && at < end) {
          row(at, interaction.channel().id(), interaction.type() == InteractionType.PURCHASE,
              engages.test(interaction));
        }
      }
      endCustomer();
    }

    /**
     * A visitor that folds the rows of {@code columns} under the default engagement rule ({@link
     * #INBOUND_NOT_PURCHASE}) read from the columns, as {@link #add} folds the same rows made into interactions
     * (issue 16: the ROI of everyone reads ten million rows without making one).
     */
    InteractionColumns.CustomerRowVisitor columnar(InteractionColumns columns) {
      return columnar(columns, (customer, activity) -> add(activity));
    }

    /**
     * A visitor that reads each customer's activity in the window from {@code columns} as {@link
     * #columnar(InteractionColumns)} does and hands it to {@code folded} with the customer's number, instead of
     * folding it here: only this folding's window is used.
     */
    InteractionColumns.CustomerRowVisitor columnar(InteractionColumns columns, ActivitySink folded) {
      String[] channelIds = columns.internedChannels().stream().map(Channel::id).toArray(String[]::new);
      return new InteractionColumns.CustomerRowVisitor() {
        @Override
        public void visit(int customer, int channel, long epochSecond, int nano, InteractionType type,
            Direction direction) {
          long at = Math.addExact(Math.multiplyExact(epochSecond, 1000L), nano / 1_000_000);
          if (at >= start && at < end) {
            row(at, channelIds[channel], type == InteractionType.PURCHASE,
                direction == Direction.INBOUND && type != InteractionType.PURCHASE);
          }
        }

        @Override
        public void endCustomer(int customer) {
          CustomerActivity activity = current;
          if (activity != null) {
            current = null;
            folded.accept(customer, activity);
          }
        }
      };
    }

    /** Folds one row of the customer being folded, inside the window, at {@code at} epoch milliseconds. */
    private void row(long at, String channel, boolean purchase, boolean engaging) {
      CustomerActivity activity = current;
      if (activity == null) {
        activity = new CustomerActivity();
        current = activity;
      }
      activity.lastActiveMillis = Math.max(activity.lastActiveMillis, at);
      activity.activeInFirstHalf |= at < middle;
      activity.bought |= purchase;
      if (engaging) {
        CustomerActivity.ChannelCounts counts = activity.channels.computeIfAbsent(channel,
            c -> new CustomerActivity.ChannelCounts());
        counts.firstMillis = Math.min(counts.firstMillis, at);
        if (at < middle) {
          counts.firstHalf++;
        } else {
          counts.secondHalf++;
        }
      }
    }

    /** Ends the customer being folded: its activity in the window, if any, joins the sums. */
    private void endCustomer() {
      CustomerActivity activity = current;
      if (activity != null) {
        current = null;
        add(activity);
      }
    }

    private void add(CustomerActivity activity) {
      active++;
      engagedOnAny += activity.channels.isEmpty() ? 0 : 1;
      activity.channels.keySet().forEach(channel -> channels.computeIfAbsent(channel, c -> new ChannelSums()).engaged++);
      if (activity.bought) {
        if (buyers == buyersLastActive.length) {
          buyersLastActive = Arrays.copyOf(buyersLastActive, buyers * 2);
        }
        buyersLastActive[buyers++] = activity.lastActiveMillis;
        buyersChannels.add(List.copyOf(activity.channels.keySet()));
      }
      if (activity.activeInFirstHalf) {
        long all = pair(activity.engaged(false), activity.engaged(true));
        everyone.add(all, 1);
        activity.channels.forEach((channel, counts) -> {
          ChannelSums sums = requireNonNull(channels.get(channel));
          sums.onChannel.add(all, 1);
          if (counts.firstMillis >= middle) {
            sums.treated.add(pair(activity.engagedElsewhere(channel, false), activity.engagedElsewhere(channel, true)),
                1);
          }
        });
      }
    }
  }
}
