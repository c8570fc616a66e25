package org.engagement.attribution.interval;

import static java.util.Objects.requireNonNull;

import com.google.common.math.Quantiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyResampler;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Seeded bootstrap percentile intervals for any model's credits.
 *
 * <h2>What is resampled</h2>
 * <ul>
 *   <li>A journey set with {@linkplain JourneySet#timed() timed journeys} (made from interactions): the
 *       <em>customers</em>, drawn with replacement as many times as there are customers, each bringing all
 *       their journeys ({@link JourneyResampler}, which makes the resample without copying a journey). This keeps a customer's journeys together, so the
 *       intervals account for customers who convert repeatedly, and time-aware models run on every resample.
 *   <li>A set of paths only (a path file, where customers are not known): the <em>journeys</em>, by a Poisson
 *       bootstrap of the path counts: each path's converting and non-converting journeys are redrawn as
 *       Poisson counts with the observed counts as means (value scaled with the conversions,
 *       {@link JourneySet#withCounts}). Conditional on the total it is the multinomial bootstrap; it costs one
 *       draw per path and outcome however many journeys there are, works with fractional counts, and is the
 *       usual large-data bootstrap (Hanley and MacGibbon 2006; Chamandy et al. 2012).
 * </ul>
 *
 * <h2>The intervals</h2>
 * The model's {@linkplain AttributionModel#forResamplesOf resample form} (for a model with a costly fit, the
 * fit warm-started from the whole input's) is run on every resample; for each channel the lower and upper {@code (1 − level)/2} percentiles
 * (linear interpolation, the level rounded to 1/10,000) of its conversion credits, its share of the resample's
 * conversions, and its value credits form the intervals; the point values are the model's credits on the whole
 * input. Resample {@code r} draws from its own generator, seeded from {@link #seed()} in order; a model with
 * data of its own to draw (experiments it is calibrated with) draws them for resample {@code r} from a second
 * seed of its own ({@link AttributionModel#forResample}), from the same sequence after the resamples' seeds, so
 * a model without such data sees the same resamples either way. The resamples run in parallel; the result
 * depends only on the input, the model, the resamples and the seed. A
 * resample on which the model refuses (an {@link IllegalArgumentException}, for example a rate game on a
 * resample without non-conversions) is left out and counted in the notes.
 *
 * <p>Work is {@link #resamples()} runs of the model: with the default 200 resamples, 200 times the model's own
 * time, spread over the cores (less for a model whose resample form starts from the whole input's fit). The
 * {@code recommended} model's resample form is the model it chooses on the whole input: its rule's validation
 * runs once, and could otherwise choose differently on each resample.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class BootstrapIntervals {
  /** The default number of resamples. */
  public static final int DEFAULT_RESAMPLES = 200;
  /** The default nominal coverage. */
  public static final double DEFAULT_LEVEL = 0.95;
  private static final int SCALE = 10_000;

  private final int resamples;
  private final long seed;
  private final double level;

  private BootstrapIntervals(int resamples, long seed, double level) {
    this.resamples = resamples;
    this.seed = seed;
    this.level = level;
  }

  /**
   * Intervals from {@code resamples} resamples seeded with {@code seed}, at the level 0.95.
   *
   * @throws InvalidFieldException if {@code resamples} is not from 2 to 100,000
   */
  public static BootstrapIntervals of(int resamples, long seed) {
    if (resamples < 2 || resamples > 100_000) {
      throw new InvalidFieldException("resamples", resamples, "must be from 2 to 100000");
    }
    return new BootstrapIntervals(resamples, seed, DEFAULT_LEVEL);
  }

  /**
   * These intervals at another nominal coverage.
   *
   * @throws InvalidFieldException if {@code level} is not in {@code (0, 1)}
   */
  public BootstrapIntervals withLevel(double level) {
    if (!(level > 0 && level < 1)) {
      throw new InvalidFieldException("level", level, "must be greater than 0 and less than 1");
    }
    return new BootstrapIntervals(resamples, seed, level);
  }

  /** The number of resamples. */
  public int resamples() {
    return resamples;
  }

  /** The seed of the resampling. */
  public long seed() {
    return seed;
  }

  /** The nominal coverage. */
  public double level() {
    return level;
  }

  /**
   * The credits of {@code model} on {@code journeys} with their intervals.
   *
   * @throws IllegalArgumentException if the model refuses the whole input, or every resample
   */
  public CreditIntervals compute(AttributionModel model, JourneySet journeys) {
    requireNonNull(model, "model");
    requireNonNull(journeys, "journeys");
    AttributionResult point = model.attribute(journeys);
    AttributionModel resampled = model.forResamplesOf(journeys);
    List<String> names = journeys.channels().names();
    Resampler resampler = journeys.timed().isPresent() ? new CustomerResampler(journeys)
        : new PathResampler(journeys);
    SplittableRandom root = new SplittableRandom(seed);
    long[] seeds = seeds(root);
    long[] drawSeeds = seeds(root);
    double[][] conv = new double[names.size()][resamples];
    double[][] share = new double[names.size()][resamples];
    double[][] value = new double[names.size()][resamples];
    boolean[] answered = new boolean[resamples];
    AtomicInteger refused = new AtomicInteger();
    IntStream.range(0, resamples).parallel().forEach(r -> {
      AttributionResult result;
      try {
        result = resampled.forResample(drawSeeds[r]).attribute(resampler.resample(seeds[r]));
      } catch (IllegalArgumentException e) {
        refused.incrementAndGet();
        return;
      }
      answered[r] = true;
      Map<String, Double> byName = result.conversionsByChannel();
      Map<String, Double> valueByName = result.valueByChannel();
      double total = result.totalConversions();
      for (int c = 0; c < names.size(); c++) {
        double credit = byName.getOrDefault(names.get(c), 0.0);
        conv[c][r] = credit;
        share[c][r] = total > 0 ? credit / total : 0;
        value[c][r] = valueByName.getOrDefault(names.get(c), 0.0);
      }
    });
    int used = resamples - refused.get();
    if (used < 2) {
      throw new InvalidFieldException("resamples", resamples, "must leave at least 2 on which " + model.name()
          + " answers; it refused " + refused.get());
    }
    return intervals(point, names, answered, used, conv, share, value, resampler.unit(), refused.get());
  }

  /** {@link #resamples()} seeds from {@code root}, in order. */
  private long[] seeds(SplittableRandom root) {
    long[] seeds = new long[resamples];
    for (int r = 0; r < resamples; r++) {
      seeds[r] = root.nextLong();
    }
    return seeds;
  }

  private CreditIntervals intervals(AttributionResult point, List<String> names, boolean[] answered, int used,
      double[][] conv, double[][] share, double[][] value, String unit, int refused) {
    int low = (int) Math.round((1 - level) / 2 * SCALE);
    int high = SCALE - low;
    List<CreditInterval> channels = new ArrayList<>(names.size());
    double total = point.totalConversions();
    for (int c = 0; c < names.size(); c++) {
      double[] cs = kept(conv[c], answered, used);
      double[] ss = kept(share[c], answered, used);
      double[] vs = kept(value[c], answered, used);
      double credit = point.conversions(names.get(c));
      channels.add(new CreditInterval(names.get(c), credit, percentile(cs, low), percentile(cs, high),
          total > 0 ? credit / total : 0, percentile(ss, low), percentile(ss, high), point.value(names.get(c)),
          percentile(vs, low), percentile(vs, high)));
    }
    List<String> notes = new ArrayList<>(point.notes());
    notes.add(String.format(Locale.ROOT, "intervals: %.4g%% bootstrap percentile intervals from %d resamples of"
        + " the %s (seed %d); they show sampling noise of %s's answer, not whether it is causally right",
        level * 100, used, unit, seed, point.model()));
    if (refused > 0) {
      notes.add("intervals: " + point.model() + " refused " + refused + " of " + resamples + " resamples; the"
          + " intervals use the others");
    }
    return new CreditIntervals(point.model(), level, used, seed, unit, channels, notes);
  }

  /** The {@code index}-th quantile on the scale of {@value #SCALE}, interpolated linearly. */
  private static double percentile(double[] draws, int index) {
    return Quantiles.scale(SCALE).index(index).compute(draws);
  }

  private static double[] kept(double[] draws, boolean[] answered, int used) {
    double[] kept = new double[used];
    int k = 0;
    for (int r = 0; r < draws.length; r++) {
      if (answered[r]) {
        kept[k++] = draws[r];
      }
    }
    return kept;
  }

  @Override
  public String toString() {
    return "BootstrapIntervals[resamples=" + resamples + ", seed=" + seed + ", level=" + level + "]";
  }

  /** Draws one resample of the input from a seed. Implementations are immutable and thread-safe. */
  private interface Resampler {
    JourneySet resample(long seed);

    String unit();
  }

  /**
   * Customers with replacement, each with all their journeys: as many draws as there are customers, each customer
   * equally likely (the multinomial counts of the customers), the resample made without copying a journey.
   */
  private static final class CustomerResampler implements Resampler {
    private final JourneyResampler journeys;

    CustomerResampler(JourneySet journeys) {
      this.journeys = JourneyResampler.of(journeys);
    }

    @Override
    public JourneySet resample(long seed) {
      SplittableRandom random = new SplittableRandom(seed);
      int customers = journeys.customers();
      int[] draws = new int[customers];
      for (int k = 0; k < customers; k++) {
        draws[random.nextInt(customers)]++;
      }
      return journeys.resample(draws);
    }

    @Override
    public String unit() {
      return "customers";
    }
  }

  /** The Poisson bootstrap of the path counts. */
  private static final class PathResampler implements Resampler {
    private final JourneySet journeys;

    PathResampler(JourneySet journeys) {
      this.journeys = journeys;
    }

    @Override
    public JourneySet resample(long seed) {
      RandomDataGenerator random = new RandomDataGenerator(seed);
      int paths = journeys.pathCount();
      double[] conv = new double[paths];
      double[] value = new double[paths];
      double[] nulls = new double[paths];
      for (int p = 0; p < paths; p++) {
        double c = journeys.conversions(p);
        if (c > 0) {
          conv[p] = random.nextPoisson(c);
          value[p] = journeys.value(p) * conv[p] / c;
        }
        if (journeys.nulls(p) > 0) {
          nulls[p] = random.nextPoisson(journeys.nulls(p));
        }
      }
      return journeys.withCounts(conv, value, nulls);
    }

    @Override
    public String unit() {
      return "journeys";
    }
  }
}
