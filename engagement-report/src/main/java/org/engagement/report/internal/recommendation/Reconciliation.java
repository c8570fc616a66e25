package org.engagement.report.internal.recommendation;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.Recommendation.Direction;
import org.engagement.report.section.Recommendation.Stance;

/**
 * The one place where the recommendations of several sources are made consistent before the summary shows
 * them: the page never suggests moving money into a channel that another recommendation says to cut, nor out
 * of one it says to grow.
 *
 * <p>A recommendation "says" something about a channel when it is supported (its {@linkplain
 * Recommendation#strength() strength} is above 0: the figures' interval is on one side of 0); a case to test
 * says nothing yet. For each channel that one recommendation would put money into ({@link Direction#MORE})
 * and another would take money from ({@link Direction#LESS}):
 * <ul>
 *   <li>if only one side is supported, every recommendation on the other side is left out (a test of a move
 *       into a channel the attribution says to cut is not offered even as a test);
 *   <li>if both sides are supported, the figures contradict each other: both sides are left out;
 *   <li>if neither is, both stay (two cases to test do not contradict each other).
 * </ul>
 * Each recommendation left out gets a note that says which and why, quoting the supported recommendation it
 * yields to (which may not be among the few the summary shows), so that nothing disappears unexplained.
 * Only the recommendations left out change; the others keep their source and order.
 *
 * <p>Immutable and thread-safe.
 *
 * @param kept each source's recommendations that stay, in the sources' order and each source's own order
 * @param notes one sentence per recommendation left out, saying why
 */
public record Reconciliation(List<List<Recommendation>> kept, List<String> notes) {
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
          claims.computeIfAbsent(stance.channel(), c -> new Claims(stance.name())).add(r, stance.direction());
        }
      }
    }
    IdentityHashMap<Recommendation, String> dropped = new IdentityHashMap<>();
    claims.values().forEach(c -> c.drop(dropped));
    List<List<Recommendation>> kept = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (List<Recommendation> own : perSource) {
      List<Recommendation> stay = new ArrayList<>();
      for (Recommendation r : own) {
        String why = dropped.get(r);
        if (why == null) {
          stay.add(r);
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

    Claims(String name) {
      this.name = name;
    }

    void add(Recommendation r, Direction direction) {
      (direction == Direction.MORE ? more : less).add(r);
    }

    /** Records in {@code dropped} the recommendations this channel's claims leave out, with the reason. */
    void drop(IdentityHashMap<Recommendation, String> dropped) {
      if (more.isEmpty() || less.isEmpty()) {
        return;
      }
      boolean moreSaid = more.stream().anyMatch(Reconciliation::supported);
      boolean lessSaid = less.stream().anyMatch(Reconciliation::supported);
      if (lessSaid) {
        String why = moreSaid
            ? "because another recommendation, as well supported, takes money out of " + name + "; the figures "
                + "contradict each other on it."
            : "because another recommendation (" + quoted(less) + ") says to take money out of " + name + ".";
        more.forEach(r -> dropped.putIfAbsent(r, why));
      }
      if (moreSaid) {
        String why = lessSaid
            ? "because another recommendation, as well supported, puts money into " + name + "; the figures "
                + "contradict each other on it."
            : "because another recommendation (" + quoted(more) + ") says to put more money into " + name + ".";
        less.forEach(r -> dropped.putIfAbsent(r, why));
      }
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
