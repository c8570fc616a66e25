package org.engagement.attribution.hazard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.RealVector;

/**
 * The score statistic of {@link AdditivityTest}: the wider model's terms (baseline, channels, frequent pairs),
 * their score and expected information at the additive fit, and the quadratic forms. Stateless.
 */
final class ScoreStatistic {
  /** An effect at most this is at its bound 0. */
  private static final double AT_ZERO = 1e-8;
  /** Eigenvalues of the unit-diagonal information below this fraction of the largest count as zero. */
  private static final double RANK_TOLERANCE = 1e-9;

  private ScoreStatistic() {}

  /**
   * The wider model's terms at the additive fit {@code h}: index 0 the baseline, {@code 1 + c} channel c, from
   * {@code 1 + channels} on the tested pairs ({@code pairColumn[a][b]}, -1 for a pair not tested); their score
   * and expected information.
   */
  static final class Terms {
    private final int channels;
    private final int[][] pairColumn;
    private final int pairs;
    private final double[] score;
    private final double[][] info;

    Terms(int channels, int[][] pairColumn, int pairs, double[] score, double[][] info) {
      this.channels = channels;
      this.pairColumn = pairColumn;
      this.pairs = pairs;
      this.score = score;
      this.info = info;
    }

    int[][] pairColumn() {
      return pairColumn;
    }

    int pairs() {
      return pairs;
    }

    double[] score() {
      return score;
    }

    double[][] info() {
      return info;
    }

    /** Whether term {@code j} is a parameter of the additive fit left free: the baseline or an effect above 0. */
    boolean nuisance(int j, double[] h) {
      return j == 0 || (j <= channels && h[j] > AT_ZERO);
    }
  }

  static Terms terms(ChannelSets sets, double[] h, int channels) {
    int[][] pairColumn = pairColumns(sets, channels);
    int pairs = 0;
    for (int[] row : pairColumn) {
      for (int column : row) {
        pairs = Math.max(pairs, column - channels);
      }
    }
    int terms = 1 + channels + pairs;
    double[] score = new double[terms];
    double[][] info = new double[terms][terms];
    for (int t = 0; t < sets.size(); t++) {
      double journeys = sets.converted(t) + sets.failed(t);
      if (!(journeys > 0)) {
        continue;
      }
      double odds = Math.expm1(sets.hazard(t, h));
      double residual = sets.converted(t) / odds - sets.failed(t);
      double weight = journeys / odds;
      int[] present = present(sets.members(t), pairColumn);
      for (int a : present) {
        score[a] += residual;
        for (int b : present) {
          info[a][b] += weight;
        }
      }
    }
    return new Terms(channels, pairColumn, pairs, score, info);
  }

  static AdditivityTest compute(ChannelSets sets, double[] h, int channels) {
    Terms wider = terms(sets, h, channels);
    int terms = wider.score().length;
    int pairs = wider.pairs();
    double[] score = wider.score();
    double[][] info = wider.info();
    List<Integer> nuisance = new ArrayList<>();
    List<Integer> all = new ArrayList<>();
    int atZero = 0;
    for (int j = 0; j < terms; j++) {
      if (!(info[j][j] > 0)) {
        continue;
      }
      all.add(j);
      if (wider.nuisance(j, h)) {
        nuisance.add(j);
      } else if (j <= channels) {
        atZero++;
      }
    }
    double[] full = quadraticForm(info, score, all);
    double[] restricted = quadraticForm(info, score, nuisance);
    return AdditivityTest.of(full[0] - restricted[0], (int) (full[1] - restricted[1]), pairs, atZero);
  }

  /**
   * The column of each tested pair {@code (a, b)}, {@code a < b}, at {@code [a][b]}, from {@code 1 + channels}
   * on in order of falling co-occurrence; -1 for a pair not tested.
   */
  private static int[][] pairColumns(ChannelSets sets, int channels) {
    double[][] together = new double[channels][channels];
    for (int t = 0; t < sets.size(); t++) {
      int[] members = sets.members(t);
      double journeys = sets.converted(t) + sets.failed(t);
      for (int i = 0; i < members.length; i++) {
        for (int j = i + 1; j < members.length; j++) {
          together[members[i]][members[j]] += journeys;
        }
      }
    }
    List<int[]> frequent = new ArrayList<>();
    for (int a = 0; a < channels; a++) {
      for (int b = a + 1; b < channels; b++) {
        if (together[a][b] >= AdditivityTest.MIN_PAIR_JOURNEYS) {
          frequent.add(new int[] {a, b});
        }
      }
    }
    frequent.sort(Comparator.comparingDouble((int[] pair) -> -together[pair[0]][pair[1]]));
    int[][] column = new int[channels][channels];
    for (int[] row : column) {
      Arrays.fill(row, -1);
    }
    for (int i = 0; i < Math.min(frequent.size(), AdditivityTest.MAX_PAIRS); i++) {
      column[frequent.get(i)[0]][frequent.get(i)[1]] = 1 + channels + i;
    }
    return column;
  }

  /** The terms present in a set with these members: the baseline, each member, each tested pair. */
  private static int[] present(int[] members, int[][] pairColumn) {
    int[] out = new int[1 + members.length + members.length * (members.length - 1) / 2];
    int n = 0;
    out[n++] = 0;
    for (int i = 0; i < members.length; i++) {
      out[n++] = 1 + members[i];
      for (int j = i + 1; j < members.length; j++) {
        int column = pairColumn[members[i]][members[j]];
        if (column >= 0) {
          out[n++] = column;
        }
      }
    }
    return Arrays.copyOf(out, n);
  }

  /**
   * {@code u'I⁺u} over the terms {@code columns} and the rank of that block of {@code I}, scaled to unit
   * diagonal; returned as {@code {value, rank}}.
   */
  private static double[] quadraticForm(double[][] info, double[] score, List<Integer> columns) {
    int m = columns.size();
    if (m == 0) {
      return new double[] {0, 0};
    }
    double[][] scaled = new double[m][m];
    double[] u = new double[m];
    for (int i = 0; i < m; i++) {
      int a = columns.get(i);
      u[i] = score[a] / Math.sqrt(info[a][a]);
      for (int j = 0; j < m; j++) {
        int b = columns.get(j);
        scaled[i][j] = info[a][b] / Math.sqrt(info[a][a] * info[b][b]);
      }
    }
    EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(new Array2DRowRealMatrix(scaled, false));
    double[] values = eigen.getEigenvalues();
    double largest = Arrays.stream(values).max().orElse(0);
    double form = 0;
    int rank = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] > RANK_TOLERANCE * largest) {
        RealVector v = eigen.getEigenvector(i);
        double projection = 0;
        for (int k = 0; k < m; k++) {
          projection += v.getEntry(k) * u[k];
        }
        form += projection * projection / values[i];
        rank++;
      }
    }
    return new double[] {form, rank};
  }
}
