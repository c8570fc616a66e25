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

  /**
   * The columns keep the grouping of all their customers once made (a bootstrap values the same buyers under 20
   * models): the same instance when asked again, grouping as a fresh one does; a range is grouped anew.
   */
  @Test
  void theColumnsKeepTheGroupingOfAllTheirCustomers() {
    CustomerColumns columns = CustomerColumns.from(Cdnow.summaries(), PeriodUnit.WEEK);
    for (boolean byRecency : new boolean[] {false, true}) {
      DistinctHistories kept = columns.distinct(0, columns.size(), byRecency);
      DistinctHistories fresh = DistinctHistories.of(columns, 0, columns.size(), byRecency);
      assertThat(columns.distinct(0, columns.size(), byRecency)).isSameAs(kept);
      assertThat(kept.size()).isEqualTo(fresh.size());
      for (int i = 0; i < columns.size(); i++) {
        assertThat(kept.groupOf(i)).isEqualTo(fresh.groupOf(i));
      }
      assertThat(columns.distinct(1, columns.size(), byRecency)).isNotSameAs(columns.distinct(1, columns.size(),
          byRecency));
    }
    assertThat(columns.distinct(0, columns.size(), true).size())
        .isGreaterThan(columns.distinct(0, columns.size(), false).size());
  }
}
