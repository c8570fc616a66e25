package org.engagement.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.prediction.Predictions;
import org.engagement.clv.summary.CdnowSampleReader;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.Transaction;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLV pipeline: by hand on a few purchases, and on CDNOW against the published fit. */
class LifetimeValueAnalysisTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Channel SHOP = Channel.of("shop", ChannelGroup.DIRECT);
  private static final LocalDate CALIBRATION_END = LocalDate.of(1997, 9, 30);

  private static List<Transaction> cdnow = List.of();
  private static LifetimeValueOutcome outcome;

  @BeforeAll
  static void fitCdnow() throws IOException {
    try (Reader in = new InputStreamReader(Objects.requireNonNull(
        LifetimeValueAnalysisTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")), StandardCharsets.UTF_8)) {
      cdnow = CdnowSampleReader.read(in);
    }
    outcome = LifetimeValueAnalysis.defaults().fit(cdnow, CALIBRATION_END);
  }

  private static Interaction purchase(String customer, String instant, @Nullable String amount, String currency) {
    return Interaction.builder().customerId(customer).channel(SHOP).timestamp(Instant.parse(instant))
        .type(InteractionType.PURCHASE)
        .value(amount == null ? null : Money.of(new BigDecimal(amount), Currency.getInstance(currency))).build();
  }

  /**
   * Purchases up to 2024-01-29T12:00Z in EUR: a 10 on 01-01 and 20 on 01-15 (x 1, t_x 2 weeks, T 4
   * weeks, mean repeat spend 20); b one without a value on 01-08 (x 0, T 3 weeks). b's USD purchase, c's
   * like and the purchase after the as-of instant are left out.
   */
  @Test
  void interactionsBecomeTransactionsAndSummariesByHand() {
    List<Interaction> interactions = List.of(
        purchase("a", "2024-01-01T09:00:00Z", "10", "EUR"),
        purchase("b", "2024-01-08T09:00:00Z", null, "EUR"),
        purchase("b", "2024-01-09T09:00:00Z", "5", "USD"),
        purchase("a", "2024-01-15T09:00:00Z", "20", "EUR"),
        Interaction.builder().customerId("c").channel(SHOP).timestamp(Instant.parse("2024-01-10T09:00:00Z"))
            .type(InteractionType.LIKE).build(),
        purchase("a", "2024-01-30T09:00:00Z", "99", "EUR"));
    Instant asOf = Instant.parse("2024-01-29T12:00:00Z");

    List<Transaction> transactions =
        LifetimeValueAnalysis.transactions(interactions, ConversionRule.purchases(), EUR, asOf);
    assertThat(transactions).containsExactly(new Transaction("a", LocalDate.of(2024, 1, 1), 10),
        new Transaction("b", LocalDate.of(2024, 1, 8), 0), new Transaction("a", LocalDate.of(2024, 1, 15), 20));

    List<RepeatBuyingSummary> summaries =
        LifetimeValueAnalysis.defaults().summaries(transactions, LocalDate.of(2024, 1, 29));
    assertThat(summaries).containsExactly(new RepeatBuyingSummary("a", 1, 2, 4, 20, 0),
        new RepeatBuyingSummary("b", 0, 0, 3, 0, 0));

    LifetimeValueOutcome few =
        LifetimeValueAnalysis.defaults().fit(interactions, ConversionRule.purchases(), EUR, asOf);
    assertThat(few.fitted()).isEmpty();
    assertThat(few.reason()).contains("only 1 customers bought twice; the models need more");
    assertThat(few.purchaseSearch()).isEmpty();
  }

  /**
   * From columns the purchases are cut by the type column (issue 16) and only those rows are made into
   * interactions: the same transactions in the same order as from the same interactions in a list, under the
   * default rule, a rule of several types and a rule of the host's own (which reads every interaction). 3,000
   * seeded interactions of 40 customers over every type, in two currencies or none, either side of the as-of
   * instant, some with nanoseconds.
   */
  @Test
  void columnsGiveTheTransactionsOfTheSameInteractionsInAList() {
    SplittableRandom random = new SplittableRandom(16);
    InteractionType[] types = InteractionType.values();
    Instant asOf = Instant.parse("2024-06-01T00:00:00Z");
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < 3000; i++) {
      InteractionType type = random.nextInt(3) == 0 ? InteractionType.PURCHASE : types[random.nextInt(types.length)];
      Instant at = asOf.plusSeconds(random.nextLong(-200L * 86_400, 20L * 86_400))
          .plusNanos(random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0);
      int money = random.nextInt(5);
      interactions.add(Interaction.builder().customerId("c" + random.nextInt(40)).channel(SHOP).timestamp(at)
          .type(type).value(money == 0 ? null : Money.of(BigDecimal.valueOf(random.nextInt(10_000), 2),
              Currency.getInstance(money == 1 ? "USD" : "EUR"))).build());
    }
    InteractionColumns columns = InteractionColumns.of(interactions);
    List<ConversionRule> rules = List.of(ConversionRule.purchases(),
        ConversionRule.ofTypes(Set.of(InteractionType.PURCHASE, InteractionType.LEAD, InteractionType.CLICK)),
        ConversionRule.named("valued-purchases", i -> i.type() == InteractionType.PURCHASE && i.value() != null));

    for (ConversionRule rule : rules) {
      List<Transaction> fromList = LifetimeValueAnalysis.transactions(interactions, rule, EUR, asOf);
      assertThat(fromList).hasSizeGreaterThan(100);
      assertThat(LifetimeValueAnalysis.transactions(columns, rule, EUR, asOf)).as(rule.toString())
          .containsExactlyElementsOf(fromList);
    }
  }

  /**
   * FHL 2005 on the CDNOW cohort (weeks, calibration to 1997-09-30): r 0.243, alpha 4.414, a 0.793,
   * b 2.426; Fader and Hardie's note 025: p 6.25, q 3.74, gamma 15.44 on the 946 repeat buyers.
   */
  @Test
  void cdnowTransactionsGiveThePublishedModels() {
    FittedLifetimeValue fitted = outcome.fitted().orElseThrow();

    assertThat(outcome.reason()).isEmpty();
    assertThat(fitted.buyers()).isEqualTo(2357);
    assertThat(fitted.repeatBuyers()).isEqualTo(946);
    BgNbdModel purchases = fitted.purchases();
    assertThat(purchases.unit()).isEqualTo(PeriodUnit.WEEK);
    assertThat(purchases.r()).isCloseTo(0.243, within(1e-3));
    assertThat(purchases.alpha()).isCloseTo(4.414, within(1e-2));
    assertThat(purchases.a()).isCloseTo(0.793, within(1e-3));
    assertThat(purchases.b()).isCloseTo(2.426, within(1e-2));
    assertThat(fitted.spend().p()).isCloseTo(6.25, within(0.01));
    assertThat(fitted.spend().q()).isCloseTo(3.74, within(0.01));
    assertThat(fitted.spend().gamma()).isCloseTo(15.44, within(0.02));
    assertThat(outcome.purchaseSearch().orElseThrow().converged()).isTrue();
  }

  @Test
  void aRepeatBuyerWithoutSpendIsLeftOutOfTheSpendFitAndCounted() {
    // Issue 12: one customer with repeat purchases and a mean spend of 0 refused the whole fit.
    LifetimeValueAnalysis analysis = LifetimeValueAnalysis.defaults();
    List<RepeatBuyingSummary> summaries = new java.util.ArrayList<>(analysis.summaries(cdnow, CALIBRATION_END));
    summaries.add(new RepeatBuyingSummary("free-orders", 2, 10, 30, 0, 0));
    LifetimeValueOutcome withZero = analysis.fitSummaries(summaries);
    FittedLifetimeValue fitted = withZero.fitted().orElseThrow();
    assertThat(withZero.zeroSpendBuyers()).isEqualTo(1);
    assertThat(outcome.zeroSpendBuyers()).isZero();
    assertThat(fitted.repeatBuyers()).isEqualTo(947);
    assertThat(fitted.spend()).isEqualTo(outcome.fitted().orElseThrow().spend());
  }

  /** Each prediction is the fitted models' figure for that customer's summary. */
  @Test
  void predictionsAreThoseOfTheFittedModels() {
    FittedLifetimeValue fitted = outcome.fitted().orElseThrow();
    List<CustomerValue> predictions = fitted.predictions();

    assertThat(predictions).hasSize(fitted.buyers());
    Predictions model = Predictions.of(fitted.purchases());
    for (int i = 0; i < predictions.size(); i += 97) {
      RepeatBuyingSummary s = fitted.summaries().get(i);
      CustomerValue v = predictions.get(i);
      assertThat(v.customerId()).isEqualTo(s.customerId());
      assertThat(v.lifetimeValue()).isEqualTo(fitted.value(s));
      assertThat(v.probabilityAlive()).isCloseTo(model.probabilityAlive(s.frequency(), s.recency(), s.age()),
          within(1e-12));
      assertThat(v.expectedPurchases()).isCloseTo(model.conditionalExpectedPurchases(s.frequency(), s.recency(),
          s.age(), fitted.settings().horizon()), within(1e-9));
      assertThat(v.expectedSpend()).isEqualTo(fitted.spend().conditionalExpectedSpend(s.frequency(), s.meanSpend()));
    }
    assertThat(fitted.predictor().predict(CustomerProfile.of(Customer.of("prospect", Instant.EPOCH)))).isZero();
  }

  @Test
  void aSearchThatDoesNotConvergeGivesAReasonAndNoValue() {
    LifetimeValueSettings starved = LifetimeValueSettings.defaults()
        .withFitOptions(FitOptions.defaults().withMaxIterations(2));

    LifetimeValueOutcome cut = LifetimeValueAnalysis.of(starved).fit(cdnow, CALIBRATION_END);

    assertThat(cut.fitted()).isEmpty();
    assertThat(cut.reason().orElseThrow()).startsWith("the model fit did not converge (BG/NBD ITERATION_LIMIT");
    assertThat(cut.purchaseSearch().orElseThrow().converged()).isFalse();
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> LifetimeValueSettings.defaults().withMinimumRepeatBuyers(0))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("minimumRepeatBuyers");
    assertThat(LifetimeValueSettings.defaults()).isEqualTo(LifetimeValueSettings.defaults().withUnit(PeriodUnit.WEEK));
  }
}
