package org.engagement.benchmarks.attribution;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.markov.MarkovAnalysis;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.shapley.ShapleyModel;
import org.engagement.attribution.shapley.SimplifiedShapleyModel;

/**
 * A seeded, deterministic generator of customer journeys over {@value #CHANNEL_COUNT} marketing channels,
 * grouped by distinct path into a {@link JourneySet}.
 *
 * <p>The data is skewed the way real exports are: path lengths are 1 plus a geometric draw (mean about
 * 3 touches, under 1 % longer than 12, capped at {@value #MAX_LENGTH}); the first touch favours search,
 * social and display; later touches repeat the previous channel with probability {@value #STICKINESS}
 * and otherwise follow the channel preferences of later touches (more email and direct). Whether a
 * journey converts depends on its channels through a logistic model (email, paid search and direct
 * help, display and social mostly assist), so data-driven models have a signal to find. Conversion values
 * are log-normal around a mean that depends on the last channel, rounded to cents.
 *
 * <p>With the default seed, 1,000,000 journeys fall on 149,388 distinct paths (7.8 % convert). The same
 * seed and count always give the same set, path for path and in the same order.
 *
 * <p>{@link #issueShaped(long)} is the shape of the path file of issue 16 (the file the comparison with
 * ChannelAttribution was first measured on: 1,000,000 journeys on 155,948 distinct paths of up to 20 touches,
 * 12.4 MB): paths up to {@value #ISSUE_MAX_LENGTH} touches, a slightly longer mean length and shorter channel
 * names, with the same preferences and conversion model. With the default seed, 1,000,000 journeys fall on
 * 156,149 distinct paths, a path file of 12.3 MB.
 *
 * <p>Run {@code java -cp benchmarks.jar org.engagement.benchmarks.attribution.JourneyGenerator
 * [journeys] [seed]} to print the figures of a generated set and the conversions a few models credit to
 * each channel.
 */
public final class JourneyGenerator {
  /** Channels touched. */
  public static final int CHANNEL_COUNT = 8;
  /** The longest path generated. */
  public static final int MAX_LENGTH = 16;
  /** The probability that a touch after the first repeats the previous channel. */
  public static final double STICKINESS = 0.2;
  /** The seed the benchmarks use. */
  public static final long DEFAULT_SEED = 20_241_123L;
  /** The longest path of the {@linkplain #issueShaped(long) issue's shape}. */
  public static final int ISSUE_MAX_LENGTH = 20;

  /** The channel names, in the order of {@link #FIRST_WEIGHTS}. */
  static final String[] CHANNELS = {
      "paid-search", "organic-search", "display", "social-paid",
      "social-organic", "email", "direct", "affiliate"};
  /** The channel names of the issue's shape: shorter, as in the issue's file. */
  private static final String[] SHORT_CHANNELS = {
      "search", "organic", "display", "social", "community", "email", "direct", "partners"};
  /** Relative preference of each channel as the first touch. */
  private static final double[] FIRST_WEIGHTS = {0.22, 0.20, 0.16, 0.14, 0.10, 0.04, 0.08, 0.06};
  /** Relative preference of each channel for later touches (when not repeating the previous one). */
  private static final double[] LATER_WEIGHTS = {0.16, 0.12, 0.12, 0.10, 0.10, 0.18, 0.15, 0.07};
  /** Logit contribution of each channel appearing anywhere on the path. */
  private static final double[] PRESENCE_EFFECT = {0.45, 0.30, 0.05, 0.10, 0.05, 0.55, 0.20, 0.35};
  /** Extra logit contribution of each channel as the last touch. */
  private static final double[] LAST_EFFECT = {0.30, 0.15, -0.40, -0.20, -0.30, 0.40, 0.50, 0.20};
  /** Mean conversion value of each last channel, in currency units. */
  private static final double[] MEAN_VALUE = {80, 70, 60, 55, 50, 90, 75, 65};
  private static final double BASE_LOGIT = -3.6;
  /** Continuation probability of the geometric path length. */
  private static final double CONTINUE = 0.672;
  /** Continuation probability of the issue's shape. */
  private static final double ISSUE_CONTINUE = 0.679;

  private final long seed;
  private final int maxLength;
  private final double continuation;
  private final String[] names;

  private JourneyGenerator(long seed, int maxLength, double continuation, String[] names) {
    this.seed = seed;
    this.maxLength = maxLength;
    this.continuation = continuation;
    this.names = names;
  }

  /** A generator with seed {@code seed}. */
  public static JourneyGenerator withSeed(long seed) {
    return new JourneyGenerator(seed, MAX_LENGTH, CONTINUE, CHANNELS);
  }

  /**
   * A generator with seed {@code seed} of the issue's shape: paths of up to {@value #ISSUE_MAX_LENGTH}
   * touches, a mean length a little longer and shorter channel names, so that 1,000,000 journeys make a
   * path file of about the issue's size and distinct paths.
   */
  public static JourneyGenerator issueShaped(long seed) {
    return new JourneyGenerator(seed, ISSUE_MAX_LENGTH, ISSUE_CONTINUE, SHORT_CHANNELS);
  }

  /** The seed. */
  public long seed() {
    return seed;
  }

  /** The channel names of {@link #withSeed(long)}'s generators, in the order they are numbered. */
  public static List<String> channels() {
    return List.of(CHANNELS);
  }

  /**
   * Generates {@code journeys} journeys and groups them by distinct path (in order of first appearance).
   *
   * @param journeys how many journeys: at least 1
   * @throws IllegalArgumentException if {@code journeys} is less than 1
   */
  public JourneySet generate(int journeys) {
    if (journeys < 1) {
      throw new IllegalArgumentException("journeys must be at least 1, was " + journeys);
    }
    SplittableRandom random = new SplittableRandom(seed);
    double[] firstCumulative = cumulative(FIRST_WEIGHTS);
    double[] laterCumulative = cumulative(LATER_WEIGHTS);
    Map<PathKey, Counts> byPath = new LinkedHashMap<>();
    int[] path = new int[maxLength];
    for (int j = 0; j < journeys; j++) {
      int length = 1;
      while (length < maxLength && random.nextDouble() < continuation) {
        length++;
      }
      path[0] = draw(firstCumulative, random);
      for (int i = 1; i < length; i++) {
        path[i] = random.nextDouble() < STICKINESS ? path[i - 1] : draw(laterCumulative, random);
      }
      PathKey key = PathKey.of(path, length);
      int seen = 0;
      double logit = BASE_LOGIT + 0.08 * Math.min(length, 8);
      for (int i = 0; i < length; i++) {
        if ((seen & 1 << path[i]) == 0) {
          seen |= 1 << path[i];
          logit += PRESENCE_EFFECT[path[i]];
        }
      }
      int last = path[length - 1];
      logit += LAST_EFFECT[last];
      Counts counts = byPath.get(key);
      if (counts == null) {
        counts = new Counts(path, length, names);
        byPath.put(key, counts);
      }
      if (random.nextDouble() < 1 / (1 + Math.exp(-logit))) {
        double value = MEAN_VALUE[last] * Math.exp(0.5 * random.nextGaussian() - 0.125);
        counts.conversions++;
        counts.cents += Math.round(value * 100);
      } else {
        counts.nulls++;
      }
    }
    JourneySet.Builder builder = JourneySet.builder();
    for (Counts counts : byPath.values()) {
      builder.add(counts.names, (double) counts.conversions, counts.cents / 100.0, (double) counts.nulls);
    }
    return builder.build();
  }

  private static double[] cumulative(double[] weights) {
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    double[] cumulative = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i] / total;
      cumulative[i] = sum;
    }
    cumulative[weights.length - 1] = 1;
    return cumulative;
  }

  private static int draw(double[] cumulative, SplittableRandom random) {
    double u = random.nextDouble();
    int i = 0;
    while (u >= cumulative[i]) {
      i++;
    }
    return i;
  }

  /**
   * Prints the figures of a generated set (journeys, distinct paths, touches, conversions, value) and the
   * conversions credited to each channel by first touch, last touch, linear, Markov of order 1 and 3,
   * simplified and general Shapley, and the size of the Markov chains of order 1, 3 and 6.
   *
   * @param args optionally the number of journeys (default 1,000,000) and the seed
   */
  public static void main(String[] args) {
    int journeys = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    long start = System.nanoTime();
    JourneySet set = withSeed(seed).generate(journeys);
    long millis = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(Locale.ROOT,
        "%,d journeys, %,d distinct paths, %,d touches on distinct paths, %,.0f conversions (%.2f %%), "
            + "value %,.2f, generated in %,d ms%n",
        journeys, set.pathCount(), set.touchCount(), set.totalConversions(),
        100 * set.totalConversions() / journeys, set.totalValue(), millis);
    List<AttributionModel> models = List.of(HeuristicModel.firstTouch(), HeuristicModel.lastTouch(),
        HeuristicModel.linear(), MarkovModel.firstOrder(), MarkovModel.of(3, true),
        SimplifiedShapleyModel.create(), ShapleyModel.create());
    System.out.printf(Locale.ROOT, "%-16s", "conversions");
    for (AttributionModel model : models) {
      System.out.printf(Locale.ROOT, " %12s", model.name());
    }
    System.out.println();
    List<AttributionResult> results = new ArrayList<>();
    for (AttributionModel model : models) {
      results.add(model.attribute(set));
    }
    for (String channel : CHANNELS) {
      System.out.printf(Locale.ROOT, "%-16s", channel);
      for (AttributionResult result : results) {
        System.out.printf(Locale.ROOT, " %12.1f", result.conversions(channel));
      }
      System.out.println();
    }
    for (int order : new int[] {1, 3, 6}) {
      MarkovAnalysis analysis = MarkovModel.of(order, true).analyse(set);
      System.out.printf(Locale.ROOT, "markov order %d: %,d states, %,d transitions, %,d solver sweeps%n",
          order, analysis.chain().stateCount(), analysis.chain().transitionCount(), analysis.sweeps());
    }
  }

  /** Counts for one distinct path while generating. */
  private static final class Counts {
    final List<String> names;
    long conversions;
    long nulls;
    long cents;

    Counts(int[] path, int length, String[] names) {
      List<String> list = new ArrayList<>(length);
      for (int i = 0; i < length; i++) {
        list.add(names[path[i]]);
      }
      this.names = List.copyOf(list);
    }
  }

  /** A path as a map key: the channel numbers packed 3 bits each (at most 21 touches) and the length. */
  private record PathKey(long packed, int length) {
    static PathKey of(int[] path, int length) {
      long packed = 0;
      for (int i = 0; i < length; i++) {
        packed = packed << 3 | path[i];
      }
      return new PathKey(packed, length);
    }
  }
}
