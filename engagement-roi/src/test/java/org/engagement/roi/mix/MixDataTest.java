package org.engagement.roi.mix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.junit.jupiter.api.Test;

class MixDataTest {
  private static final LocalDate START = LocalDate.of(2024, 1, 1);
  private static final Currency EUR = Currency.getInstance("EUR");

  private static MixData.Builder weeks(int count) {
    MixData.Builder builder = MixData.builder();
    for (int t = 0; t < count; t++) {
      builder.outcome(START.plusWeeks(t), 100 + t);
    }
    return builder;
  }

  @Test
  void spendRowsAddUpAndMissingPeriodsSpendNothing() {
    MixData data = weeks(30).spend(START, "tv", 5).spend(START, "tv", 7).spend(START.plusWeeks(2), "radio", 1)
        .build();
    assertThat(data.channels()).containsExactly("radio", "tv");
    assertThat(data.spend("tv")[0]).isEqualTo(12);
    assertThat(data.spend("tv")[1]).isZero();
    assertThat(data.totalSpend("radio")).isEqualTo(1);
  }

  @Test
  void badSeriesAreRefusedWithTheFieldNamed() {
    assertThatThrownBy(() -> weeks(10).spend(START, "tv", 1).build()).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("periods");
    assertThatThrownBy(() -> weeks(30).spend(START.minusWeeks(1), "tv", 1).build())
        .hasMessageContaining("must have an outcome");
    assertThatThrownBy(() -> weeks(30).spend(START, "tv", -1)).hasMessageContaining("spend");
    assertThatThrownBy(() -> weeks(30).outcome(START, 1)).hasMessageContaining("one outcome");
    assertThatThrownBy(() -> weeks(30).spend(START, "tv", 0).build()).hasMessageContaining("some spend");
  }

  /** Carry-over runs from one period to the next, so a missing period would join two that are not neighbours. */
  @Test
  void periodsMustFollowEachOtherWithoutAGap() {
    MixData.Builder gap = MixData.builder();
    for (int t = 0; t < 30; t++) {
      if (t != 12) {
        gap.outcome(START.plusWeeks(t), 100 + t).spend(START.plusWeeks(t), "tv", 1 + t % 3);
      }
    }
    assertThatThrownBy(gap::build).isInstanceOf(InvalidFieldException.class)
        .hasMessage("period '" + START.plusWeeks(13) + "' is invalid: must come a week after " + START.plusWeeks(11)
            + ", as the periods before it do: " + START.plusWeeks(12) + " is missing (a period without spend still"
            + " needs its outcome)");

    MixData.Builder months = MixData.builder();
    LocalDate end = LocalDate.of(2023, 1, 31);
    for (int t = 0; t < 30; t++) {
      months.outcome(end.plusMonths(t), 100 + t).spend(end.plusMonths(t), "tv", 1 + t % 3);
    }
    assertThat(months.build().periods()).hasSize(30).contains(LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 31));
  }

  @Test
  void anOutcomeThatNeverVariesIsRefused() {
    MixData.Builder flat = MixData.builder();
    for (int t = 0; t < 30; t++) {
      flat.outcome(START.plusWeeks(t), 1_000).spend(START.plusWeeks(t), "tv", 1 + t % 3);
    }
    assertThatThrownBy(flat::build).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("outcome '1000.0' is invalid: must vary over the periods");
  }

  @Test
  void costsAndPurchasesMakeMonthlySeries() {
    List<Cost> costs = new ArrayList<>();
    List<Interaction> purchases = new ArrayList<>();
    YearMonth first = YearMonth.of(2023, 1);
    for (int m = 0; m < 30; m++) {
      costs.add(Cost.of(first.plusMonths(m), "press", Money.of(java.math.BigDecimal.valueOf(100 + m), EUR)));
      for (int k = 0; k < (m % 3 == 0 ? 2 : 1); k++) {
        purchases.add(Interaction.builder().customerId("c" + m + "-" + k)
            .channel(Channel.of("direct", org.engagement.core.domain.ChannelGroup.DIRECT))
            .timestamp(Instant.parse(first.plusMonths(m).atDay(3 + k) + "T10:00:00Z")).type(InteractionType.PURCHASE)
            .value(Money.of(java.math.BigDecimal.valueOf(50), EUR)).build());
      }
    }
    MixData data = MixData.fromCosts(Investment.of(EUR, costs), purchases, ConversionRule.purchases(), false);
    assertThat(data.periods()).hasSize(30).startsWith(LocalDate.of(2023, 1, 1));
    assertThat(data.spend("press")[29]).isEqualTo(129);
    assertThat(data.outcome()[0]).isEqualTo(100);
    assertThat(data.outcome()[1]).isEqualTo(50);
    MixData counted = MixData.fromCosts(Investment.of(EUR, costs), purchases, ConversionRule.purchases(), true);
    assertThat(counted.outcome()[0]).isEqualTo(2);
  }

  @Test
  void csvRowsAreReadUnderThePolicyAndBadOnesRejectedWithTheirLine() throws IOException {
    String spend = "period,channel,spend\n2024-01-01,tv,10\n2024-01-08,tv,x\n2024-13-01,tv,1\n2024-01-01,tv,3\n";
    CsvImport<MixCsv.SpendRow> read = MixCsv.readSpend(
        new ByteArrayInputStream(spend.getBytes(StandardCharsets.UTF_8)), "spend.csv");
    assertThat(read.values()).containsExactly(new MixCsv.SpendRow(START, "tv", 10));
    assertThat(read.report().rejected()).isEqualTo(3);
    String lifts = "channel,from,to,incremental,low,high\ntv,2024-01-01,2024-03-25,500,400,600\n"
        + "tv,2024-01-01,2024-03-25,500,600,700\n";
    CsvImport<LiftTest> tests = MixCsv.readLifts(
        new ByteArrayInputStream(lifts.getBytes(StandardCharsets.UTF_8)), "lift.csv");
    assertThat(tests.values()).hasSize(1);
    assertThat(tests.values().get(0).level()).isEqualTo(0.9);
    assertThat(tests.report().rejected()).isEqualTo(1);
    String withLevel = "channel,from,to,incremental,low,high,level\ntv,2024-01-01,2024-03-25,500,400,600,0.95\n"
        + "tv,2024-01-01,2024-03-25,500,400,600,0.3\n";
    CsvImport<LiftTest> stated = MixCsv.readLifts(
        new ByteArrayInputStream(withLevel.getBytes(StandardCharsets.UTF_8)), "lift.csv");
    assertThat(stated.values()).singleElement().satisfies(test -> assertThat(test.level()).isEqualTo(0.95));
    assertThat(stated.report().rejections()).extracting(r -> r.message("lift.csv")).containsExactly(
        "lift.csv:3: column 'level' value '0.3' is invalid: must be a number from 0.5 to 1");
  }

  @Test
  void controlRowsAreReadOncePerPeriodAndControl() throws IOException {
    String controls = "period,control,value\n2024-01-01,price,9.5\n2024-01-01,promo,1\n2024-01-01,price,9.9\n"
        + "2024-01-08,price,cheap\n2024-01-08,price,-0.5\n";
    CsvImport<MixCsv.ControlRow> read = MixCsv.readControls(
        new ByteArrayInputStream(controls.getBytes(StandardCharsets.UTF_8)), "controls.csv");

    assertThat(read.values()).containsExactly(new MixCsv.ControlRow(START, "price", 9.5),
        new MixCsv.ControlRow(START, "promo", 1), new MixCsv.ControlRow(START.plusWeeks(1), "price", -0.5));
    assertThat(read.report().rejected()).isEqualTo(2);
    assertThat(read.report().rejections()).extracting(r -> r.message("controls.csv")).contains(
        "controls.csv:4: column 'control' value 'price' is invalid: must appear once in period 2024-01-01");
  }

  /**
   * Found by the fuzz suite: the bounds were the largest doubles, so the rule of a number out of range was written
   * with 309-digit bounds (a message of up to 640 characters) where the other readers say "must be a finite number".
   */
  @Test
  void aNumberThatIsNotFiniteIsRejectedWithAShortRule() throws IOException {
    CsvImport<MixCsv.SpendRow> spend = MixCsv.readSpend(new ByteArrayInputStream(
        "period,channel,spend\n2024-01-01,tv,1e999\n2024-01-01,radio,-1\n".getBytes(StandardCharsets.UTF_8)), "s.csv");
    assertThat(spend.report().rejections()).extracting(r -> r.message("s.csv")).containsExactly(
        "s.csv:2: column 'spend' value '1e999' is invalid: must be a finite number not below 0",
        "s.csv:3: column 'spend' value '-1' is invalid: must be a finite number not below 0");
    CsvImport<MixCsv.OutcomeRow> outcome = MixCsv.readOutcome(new ByteArrayInputStream(
        "period,outcome\n2024-01-01,-1e999\n".getBytes(StandardCharsets.UTF_8)), "o.csv");
    assertThat(outcome.report().rejections()).extracting(r -> r.message("o.csv"))
        .containsExactly("o.csv:2: column 'outcome' value '-1e999' is invalid: must be a finite number");
    CsvImport<LiftTest> lifts = MixCsv.readLifts(new ByteArrayInputStream(
        "channel,from,to,incremental,low,high\ntv,2024-01-01,2024-01-08,1,0,1e999\n".getBytes(StandardCharsets.UTF_8)),
        "l.csv");
    assertThat(lifts.report().rejections()).extracting(r -> r.message("l.csv"))
        .containsExactly("l.csv:2: column 'high' value '1e999' is invalid: must be a finite number");
  }
}
