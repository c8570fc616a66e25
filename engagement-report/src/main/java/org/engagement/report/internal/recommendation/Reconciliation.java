package org.engagement.report.internal.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.Recommendation.Direction;
import org.engagement.report.section.Recommendation.Stance;

/**
 * The one place where the recommendations of several sources are made consistent before the summary shows
 * them: the page never suggests moving money into a channel that another recommendation says to cut, nor out
 * of one it says to grow, nor into a channel that lost most of what was spent on it, unless the money comes from
 * a channel that lost more.
 *
 * <p>A recommendation "says" something about a channel when it is supported (its {@linkplain
 * Recommendation#strength() strength} is above 0: the figures' interval is on one side of 0); a case to test
 * says nothing yet. A channel's ROI is the one its recommendations' {@linkplain Stance#roi() stances} give (the
 * attribution's point estimate on the page). For each channel:
 * <ul>
 *   <li>a recommendation that puts money into it ({@link Direction#MORE}) while it loses money (ROI below 0) is
 *       <em>from a worse loser</em> when it takes that money from a channel whose ROI is lower still: moving from
 *       a channel that loses more to one that loses less does not contradict cutting either, so the rules
 *       below do not leave it out (a note says why it stands beside the cut);
 *   <li>if its ROI is below {@value #STRONG_LOSS} (it lost more than half of what was spent on it), every other
 *       recommendation that puts money into it is left out, even when the ROI has no interval (no attributed
 *       revenue to resample, say) and so no recommendation says to cut it: a point estimate that bad is
 *       reason enough not to send money there, even as a test;
 *   <li>for the other recommendations that put money into it and those that take money from it ({@link
 *       Direction#LESS}): if only one side is supported, every recommendation on the other side is left out (a
 *       test of a move into a channel the attribution says to cut is not offered even as a test); if both sides
 *       are supported, the figures contradict each other: both sides are left out; if neither is, both stay
 *       (two cases to test do not contradict each other).
 * </ul>
 * Each recommendation left out gets a note that says which and why, quoting the supported recommendation it
 * yields to (which may not be among the few the summary shows), so that nothing disappears unexplained.
 * Only the recommendations left out change; the others keep their source and order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kept each source's recommendations that stay, in the sources' order and each source's own order
 * @param notes one sentence per recommendation left out, saying why, and one per move from a worse loser kept
 *     beside a reason to cut its receiver, saying why it stands
 */
public record Reconciliation(List<List<Recommendation>> kept, List<String> notes) {
  /**
   * The ROI below which no money goes into a channel, interval or not, except from a channel that loses more:
   * -50%, more than half of each unit spent lost.
   */
  public static final double STRONG_LOSS = -0.5;

  /** Copies the lists. */
  public Reconciliation {
    kept = kept.stream().map(List::copyOf).toList();
    notes = List.copyOf(notes);
  }

  /** {@code perSource} (each source's recommendations, in the sources' order) made consistent. */
  public static Reconciliation of(List<List<Recommendation>> perSource) {
    requireNonNull(perSource, "perSource");
    Map<String, Claims> claims = new LinkedHashMap<>();
    for (List<Recommendation> own : perSource) {
      for (Recommendation r : own) {
        for (Stance stance : r.stances()) {
          claims.computeIfAbsent(stance.channel(), c -> new Claims(stance.name())).add(r, stance);
        }
      }
    }
    IdentityHashMap<Recommendation, String> dropped = new IdentityHashMap<>();
    IdentityHashMap<Recommendation, String> standing = new IdentityHashMap<>();
    claims.values().forEach(c -> c.drop(dropped, standing));
    List<List<Recommendation>> kept = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (List<Recommendation> own : perSource) {
      List<Recommendation> stay = new ArrayList<>();
      for (Recommendation r : own) {
        String why = dropped.get(r);
        if (why == null) {
          stay.add(r);
          String stands = standing.get(r);
          if (stands != null) {
            notes.add("\u201c" + r.action() + "\u201d stands " + stands);
          }
        } else {
          notes.add("Left out of the recommendations: \u201c" + r.action() + "\u201d " + why);
        }
      }
      kept.add(stay);
    }
    return new Reconciliation(kept, notes);
  }

  /** What the recommendations say about one channel: those that put money in, those that take it out. */
  private static final class Claims {
    private final String name;
    private final List<Recommendation> more = new ArrayList<>();
    private final List<Recommendation> less = new ArrayList<>();
    private OptionalDouble roi = OptionalDouble.empty();

    Claims(String name) {
      this.name = name;
    }

    void add(Recommendation r, Stance stance) {
      (stance.direction() == Direction.MORE ? more : less).add(r);
      if (roi.isEmpty()) {
        roi = stance.roi();
      }
    }

    /**
     * Records in {@code dropped} the recommendations this channel's claims leave out, with the reason, and in
     * {@code standing} why a move from a worse loser stays beside a reason to cut this channel.
     */
    void drop(IdentityHashMap<Recommendation, String> dropped, IdentityHashMap<Recommendation, String> standing) {
      List<Recommendation> into = new ArrayList<>();
      for (Recommendation r : more) {
        Optional<Stance> worse = fromWorseLoser(r);
        if (worse.isEmpty()) {
          into.add(r);
        } else if (less.stream().anyMatch(Reconciliation::supported) || roi.getAsDouble() < STRONG_LOSS) {
          standing.putIfAbsent(r, "beside the case to cut " + name + ": both lose money and " + worse.get().name()
              + " loses more (ROI " + NumberText.signedPercent(worse.get().roi().getAsDouble()) + " against "
              + NumberText.signedPercent(roi.getAsDouble()) + "), so the money moved loses less.");
        }
      }
      if (roi.isPresent() && roi.getAsDouble() < STRONG_LOSS) {
        String why = "because " + name + "'s ROI is " + NumberText.signedPercent(roi.getAsDouble()) + ": it lost "
            + "more than half of what was spent on it, so no money goes into it, even without an interval, unless "
            + "it comes from a channel that loses more.";
        into.forEach(r -> dropped.putIfAbsent(r, why));
      }
      if (into.isEmpty() || less.isEmpty()) {
        return;
      }
      boolean moreSaid = into.stream().anyMatch(Reconciliation::supported);
      boolean lessSaid = less.stream().anyMatch(Reconciliation::supported);
      if (lessSaid) {
        String why = moreSaid
            ? "because another recommendation, as well supported, takes money out of " + name + "; the figures "
                + "contradict each other on it."
            : "because another recommendation (" + quoted(less) + ") says to take money out of " + name + ".";
        into.forEach(r -> dropped.putIfAbsent(r, why));
      }
      if (moreSaid) {
        String why = lessSaid
            ? "because another recommendation, as well supported, puts money into " + name + "; the figures "
                + "contradict each other on it."
            : "because another recommendation (" + quoted(into) + ") says to put more money into " + name + ".";
        less.forEach(r -> dropped.putIfAbsent(r, why));
      }
    }

    /**
     * The stance of {@code r} (which puts money into this channel) that takes the money from a channel whose ROI
     * is lower than this channel's, itself below 0; empty when there is none or an ROI is unknown.
     */
    private Optional<Stance> fromWorseLoser(Recommendation r) {
      if (roi.isEmpty() || !(roi.getAsDouble() < 0)) {
        return Optional.empty();
      }
      double own = roi.getAsDouble();
      return r.stances().stream().filter(s -> s.direction() == Direction.LESS && s.roi().isPresent()
          && s.roi().getAsDouble() < own).findFirst();
    }
  }

  /**
   * The first supported recommendation of {@code side}, quoted, so a note names the reason even when that
   * recommendation is not among the few the summary shows.
   */
  private static String quoted(List<Recommendation> side) {
    Recommendation first = side.stream().filter(Reconciliation::supported).findFirst().orElseThrow();
    return "\u201c" + first.action() + "\u201d";
  }

  private static boolean supported(Recommendation r) {
    return r.strength() > 0;
  }
}
