package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.engagement.clv.summary.WeightedSummary;
import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The likelihood takes {@code ln(alpha + t)} once per distinct time (a few hundred among the rows of a large
 * population) instead of twice per row: the same operation on the same operands, so the log-likelihood is bit for bit
 * FHL's eq. 6 computed row by row, as it was before (and as {@link BgNbdModelTest} checks against the paper).
 */
class BgNbdLikelihoodTest {
  private static final double[][] POINTS = {{0.243, 4.414, 0.793, 2.426}, {1, 1, 1, 1}, {0.05, 80, 3.5, 0.2},
      {12, 0.3, 0.9, 40}};

  @Test
  void distinctTimesGiveTheRowByRowSumBitForBit() {
    List<WeightedSummary> rows = WeightedSummary.compress(CdnowFixtures.summary());
    CompressedHistories data = new CompressedHistories(rows);
    assertThat(data.distinctTimes.length).as("distinct times among %d rows", rows.size()).isLessThan(rows.size());
    for (boolean modified : new boolean[] {false, true}) {
      BgNbdLikelihood likelihood = new BgNbdLikelihood(data, modified);
      for (double[] p : POINTS) {
        assertThat(likelihood.at(p)).isEqualTo(rowByRow(rows, p, modified ? 1 : 0));
      }
    }
  }

  /** Eq. 6 per row, as the likelihood summed it before the times were shared. */
  private static double rowByRow(List<WeightedSummary> rows, double[] p, int shift) {
    double r = p[0];
    double alpha = p[1];
    double a = p[2];
    double b = p[3];
    double common0 = r * Math.log(alpha) - Gamma.logGamma(r) - Beta.logBeta(a, b);
    double sum = 0;
    for (WeightedSummary row : rows) {
      int x = row.frequency();
      double common = common0 + Gamma.logGamma(r + x);
      double logA = common + Beta.logBeta(a, b + x + shift);
      double logB = x + shift > 0 ? common + Beta.logBeta(a + 1, b + x + shift - 1) : Double.NEGATIVE_INFINITY;
      double power = r + x;
      double first = logA - power * Math.log(alpha + row.age());
      double second = logB - power * Math.log(alpha + row.recency());
      sum += row.weight() * BgNbdLikelihood.logSumExp(first, second);
    }
    return sum;
  }
}
