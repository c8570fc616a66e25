package org.engagement.attribution.journey;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The interactions that cutting journeys left out of every journey, counted by reason, so that nothing
 * disappears silently: a set with no journey that did not convert, for example, is explained by the
 * touches the lookback set aside. {@link Journeys#setAside()} and {@link JourneySet#setAside()} carry
 * them; {@link #notes()} says them in sentences, and the attribution results of the built-in models
 * repeat those sentences.
 *
 * <p>Counts add when journeys merge ({@link #plus(SetAside)}), so they keep the
 * {@link org.engagement.core.aggregate.Mergeable} laws of the journeys: {@link #none()} is the identity,
 * addition is associative and commutative, and a set merged with itself counts twice.
 *
 * <p>Immutable and thread-safe, being a record of numbers.
 *
 * @param afterAsOf interactions dated after the as-of instant of the {@link JourneyRules} (the window end):
 *     they happened after the period analysed
 * @param otherTypes interactions that are neither a conversion under the conversion rule nor of one of the
 *     rules' {@linkplain JourneyRules#touchTypes() touch types}
 * @param outsideLookback touches more than the lookback before the conversion they would have led to (or
 *     before the window end, for touches after a customer's last conversion)
 * @param collapsedRepeats touches dropped as repeats of the previous touch on the same channel
 *     ({@link JourneyRules#withCollapseRepeats(java.time.Duration)})
 * @since 0.1.0
 */
public record SetAside(long afterAsOf, long otherTypes, long outsideLookback, long collapsedRepeats)
    implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final SetAside NONE = new SetAside(0, 0, 0, 0);

  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException if a count is negative
   */
  public SetAside {
    requireCount("afterAsOf", afterAsOf);
    requireCount("otherTypes", otherTypes);
    requireCount("outsideLookback", outsideLookback);
    requireCount("collapsedRepeats", collapsedRepeats);
  }

  private static void requireCount(String field, long count) {
    if (count < 0) {
      throw new InvalidFieldException(field, count, "must not be negative");
    }
  }

  /** Nothing set aside: the identity of {@link #plus(SetAside)}. */
  public static SetAside none() {
    return NONE;
  }

  /**
   * The counts of this and {@code other} added.
   *
   * @throws ArithmeticException if a count overflows a {@code long}
   */
  public SetAside plus(SetAside other) {
    return new SetAside(Math.addExact(afterAsOf, other.afterAsOf), Math.addExact(otherTypes, other.otherTypes),
        Math.addExact(outsideLookback, other.outsideLookback),
        Math.addExact(collapsedRepeats, other.collapsedRepeats));
  }

  /** All the interactions set aside, whatever the reason. */
  public long total() {
    return afterAsOf + otherTypes + outsideLookback + collapsedRepeats;
  }

  /** Whether nothing was set aside. */
  public boolean isEmpty() {
    return total() == 0;
  }

  /**
   * One sentence per reason with a count above zero, in the order of the fields, for example {@code 1,204
   * touches were more than the lookback before their conversion or the window end and are in no journey}.
   */
  public List<String> notes() {
    List<String> notes = new ArrayList<>(4);
    if (afterAsOf > 0) {
      notes.add(count(afterAsOf, "interaction was", "interactions were")
          + " dated after the as-of instant (the window end) and left out");
    }
    if (otherTypes > 0) {
      notes.add(count(otherTypes, "interaction was", "interactions were")
          + " neither a conversion nor of a touch type and left out");
    }
    if (outsideLookback > 0) {
      notes.add(count(outsideLookback, "touch was", "touches were")
          + " more than the lookback before their conversion or the window end and are in no journey");
    }
    if (collapsedRepeats > 0) {
      notes.add(count(collapsedRepeats, "touch was", "touches were")
          + " dropped by the collapsing of repeats (the same channel as the previous touch, within the gap)");
    }
    return List.copyOf(notes);
  }

  /** {@code n} with the singular or plural noun phrase, the number grouped by thousands. */
  static String count(long n, String one, String many) {
    return String.format(Locale.ROOT, "%,d %s", n, n == 1 ? one : many);
  }
}
