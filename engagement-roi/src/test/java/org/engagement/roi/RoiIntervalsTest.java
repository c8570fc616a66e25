package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.junit.jupiter.api.Test;

/**
 * {@link RoiAnalysis#intervals}: seeded bootstrap intervals of each invested channel's attributed revenue and ROI,
 * on generated customers whose chance to buy rises with each channel that touched them (email most, then search,
 * then social), under linear attribution.
 */
class RoiIntervalsTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Channel EMAIL = Channel.of("email", "Email", ChannelGroup.EMAIL);
  private static final Channel SOCIAL = Channel.of("social", "Social", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel SEARCH = Channel.of("search", "Search", ChannelGroup.PAID_SEARCH);
  private static final Channel BLOG = Channel.of("blog", "Blog", ChannelGroup.ORGANIC_SEARCH);
  private static final Channel SHOP = Channel.of("shop", "Shop", ChannelGroup.DIRECT);
  private static final List<Channel> TOUCHED = List.of(EMAIL, SOCIAL, SEARCH, BLOG);
  private static final double[] REACH = {0.6, 0.4, 0.3, 0.2};
  private static final double[] LIFT = {0.3, 0.1, 0.2, 0.05};
  private static final Instant START = Instant.parse("2024-01-01T09:00:00Z");
  private static final RoiSettings SETTINGS = RoiSettings.defaults().withModel("linear");
  private static final RoiAnalysis LINEAR = RoiAnalysis.of(SETTINGS);
  private static final RoiBootstrap BOOTSTRAP = RoiBootstrap.of(60, 7).withLevel(0.9);

  /**
   * {@code customers} customers: each touched by email (60 %), social (40 %), search (30 %) and the blog (20 %) on
   * days 0 to 59 of 2024, buying once with probability 0.1 + 0.3 if emailed + 0.1 if on social + 0.2 if searched
   * + 0.05 if on the blog, 1 to 10 days after the last touch, for 50 to 149 EUR.
   */
  static List<Interaction> interactions(int customers, long seed) {
    Random random = new Random(seed);
    List<Interaction> interactions = new ArrayList<>();
    for (int c = 0; c < customers; c++) {
      String id = "c" + c;
      double buys = 0.1;
      int last = -1;
      for (int k = 0; k < TOUCHED.size(); k++) {
        if (random.nextDouble() < REACH[k]) {
          int day = random.nextInt(60);
          last = Math.max(last, day);
          interactions.add(at(id, TOUCHED.get(k), day, InteractionType.CLICK, null));
          buys += LIFT[k];
        }
      }
      if (last >= 0 && random.nextDouble() < buys) {
        interactions.add(at(id, SHOP, last + 1 + random.nextInt(10), InteractionType.PURCHASE,
            Integer.toString(50 + random.nextInt(100))));
      }
    }
    return interactions;
  }

  private static Interaction at(String customer, Channel channel, int day, InteractionType type, String value) {
    Interaction.Builder builder = Interaction.builder().customerId(customer).channel(channel)
        .timestamp(START.plus(day, ChronoUnit.DAYS)).type(type);
    return (value == null ? builder : builder.value(Money.of(new BigDecimal(value), EUR))).build();
  }

  /** Email 20,000, social 15,000, search 5,000 EUR, the blog nothing, whatever the customers. */
  static Investment investment() {
    return Investment.of(EUR, List.of(
        Cost.of(YearMonth.of(2024, 1), "email", Money.parse("20000.00", "EUR")),
        Cost.of(YearMonth.of(2024, 2), "social", Money.parse("15000.00", "EUR")),
        Cost.of(YearMonth.of(2024, 2), "search", Money.parse("5000.00", "EUR"))));
  }

  static RoiData data(int customers) {
    return RoiData.of(interactions(customers, 42), investment());
  }

  @Test
  void eachInvestedChannelsIntervalsHoldItsRevenueAndRoi() {
    RoiData data = data(2_000);
    RoiResult result = LINEAR.calculate(data);
    RoiIntervals intervals = LINEAR.intervals(data, result, BOOTSTRAP);

    assertThat(intervals.channels()).extracting(ChannelRoiInterval::channel)
        .containsExactly("email", "search", "social");
    for (ChannelRoiInterval interval : intervals.channels()) {
      RoiLine line = result.report().channel(interval.channel()).orElseThrow();
      assertThat(interval.revenue()).isEqualTo(line.reward(RewardComponent.ATTRIBUTED_REVENUE).getAsDouble());
      assertThat(interval.roi()).isEqualTo(line.roi().getAsDouble());
      assertThat(interval.investment()).isEqualTo(line.cost().amount().doubleValue());
      assertThat(interval.revenueLow()).as(interval.channel()).isLessThan(interval.revenue());
      assertThat(interval.revenueHigh()).as(interval.channel()).isGreaterThan(interval.revenue());
      assertThat(interval.coversRoi(interval.roi())).as(interval.channel()).isTrue();
      assertThat(interval.roiLow()).isLessThan(interval.roiHigh());
      assertThat(interval.fromExperiment()).isFalse();
      // the other rewards held: the ROI moves by the revenue's change at the margin, over the investment
      assertThat(interval.roiLow()).isCloseTo(interval.roi() + line.margin() * (interval.revenueLow()
          - interval.revenue()) / interval.investment(), within(1e-12));
    }
    assertThat(intervals.level()).isEqualTo(0.9);
    assertThat(intervals.resamples()).isEqualTo(60);
    assertThat(intervals.seed()).isEqualTo(7);
    assertThat(intervals.unit()).isEqualTo("customers");
    assertThat(intervals.model()).isEqualTo("linear");
    assertThat(intervals.notes()).anySatisfy(note -> assertThat(note).contains("sampling noise over customers"));
    assertThat(intervals.notes()).anySatisfy(note -> assertThat(note).isEqualTo(
        "intervals: none for blog: it has no investment, no attributed revenue or no value credit"));
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    RoiData data = data(1_000);
    RoiResult result = LINEAR.calculate(data);

    RoiIntervals once = LINEAR.intervals(data, result, BOOTSTRAP);
    assertThat(LINEAR.intervals(data, result, BOOTSTRAP)).isEqualTo(once);
    assertThat(LINEAR.intervals(data, BOOTSTRAP)).as("the result computed by intervals itself").isEqualTo(once);
    RoiIntervals other = LINEAR.intervals(data, result, RoiBootstrap.of(60, 8).withLevel(0.9));
    assertThat(other.channels()).isNotEqualTo(once.channels());
    assertThat(other.channels()).extracting(ChannelRoiInterval::revenue)
        .containsExactlyElementsOf(once.channels().stream().map(ChannelRoiInterval::revenue).toList());
  }

  /** A tenth of the customers: each channel's interval, relative to its revenue, about √10 times as wide. */
  @Test
  void fewerCustomersGiveWiderIntervals() {
    RoiIntervals many = LINEAR.intervals(data(3_000), BOOTSTRAP);
    RoiIntervals few = LINEAR.intervals(data(300), BOOTSTRAP);

    for (ChannelRoiInterval wide : few.channels()) {
      ChannelRoiInterval narrow = many.channel(wide.channel()).orElseThrow();
      assertThat(wide.revenueWidth() / wide.revenue()).as(wide.channel())
          .isGreaterThan(1.5 * narrow.revenueWidth() / narrow.revenue());
    }
  }

  /** The result's credits are the bootstrap's point: the model runs once per resample, never on everyone again. */
  @Test
  void theModelRunsOncePerResampleAndNotAgainOnEveryone() {
    AtomicInteger runs = new AtomicInteger();
    AttributionModel linear = AttributionModels.defaults().create("linear");
    RoiAnalysis counted = RoiAnalysis.of(SETTINGS, new CountingModel(linear, runs));
    RoiData data = data(500);
    RoiData withJourneys = data.withJourneys(SETTINGS.journeys().withAsOf(data.asOf()).journeys(data.interactions())
        .toJourneySet());
    RoiResult result = counted.calculate(withJourneys);
    assertThat(runs.get()).isEqualTo(1);

    counted.intervals(withJourneys, result, BOOTSTRAP);
    assertThat(runs.get()).isEqualTo(1 + BOOTSTRAP.resamples());
  }

  /**
   * A model calibrated with an experiment on email (LiftCalibration, untested channels refitted) credits email with
   * the experiment's 150 conversions; its interval is the experiment's, 100 to 200 conversions at 95 %, taken to
   * the bootstrap's 90 % and valued at email's value per credited conversion.
   */
  @Test
  void aTestedChannelsIntervalIsItsExperiments() {
    List<LiftResult> lifts = List.of(new LiftResult("email", 150, 100, 200));
    AttributionModel calibrated = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED)
        .model(AttributionModels.defaults().create("linear"), lifts);
    RoiAnalysis roi = RoiAnalysis.of(SETTINGS, calibrated);
    RoiData data = data(2_000);

    RoiIntervals intervals = roi.intervals(data, BOOTSTRAP.withExperiments(lifts));

    ChannelRoiInterval email = intervals.channel("email").orElseThrow();
    assertThat(email.fromExperiment()).isTrue();
    // The experiment's 95 % interval taken to the bootstrap's 90 %: ±50 conversions times z(0.95) / z(0.975).
    double half = 50 * 1.6448536269514722 / 1.959963984540054;
    assertThat(email.revenueLow()).isCloseTo(email.revenue() * (150 - half) / 150, within(1e-9 * email.revenue()));
    assertThat(email.revenueHigh()).isCloseTo(email.revenue() * (150 + half) / 150, within(1e-9 * email.revenue()));
    ChannelRoiInterval social = intervals.channel("social").orElseThrow();
    assertThat(social.fromExperiment()).isFalse();
    assertThat(social.revenueLow()).isLessThan(social.revenue());
    ChannelRoiInterval unmarked = roi.intervals(data, BOOTSTRAP).channel("email").orElseThrow();
    assertThat(unmarked.fromExperiment()).isFalse();
    // Unmarked, the interval is the resamples' percentiles of the drawn experiment at the bootstrap's 90 %: about
    // the marked one, give or take 60 resamples' noise.
    assertThat(unmarked.revenueWidth()).as("each resample draws the experiment's result")
        .isCloseTo(email.revenueWidth(), withinPercentage(30));
  }

  @Test
  void experimentsTheModelWasNotCalibratedWithAreRefused() {
    RoiData data = data(500);
    RoiResult result = LINEAR.calculate(data);
    double credit = result.attribution().measured().conversions("email");
    RoiBootstrap elsewhere = BOOTSTRAP.withExperiments(List.of(new LiftResult("email", credit + 50, credit + 40,
        credit + 60)));

    assertThatThrownBy(() -> LINEAR.intervals(data, result, elsewhere)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("experiments").hasMessageContaining("email")
        .hasMessageContaining("must be the lift results the model was calibrated with");
    assertThatThrownBy(() -> BOOTSTRAP.withExperiments(List.of(new LiftResult("email", 1, 0, 2),
        new LiftResult("email", 3, 2, 4)))).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("found two");
  }

  @Test
  void resamplesAndLevelOutsideTheirRangesAreRefused() {
    assertThatThrownBy(() -> RoiBootstrap.of(0, 0)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("resamples").hasMessageContaining("0").hasMessageContaining("must be from 2 to 100000");
    assertThatThrownBy(() -> RoiBootstrap.of(1, 0)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> RoiBootstrap.of(100_001, 0)).isInstanceOf(InvalidFieldException.class);
    for (double level : new double[] {0, 1, -0.5, 1.5, Double.NaN}) {
      assertThatThrownBy(() -> RoiBootstrap.defaults().withLevel(level)).as("level " + level)
          .isInstanceOf(InvalidFieldException.class).hasMessageContaining("level")
          .hasMessageContaining("must be greater than 0 and less than 1");
    }
    assertThat(RoiBootstrap.defaults().resamples()).isEqualTo(200);
    assertThat(RoiBootstrap.defaults().level()).isEqualTo(0.95);
    assertThat(RoiBootstrap.defaults().seed()).isZero();
    assertThat(RoiBootstrap.defaults().experiments()).isEmpty();
  }

  @Test
  void anIntervalRefusesFiguresThatBreakItsRules() {
    assertThatThrownBy(() -> new ChannelRoiInterval("email", 0, 10, 5, 15, 0.1, 0, 0.2, false))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("investment of email");
    assertThatThrownBy(() -> new ChannelRoiInterval("email", 100, 10, 15, 5, 0.1, 0, 0.2, false))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("low end at most its high end");
    assertThatThrownBy(() -> new ChannelRoiInterval("email", 100, Double.NaN, 5, 15, 0.1, 0, 0.2, false))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must be finite");
    assertThatThrownBy(() -> new RoiIntervals("linear", 1.0, 20, 0, "customers", List.of(), List.of()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("level");
  }
}
