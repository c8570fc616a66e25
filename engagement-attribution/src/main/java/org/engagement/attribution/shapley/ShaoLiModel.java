package org.engagement.attribution.shapley;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ParameterlessModel;
import org.engagement.attribution.journey.JourneySet;

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
 * Cost: {@code O(Σ_p |D_p|²)} time, memory for the pairs that occur.
 *
 * <p>Instances are immutable and thread-safe (the model has no state; each call allocates its own arrays).
 *
 * @since 0.1.0
 */
public final class ShaoLiModel extends ParameterlessModel {
  /** The name of the model. */
  public static final String NAME = "shao-li";

  private static final ShaoLiModel INSTANCE = new ShaoLiModel();

  private ShaoLiModel() {
    super(NAME);
  }

  /** The model (it has no parameters). */
  public static ShaoLiModel create() {
    return INSTANCE;
  }

  /**
   * The raw contributions {@code Σ_p conversions(p) · c_i(p)} by channel id, before clamping and scaling.
   */
  public double[] contributions(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    Rates rates = Rates.of(journeys);
    int n = journeys.channels().size();
    double[] raw = new double[n];
    int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    int[] distinct = new int[n];
    for (int p = 0; p < journeys.pathCount(); p++) {
      if (journeys.conversions(p) == 0) {
        continue;
      }
      int size = distinctChannels(journeys, p, stamp, distinct);
      for (int a = 0; a < size; a++) {
        int i = distinct[a];
        double interaction = 0;
        for (int b = 0; b < size; b++) {
          int j = distinct[b];
          if (j != i) {
            interaction += rates.pair(i, j) - rates.single(i) - rates.single(j);
          }
        }
        double c = rates.single(i) + (size > 1 ? interaction / (2.0 * (size - 1)) : 0);
        raw[i] += journeys.conversions(p) * c;
      }
    }
    return raw;
  }

  @Override
  public AttributionResult attribute(JourneySet journeys) {
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
    return AttributionResult.of(NAME, journeys.channels(), conv, value, journeys.totalConversions(),
        journeys.totalValue(), true);
  }

  private static AttributionResult relabel(JourneySet journeys, AttributionResult fallback) {
    int n = journeys.channels().size();
    double[] conv = new double[n];
    double[] value = new double[n];
    for (int c = 0; c < n; c++) {
      conv[c] = fallback.conversions(c);
      value[c] = fallback.value(c);
    }
    return AttributionResult.of(NAME, journeys.channels(), conv, value, journeys.totalConversions(),
        journeys.totalValue(), true);
  }

  private static double positivePart(double raw) {
    return raw > ShapleyModel.NOISE ? raw : 0;
  }

  /** Fills {@code out} with the distinct channels of path {@code p} and returns how many there are. */
  private static int distinctChannels(JourneySet journeys, int p, int[] stamp, int[] out) {
    int count = 0;
    for (int k = journeys.start(p); k < journeys.end(p); k++) {
      int ch = journeys.channelAt(k);
      if (stamp[ch] != p) {
        stamp[ch] = p;
        out[count++] = ch;
      }
    }
    return count;
  }

  /** Conversion rates of the journeys touching each channel and each co-occurring pair of channels. */
  private static final class Rates {
    private final double[] single;
    private final Map<Long, Double> pairs;
    private final int n;

    private Rates(double[] single, Map<Long, Double> pairs, int n) {
      this.single = single;
      this.pairs = pairs;
      this.n = n;
    }

    static Rates of(JourneySet journeys) {
      int n = journeys.channels().size();
      double[] converted = new double[n];
      double[] exposed = new double[n];
      Map<Long, double[]> pairCounts = new HashMap<>();
      int[] stamp = new int[n];
      Arrays.fill(stamp, -1);
      int[] distinct = new int[n];
      for (int p = 0; p < journeys.pathCount(); p++) {
        int size = distinctChannels(journeys, p, stamp, distinct);
        double c = journeys.conversions(p);
        double e = c + journeys.nulls(p);
        for (int a = 0; a < size; a++) {
          converted[distinct[a]] += c;
          exposed[distinct[a]] += e;
          for (int b = a + 1; b < size; b++) {
            double[] counts = pairCounts.computeIfAbsent(key(distinct[a], distinct[b], n), k -> new double[2]);
            counts[0] += c;
            counts[1] += e;
          }
        }
      }
      double[] single = new double[n];
      for (int i = 0; i < n; i++) {
        single[i] = exposed[i] > 0 ? converted[i] / exposed[i] : 0;
      }
      Map<Long, Double> pairs = new HashMap<>();
      pairCounts.forEach((k, counts) -> pairs.put(k, counts[1] > 0 ? counts[0] / counts[1] : 0));
      return new Rates(single, pairs, n);
    }

    private static long key(int i, int j, int n) {
      return (long) Math.min(i, j) * n + Math.max(i, j);
    }

    double single(int i) {
      return single[i];
    }

    double pair(int i, int j) {
      return pairs.getOrDefault(key(i, j, n), 0.0);
    }
  }
}
