package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A channel's incremental conversions from a randomised holdout: the lift result that
 * {@link org.engagement.attribution.calibration.LiftCalibration} calibrates attribution credits with.
 *
 * <h2>The estimate</h2>
 * A holdout keeps a random share of the people away from one channel. Everyone else is <em>eligible</em>:
 * the channel may or may not reach them. Comparing the eligible people's conversion rate with the held-out
 * people's is an intention-to-treat comparison: randomisation makes the two groups alike in everything but the
 * channel, so the difference is the channel's causal effect per eligible person, whatever decided whom the
 * channel actually reached (retargeting the keen, navigational visits just before a purchase). Comparing only
 * the people the channel reached would bring that selection back. The incremental conversions are the
 * eligible group's conversions less what it would have converted at the held-out rate,
 * {@code x_E - n_E · x_H / n_H} ({@link ProportionDifference#incrementalSuccesses}), the "holdout scaling";
 * its interval is {@code n_E} times the two-proportion interval of the difference of rates
 * ({@link ProportionDifference}, unpooled normal approximation).
 *
 * <h2>Purchases, not buyers</h2>
 * Journeys built from every purchase count purchases: a person who buys three times is three conversions. A
 * comparison of conversion rates counts buyers, so its incremental conversions are in other units, and a
 * channel that brings repeat purchases is under-counted. {@link #estimatePurchases} compares the mean
 * purchases per person instead: {@code n_E · (m_E − m_H)}, with {@code n_E} times Welch's interval for the
 * difference of means ({@link MeanDifference}). Use it whenever the journeys to be calibrated count every
 * purchase; {@link #estimate(Collection, Set, Map, double)} when they count one conversion per person (first
 * purchases). With at most one purchase per person the two agree (the same estimate; intervals within the
 * t against normal critical value and the variance's divisor).
 *
 * <h2>What it assumes</h2>
 * The conversions are counted over the same period and population as the journeys to be calibrated (a first
 * purchase within the journeys' window, for example), the holdout was drawn at random and kept (no held-out
 * person reached by the channel), and one person's exposure does not change another's conversion. The interval
 * is the experiment's sampling uncertainty only.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class HoldoutLift {
  private HoldoutLift() {}

  /**
   * The incremental conversions of {@code channel} from its eligible and held-out groups.
   *
   * @param channel the channel held out, as the journeys name it
   * @param eligible conversions out of the people not held out
   * @param heldOut conversions out of the people held out
   * @param confidenceLevel the interval's level, in (0, 1)
   * @throws InvalidFieldException if the channel is blank or the level is out of range
   */
  public static LiftResult estimate(String channel, Proportion eligible, Proportion heldOut,
      double confidenceLevel) {
    requireNonNull(channel, "channel");
    LiftEstimate difference = ProportionDifference.test(eligible, heldOut, confidenceLevel);
    double people = eligible.trials();
    double incremental = ProportionDifference.incrementalSuccesses(eligible, heldOut);
    double low = Math.min(incremental, people * difference.interval().lower());
    double high = Math.max(incremental, people * difference.interval().upper());
    return new LiftResult(channel, incremental, low, high, confidenceLevel);
  }

  /**
   * One lift result per held-out channel, in the map's order, from who was in the experiment, who converted
   * and who was held out of which channel (for example the rows of a simulated world's {@code holdout.csv}).
   *
   * @param people everyone the journeys cover (duplicates count once)
   * @param converted the people among them who converted in the journeys' period; others are ignored
   * @param heldOut per channel, the people held out of it; people not in {@code people} are ignored
   * @param confidenceLevel the intervals' level, in (0, 1)
   * @throws InvalidFieldException if a channel has nobody held out or nobody eligible among {@code people}, or
   *     the level is out of range
   */
  public static List<LiftResult> estimate(Collection<String> people, Set<String> converted,
      Map<String, ? extends Collection<String>> heldOut, double confidenceLevel) {
    requireNonNull(people, "people");
    requireNonNull(converted, "converted");
    requireNonNull(heldOut, "heldOut");
    Set<String> everyone = new HashSet<>(people);
    long conversions = everyone.stream().filter(converted::contains).count();
    List<LiftResult> results = new ArrayList<>(heldOut.size());
    heldOut.forEach((channel, held) -> {
      Set<String> group = new HashSet<>(held);
      group.retainAll(everyone);
      long heldConversions = group.stream().filter(converted::contains).count();
      long eligible = everyone.size() - (long) group.size();
      if (group.isEmpty() || eligible == 0) {
        throw new InvalidFieldException("heldOut", channel, "must hold out some of the people and leave some"
            + " eligible (held out " + group.size() + " of " + everyone.size() + ")");
      }
      results.add(estimate(channel, Proportion.of(conversions - heldConversions, eligible),
          Proportion.of(heldConversions, group.size()), confidenceLevel));
    });
    return results;
  }

  /**
   * The incremental purchases of {@code channel} from the purchases per person of its eligible and held-out
   * groups: {@code n_E · (m_E − m_H)}, with {@code n_E} times Welch's interval for the difference of the means
   * ({@link MeanDifference}).
   *
   * @param channel the channel held out, as the journeys name it
   * @param eligible purchases per person among the people not held out, at least two people
   * @param heldOut purchases per person among the people held out, at least two people
   * @param confidenceLevel the interval's level, in (0, 1)
   * @throws InvalidFieldException if a group has fewer than two people or the level is out of range
   */
  public static LiftResult estimate(String channel, SampleSummary eligible, SampleSummary heldOut,
      double confidenceLevel) {
    requireNonNull(channel, "channel");
    LiftEstimate difference = MeanDifference.test(eligible, heldOut, confidenceLevel);
    double people = eligible.count();
    double incremental = people * difference.absoluteLift();
    double low = Math.min(incremental, people * difference.interval().lower());
    double high = Math.max(incremental, people * difference.interval().upper());
    return new LiftResult(channel, incremental, low, high, confidenceLevel);
  }

  /**
   * One lift result per held-out channel, in the map's order, in purchases: each group's mean purchases per
   * person compared ({@link #estimate(String, SampleSummary, SampleSummary, double)}).
   *
   * @param people everyone the journeys cover (duplicates count once)
   * @param purchases the purchases each person made in the journeys' period; a person missing made none,
   *     people not in {@code people} are ignored
   * @param heldOut per channel, the people held out of it; people not in {@code people} are ignored
   * @param confidenceLevel the intervals' level, in (0, 1)
   * @throws InvalidFieldException if a channel has fewer than two people held out or eligible among
   *     {@code people}, a count is negative, or the level is out of range
   */
  public static List<LiftResult> estimatePurchases(Collection<String> people, Map<String, Long> purchases,
      Map<String, ? extends Collection<String>> heldOut, double confidenceLevel) {
    requireNonNull(people, "people");
    requireNonNull(purchases, "purchases");
    requireNonNull(heldOut, "heldOut");
    Set<String> everyone = new HashSet<>(people);
    Counts all = new Counts();
    everyone.forEach(person -> all.add(purchases.getOrDefault(person, 0L)));
    List<LiftResult> results = new ArrayList<>(heldOut.size());
    heldOut.forEach((channel, members) -> {
      Set<String> group = new HashSet<>(members);
      group.retainAll(everyone);
      Counts held = new Counts();
      group.forEach(person -> held.add(purchases.getOrDefault(person, 0L)));
      Counts eligible = all.minus(held);
      if (held.people < 2 || eligible.people < 2) {
        throw new InvalidFieldException("heldOut", channel, "must hold out at least two of the people and leave"
            + " at least two eligible (held out " + group.size() + " of " + everyone.size() + ")");
      }
      results.add(estimate(channel, eligible.summary(), held.summary(), confidenceLevel));
    });
    return results;
  }

  /** People, their purchases and the purchases' squares, summed. Not thread-safe. */
  private static final class Counts {
    private long people;
    private double sum;
    private double squares;

    void add(long count) {
      if (count < 0) {
        throw new InvalidFieldException("purchases", count, "must be at least 0");
      }
      people++;
      sum += count;
      squares += (double) count * count;
    }

    Counts minus(Counts other) {
      Counts out = new Counts();
      out.people = people - other.people;
      out.sum = sum - other.sum;
      out.squares = squares - other.squares;
      return out;
    }

    SampleSummary summary() {
      double mean = sum / people;
      return new SampleSummary(people, mean, Math.max(0, (squares - sum * mean) / (people - 1)));
    }
  }
}
