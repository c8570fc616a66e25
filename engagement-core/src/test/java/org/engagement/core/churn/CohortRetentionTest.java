package org.engagement.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class CohortRetentionTest {
  private static final ActivityHistory HISTORY = ActivityHistory.of(ChurnFixture.INTERACTIONS);

  @Test
  void retentionMatrixWorkedByHand() {
    // First activity: ann, bob in January; cat in February; dan in March; eve in May (after April: left out).
    // January (2): Jan {ann, bob} 2/2; Feb {ann} 1/2; Mar {} 0; Apr {} 0.
    // February (1): Feb {cat} 1; Mar {cat} 1; Apr 0.
    // March (1): Mar {dan} 1; Apr 0.
    CohortRetention matrix = CohortRetention.of(HISTORY, ZoneOffset.UTC, YearMonth.of(2024, 4));
    assertThat(matrix.cohorts()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 2), YearMonth.of(2024, 3));
    assertThat(matrix.cohortSize(0)).isEqualTo(2);
    assertThat(matrix.activeCount(0, 1)).isEqualTo(1);
    assertThat(matrix.matrix()).isDeepEqualTo(new double[][] {
        {1, 0.5, 0, 0},
        {1, 1, 0},
        {1, 0}});
  }

  @Test
  void acquisitionByFirstPurchase() {
    // Purchases only: ann 5 Jan, cat 25 Mar. January (ann): 1, then 0, 0. March (cat): 1.
    ActivityHistory purchases = ActivityHistory.of(ChurnFixture.INTERACTIONS, i -> i.type() == InteractionType.PURCHASE);
    CohortRetention matrix = CohortRetention.of(purchases, ZoneOffset.UTC, YearMonth.of(2024, 3));
    assertThat(matrix.cohorts()).containsExactly(YearMonth.of(2024, 1), YearMonth.of(2024, 3));
    assertThat(matrix.matrix()).isDeepEqualTo(new double[][] {{1, 0, 0}, {1}});
  }

  @Test
  void laterActivityIsIgnoredAndEmptyHistoryHasNoRows() {
    // Through January: only the January cohort, one column.
    CohortRetention january = CohortRetention.of(HISTORY, ZoneOffset.UTC, YearMonth.of(2024, 1));
    assertThat(january.matrix()).isDeepEqualTo(new double[][] {{1}});
    assertThat(CohortRetention.of(ActivityHistory.empty(), ZoneOffset.UTC, YearMonth.of(2024, 1)).cohorts()).isEmpty();
  }

  @Test
  void outOfRangeCellsAreRefused() {
    CohortRetention matrix = CohortRetention.of(HISTORY, ZoneOffset.UTC, YearMonth.of(2024, 4));
    assertThatThrownBy(() -> matrix.retention(2, 2)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("monthsSince '2' is invalid: must be between 0 and 1 for row 2");
    assertThatThrownBy(() -> matrix.cohortSize(3)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void historiesMergeIntoTheHistoryOfTheUnion() {
    List<Interaction> all = ChurnFixture.INTERACTIONS;
    ActivityHistory merged = ActivityHistory.of(all.subList(0, 3)).merge(ActivityHistory.of(all.subList(2, all.size())));
    for (String id : HISTORY.customers()) {
      assertThat(merged.activity(id)).isEqualTo(HISTORY.activity(id));
    }
    assertThat(merged.customers()).isEqualTo(HISTORY.customers());
  }
}
