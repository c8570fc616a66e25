package org.engagement.attribution.hazard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;
import org.hipparchus.special.Erf;

/**
 * The one-sided screen of {@link InteractionHazardModel}: per frequent pair of channels, the efficient score
 * statistic {@code z = (U_j − I_jη I_ηη⁺ U_η) / √(I_jj − I_jη I_ηη⁺ I_ηj)} of its term at the additive fit (η:
 * the baseline and the effects inside their bounds), asymptotically standard normal if the term is 0. A pair is
 * kept when {@code z} is above the one-sided Bonferroni critical value (synergy: the pair converts more than its
 * effects add to). Sub-additive pairs, which differences in intent between people produce, are not kept.
 * Stateless.
 */
final class InteractionScreen {
  /** Eigenvalues of the unit-diagonal nuisance information below this fraction of the largest count as zero. */
  private static final double RANK_TOLERANCE = 1e-9;
  /** A term whose information left after the nuisance is below this fraction of its own cannot be tested. */
  private static final double ALIASED = 1e-9;

  private InteractionScreen() {}

  /** The pairs kept at one-sided family-wise {@code level}, as {@code {a, b}} with {@code a < b}. */
  record Found(List<int[]> pairs) {
    boolean isEmpty() {
      return pairs.isEmpty();
    }
  }

  static Found screen(ChannelSets sets, double[] h, int channels, double level) {
    ScoreStatistic.Terms terms = ScoreStatistic.terms(sets, h, channels);
    double[][] info = terms.info();
    List<Integer> nuisance = new ArrayList<>();
    List<Integer> candidates = new ArrayList<>();
    for (int j = 0; j < info.length; j++) {
      if (info[j][j] > 0 && terms.nuisance(j, h)) {
        nuisance.add(j);
      } else if (info[j][j] > 0 && j > channels) {
        candidates.add(j);
      }
    }
    double[][] inverse = pseudoInverse(info, nuisance);
    double critical = candidates.isEmpty() ? Double.POSITIVE_INFINITY
        : Math.sqrt(2) * Erf.erfcInv(2 * level / candidates.size());
    List<int[]> pairs = new ArrayList<>();
    for (int j : candidates) {
      if (efficientZ(terms, nuisance, inverse, j) > critical) {
        pairs.add(pairOf(terms.pairColumn(), j));
      }
    }
    return new Found(List.copyOf(pairs));
  }

  private static double efficientZ(ScoreStatistic.Terms terms, List<Integer> nuisance, double[][] inverse, int j) {
    double[][] info = terms.info();
    double[] score = terms.score();
    int m = nuisance.size();
    double[] a = new double[m];
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        a[i] += inverse[i][k] * info[nuisance.get(k)][j];
      }
    }
    double u = score[j];
    double v = info[j][j];
    for (int i = 0; i < m; i++) {
      u -= a[i] * score[nuisance.get(i)];
      v -= a[i] * info[nuisance.get(i)][j];
    }
    return v > ALIASED * info[j][j] ? u / Math.sqrt(v) : 0;
  }

  /** The Moore-Penrose inverse of the block of {@code info} over {@code columns}, through its unit-diagonal form. */
  private static double[][] pseudoInverse(double[][] info, List<Integer> columns) {
    int m = columns.size();
    double[][] inverse = new double[m][m];
    if (m == 0) {
      return inverse;
    }
    double[] scale = new double[m];
    double[][] scaled = new double[m][m];
    for (int i = 0; i < m; i++) {
      scale[i] = Math.sqrt(info[columns.get(i)][columns.get(i)]);
    }
    for (int i = 0; i < m; i++) {
      for (int k = 0; k < m; k++) {
        scaled[i][k] = info[columns.get(i)][columns.get(k)] / (scale[i] * scale[k]);
      }
    }
    EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(scaled, false));
    double[] values = eigen.getEigenvalues();
    double largest = Arrays.stream(values).max().orElse(0);
    for (int e = 0; e < values.length; e++) {
      if (values[e] > RANK_TOLERANCE * largest) {
        RealVector v = eigen.getEigenvector(e);
        for (int i = 0; i < m; i++) {
          for (int k = 0; k < m; k++) {
            inverse[i][k] += v.getEntry(i) * v.getEntry(k) / values[e] / (scale[i] * scale[k]);
          }
        }
      }
    }
    return inverse;
  }

  private static int[] pairOf(int[][] pairColumn, int column) {
    for (int a = 0; a < pairColumn.length; a++) {
      for (int b = a + 1; b < pairColumn.length; b++) {
        if (pairColumn[a][b] == column) {
          return new int[] {a, b};
        }
      }
    }
    throw new IllegalStateException("no pair has column " + column);
  }
}
