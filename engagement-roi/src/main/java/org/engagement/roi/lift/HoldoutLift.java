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
    return new LiftResult(channel, incremental, low, high);
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
}
