package org.engagement.attribution.hazard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.FirstTouches;
import org.engagement.attribution.journey.Journeys;
import org.jspecify.annotations.Nullable;

/**
 * What the additive hazard in exposure time ({@link ExposureHazardModel}) reads of timed journeys, in one pass
 * and without a figure per journey: the weeks at risk summed over the journeys for the baseline, each channel and
 * each synergy pair (a channel counts from its first touch, a pair from the later of its two first touches), and
 * the distinct sets of terms on at a conversion with how many conversions had each. A journey is at risk from its
 * first touch to its conversion or, if it did not convert, to its last touch, and at most its stratum's horizon
 * after its first touch (a conversion after the horizon is censored there; see {@link ExposureHazardModel}, "The
 * horizon"), which one pass over the converted journeys finds before the exposures are summed. Where customers have
 * journeys after
 * a purchase (journeys that count every purchase), those are a second stratum with hazards of their own (see
 * {@link ExposureHazardModel}, "Repeat purchases"); otherwise there is one. {@link #lostWithout} streams over the
 * journeys once more after the fit.
 *
 * <p>The negative log-likelihood {@code θ·totals − Σ_patterns count ln(θ·on)} is convex in the hazards
 * {@code θ} (per stratum: baseline, channels, pairs, per week), with the gradient and Hessian of
 * {@link #derivatives}.
 *
 * <p>Immutable after construction, so an instance may be shared; each call builds its own arrays.
 */
final class ExposureTimes implements BoundedNewton.Objective {
  private static final double WEEK_MILLIS = 7 * 86_400_000.0;
  private static final long DAY_MILLIS = 86_400_000L;

  private final Journeys timed;
  private final @Nullable FirstTouches firsts;
  private final int[] toSet;
  private final int channels;
  private final List<int[]> pairs;
  private final int strata;
  private final double[] totals;
  private final int[][] terms;
  private final double[] counts;
  private final long[] horizons;

  private ExposureTimes(Journeys timed, @Nullable FirstTouches firsts, int[] toSet, int channels, List<int[]> pairs,
      int strata, double[] totals, int[][] terms, double[] counts, long[] horizons) {
    this.timed = timed;
    this.firsts = firsts;
    this.toSet = toSet;
    this.channels = channels;
    this.pairs = pairs;
    this.strata = strata;
    this.totals = totals;
    this.terms = terms;
    this.counts = counts;
    this.horizons = horizons;
  }

  /**
   * The exposures of {@code timed} over the channels of {@code index} (matched by name: a merged or resampled
   * set's ids may differ from its timed journeys'), with the synergy {@code pairs} (channel ids of {@code index}).
   */
  static ExposureTimes of(Journeys timed, ChannelIndex index, List<int[]> pairs) {
    return of(timed, index, pairs, null);
  }

  /**
   * {@link #of(Journeys, ChannelIndex, List)}, bit for bit, with each journey's first and last touches taken from
   * {@code firsts} where they {@linkplain FirstTouches#covers cover} {@code timed} (a bootstrap's resamples of the
   * journeys they were read from): each pass then reads a few indexes per journey instead of its every touch.
   */
  static ExposureTimes of(Journeys timed, ChannelIndex index, List<int[]> pairs, @Nullable FirstTouches firsts) {
    FirstTouches read = firsts != null && firsts.covers(timed) ? firsts : null;
    int n = index.size();
    int[] toSet = new int[timed.channels().size()];
    for (int c = 0; c < toSet.length; c++) {
      toSet[c] = index.id(timed.channels().name(c)).orElse(-1);
    }
    int m = 1 + n + pairs.size();
    long[] horizons = horizons(timed, read, toSet, n);
    double[] totals = new double[2 * m];
    Patterns seen = new Patterns();
    double[] counts = new double[16];
    Scan scan = new Scan(n, read);
    Strata strata = new Strata(read);
    boolean repeats = false;
    int pattern = -1;
    int patternStratum = -1;
    for (int j = 0, copies = 1; j < timed.size(); j += copies) {
      copies = scan.copies(timed, j);
      int stratum = strata.of(timed, j);
      if (!scan.read(timed, j, toSet)) {
        continue;
      }
      scan.censorAt(horizons[stratum]);
      repeats |= stratum == 1;
      int o = stratum * m;
      add(totals, o, weeks(scan.stop - scan.from), copies);
      for (int i = 0; i < scan.touchedCount; i++) {
        int c = scan.touched[i];
        add(totals, o + 1 + c, weeks(scan.stop - scan.first[c]), copies);
      }
      for (int k = 0; k < pairs.size(); k++) {
        add(totals, o + 1 + n + k, weeks(scan.stop - scan.both(pairs.get(k))), copies);
      }
      if (scan.convertedInWindow) {
        // A copy of the journey just read (a resample's) has the pattern just found.
        if (!scan.repeated || stratum != patternStratum) {
          pattern = seen.indexOf(scan.key(stratum), scan.touchedCount + 1);
          patternStratum = stratum;
        }
        if (pattern == counts.length) {
          counts = Arrays.copyOf(counts, 2 * counts.length);
        }
        counts[pattern] += copies;
      }
    }
    int[][] terms = new int[seen.size()][];
    for (int p = 0; p < terms.length; p++) {
      terms[p] = termsOn(seen.key(p), n, pairs);
    }
    int used = repeats ? 2 : 1;
    return new ExposureTimes(timed, read, toSet, n, List.copyOf(pairs), used, Arrays.copyOf(totals, used * m), terms,
        Arrays.copyOf(counts, terms.length), horizons);
  }

  /**
   * Per stratum, how long after its first touch a journey is followed (see {@link ExposureHazardModel}, "The
   * horizon"): the end of the day in which the {@value ExposureHazardModel#HORIZON_QUANTILE} quantile of the
   * stratum's converted journeys' durations falls; {@link Long#MAX_VALUE} (no horizon) for a stratum without a
   * conversion. One pass over the converted journeys, counting durations by day (nothing per journey).
   */
  private static long[] horizons(Journeys timed, @Nullable FirstTouches firsts, int[] toSet, int n) {
    DayCounts[] days = {new DayCounts(), new DayCounts()};
    Scan scan = new Scan(n, firsts);
    Strata strata = new Strata(firsts);
    for (int j = 0, copies = 1; j < timed.size(); j += copies) {
      copies = scan.copies(timed, j);
      int stratum = strata.of(timed, j);
      if (timed.converted(j) && scan.read(timed, j, toSet)) {
        days[stratum].add(scan.stop - scan.from, copies);
      }
    }
    return new long[] {days[0].quantile(ExposureHazardModel.HORIZON_QUANTILE),
        days[1].quantile(ExposureHazardModel.HORIZON_QUANTILE)};
  }

  /** The terms on for a conversion whose channels touched by then are {@code on} (sorted): baseline, them, pairs. */
  private static int[] termsOn(int[] key, int n, List<int[]> pairs) {
    int o = key[0] * (1 + n + pairs.size());
    int[] on = Arrays.copyOfRange(key, 1, key.length);
    List<Integer> list = new ArrayList<>();
    list.add(o);
    for (int c : on) {
      list.add(o + 1 + c);
    }
    for (int k = 0; k < pairs.size(); k++) {
      if (Arrays.binarySearch(on, pairs.get(k)[0]) >= 0 && Arrays.binarySearch(on, pairs.get(k)[1]) >= 0) {
        list.add(o + 1 + n + k);
      }
    }
    return list.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Adds {@code x} to {@code sums[i]} {@code times} times, one at a time: the sum reading each copy of a journey
   * makes, bit for bit ({@code times * x} would round differently).
   */
  private static void add(double[] sums, int i, double x, int times) {
    for (int k = 0; k < times; k++) {
      sums[i] += x;
    }
  }

  private static double weeks(long millis) {
    return Math.max(0, millis) / WEEK_MILLIS;
  }

  /** How many hazards the fit has: per stratum the baseline, one per channel and one per pair. */
  int dimension() {
    return totals.length;
  }

  /**
   * The hazards {@code theta} by term: stratum, then the channel's name, the pair's two names or none for the
   * baseline ({@code index} the channels this instance was made over), so that another set's fit can start there.
   */
  Map<String, Double> named(double[] theta, ChannelIndex index) {
    String[] names = names(index);
    Map<String, Double> named = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      named.put(names[i], theta[i]);
    }
    return Map.copyOf(named);
  }

  /** A start for this fit: each term's hazard in {@code named} ({@link #named}), {@code otherwise} for a new one. */
  double[] start(Map<String, Double> named, ChannelIndex index, double otherwise) {
    String[] names = names(index);
    double[] start = new double[names.length];
    for (int i = 0; i < names.length; i++) {
      start[i] = named.getOrDefault(names[i], otherwise);
    }
    return start;
  }

  private String[] names(ChannelIndex index) {
    int m = 1 + channels + pairs.size();
    String[] names = new String[totals.length];
    for (int s = 0; s < strata; s++) {
      names[s * m] = s + "\u0000";
      for (int c = 0; c < channels; c++) {
        names[s * m + 1 + c] = s + "\u0000" + index.name(c);
      }
      for (int k = 0; k < pairs.size(); k++) {
        names[s * m + 1 + channels + k] = s + "\u0000" + index.name(pairs.get(k)[0]) + "\u0000"
            + index.name(pairs.get(k)[1]);
      }
    }
    return names;
  }

  /** Whether hazard {@code i} is a stratum's baseline. */
  boolean baseline(int i) {
    return i % (1 + channels + pairs.size()) == 0;
  }

  /** Conversions counted in the likelihood (those of journeys with a touch of a channel of the set). */
  double conversions() {
    return Arrays.stream(counts).sum();
  }

  @Override
  public double value(double[] theta) {
    double value = 0;
    for (int i = 0; i < totals.length; i++) {
      value += theta[i] * totals[i];
    }
    for (int p = 0; p < terms.length; p++) {
      double hazard = hazard(theta, terms[p]);
      if (!(hazard > 0)) {
        return Double.POSITIVE_INFINITY;
      }
      value -= counts[p] * Math.log(hazard);
    }
    return value;
  }

  @Override
  public void derivatives(double[] theta, double[] gradient, double[][] hessian) {
    System.arraycopy(totals, 0, gradient, 0, totals.length);
    for (int p = 0; p < terms.length; p++) {
      double hazard = hazard(theta, terms[p]);
      double first = counts[p] / hazard;
      double second = first / hazard;
      for (int a : terms[p]) {
        gradient[a] -= first;
        for (int b : terms[p]) {
          hessian[a][b] += second;
        }
      }
    }
  }

  private static double hazard(double[] theta, int[] on) {
    double hazard = 0;
    for (int i : on) {
      hazard += theta[i];
    }
    return hazard;
  }

  /**
   * Per channel, the conversions the hazards {@code theta} say would be lost without it (its own and its pairs'
   * terms removed), summed over the journeys that touched it: {@code Σ exp(−(Λ − Λ_c)) − exp(−Λ)}, {@code Λ}
   * the hazard integrated over a journey's time at risk and {@code Λ_c} the channel's part of it.
   */
  double[] lostWithout(double[] theta) {
    double[] lost = new double[channels];
    double[] loss = new double[channels];
    int lossOffset = -1;
    Scan scan = new Scan(channels, firsts);
    Strata strata = new Strata(firsts);
    int m = 1 + channels + pairs.size();
    for (int j = 0, copies = 1; j < timed.size(); j += copies) {
      copies = scan.copies(timed, j);
      int stratum = strata.of(timed, j);
      if (!scan.read(timed, j, toSet)) {
        continue;
      }
      int o = Math.min(stratum, this.strata - 1) * m;
      scan.censorAt(horizons[stratum]);
      if (!scan.repeated || o != lossOffset) {
        losses(theta, o, scan, loss);
        lossOffset = o;
      }
      for (int i = 0; i < scan.touchedCount; i++) {
        int c = scan.touched[i];
        if (scan.stop > scan.first[c]) {
          add(lost, c, loss[c], copies);
        }
      }
    }
    return lost;
  }

  /**
   * Per channel touched in the journey {@code scan} holds, the conversions lost without it under the hazards
   * {@code theta} of the stratum at {@code o}, into {@code loss} (read only where the channel touched before the
   * journey's stop).
   */
  private void losses(double[] theta, int o, Scan scan, double[] loss) {
    double total = theta[o] * weeks(scan.stop - scan.from);
    for (int i = 0; i < scan.touchedCount; i++) {
      int c = scan.touched[i];
      loss[c] = theta[o + 1 + c] * weeks(scan.stop - scan.first[c]);
      total += loss[c];
    }
    for (int k = 0; k < pairs.size(); k++) {
      int[] pair = pairs.get(k);
      double part = theta[o + 1 + channels + k] * weeks(scan.stop - scan.both(pair));
      if (part > 0) {
        total += part;
        loss[pair[0]] += part;
        loss[pair[1]] += part;
      }
    }
    double all = Math.exp(-total);
    for (int i = 0; i < scan.touchedCount; i++) {
      int c = scan.touched[i];
      loss[c] = Math.exp(-(total - loss[c])) - all;
    }
  }

  /**
   * Which stratum each journey is in, read in the journeys' order (a customer's journeys together, by end time):
   * 0 for a customer's first journey, 1 for one that ends after a converted journey of the same customer (a
   * journey after a purchase). Copies of one journey in a resample end at the same instant and stay in the
   * stratum of the first copy. Not thread-safe: one per pass.
   */
  private static final class Strata {
    private final @Nullable FirstTouches firsts;
    private String customer = "";
    private int number = -1;
    private long firstEnd;
    private boolean firstConverted;

    Strata(@Nullable FirstTouches firsts) {
      this.firsts = firsts;
    }

    int of(Journeys timed, int j) {
      long end = timed.endMillis(j);
      if (!sameCustomer(timed, j)) {
        firstEnd = end;
        firstConverted = timed.converted(j);
        return 0;
      }
      return firstConverted && end > firstEnd ? 1 : 0;
    }

    /** Whether journey {@code j} is the customer's of the journey before it (by number with first touches). */
    private boolean sameCustomer(Journeys timed, int j) {
      if (firsts != null) {
        int who = firsts.customer(firsts.indexOf(timed, j));
        boolean same = who == number;
        number = who;
        return same;
      }
      String id = timed.customerId(j);
      boolean same = id.equals(customer);
      customer = id;
      return same;
    }
  }

  /**
   * One journey read at a time: its first touch per channel, where its time at risk starts and stops. Reused
   * across journeys (only the channels touched are reset), so a pass allocates per channel, not per journey. A
   * journey stored as the one just read (a resample's copies of a journey come together) is not read again:
   * {@link #repeated} says so, and what was read, and what the pass derived from it, stands. With {@link
   * FirstTouches} of the journeys' columns, a journey's first touches are read from them, not from its touches.
   * Not thread-safe: one per pass.
   */
  private static final class Scan {
    private final @Nullable FirstTouches firsts;
    private final long[] first;
    private final int[] touched;
    private final int[] key;
    private int touchedCount;
    private long from;
    private long stop;
    /** Where the time at risk stops before {@link #censorAt}: the conversion, or the last touch. */
    private long uncensored;
    /** Whether the journey converted by its {@link #stop} (set by {@link #censorAt}). */
    private boolean convertedInWindow;
    /** Whether the last {@link #read} found the journey read before it again, and so read nothing. */
    private boolean repeated;
    private boolean readBefore;
    /** The journey read last: where its touches start, or with {@link FirstTouches} its index there. */
    private int start = -1;
    private int end = -1;
    private long endMillis;
    private boolean converted;

    Scan(int channels, @Nullable FirstTouches firsts) {
      this.firsts = firsts;
      first = new long[channels];
      touched = new int[channels];
      key = new int[channels + 1];
      Arrays.fill(first, Long.MAX_VALUE);
    }

    /**
     * Reads journey {@code j}; false when it has no touch of a channel of the set (nothing at risk). The touches
     * of one {@link Journeys} are one flat store, so a journey with touches at the same positions, ending at the
     * same instant the same way as the journey read last, is the same journey: it is not read again.
     */
    boolean read(Journeys timed, int j, int[] toSet) {
      if (firsts != null) {
        return readFirsts(timed, j, toSet, firsts);
      }
      int s = timed.start(j);
      int e = timed.end(j);
      long ends = timed.endMillis(j);
      boolean bought = timed.converted(j);
      repeated = s == start && e == end && e > s && ends == endMillis && bought == converted;
      if (repeated) {
        return readBefore;
      }
      start = s;
      end = e;
      endMillis = ends;
      converted = bought;
      readBefore = readTouches(timed, s, e, toSet);
      return readBefore;
    }

    private boolean readTouches(Journeys timed, int s, int e, int[] toSet) {
      clear();
      long last = Long.MIN_VALUE;
      from = Long.MAX_VALUE;
      for (int p = s; p < e; p++) {
        int c = toSet[timed.channelAt(p)];
        if (c < 0) {
          continue;
        }
        long at = timed.touchMillis(p);
        if (first[c] == Long.MAX_VALUE) {
          touched[touchedCount++] = c;
        }
        first[c] = Math.min(first[c], at);
        last = Math.max(last, at);
        from = Math.min(from, at);
      }
      stop = converted ? endMillis : last;
      uncensored = stop;
      return touchedCount > 0;
    }

    /**
     * {@link #read} from the journeys' first touches: the same journey read last (a copy in a resample) is the one
     * at the same index there; any other is read as {@link #readTouches} reads it, from its channels in the order
     * they first touch, each one's earliest instant and the latest of all. A journey with a channel the set lacks
     * is read from its touches after all (its other channels' touches alone set where it starts and stops).
     */
    private boolean readFirsts(Journeys timed, int j, int[] toSet, FirstTouches firsts) {
      int index = firsts.indexOf(timed, j);
      repeated = index == start;
      if (repeated) {
        return readBefore;
      }
      start = index;
      endMillis = timed.endMillis(j);
      converted = timed.converted(j);
      readBefore = readFirsts(index, toSet, firsts) || readTouches(timed, timed.start(j), timed.end(j), toSet);
      return readBefore;
    }

    /** Reads the journey at {@code index} of {@code firsts}; false, having read nothing, if the set lacks a channel. */
    private boolean readFirsts(int index, int[] toSet, FirstTouches firsts) {
      clear();
      from = Long.MAX_VALUE;
      for (int i = firsts.start(index); i < firsts.end(index); i++) {
        int c = toSet[firsts.channel(i)];
        if (c < 0) {
          return false;
        }
        long at = firsts.firstMillis(i);
        touched[touchedCount++] = c;
        first[c] = at;
        from = Math.min(from, at);
      }
      stop = converted ? endMillis : firsts.lastMillis(index);
      uncensored = stop;
      return touchedCount > 0;
    }

    /**
     * How many journeys from {@code j} on are copies of journey {@code j}, itself included: with {@link
     * FirstTouches}, the run of journeys at its index there (a resample's copies of a journey are adjacent), read
     * and added up once per run; else 1 ({@link #read} then finds a copy one journey at a time).
     */
    int copies(Journeys timed, int j) {
      if (firsts == null) {
        return 1;
      }
      int index = firsts.indexOf(timed, j);
      int k = 1;
      while (j + k < timed.size() && firsts.indexOf(timed, j + k) == index) {
        k++;
      }
      return k;
    }

    /** Forgets the journey read last (only the channels it touched are reset). */
    private void clear() {
      for (int i = 0; i < touchedCount; i++) {
        first[touched[i]] = Long.MAX_VALUE;
      }
      touchedCount = 0;
    }

    /**
     * Ends the journey read at most {@code horizon} milliseconds after its first touch ({@link Long#MAX_VALUE}:
     * none): {@link #stop} moves there, and a conversion after it is not one {@linkplain #convertedInWindow within
     * the window}.
     */
    void censorAt(long horizon) {
      boolean within = horizon == Long.MAX_VALUE || uncensored - from <= horizon;
      stop = within ? uncensored : from + horizon;
      convertedInWindow = converted && within;
    }

    /**
     * The key of a conversion's pattern, in the first {@code touchedCount + 1} entries of the array returned (owned
     * by this scan, overwritten by the next call): {@code stratum}, then the channels touched, ascending.
     */
    int[] key(int stratum) {
      key[0] = stratum;
      System.arraycopy(touched, 0, key, 1, touchedCount);
      Arrays.sort(key, 1, touchedCount + 1);
      return key;
    }

    /** When both channels of {@code pair} had touched, or {@link #stop} if one never did. */
    long both(int[] pair) {
      long at = Math.max(first[pair[0]], first[pair[1]]);
      return at == Long.MAX_VALUE ? stop : at;
    }
  }
  /** Durations counted by whole day, for a quantile without a figure per journey. Not thread-safe: one per pass. */
  private static final class DayCounts {
    private long[] counts = new long[64];
    private long total;

    void add(long millis, int times) {
      int day = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(0, millis) / DAY_MILLIS);
      if (day >= counts.length) {
        counts = Arrays.copyOf(counts, Math.max(2 * counts.length, day + 1));
      }
      counts[day] += times;
      total += times;
    }

    /** The end of the day in which the {@code q} quantile falls, in milliseconds; none without a duration. */
    long quantile(double q) {
      double need = q * total;
      long sum = 0;
      for (int day = 0; day < counts.length && total > 0; day++) {
        sum += counts[day];
        if (sum >= need) {
          return (day + 1L) * DAY_MILLIS;
        }
      }
      return Long.MAX_VALUE;
    }
  }

  /**
   * The distinct patterns of the conversions (a stratum and the channels touched, ascending), numbered in the
   * order first met; looked up from a scan's scratch key without making a key object per conversion (an
   * open-addressing table of pattern numbers, doubled when half full). Not thread-safe: one per pass.
   */
  private static final class Patterns {
    private final List<int[]> keys = new ArrayList<>();
    private int[] slots = new int[64];

    /** The number of the pattern in {@code key[0 .. length)}, numbered now if it is new (a copy kept). */
    int indexOf(int[] key, int length) {
      int mask = slots.length - 1;
      int slot = hash(key, length) & mask;
      while (slots[slot] != 0) {
        int[] known = keys.get(slots[slot] - 1);
        if (Arrays.equals(known, 0, known.length, key, 0, length)) {
          return slots[slot] - 1;
        }
        slot = (slot + 1) & mask;
      }
      keys.add(Arrays.copyOf(key, length));
      slots[slot] = keys.size();
      if (2 * keys.size() > slots.length) {
        grow();
      }
      return keys.size() - 1;
    }

    int size() {
      return keys.size();
    }

    int[] key(int pattern) {
      return keys.get(pattern);
    }

    private void grow() {
      slots = new int[2 * slots.length];
      int mask = slots.length - 1;
      for (int p = 0; p < keys.size(); p++) {
        int slot = hash(keys.get(p), keys.get(p).length) & mask;
        while (slots[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        slots[slot] = p + 1;
      }
    }

    private static int hash(int[] key, int length) {
      int hash = 1;
      for (int i = 0; i < length; i++) {
        hash = 31 * hash + key[i];
      }
      return hash ^ (hash >>> 16);
    }
  }
}
