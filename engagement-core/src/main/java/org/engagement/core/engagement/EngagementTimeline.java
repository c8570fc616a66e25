package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;

/**
 * Engagement time series: the score of each customer, or the mean score of a segment, at the end of
 * every day, week or month between two dates.
 *
 * <p>The periods run from the one that holds {@code from} to the one that holds {@code to}, with
 * boundaries at midnight in {@code zone}. The point of a period is the score at its end instant,
 * counting the interactions strictly before it: an interaction at exactly midnight belongs to the new
 * period. Interactions before {@code from} count, decayed; interactions after the last period are
 * ignored.
 *
 * <p>{@link #perCustomer} reads interactions in any order in one pass: each interaction's decayed
 * weight is added to the first period that ends after it, and each period then carries the previous
 * one forward, decayed over one period. Memory is one double per customer and period.
 *
 * <p>Immutable and thread-safe.
 *
 * @param scorer weighs and decays the interactions
 * @param granularity the length of each period
 * @param zone where the periods' midnights are
 * @param from a day in the first period
 * @param to a day in the last period: not before {@code from}, and at most {@value #MAX_PERIODS}
 *     periods from it, counting both
 * @since 0.1.0
 */
public record EngagementTimeline(
    EngagementScorer scorer, Granularity granularity, ZoneId zone, LocalDate from, LocalDate to) {
  /** The most periods a timeline may have. */
  public static final int MAX_PERIODS = 100_000;

  /**
   * Validates the timeline.
   *
   * @throws InvalidFieldException if {@code to} is before {@code from} or the timeline is too long
   */
  public EngagementTimeline {
    requireNonNull(scorer, "scorer");
    requireNonNull(granularity, "granularity");
    requireNonNull(zone, "zone");
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    if (to.isBefore(from)) {
      throw new InvalidFieldException("to", to, "must not be before from " + from);
    }
    if (granularity.periodsBetween(from, to) > MAX_PERIODS) {
      String unit = granularity.name().toLowerCase(Locale.ROOT);
      throw new InvalidFieldException(
          "to", to, "must be within " + MAX_PERIODS + " " + unit + " periods of from " + from);
    }
  }

  /** The first day of each period, oldest first. */
  public List<LocalDate> periodStarts() {
    List<LocalDate> starts = new ArrayList<>();
    LocalDate last = granularity.periodStart(to);
    LocalDate start = granularity.periodStart(from);
    while (!start.isAfter(last)) {
      starts.add(start);
      start = granularity.nextPeriodStart(start);
    }
    return starts;
  }

  /**
   * The series of every customer with an interaction before the end of the last period, read in one
   * pass in any order, as an unmodifiable map.
   */
  public Map<String, EngagementSeries> perCustomer(Iterable<Interaction> interactions) {
    List<LocalDate> starts = periodStarts();
    Instant[] ends = new Instant[starts.size()];
    for (int k = 0; k < ends.length; k++) {
      ends[k] = granularity.nextPeriodStart(starts.get(k)).atStartOfDay(zone).toInstant();
    }
    Decay decay = Decay.of(scorer.halfLife());
    Map<String, double[]> added = new HashMap<>();
    for (Interaction interaction : interactions) {
      Instant at = interaction.timestamp();
      int k = firstEndAfter(ends, at);
      if (k < ends.length) {
        double[] values = added.computeIfAbsent(interaction.customerId(), id -> new double[ends.length]);
        values[k] += scorer.weight(interaction) * decay.factor(at, ends[k]);
      }
    }
    Map<String, EngagementSeries> series = new HashMap<>(added.size() * 4 / 3 + 1);
    added.forEach((id, values) -> series.put(id, carryForward(starts, ends, values, decay)));
    return Collections.unmodifiableMap(series);
  }

  /**
   * The mean score per period of the members of {@code segment} among {@code profiles}, from the series
   * {@link #perCustomer} gave. A member without a series counts as 0; a segment without members has
   * score 0 in every period.
   *
   * @throws InvalidFieldException if a series has a different number of periods than this timeline
   */
  public EngagementSeries perSegment(
      Segment segment, Collection<CustomerProfile> profiles, Map<String, EngagementSeries> perCustomer) {
    requireNonNull(perCustomer, "perCustomer");
    return perSegment(segment, profiles, id -> Optional.ofNullable(perCustomer.get(id)));
  }

  /**
   * As {@link #perSegment(Segment, Collection, Map)}, with each member's series asked for by id when the
   * member is reached (in {@code profiles} order), so that the series of a large population need not be
   * held at once: {@code seriesOf} may compute it from the customer's interactions (the series {@link
   * #perCustomer} gives for them) and forget it.
   *
   * @throws InvalidFieldException if a series has a different number of periods than this timeline
   */
  public EngagementSeries perSegment(Segment segment, Collection<CustomerProfile> profiles,
      Function<String, Optional<EngagementSeries>> seriesOf) {
    requireNonNull(segment, "segment");
    requireNonNull(seriesOf, "seriesOf");
    List<LocalDate> starts = periodStarts();
    double[] sums = new double[starts.size()];
    int members = 0;
    for (CustomerProfile profile : profiles) {
      if (segment.test(profile)) {
        members++;
        Optional<EngagementSeries> found = requireNonNull(seriesOf.apply(profile.customer().id()), "series");
        if (found.isPresent()) {
          EngagementSeries own = found.get();
          if (own.points().size() != sums.length) {
            throw new InvalidFieldException(
                "perCustomer[" + profile.customer().id() + "]",
                own.points().size() + " periods",
                "must have this timeline's " + sums.length + " periods");
          }
          for (int k = 0; k < sums.length; k++) {
            sums[k] += own.points().get(k).score();
          }
        }
      }
    }
    List<EngagementPoint> points = new ArrayList<>(sums.length);
    for (int k = 0; k < sums.length; k++) {
      Instant end = granularity.nextPeriodStart(starts.get(k)).atStartOfDay(zone).toInstant();
      points.add(new EngagementPoint(starts.get(k), end, members == 0 ? 0 : sums[k] / members));
    }
    return new EngagementSeries(granularity, points);
  }

  /**
   * What {@link #perSegment(Segment, Collection, Function)} gives for each of {@code segments}, in one pass over
   * {@code profiles}: each member's scores are computed once from its interactions ({@code interactionsOf}, asked
   * once per customer in {@code profiles} order, empty for a customer without any) and added to every segment it is
   * a member of, as primitives (issue 16: a million customers in several segments no longer make a series of
   * objects per customer and segment). The sums are taken in the same order, so the means are equal to the bit.
   */
  public List<EngagementSeries> perSegments(List<Segment> segments, Collection<CustomerProfile> profiles,
      Function<String, ? extends Iterable<Interaction>> interactionsOf) {
    requireNonNull(segments, "segments");
    requireNonNull(profiles, "profiles");
    requireNonNull(interactionsOf, "interactionsOf");
    List<LocalDate> starts = periodStarts();
    Instant[] ends = new Instant[starts.size()];
    for (int k = 0; k < ends.length; k++) {
      ends[k] = granularity.nextPeriodStart(starts.get(k)).atStartOfDay(zone).toInstant();
    }
    Decay decay = Decay.of(scorer.halfLife());
    double[][] sums = new double[segments.size()][ends.length];
    int[] members = new int[segments.size()];
    double[] scores = new double[ends.length];
    boolean[] in = new boolean[segments.size()];
    for (CustomerProfile profile : profiles) {
      boolean any = false;
      for (int s = 0; s < in.length; s++) {
        in[s] = segments.get(s).test(profile);
        any |= in[s];
      }
      if (!any) {
        continue;
      }
      boolean scored = scores(requireNonNull(interactionsOf.apply(profile.customer().id()), "interactions"),
          ends, decay, scores);
      for (int s = 0; s < in.length; s++) {
        if (in[s]) {
          members[s]++;
          if (scored) {
            for (int k = 0; k < ends.length; k++) {
              sums[s][k] += scores[k];
            }
          }
        }
      }
    }
    List<EngagementSeries> out = new ArrayList<>(segments.size());
    for (int s = 0; s < sums.length; s++) {
      List<EngagementPoint> points = new ArrayList<>(ends.length);
      for (int k = 0; k < ends.length; k++) {
        points.add(new EngagementPoint(starts.get(k), ends[k], members[s] == 0 ? 0 : sums[s][k] / members[s]));
      }
      out.add(new EngagementSeries(granularity, points));
    }
    return List.copyOf(out);
  }

  /**
   * One customer's score at the end of each period into {@code scores}, as {@link #perCustomer} computes it;
   * false (and {@code scores} unspecified) if no interaction falls before the end of the last period, where
   * {@link #perCustomer} gives the customer no series.
   */
  private boolean scores(Iterable<Interaction> interactions, Instant[] ends, Decay decay, double[] scores) {
    Arrays.fill(scores, 0);
    boolean any = false;
    for (Interaction interaction : interactions) {
      Instant at = interaction.timestamp();
      int k = firstEndAfter(ends, at);
      if (k < ends.length) {
        scores[k] += scorer.weight(interaction) * decay.factor(at, ends[k]);
        any = true;
      }
    }
    for (int k = 0; k < ends.length; k++) {
      scores[k] = (k == 0 ? 0 : scores[k - 1] * decay.factor(ends[k - 1], ends[k])) + scores[k];
    }
    return any;
  }

  private EngagementSeries carryForward(
      List<LocalDate> starts, Instant[] ends, double[] added, Decay decay) {
    List<EngagementPoint> points = new ArrayList<>(ends.length);
    double score = 0;
    for (int k = 0; k < ends.length; k++) {
      score = (k == 0 ? 0 : score * decay.factor(ends[k - 1], ends[k])) + added[k];
      points.add(new EngagementPoint(starts.get(k), ends[k], score));
    }
    return new EngagementSeries(granularity, points);
  }

  private static int firstEndAfter(Instant[] ends, Instant at) {
    int found = Arrays.binarySearch(ends, at);
    return found >= 0 ? found + 1 : -found - 1;
  }
}
