package org.engagement.core.value.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class RfmScoresTest {

  /**
   * Ten distinct values: score = 1 + floor(5 * b / 10) with b = how many are below, so b = 0, 1 give 1;
   * 2, 3 give 2; 4, 5 give 3; 6, 7 give 4; 8, 9 give 5.
   */
  @Test
  void distinctValuesFallIntoEvenQuintiles() {
    assertThat(RfmScores.quintiles(new double[] {10, 20, 30, 40, 50, 60, 70, 80, 90, 100}))
        .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    assertThat(RfmScores.quintiles(new double[] {100, 10, 55})).containsExactly(4, 1, 2);
  }

  /**
   * Ties share the score of their lowest member. Values 1, 1, 1, 1, 1, 1, 2, 2, 3, 4 (n = 10): the six
   * 1s have b = 0, score 1; the 2s have b = 6, 1 + floor(30/10) = 4; 3 has b = 8, score 5; 4 has b = 9,
   * 1 + floor(45/10) = 5.
   */
  @Test
  void equalValuesGetEqualScores() {
    assertThat(RfmScores.quintiles(new double[] {1, 1, 1, 1, 1, 1, 2, 2, 3, 4}))
        .containsExactly(1, 1, 1, 1, 1, 1, 4, 4, 5, 5);
    assertThat(RfmScores.quintiles(new double[] {7, 7, 7})).containsExactly(1, 1, 1);
    assertThat(RfmScores.quintiles(new double[0])).isEmpty();
  }

  /**
   * Five customers, worked by hand (n = 5, so the score is 1 + b with b the number strictly worse):
   *
   * <pre>
   * customer  recency days  frequency  monetary |  R  F  M  segment
   * 0          1            9           500     |  5  5  5  Champions            (R 5, F 4-5)
   * 1          3            1            20     |  4  1  2  Promising            (R 4, F 1)
   * 2         40            4           300     |  3  4  4  Loyal Customers      (R 3-4, F 4-5)
   * 3         90            2            40     |  2  3  3  At Risk              (R 1-2, F 3-4)
   * 4        400            1            10     |  1  1  1  Lost                 (R 1, F 1)
   * </pre>
   *
   * Recency: fewer days is better, so 1 day beats all 4 others (b = 4, R = 5) and 400 days beats none.
   * Frequency: the two 1s tie with b = 0 (F = 1); 2 has b = 2 (F = 3); 4 has b = 3; 9 has b = 4.
   */
  @Test
  void handWorkedScoresAndSegments() {
    RfmScores scores = RfmScores.of(
        new long[] {1, 3, 40, 90, 400}, new long[] {9, 1, 4, 2, 1}, new double[] {500, 20, 300, 40, 10});
    assertThat(scores.size()).isEqualTo(5);
    assertThat(scores.score(0)).isEqualTo(new RfmScore(5, 5, 5));
    assertThat(scores.score(1)).isEqualTo(new RfmScore(4, 1, 2));
    assertThat(scores.score(2)).isEqualTo(new RfmScore(3, 4, 4));
    assertThat(scores.score(3)).isEqualTo(new RfmScore(2, 3, 3));
    assertThat(scores.score(4)).isEqualTo(new RfmScore(1, 1, 1));
    assertThat(scores.score(2).code()).isEqualTo(344);
    assertThat(scores.segment(0)).isEqualTo(RfmSegment.CHAMPIONS);
    assertThat(scores.segment(1)).isEqualTo(RfmSegment.PROMISING);
    assertThat(scores.segment(2)).isEqualTo(RfmSegment.LOYAL_CUSTOMERS);
    assertThat(scores.segment(3)).isEqualTo(RfmSegment.AT_RISK);
    assertThat(scores.segment(4)).isEqualTo(RfmSegment.LOST);
    assertThat(scores.segmentCounts()).hasSize(11)
        .containsEntry(RfmSegment.CHAMPIONS, 1).containsEntry(RfmSegment.LOST, 1)
        .containsEntry(RfmSegment.HIBERNATING, 0);
  }

  @Test
  void rejectsBadInput() {
    assertThatThrownBy(() -> RfmScores.of(new long[] {1}, new long[] {1, 2}, new double[] {1}))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("as many elements");
    assertThatThrownBy(() -> RfmScores.of(new long[] {-1}, new long[] {1}, new double[] {1}))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("recencyDays[0] '-1'");
    assertThatThrownBy(() -> RfmScores.of(new long[] {1}, new long[] {0}, new double[] {1}))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("frequency[0] '0'");
    assertThatThrownBy(() -> RfmScores.of(new long[] {1}, new long[] {1}, new double[] {Double.NaN}))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new RfmScore(0, 1, 1)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("recency '0' is invalid: must be between 1 and 5");
  }

  @Test
  void noCustomersGiveEmptyCounts() {
    RfmScores scores = RfmScores.of(new long[0], new long[0], new double[0]);
    assertThat(scores.size()).isZero();
    assertThat(scores.segmentCounts().values()).containsOnly(0);
  }
}
