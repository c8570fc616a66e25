package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import com.google.common.math.Quantiles;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.journey.JourneyResampler;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;

/**
 * The segments' part of one customer bootstrap ({@link RoiBootstrap#withSegments}): handed each resample of
 * everyone's journeys that the channels' bootstrap draws ({@link #observe}), it reads how many times each customer
 * was drawn, takes every segment's members that many times ({@link JourneyResampler} on the segment's own journeys,
 * no journey copied) and keeps the purchase value the segment's model credits on it; {@link #intervals} turns those
 * into each segment's intervals. So the segments ride on the resamples the channels' intervals are drawn from, no
 * resample is drawn twice, and two segments' ROIs on one resample are paired for their difference.
 *
 * <p>Thread-safe: {@link #observe} runs on the bootstrap's workers at once (each resample's figures are added to a
 * synchronised list, whose order does not matter: percentiles do not depend on it).
 */
final class SegmentBootstrap {
  private static final int SCALE = 10_000;
  /** How far {@link #drawn} looks for the next drawn customer by identity before it compares by value. */
  private static final int IDENTITY_STEPS = 8;

  private final String[] customers;
  private final int[] journeysOf;
  private final List<Tier> tiers;
  private final List<String> notes;
  private final List<double[]> credited = Collections.synchronizedList(new ArrayList<>());

  private SegmentBootstrap(String[] customers, int[] journeysOf, List<Tier> tiers, List<String> notes) {
    this.customers = customers;
    this.journeysOf = journeysOf;
    this.tiers = tiers;
    this.notes = notes;
  }

  /**
   * The segments of {@code results} (each segment's report) among {@code everyone}'s journeys ({@code journeysOf}
   * gives each segment's, timed: a view of everyone's), each credited by {@code model}'s resample form. A segment whose report has no
   * investment, or whose model credited no purchase value, has no interval, and a note says why.
   */
  static SegmentBootstrap of(Journeys everyone, Map<String, RoiResult> results, Function<String, JourneySet> journeysOf,
      AttributionModel model) {
    List<String> ids = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (int j = 0; j < everyone.size(); j++) {
      String id = everyone.customerId(j);
      if (ids.isEmpty() || !ids.get(ids.size() - 1).equals(id)) {
        ids.add(id);
        counts.add(0);
      }
      counts.set(counts.size() - 1, counts.get(counts.size() - 1) + 1);
    }
    String[] customers = ids.toArray(String[]::new);
    List<Tier> tiers = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    results.forEach((name, result) -> {
      Optional<String> none = why(result);
      if (none.isPresent()) {
        notes.add("intervals: none for segment " + name + ": " + none.get());
        return;
      }
      JourneySet own = journeysOf.apply(name);
      Journeys timed = own.timed().orElseThrow();
      tiers.add(new Tier(name, result, JourneyResampler.of(own), positions(customers, timed),
          model.forResamplesOf(own)));
    });
    return new SegmentBootstrap(customers, counts.stream().mapToInt(Integer::intValue).toArray(), tiers, notes);
  }

  /** No segment to resample, with {@code notes} saying why (none when no segment was asked for). */
  static SegmentBootstrap none(List<String> notes) {
    return new SegmentBootstrap(new String[0], new int[0], List.of(), List.copyOf(notes));
  }

  /** Why {@code result} can have no interval: no investment, or no purchase value credited; empty if it can. */
  private static Optional<String> why(RoiResult result) {
    RoiLine total = result.report().total();
    if (!(total.cost().amount().doubleValue() > 0) || total.roi().isEmpty()) {
      return Optional.of("it has no investment, so no ROI");
    }
    if (!(result.attribution().measured().totalValue() > 0)) {
      return Optional.of("its model credited no purchase value (no buyer among its journeys), so there is nothing to"
          + " resample");
    }
    return Optional.empty();
  }

  /** Each of {@code own}'s customers' position among {@code customers} (both in the journeys' order). */
  private static int[] positions(String[] customers, Journeys own) {
    int[] at = new int[own.size()];
    int customer = -1;
    int next = 0;
    for (int j = 0; j < own.size(); j++) {
      String id = own.customerId(j);
      if (customer < 0 || !customers[at[customer]].equals(id)) {
        next = indexOf(customers, next, id);
        at[++customer] = next;
      }
    }
    return Arrays.copyOf(at, customer + 1);
  }

  /**
   * The position of {@code id} in {@code customers} at or after {@code from}, by a merge step (journeys come by
   * customer, in one order); by binary search from the start if the merge passes it (journeys out of that order).
   */
  private static int indexOf(String[] customers, int from, String id) {
    int at = from;
    while (at < customers.length && !customers[at].equals(id)) {
      if (customers[at].compareTo(id) > 0) {
        at = customers.length;
      } else {
        at++;
      }
    }
    if (at < customers.length) {
      return at;
    }
    int found = Arrays.binarySearch(customers, id);
    if (found < 0) {
      throw new IllegalStateException("customer " + id + " of a segment's journeys is not among everyone's");
    }
    return found;
  }

  /**
   * Keeps what each segment's model credits on its members in {@code resample}, a resample of everyone's customers
   * (each drawn customer's journeys taken as often as the customer was drawn, in the journeys' order); a segment on
   * whose resample the model refuses (an {@link IllegalArgumentException}) counts as not answered there.
   */
  void observe(JourneySet resample) {
    int[] drawn = drawn(resample.timed().orElseThrow());
    double[] values = new double[tiers.size()];
    for (int t = 0; t < values.length; t++) {
      Tier tier = tiers.get(t);
      int[] copies = new int[tier.customers().length];
      for (int k = 0; k < copies.length; k++) {
        copies[k] = drawn[tier.customers()[k]];
      }
      try {
        values[t] = tier.model().attribute(tier.resampler().resample(copies)).totalValue();
      } catch (IllegalArgumentException e) {
        values[t] = Double.NaN;
      }
    }
    credited.add(values);
  }

  /**
   * How many times each of everyone's customers was drawn into {@code resample}: its journeys there / its own. The
   * resample shares everyone's columns, so its ids are everyone's very strings: a few steps by identity find the next
   * drawn customer (about a third of the customers are not drawn), and a comparison by value, the merge, is the
   * fallback (it was a fifth of the segments' cost at 500,000 customers).
   */
  @SuppressWarnings("ReferenceEquality") // identity first, by value when it fails: see above
  private int[] drawn(Journeys resample) {
    int[] journeys = new int[customers.length];
    int at = 0;
    for (int j = 0; j < resample.size(); j++) {
      String id = resample.customerId(j);
      if (customers[at] != id) {
        at = next(at, id);
      }
      journeys[at]++;
    }
    for (int k = 0; k < journeys.length; k++) {
      journeys[k] /= journeysOf[k];
    }
    return journeys;
  }

  /** Whether any segment can have an interval, so that the resamples are worth observing. */
  boolean observes() {
    return !tiers.isEmpty();
  }

  /** The position of {@code id} after {@code at}: by identity within a few steps, else by the merge. */
  @SuppressWarnings("ReferenceEquality") // a fast path; the merge compares by value
  private int next(int at, String id) {
    int end = Math.min(customers.length, at + IDENTITY_STEPS);
    for (int k = at + 1; k < end; k++) {
      if (customers[k] == id) {
        return k;
      }
    }
    return indexOf(customers, at, id);
  }

  /** The notes of the segments without an interval, and of those whose model refused resamples. */
  List<String> notes() {
    List<String> all = new ArrayList<>(notes);
    for (int t = 0; t < tiers.size(); t++) {
      int refused = refused(t);
      if (refused > 0) {
        all.add("intervals: segment " + tiers.get(t).name() + "'s model refused " + refused + " of "
            + credited.size() + " resamples; its interval uses the others");
      }
    }
    return all;
  }

  /**
   * Each segment's interval at {@code level} from the resamples observed, in the segments' order, with its
   * difference from the segment of highest ROI (that one's from the runner-up); a segment on fewer than two
   * answered resamples has none.
   */
  List<SegmentRoiInterval> intervals(double level) {
    int low = (int) Math.round((1 - level) / 2 * SCALE);
    int high = SCALE - low;
    List<double[]> draws = List.copyOf(credited);
    List<Integer> shown = new ArrayList<>();
    List<double[]> rois = new ArrayList<>();
    for (int t = 0; t < tiers.size(); t++) {
      double[] roi = rois(tiers.get(t), draws, t);
      rois.add(roi);
      if (Arrays.stream(roi).filter(Double::isFinite).count() >= 2) {
        shown.add(t);
      }
    }
    List<Integer> ranked = shown.stream().sorted(Comparator.comparingDouble((Integer t) -> roi(tiers.get(t)))
        .reversed()).toList();
    List<SegmentRoiInterval> intervals = new ArrayList<>();
    for (int t : shown) {
      Tier tier = tiers.get(t);
      RoiLine total = tier.result().report().total();
      double revenue = attributed(total);
      double point = tier.result().attribution().measured().totalValue();
      double[] ratios = finite(Arrays.stream(draws.stream().mapToDouble(d -> d[t]).toArray()).map(v -> v / point)
          .toArray());
      int versus = ranked.size() < 2 ? -1 : ranked.get(0) == t ? ranked.get(1) : ranked.get(0);
      Optional<RoiDifference> difference = versus < 0 ? Optional.empty()
          : difference(tiers.get(versus).name(), roi(tier) - roi(tiers.get(versus)), rois.get(t), rois.get(versus),
              low, high);
      double[] roi = finite(rois.get(t));
      intervals.add(new SegmentRoiInterval(tier.name(), total.cost().amount().doubleValue(), revenue,
          revenue * percentile(ratios, low), revenue * percentile(ratios, high), roi(tier), percentile(roi, low),
          percentile(roi, high), difference));
    }
    return intervals;
  }

  /**
   * The segment's ROI on each resample (NaN where its model refused): its credited purchase value relative to the
   * point's scales the attributed revenue and the self-reported influence, the other rewards and the cost held.
   */
  private static double[] rois(Tier tier, List<double[]> draws, int t) {
    RoiLine total = tier.result().report().total();
    double point = tier.result().attribution().measured().totalValue();
    double moving = attributed(total) + total.reward(RewardComponent.SELF_REPORTED_INFLUENCE).orElse(0);
    double spent = total.cost().amount().doubleValue();
    double[] rois = new double[draws.size()];
    for (int r = 0; r < rois.length; r++) {
      double change = moving * (draws.get(r)[t] / point - 1);
      rois[r] = (total.margin() * (total.totalReward() + change) - spent) / spent;
    }
    return rois;
  }

  /** The difference's interval over the resamples where both segments answered; empty on fewer than two. */
  private static Optional<RoiDifference> difference(String versus, double point, double[] own, double[] other,
      int low, int high) {
    double[] differences = finite(IntStream.range(0, own.length).mapToDouble(r -> own[r] - other[r])
        .toArray());
    return differences.length < 2 ? Optional.empty() : Optional.of(new RoiDifference(versus, point,
        percentile(differences, low), percentile(differences, high)));
  }

  private int refused(int t) {
    synchronized (credited) {
      return (int) credited.stream().filter(d -> Double.isNaN(d[t])).count();
    }
  }

  private static double attributed(RoiLine total) {
    return total.reward(RewardComponent.ATTRIBUTED_REVENUE).orElse(0);
  }

  private static double roi(Tier tier) {
    return tier.result().report().total().roi().orElseThrow();
  }

  private static double[] finite(double[] draws) {
    return Arrays.stream(draws).filter(Double::isFinite).toArray();
  }

  /** The {@code index}-th quantile on the scale of {@value #SCALE}, interpolated linearly, as the channels'. */
  private static double percentile(double[] draws, int index) {
    return Quantiles.scale(SCALE).index(index).compute(draws);
  }

  /**
   * One segment: its report, a resampler of its journeys, each of its customers' position among everyone's, and its
   * model's resample form.
   */
  @SuppressWarnings("ArrayRecordComponent") // private, never compared or hashed; the array is never changed
  private record Tier(String name, RoiResult result, JourneyResampler resampler, int[] customers,
      AttributionModel model) {
    Tier {
      requireNonNull(name, "name");
    }
  }
}
