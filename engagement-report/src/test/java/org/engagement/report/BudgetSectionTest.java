package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.mix.MixData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The budget section on the bundled world: the weekly series keep every cost and purchase of the weeks they
 * cover (checked month by month and purchase by purchase, not day by day as they are built), and the moves
 * are recommended only when their gain's interval excludes 0.
 */
class BudgetSectionTest {
  private static Analysis analysis;
  private static WeeklyMix weekly;
  private static List<Cost> costs;

  @BeforeAll
  static void read() throws IOException {
    analysis = Analysis.of(BundledWorld.input(), Progress.none());
    weekly = WeeklyMix.of(analysis).orElseThrow();
    CostCsvReader reader = CostCsvReader.inCurrency(analysis.currency().orElseThrow());
    costs = List.copyOf(CsvFiles.read(analysis, AnalysisInput.COSTS, analysis.input().file(AnalysisInput.COSTS)
        .orElseThrow(), source -> reader.read(source, AnalysisInput.COSTS)).values());
  }

  @Test
  void wholeWeeksWithinTheCostsAndTheInteractions() {
    MixData data = weekly.data();
    assertThat(weekly.first().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
    assertThat(weekly.last().plusDays(6)).isBefore(analysis.asOfDate());
    assertThat(weekly.first()).isAfterOrEqualTo(costs.stream().map(Cost::month).min(Comparator.naturalOrder())
        .orElseThrow().atDay(1));
    assertThat(data.periods()).hasSize((int) ChronoUnit.WEEKS.between(weekly.first(), weekly.last()) + 1)
        .hasSizeGreaterThanOrEqualTo(MixData.MIN_PERIODS);
    // the bundled world's two years hold more than a hundred whole weeks
    assertThat(data.periods()).hasSizeGreaterThan(100);
  }

  /** Each month's cost is spread over its days, so the weeks hold each month's share of the days they cover. */
  @Test
  void spendKeepsEachMonthsShareOfTheDaysCovered() {
    LocalDate from = weekly.first();
    LocalDate to = weekly.last().plusDays(7);
    double expected = 0;
    for (Cost cost : costs) {
      YearMonth month = cost.month();
      LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
      LocalDate end = month.plusMonths(1).atDay(1).isAfter(to) ? to : month.plusMonths(1).atDay(1);
      long days = Math.max(0, ChronoUnit.DAYS.between(start, end));
      expected += cost.amount().amount().doubleValue() * days / month.lengthOfMonth();
    }
    MixData data = weekly.data();
    double spread = data.channels().stream().mapToDouble(data::totalSpend).sum();
    assertThat(spread).isCloseTo(expected, within(1e-6 * expected));
  }

  @Test
  void outcomeIsTheRevenueOfThePurchasesInTheWeeks() {
    LocalDate from = weekly.first();
    LocalDate to = weekly.last().plusDays(7);
    ConversionRule purchases = ConversionRule.purchases();
    double expected = 0;
    for (Interaction i : analysis.input().interactions()) {
      LocalDate day = i.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
      if (purchases.isConversion(i) && i.value() != null && !day.isBefore(from) && day.isBefore(to)) {
        expected += i.value().amount().doubleValue();
      }
    }
    assertThat(Arrays.stream(weekly.data().outcome()).sum()).isCloseTo(expected, within(1e-6 * expected));
  }

  @Test
  void movesAreMadeOnlyWhenTheirGainIsSure() {
    BudgetSection budget = (BudgetSection) BudgetAnalysis.section(analysis);
    assertThat(budget.channels()).extracting(BudgetSection.ChannelBudget::name).isSorted();
    assertThat(budget.channels()).allSatisfy(c -> {
      assertThat(c.roiLow()).isLessThanOrEqualTo(c.roiHigh());
      assertThat(c.halfLife()).isPositive();
      assertThat(c.response().get(0)).isCloseTo(0, within(1e-6));
    });
    double now = budget.channels().stream().mapToDouble(BudgetSection.ChannelBudget::currentPerWeek).sum();
    double then = budget.channels().stream().mapToDouble(BudgetSection.ChannelBudget::recommendedPerWeek).sum();
    assertThat(then).isCloseTo(now, within(1e-6 * now));
    assertThat(budget.moves()).hasSizeLessThanOrEqualTo(BudgetAnalysis.MOVES).allSatisfy(m -> {
      assertThat(m.share()).isGreaterThan(0).isLessThanOrEqualTo(1);
      assertThat(m.from()).isNotEqualTo(m.to());
      assertThat(m.gain().low()).isLessThanOrEqualTo(m.gain().high());
    });
    List<Recommendation> recommended = new BudgetRecommendations().recommend(List.of(budget));
    assertThat(recommended).hasSameSizeAs(budget.moves());
    for (int i = 0; i < recommended.size(); i++) {
      boolean sure = budget.moves().get(i).gain().low() > 0;
      assertThat(recommended.get(i).action()).startsWith(sure ? "Move " : "Test before you move ");
      assertThat(recommended.get(i).strength() > 0).isEqualTo(sure);
    }
  }
}
