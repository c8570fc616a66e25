package org.engagement.attribution.shapley;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelLimitException;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The "simple probabilistic model" of Shao and Li (2011), in the form Dalessandro et al. (2012) relate to the
 * Shapley value of the exact-set conversion-rate game: a second-order truncation that only needs the
 * conversion rates of single channels and of pairs, so it never meets an unseen coalition. Named
 * {@value #NAME}.
 *
 * <p>With {@code P(y|i)} the conversion rate ({@code C / (C + N)}) of all journeys that touch channel
 * {@code i}, and {@code P(y|i,j)} that of all journeys touching both {@code i} and {@code j}, each converting
 * path {@code p} with distinct channels {@code D} gives channel {@code i ∈ D}
 * {@code c_i(p) = P(y|i) + 1/(2(|D|−1)) Σ_{j ∈ D∖{i}} (P(y|i,j) − P(y|i) − P(y|j))} (just {@code P(y|i)}
 * when {@code |D| = 1}), and the raw contribution of {@code i} is {@code Σ_p conversions(p) · c_i(p)}. This
 * is the per-path weighting of eeghor/mta (attribution reference, section 7, which gives its toy numbers);
 * the paper's own text was not available to check the weighting against.
 *
 * <p>Raw contributions are clamped at zero and scaled, as in {@link ShapleyModel}, so that the conversion
 * credits add up to {@link JourneySet#totalConversions()} and the value credits to
 * {@link JourneySet#totalValue()} (the same shares for both); a channel on no converting path gets nothing.
 * If no contribution is positive (no conversions), the credits are those of {@link SimplifiedShapleyModel}.
 * A set with conversions but no journey that did not convert is refused: every rate would be 1.
 *
 * <p><b>Bounded work.</b> The pair rates are gathered one channel at a time from the paths that hold it
 * (an index of paths by channel), so memory is linear in the touches of the set, whatever the number of
 * pairs. Time is {@code O(Σ_p |D_p|²)} over the distinct paths: quadratic in the distinct channels of a path,
 * so one journey through 100,000 distinct channels is 10^10 steps. That sum may be at most
 * {@linkplain #maxWork() max-work} (default {@value #DEFAULT_MAX_WORK}, a few seconds); a set that needs
 * more is refused before the work starts, with a {@link ModelLimitException} naming {@code max-work}.
 *
 * <p>Instances are immutable and thread-safe (each call allocates its own arrays).
 *
 * @since 0.1.0
 */
public final class ShaoLiModel implements AttributionModel {
  /** The name of the model. */
  public static final String NAME = "shao-li";
  /** The default work limit: {@code Σ_p |D_p|²} over the distinct paths. */
  public static final long DEFAULT_MAX_WORK = 1_000_000_000L;

  /**
   * The parameter {@code max-work}: the most channel-pair steps, {@code Σ_p |D_p|²} over the distinct paths,
   * at least 1, default {@value #DEFAULT_MAX_WORK}.
   */
  public static final ModelParameter<Long> MAX_WORK = ModelParameter.optional("max-work", ParameterType.integer(),
      DEFAULT_MAX_WORK, "the most channel-pair steps: the sum over distinct paths of their distinct channels squared")
      .withRule("must be a whole number of at least 1", n -> n >= 1);

  /** The parameters of the registry's factory. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(MAX_WORK);

  private static final ShaoLiModel INSTANCE = new ShaoLiModel(DEFAULT_MAX_WORK);

  private final long maxWork;

  private ShaoLiModel(long maxWork) {
    this.maxWork = maxWork;
  }

  /** The model with its default work limit. */
  public static ShaoLiModel create() {
    return INSTANCE;
  }

  /**
   * This model with another work limit.
   *
   * @throws InvalidFieldException if {@code maxWork} is below 1
   */
  public ShaoLiModel withMaxWork(long maxWork) {
    if (maxWork < 1) {
      throw new InvalidFieldException(MAX_WORK.name(), maxWork, MAX_WORK.rule());
    }
    return new ShaoLiModel(maxWork);
  }

  /** The model from resolved {@link #PARAMETERS}. */
  static ShaoLiModel fromParameters(ModelParameters parameters) {
    return create().withMaxWork(parameters.get(MAX_WORK));
  }

  /** The work limit: the most channel-pair steps {@code Σ_p |D_p|²}. */
  public long maxWork() {
    return maxWork;
  }

  @Override
  public String name() {
    return NAME;
  }

  /** Empty with the default work limit, else the limit. */
  @Override
  public ModelParameters parameters() {
    return maxWork == DEFAULT_MAX_WORK ? ModelParameters.none() : ModelParameters.none().with(MAX_WORK, maxWork);
  }

  /**
   * The raw contributions {@code Σ_p conversions(p) · c_i(p)} by channel id, before clamping and scaling.
   *
   * @throws ModelLimitException if the pairs of channels on the paths pass {@link #maxWork()}
   */
  public double[] contributions(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    PathsByChannel index = PathsByChannel.of(journeys);
    requireWork(index.pairWork(), journeys);
    int n = journeys.channels().size();
    double[] single = index.singleRates();
    double[] raw = new double[n];
    PairSums pairs = new PairSums(n);
    for (int i = 0; i < n; i++) {
      double ownTerm = 0;
      double othersTerm = 0;
      for (int k = index.start(i); k < index.end(i); k++) {
        int p = index.path(k);
        double c = journeys.conversions(p);
        int size = index.size(p);
        pairs.addPath(index, p, i, c, c + journeys.nulls(p), c > 0 && size > 1 ? c / (2.0 * (size - 1)) : 0);
        if (c > 0) {
          ownTerm += c;
        }
        if (c > 0 && size > 1) {
          double weight = c / (2.0 * (size - 1));
          othersTerm += weight * (-(size - 1) * single[i] - (index.singleRateSum(p) - single[i]));
        }
      }
      raw[i] = ownTerm * single[i] + othersTerm + pairs.weightedRates();
    }
    return raw;
  }

  private void requireWork(long needed, JourneySet journeys) {
    if (needed > maxWork) {
      throw new ModelLimitException(NAME, MAX_WORK.name(), maxWork, String.format(Locale.ROOT,
          "shao-li: the pairs of channels on the %,d distinct paths of this set (%,d channels) take %,d steps"
              + " (the sum over paths of their distinct channels squared), more than max-work (%,d); raise the"
              + " parameter max-work (a core makes roughly 10^8 steps a second), or choose shapley-simplified,"
              + " whose work is linear in the touches", journeys.pathCount(), journeys.channels().size(), needed,
          maxWork));
    }
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidFieldException if the journeys have conversions but none that did not convert (field
   *     {@code totalNulls}): every conversion rate is then 1
   * @throws ModelLimitException if the pairs of channels on the paths pass {@link #maxWork()}
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    RateGame.requireNonConversions(NAME, journeys);
    double[] raw = contributions(journeys);
    double positive = 0;
    for (double r : raw) {
      positive += positivePart(r);
    }
    if (!(positive > 0)) {
      return relabel(journeys, SimplifiedShapleyModel.create().attribute(journeys));
    }
    double[] conv = new double[raw.length];
    double[] value = new double[raw.length];
    for (int c = 0; c < raw.length; c++) {
      double share = positivePart(raw[c]) / positive;
      conv[c] = share * journeys.totalConversions();
      value[c] = share * journeys.totalValue();
    }
    return AttributionResult.of(NAME, journeys, conv, value, true);
  }

  private static AttributionResult relabel(JourneySet journeys, AttributionResult fallback) {
    int n = journeys.channels().size();
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int c = 0; c < n; c++) {
      conv[c] = fallback.conversions(c);
      value[c] = fallback.value(c);
    }
    return AttributionResult.of(NAME, journeys, conv, value, true);
  }

  private static double positivePart(double raw) {
    return raw > ShapleyModel.NOISE ? raw : 0;
  }

  @Override
  public String toString() {
    return parameters().isEmpty() ? NAME : NAME + parameters();
  }

  /**
   * For one channel {@code i} at a time: the conversions, exposures and path weights of the pairs
   * {@code (i, j)}, summed over the paths that hold {@code i} in dense arrays indexed by {@code j}, with
   * the list of {@code j}s touched so that resetting costs what filling did. Not thread-safe.
   */
  private static final class PairSums {
    private final double[] converted;
    private final double[] exposed;
    private final double[] weight;
    private final boolean[] seen;
    private final int[] touched;
    private int count;

    PairSums(int n) {
      converted = new double[n];
      exposed = new double[n];
      weight = new double[n];
      seen = new boolean[n];
      touched = new int[n];
    }

    /** Adds path {@code p}'s counts to the pairs of {@code i} with the path's other channels. */
    void addPath(PathsByChannel index, int p, int i, double c, double e, double w) {
      for (int m = index.memberStart(p); m < index.memberEnd(p); m++) {
        int j = index.member(m);
        if (j == i) {
          continue;
        }
        if (!seen[j]) {
          seen[j] = true;
          touched[count++] = j;
        }
        converted[j] += c;
        exposed[j] += e;
        weight[j] += w;
      }
    }

    /** {@code Σ_j P(y|i,j) · weight(i, j)} over the pairs gathered, and resets for the next channel. */
    double weightedRates() {
      double sum = 0;
      for (int k = 0; k < count; k++) {
        int j = touched[k];
        if (exposed[j] > 0) {
          sum += converted[j] / exposed[j] * weight[j];
        }
        converted[j] = 0;
        exposed[j] = 0;
        weight[j] = 0;
        seen[j] = false;
      }
      count = 0;
      return sum;
    }
  }

  /**
   * The distinct channels of each path (flat), and for each channel the paths that hold it (compressed
   * rows), with the single-channel conversion rates. Linear in the touches. Immutable after construction.
   */
  private static final class PathsByChannel {
    private final int[] memberOffsets;
    private final int[] members;
    private final int[] pathOffsets;
    private final int[] paths;
    private final double[] singleRates;
    private final double[] singleRateSums;

    private PathsByChannel(int[] memberOffsets, int[] members, int[] pathOffsets, int[] paths,
        double[] singleRates) {
      this.memberOffsets = memberOffsets;
      this.members = members;
      this.pathOffsets = pathOffsets;
      this.paths = paths;
      this.singleRates = singleRates;
      this.singleRateSums = new double[memberOffsets.length - 1];
      for (int p = 0; p < singleRateSums.length; p++) {
        for (int m = memberOffsets[p]; m < memberOffsets[p + 1]; m++) {
          singleRateSums[p] += singleRates[members[m]];
        }
      }
    }

    static PathsByChannel of(JourneySet journeys) {
      int n = journeys.channels().size();
      int pathCount = journeys.pathCount();
      int[] memberOffsets = new int[pathCount + 1];
      int[] members = new int[journeys.touchCount()];
      int[] stamp = new int[n];
      Arrays.fill(stamp, -1);
      int[] pathOffsets = new int[n + 1];
      double[] converted = new double[n];
      double[] exposed = new double[n];
      int size = 0;
      for (int p = 0; p < pathCount; p++) {
        double c = journeys.conversions(p);
        double e = c + journeys.nulls(p);
        for (int i = journeys.start(p); i < journeys.end(p); i++) {
          int ch = journeys.channelAt(i);
          if (stamp[ch] != p) {
            stamp[ch] = p;
            members[size++] = ch;
            pathOffsets[ch + 1]++;
            converted[ch] += c;
            exposed[ch] += e;
          }
        }
        memberOffsets[p + 1] = size;
      }
      for (int ch = 0; ch < n; ch++) {
        pathOffsets[ch + 1] += pathOffsets[ch];
      }
      int[] paths = new int[size];
      int[] fill = Arrays.copyOf(pathOffsets, n);
      for (int p = 0; p < pathCount; p++) {
        for (int m = memberOffsets[p]; m < memberOffsets[p + 1]; m++) {
          paths[fill[members[m]]++] = p;
        }
      }
      double[] single = new double[n];
      for (int ch = 0; ch < n; ch++) {
        single[ch] = exposed[ch] > 0 ? converted[ch] / exposed[ch] : 0;
      }
      return new PathsByChannel(memberOffsets, Arrays.copyOf(members, size), pathOffsets, paths, single);
    }

    /** {@code Σ_p |D_p|²}, saturating. */
    long pairWork() {
      long work = 0;
      for (int p = 0; p + 1 < memberOffsets.length; p++) {
        long size = size(p);
        work += size * size;
        if (work < 0) {
          return Long.MAX_VALUE;
        }
      }
      return work;
    }

    double[] singleRates() {
      return singleRates;
    }

    /** The sum of the single-channel rates of path {@code p}'s distinct channels. */
    double singleRateSum(int p) {
      return singleRateSums[p];
    }

    int start(int channel) {
      return pathOffsets[channel];
    }

    int end(int channel) {
      return pathOffsets[channel + 1];
    }

    int path(int k) {
      return paths[k];
    }

    int size(int p) {
      return memberOffsets[p + 1] - memberOffsets[p];
    }

    int memberStart(int p) {
      return memberOffsets[p];
    }

    int memberEnd(int p) {
      return memberOffsets[p + 1];
    }

    int member(int m) {
      return members[m];
    }
  }
}
