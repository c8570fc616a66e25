package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummary;
import org.junit.jupiter.api.Test;

class DistinctHistoriesTest {

  /** CDNOW's 2,357 customers have as many distinct histories as WeightedSummary.compress finds rows. */
  @Test
  void groupsExactlyTheIdenticalHistories() {
    List<RepeatBuyingSummary> customers = Cdnow.summaries();
    CustomerColumns columns = CustomerColumns.from(customers, PeriodUnit.WEEK);
    DistinctHistories distinct = DistinctHistories.of(columns, 0, columns.size());
    assertThat(distinct.size()).isEqualTo(WeightedSummary.compress(customers).size());
    Set<Integer> representatives = new HashSet<>();
    for (int i = 0; i < columns.size(); i++) {
      int k = distinct.customerOf(distinct.groupOf(i));
      representatives.add(k);
      assertThat(columns.frequency(k)).isEqualTo(columns.frequency(i));
      assertThat(columns.recency(k)).isEqualTo(columns.recency(i));
      assertThat(columns.age(k)).isEqualTo(columns.age(i));
    }
    assertThat(representatives).hasSize(distinct.size());
  }

  @Test
  void aRangeIsGroupedOnItsOwn() {
    CustomerColumns columns = CustomerColumns.of(PeriodUnit.WEEK, new int[] {1, 1, 0, 1, 1},
        new double[] {2, 2, 0, 2, 3}, new double[] {5, 5, 5, 5, 5});
    DistinctHistories distinct = DistinctHistories.of(columns, 1, 5);
    assertThat(distinct.size()).isEqualTo(3);
    assertThat(distinct.groupOf(1)).isEqualTo(distinct.groupOf(3)).isNotEqualTo(distinct.groupOf(4));
    assertThat(distinct.customerOf(distinct.groupOf(3))).isEqualTo(1);
    assertThat(distinct.groupOf(2)).isNotEqualTo(distinct.groupOf(1));
  }
}
