package org.engagement.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.engagement.attribution.Attribution;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.Journeys;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.LifetimeValueOutcome;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.json.view.JourneyCreditsView;
import org.engagement.json.view.LifetimeValueView;
import org.engagement.json.view.RoiResultView;
import org.engagement.roi.RoiLine;
import org.engagement.roi.RoiReport;
import org.engagement.roi.RoiResult;
import org.engagement.roi.selfreport.HybridAttribution;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The results that carry their inputs (journey credits, lifetime-value outcomes, ROI results) made by the SDK
 * itself, written as their views and read back as the same view; and their golden forms.
 */
class ViewFormsTest {
  private static final Instant START = Instant.parse("2024-03-01T00:00:00Z");

  @Test
  void journeyCreditsAreWrittenAsTheirViewAndReadBackAsIt() throws IOException {
    JourneyCredits credits = Attribution.model("linear").creditJourneys(journeys());
    JourneyCreditsView view = JourneyCreditsView.of(credits);

    String json = EngagementJson.write(credits);
    JourneyCreditsView back = EngagementJson.read(json, JourneyCreditsView.class);

    assertThat(json).isEqualTo(EngagementJson.write(view));
    assertThat(back.journeys()).isEqualTo(view.journeys());
    assertThat(back.model()).isEqualTo("linear");
    assertThat(back.spread()).isFalse();
    Same.attribution(back.result(), credits.result());
    assertThat(back.journeys()).hasSize(2).first().satisfies(j -> {
      assertThat(j.customerId()).isEqualTo("c-1");
      assertThat(j.conversionAt()).isEqualTo(START.plusSeconds(7_200));
      assertThat(j.credits()).extracting(JourneyCreditsView.Credit::channel).containsExactly("email", "web");
    });
    double rows = 0;
    for (JourneyCreditsView.Journey journey : back.journeys()) {
      rows += journey.credits().stream().mapToDouble(JourneyCreditsView.Credit::value).sum();
    }
    assertThat(rows).isEqualTo(credits.result().totalValue());
  }

  @Test
  void spreadCreditsKeepTheirFlag() throws IOException {
    JourneyCredits credits = Attribution.model("markov").creditJourneys(journeys());
    JourneyCreditsView back = EngagementJson.read(EngagementJson.write(credits), JourneyCreditsView.class);
    assertThat(back.spread()).isTrue();
    assertThat(back.journeys()).isEqualTo(JourneyCreditsView.of(credits).journeys());
  }

  @Test
  void aResultWrittenAsItsViewIsReadAsTheViewNotAsItself() {
    assertThatThrownBy(() -> EngagementJson.read("{}", JourneyCredits.class))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("is read as org.engagement.json.view.JourneyCreditsView");
  }

  @Test
  void aFittedLifetimeValueOutcomeReadsBackAsItsView() throws IOException {
    List<RepeatBuyingSummary> summaries = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      int frequency = i % 7 == 0 ? 0 : i % 5;
      double age = 20 + i % 19;
      summaries.add(new RepeatBuyingSummary("c-" + i, frequency, frequency == 0 ? 0 : age * (i % 11 + 1) / 12,
          age, frequency == 0 ? 0 : 20 + (i % 13) * 3.5, 0));
    }
    LifetimeValueOutcome outcome = LifetimeValueAnalysis.defaults().fitSummaries(summaries);
    assertThat(outcome.fitted()).as("the synthetic buyers fit").isPresent();
    LifetimeValueView view = LifetimeValueView.of(outcome);

    LifetimeValueView back = EngagementJson.read(EngagementJson.write(outcome), LifetimeValueView.class);

    assertThat(back.fitted()).isEqualTo(view.fitted()).isNotNull();
    assertThat(back.fitted().buyers()).isEqualTo(400);
    assertThat(back.reason()).isNull();
    assertThat(back.degeneracies()).isEqualTo(outcome.degeneracies());
    Same.fit(back.purchaseSearch(), outcome.purchaseSearch().orElseThrow());
    Same.fit(back.spendSearch(), outcome.spendSearch().orElseThrow());
  }

  @Test
  void lifetimeValueOutcomeWithoutAFit() throws IOException {
    LifetimeValueOutcome outcome = LifetimeValueAnalysis.defaults().fitSummaries(List.of(
        new RepeatBuyingSummary("c-1", 2, 10, 30, 25.5, 0), new RepeatBuyingSummary("c-2", 0, 0, 30, 0, 0)));
    LifetimeValueView back = EngagementJson.read(GoldenFormsTest.golden("lifetime-value-unavailable.json", outcome),
        LifetimeValueView.class);
    assertThat(back).isEqualTo(LifetimeValueView.of(outcome));
    assertThat(back.reason()).isEqualTo("only 1 customers bought twice; the models need more");
  }

  @Test
  void lifetimeValueGolden() throws IOException {
    FitResult purchases = FitResult.of(List.of("r", "alpha", "a", "b"), new double[] {0.2426, 4.4136, 0.7929,
        2.4259}, -9582.4292, FitStatus.CONVERGED, 412, 1130, null);
    FitResult spend = FitResult.of(List.of("p", "q", "gamma"), new double[] {6.25, 3.74, 15.44}, -9663.2,
        FitStatus.CONVERGED, 80, 260, null).degenerate("q ran to 1e8: one spend level shared by all");
    LifetimeValueView view = new LifetimeValueView(null,
        List.of("Gamma-Gamma fit is degenerate: q ran to 1e8: one spend level shared by all"), 3, purchases, spend,
        new LifetimeValueView.Fitted(PeriodUnit.WEEK, Horizon.years(3), 0.1, 2357, 1411));
    LifetimeValueView back = EngagementJson.read(GoldenFormsTest.golden("lifetime-value.json", view),
        LifetimeValueView.class);
    assertThat(back.fitted()).isEqualTo(view.fitted());
    assertThat(back.zeroSpendBuyers()).isEqualTo(3);
    Same.fit(back.spendSearch(), spend);
  }

  @Test
  void journeyCreditsGolden() throws IOException {
    JourneyCredits credits = Attribution.model("linear").creditJourneys(journeys());
    JourneyCreditsView back = EngagementJson.read(GoldenFormsTest.golden("journey-credits.json", credits),
        JourneyCreditsView.class);
    assertThat(back.journeys()).isEqualTo(JourneyCreditsView.of(credits).journeys());
  }

  @Test
  void roiResultGolden() throws IOException {
    RoiLine email = new RoiLine("email", Money.parse("500.00", "EUR"), Map.of(), 12.5, 40, 6, 0.5,
        OptionalInt.empty());
    RoiReport report = new RoiReport("relationship", Currency.getInstance("EUR"), YearMonth.of(2024, 1),
        YearMonth.of(2024, 6), List.of(email), List.of(), email);
    AttributionResult measured = AttributionResult.of("markov", ChannelIndex.of(List.of("email")),
        new double[] {12.5}, new double[] {1500}, 12.5, 1500, true);
    RoiResult result = new RoiResult(report, HybridAttribution.measuredOnly(measured), 250);

    RoiResultView back = EngagementJson.read(GoldenFormsTest.golden("roi-result.json", result), RoiResultView.class);

    assertThat(back.report()).isEqualTo(report);
    Same.attribution(back.measured(), measured);
    assertThat(back.surveyWeight()).isZero();
    assertThat(back.surveyCounts()).isEmpty();
    assertThat(back.valuePerCustomer()).isEqualTo(250);
  }

  /** Two customers: c-1 emails then visits the web and buys for 120; c-2 visits the web and buys for 40. */
  private static Journeys journeys() {
    List<Interaction> interactions = List.of(
        touch("c-1", "email", START, InteractionType.OPEN, null),
        touch("c-1", "web", START.plusSeconds(3_600), InteractionType.VISIT, null),
        touch("c-1", "web", START.plusSeconds(7_200), InteractionType.PURCHASE, Money.parse("120.00", "EUR")),
        touch("c-2", "web", START.plusSeconds(60), InteractionType.VISIT, null),
        touch("c-2", "web", START.plusSeconds(600), InteractionType.PURCHASE, Money.parse("40.00", "EUR")));
    return JourneyRules.defaults().withAsOf(START.plusSeconds(86_400)).journeys(interactions);
  }

  private static Interaction touch(String customer, String channel, Instant at, InteractionType type,
      @Nullable Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(at).type(type).value(value).build();
  }
}
