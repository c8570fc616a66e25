package org.engagement.attribution.hazard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The hazard model of {@link AdditiveHazardModel} (no pairs) and its widening by {@link InteractionHazardModel}
 * (synergy pairs) on one set of distinct channel sets: the parameters
 * {@code θ} (index 0 the baseline, {@code 1 + c} channel {@code c}'s effect, {@code 1 + channels + i} pair
 * {@code i}'s synergy), the negative log-likelihood with its gradient and Hessian, its bounded fit and the
 * conversions each channel's removal loses.
 *
 * <p>Per set {@code t} with hazard {@code H_t} (the sum of its terms), {@code C_t} conversions and {@code F_t}
 * non-conversions, the loss is {@code −C_t log(1 − e^{−H_t}) + F_t H_t}: convex in {@code H_t}, hence in
 * {@code θ}; its derivative in {@code H_t} is {@code F_t − C_t / (e^{H_t} − 1)} and its second derivative
 * {@code C_t e^{−H_t} / (1 − e^{−H_t})²}, so the gradient and Hessian cost one pass over the sets.
 *
 * <p>Immutable after construction and thread-safe: each call works on its own arrays.
 */
final class WidenedHazards {
  /** The upper bound of each parameter: a hazard of 50 is a conversion probability of 1 to 22 digits. */
  static final double MAX_HAZARD = 50;
  /** The lower bound of the baseline, above 0 so that the log-likelihood of a set without channels is finite. */
  static final double MIN_BASELINE = 1e-9;

  private final ChannelSets sets;
  private final int channels;
  private final List<int[]> pairs;
  private final int[][] present;

  /**
   * The model on {@code sets} over {@code channels} channels with the synergy terms of {@code pairs}
   * ({@code {a, b}}, {@code a < b}, channel ids of the sets).
   */
  WidenedHazards(ChannelSets sets, int channels, List<int[]> pairs) {
    this.sets = sets;
    this.channels = channels;
    this.pairs = List.copyOf(pairs);
    this.present = new int[sets.size()][];
    for (int t = 0; t < sets.size(); t++) {
      present[t] = termsOf(sets.members(t));
    }
  }

  /** The number of parameters. */
  int dimension() {
    return 1 + channels + pairs.size();
  }

  private int[] termsOf(int[] members) {
    List<Integer> out = new ArrayList<>();
    out.add(0);
    Arrays.stream(members).forEach(c -> out.add(1 + c));
    for (int i = 0; i < pairs.size(); i++) {
      int[] pair = pairs.get(i);
      if (Arrays.binarySearch(members, pair[0]) >= 0 && Arrays.binarySearch(members, pair[1]) >= 0) {
        out.add(1 + channels + i);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The maximum-likelihood parameters under the bounds ({@code θ_0 ≥} {@value #MIN_BASELINE}, the others
   * {@code ≥ 0}, all {@code ≤} {@value #MAX_HAZARD}), by {@link BoundedNewton} from {@code start} (for the
   * widened model the additive fit padded with zeros, or an earlier fit of the same terms).
   */
  double[] fit(double[] start) {
    int dimension = dimension();
    double[] lower = new double[dimension];
    double[] upper = new double[dimension];
    Arrays.fill(upper, MAX_HAZARD);
    lower[0] = MIN_BASELINE;
    return BoundedNewton.minimise(objective(), Arrays.copyOf(start, dimension), lower, upper).point();
  }

  BoundedNewton.Objective objective() {
    return new BoundedNewton.Objective() {
      @Override
      public double value(double[] theta) {
        return negativeLogLikelihood(theta);
      }

      @Override
      public void derivatives(double[] theta, double[] gradient, double[][] hessian) {
        accumulate(theta, gradient, hessian);
      }
    };
  }

  private double hazard(int t, double[] theta, int without) {
    double sum = 0;
    for (int term : present[t]) {
      if (without < 0 || !involves(term, without)) {
        sum += theta[term];
      }
    }
    return Math.max(0, sum);
  }

  private boolean involves(int term, int channel) {
    if (term == 0) {
      return false;
    }
    if (term <= channels) {
      return term == 1 + channel;
    }
    int[] pair = pairs.get(term - 1 - channels);
    return pair[0] == channel || pair[1] == channel;
  }

  double negativeLogLikelihood(double[] theta) {
    double loss = 0;
    for (int t = 0; t < sets.size(); t++) {
      double hazard = hazard(t, theta, -1);
      if (sets.converted(t) > 0) {
        loss -= sets.converted(t) * Math.log(-Math.expm1(-Math.max(hazard, 1e-300)));
      }
      loss += sets.failed(t) * hazard;
    }
    return loss;
  }

  private void accumulate(double[] theta, double[] gradient, double[][] hessian) {
    for (int t = 0; t < sets.size(); t++) {
      double hazard = Math.max(hazard(t, theta, -1), 1e-300);
      double converted = sets.converted(t);
      double slope = sets.failed(t);
      double curvature = 0;
      if (converted > 0) {
        double lost = -Math.expm1(-hazard);
        slope -= converted * Math.exp(-hazard) / lost;
        curvature = converted * Math.exp(-hazard) / (lost * lost);
      }
      int[] terms = present[t];
      for (int a = 0; a < terms.length; a++) {
        gradient[terms[a]] += slope;
        for (int b = 0; b < terms.length; b++) {
          hessian[terms[a]][terms[b]] += curvature;
        }
      }
    }
  }

  /** Per channel: the fitted conversions lost on the sets that hold it if it (and its pairs) were removed. */
  double[] lostWithout(double[] theta) {
    double[] lost = new double[channels];
    for (int t = 0; t < sets.size(); t++) {
      double journeys = sets.converted(t) + sets.failed(t);
      double with = -Math.expm1(-hazard(t, theta, -1));
      for (int c : sets.members(t)) {
        lost[c] += journeys * (with + Math.expm1(-hazard(t, theta, c)));
      }
    }
    return lost;
  }
}
