package org.engagement.report.section;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.OptionalDouble;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One thing to do, in plain words, with what it is expected to bring, how sure that is and what it rests on:
 * the unit of the summary's recommendations. Any analysis can make them (a {@link Source}); today the
 * relationship ROI's intervals do ({@code RoiRecommendations}), and a budget optimiser adds its own moves
 * ("move 12% of trade-show spend to partner referrals") through the same type.
 *
 * <p>Immutable and thread-safe.
 *
 * @param action what to do, in a sentence a marketer can act on
 * @param effect what it is expected to bring (for example the ROI it rests on)
 * @param interval how sure: the interval of the effect, or why there is none
 * @param basis which figures and which model it rests on
 * @param strength how strongly the figures support it, not negative: the summary shows the strongest first; 0
 *     for a case to test, which the figures do not support either way
 * @param stances which way it moves money on each channel it names (into a channel it says to grow, out of
 *     one it says to cut), so that the summary can keep recommendations that contradict each other off the
 *     page; empty for one that moves no money
 * @since 0.1.0
 */
public record Recommendation(String action, String effect, String interval, String basis, double strength,
    List<Stance> stances) {
  /**
   * Validates.
   *
   * @throws InvalidFieldException if the action is blank or the strength is negative or not finite
   */
  public Recommendation {
    requireNonNull(action, "action");
    requireNonNull(effect, "effect");
    requireNonNull(interval, "interval");
    requireNonNull(basis, "basis");
    if (action.isBlank()) {
      throw new InvalidFieldException("action", action, "must not be blank");
    }
    if (!(strength >= 0) || !Double.isFinite(strength)) {
      throw new InvalidFieldException("strength", strength, "must be finite and not negative");
    }
    stances = List.copyOf(stances);
  }

  /** A recommendation that moves no money on a named channel (a summary of its own, say). */
  public Recommendation(String action, String effect, String interval, String basis, double strength) {
    this(action, effect, interval, basis, strength, List.of());
  }

  /** Which way money moves on a channel. */
  public enum Direction {
    /** More money into the channel: grow it, or move spend to it. */
    MORE,
    /** Less money on the channel: cut it, or move spend away from it. */
    LESS
  }

  /**
   * Which way a recommendation moves money on one channel, and the channel's ROI by the attribution where the
   * recommendation knows it, so that the summary can tell a move out of a channel that loses more into one that
   * loses less (which a cut of the second does not contradict) from a move into a channel that loses money.
   * Immutable and thread-safe.
   *
   * @param channel the channel id
   * @param name its display name, as the page shows it
   * @param direction which way the money moves
   * @param roi the channel's ROI on the page (Relationship ROI, the attribution's point estimate, with or
   *     without an interval); empty when the recommendation does not know it
   * @since 0.1.0
   */
  public record Stance(String channel, String name, Direction direction, OptionalDouble roi) {
    /**
     * Requires every part.
     *
     * @throws InvalidFieldException if the ROI is not finite
     */
    public Stance {
      requireNonNull(channel, "channel");
      requireNonNull(name, "name");
      requireNonNull(direction, "direction");
      requireNonNull(roi, "roi");
      if (roi.isPresent() && !Double.isFinite(roi.getAsDouble())) {
        throw new InvalidFieldException("roi of " + channel, roi.getAsDouble(), "must be finite");
      }
    }

    /** A stance that does not know the channel's ROI. */
    public Stance(String channel, String name, Direction direction) {
      this(channel, name, direction, OptionalDouble.empty());
    }
  }

  /**
   * Makes recommendations from a finished report's sections. Implementations must be thread-safe and must
   * not throw for missing sections: they return no recommendation instead.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface Source {
    /** The recommendations {@code sections} (the report's, without the summary) support; may be empty. */
    List<Recommendation> recommend(List<ReportSection> sections);
  }
}
