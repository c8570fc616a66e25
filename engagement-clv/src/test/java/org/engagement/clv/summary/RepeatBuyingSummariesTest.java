package org.engagement.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** Small hand-worked examples. */
class RepeatBuyingSummariesTest {
  private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
  private static final LocalDate CAL_END = LocalDate.of(2024, 1, 29); // 28 days after Jan 1 = 4 weeks

  /*
   * Customer a: Jan 1 $10, Jan 8 $4 + $6 (same day, merged: $10), Jan 15 $20, Feb 5 $7 (holdout).
   *   Calibration days Jan 1, 8, 15 -> x = 3 - 1 = 2; t_x = 14 days / 7 = 2 weeks; T = 28 / 7 = 4 weeks;
   *   mean repeat spend = (10 + 20) / 2 = 15; holdout days = 1.
   *   RFM convention: frequency 3, mean spend (10 + 10 + 20) / 3 = 13.333...
   * Customer b: Jan 22 $5 only -> x = 0, t_x = 0, T = 7 / 7 = 1 week, spend 0 (RFM: 1, 5).
   * Customer c: first purchase Feb 2 (after the calibration end) -> not in the cohort.
   * A purchase of a on Mar 1 is after the observation end (Feb 29) and is ignored.
   */
  private static final List<Transaction> EXAMPLE = List.of(
      new Transaction("a", JAN_1.plusDays(7), 4),
      new Transaction("a", JAN_1, 10),
      new Transaction("b", LocalDate.of(2024, 1, 22), 5),
      new Transaction("a", JAN_1.plusDays(7), 6),
      new Transaction("a", JAN_1.plusDays(14), 20),
      new Transaction("c", LocalDate.of(2024, 2, 2), 9),
      new Transaction("a", LocalDate.of(2024, 2, 5), 7),
      new Transaction("a", LocalDate.of(2024, 3, 1), 100));

  private static final SummaryOptions OPTIONS =
      SummaryOptions.of(PeriodUnit.WEEK, CAL_END).withObservationEnd(LocalDate.of(2024, 2, 29));

  @Test
  void modelConvention() {
    assertThat(RepeatBuyingSummaries.summarize(EXAMPLE, OPTIONS)).containsExactly(
        new RepeatBuyingSummary("a", 2, 2.0, 4.0, 15.0, 1),
        new RepeatBuyingSummary("b", 0, 0.0, 1.0, 0.0, 0));
  }

  @Test
  void rfmConvention() {
    List<RepeatBuyingSummary> rows = RepeatBuyingSummaries.summarize(
        EXAMPLE, OPTIONS.withFirstPurchase(FirstPurchase.INCLUDED));
    assertThat(rows.get(0).frequency()).isEqualTo(3);
    assertThat(rows.get(0).meanSpend()).isCloseTo(40.0 / 3.0, within(1e-12));
    assertThat(rows.get(0).recency()).isEqualTo(2.0);
    assertThat(rows.get(1)).isEqualTo(new RepeatBuyingSummary("b", 1, 0.0, 1.0, 5.0, 0));
  }

  @Test
  void otherUnits() {
    // a: t_x = 14 days, T = 28 days; in months 14 / 30.4375 and 28 / 30.4375.
    RepeatBuyingSummary noHoldout =
        RepeatBuyingSummaries.summarize(EXAMPLE, OPTIONS.withObservationEnd(CAL_END)).get(0);
    assertThat(noHoldout.holdoutFrequency()).isZero();
    RepeatBuyingSummary inDays = RepeatBuyingSummaries.summarize(EXAMPLE,
        SummaryOptions.of(PeriodUnit.DAY, CAL_END)).get(0);
    assertThat(inDays.recency()).isEqualTo(14.0);
    assertThat(inDays.age()).isEqualTo(28.0);
    RepeatBuyingSummary inMonths = RepeatBuyingSummaries.summarize(EXAMPLE,
        SummaryOptions.of(PeriodUnit.MONTH, CAL_END)).get(0);
    assertThat(inMonths.recency()).isCloseTo(14 / 30.4375, within(1e-15));
    assertThat(inMonths.age()).isCloseTo(28 / 30.4375, within(1e-15));
  }

  @Test
  void periodUnits() {
    assertThat(PeriodUnit.WEEK.between(LocalDate.of(1997, 1, 1), LocalDate.of(1997, 9, 30)))
        .isEqualTo(272.0 / 7.0);
    assertThat(PeriodUnit.MONTH.days()).isEqualTo(30.4375);
    assertThat(PeriodUnit.WEEK.convert(52, PeriodUnit.DAY)).isEqualTo(364.0);
    assertThat(PeriodUnit.DAY.between(LocalDate.of(2024, 3, 1), LocalDate.of(2024, 2, 28))).isEqualTo(-2.0);
  }

  @Test
  void compression() {
    List<RepeatBuyingSummary> rows = List.of(
        new RepeatBuyingSummary("1", 0, 0, 5, 0, 0),
        new RepeatBuyingSummary("2", 1, 2, 5, 3, 1),
        new RepeatBuyingSummary("3", 0, 0, 5, 0, 2),
        new RepeatBuyingSummary("4", 0, 0, 4, 0, 0));
    assertThat(WeightedSummary.compress(rows)).containsExactly(
        new WeightedSummary(0, 0, 4, 1), new WeightedSummary(0, 0, 5, 2), new WeightedSummary(1, 2, 5, 1));
  }

  @Test
  void instantsUseTheUtcDay() {
    assertThat(Transaction.at("x", Instant.parse("2024-01-01T23:30:00Z"), 1).date()).isEqualTo(JAN_1);
  }

  @Test
  void readsWhitespaceSeparatedLines() throws IOException {
    List<Transaction> rows = CdnowSampleReader.read(new StringReader(
        " 00004 0001 19970101  2   29.33\r\n\r\n 00021 0002 19970118  3   63.34\r\n"));
    assertThat(rows).containsExactly(new Transaction("1", LocalDate.of(1997, 1, 1), 29.33),
        new Transaction("2", LocalDate.of(1997, 1, 18), 63.34));
    assertThatThrownBy(() -> CdnowSampleReader.read(new StringReader("1 2 19970101 1\n")))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("line 1");
    assertThatThrownBy(() -> CdnowSampleReader.read(new StringReader("1 2 19971301 1 2\n")))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("date");
  }

  @Test
  void validation() {
    assertThatThrownBy(() -> new Transaction(" ", JAN_1, 1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new Transaction("a", JAN_1, -1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new Transaction("a", JAN_1, Double.NaN))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new RepeatBuyingSummary("a", 1, 3, 2, 0, 0))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new WeightedSummary(0, 0, 1, 0)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> SummaryOptions.of(PeriodUnit.DAY, JAN_1).withObservationEnd(JAN_1.minusDays(1)))
        .isInstanceOf(InvalidFieldException.class);
  }
}
