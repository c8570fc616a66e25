package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
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
 * {@link RoiBootstrap#withSegments}: each segment's total ROI with a seeded bootstrap interval drawn from the channels'
 * resamples, on generated customers whose segment sets their chance to buy: "high" (40 % of customers) buys with
 * probability 0.6, "low" (50 %) with 0.2, "never" (10 %) not at all; every customer is emailed once on days 0 to 59 of
 * 2024 and maybe (half of them) reached on social, and a buyer spends 50 to 149 EUR, 1 to 10 days after the touch.
 * Under linear attribution every purchase's value is credited, so a segment's true expected attributed revenue in a
 * world of {@code n} customers is {@code n × share × p × 99.5} EUR.
 */
class SegmentRoiIntervalsTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Channel EMAIL = Channel.of("email", "Email", ChannelGroup.EMAIL);
  private static final Channel SOCIAL = Channel.of("social", "Social", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel SHOP = Channel.of("shop", "Shop", ChannelGroup.DIRECT);
  private static final Instant START = Instant.parse("2024-01-01T09:00:00Z");
  private static final List<String> SEGMENTS = List.of("high", "low", "never");
  private static final double[] SHARE = {0.4, 0.5, 0.1};
  private static final double[] BUYS = {0.6, 0.2, 0};
  private static final double MEAN_VALUE = 99.5;
  private static final RoiAnalysis LINEAR = RoiAnalysis.of(RoiSettings.defaults().withModel("linear"));
  private static final RoiBootstrap BOOTSTRAP = RoiBootstrap.of(100, 3).withLevel(0.9);

  /** A generated world: its interactions and each customer's segment. */
  private record World(List<Interaction> interactions, Map<String, String> segmentOf) {
    RoiData data() {
      return RoiData.of(interactions, investment());
    }

    RoiSegments segments() {
      return RoiSegments.byLabel(segmentOf);
    }
  }

  private static World world(int customers, long seed) {
    Random random = new Random(seed);
    List<Interaction> interactions = new ArrayList<>();
    Map<String, String> segmentOf = new LinkedHashMap<>();
    for (int c = 0; c < customers; c++) {
      String id = String.format("c%06d", c);
      double u = random.nextDouble();
      int segment = u < SHARE[0] ? 0 : u < SHARE[0] + SHARE[1] ? 1 : 2;
      segmentOf.put(id, SEGMENTS.get(segment));
      int day = random.nextInt(60);
      interactions.add(at(id, EMAIL, day, InteractionType.CLICK, null));
      if (random.nextBoolean()) {
        interactions.add(at(id, SOCIAL, random.nextInt(day + 1), InteractionType.CLICK, null));
      }
      if (random.nextDouble() < BUYS[segment]) {
        interactions.add(at(id, SHOP, day + 1 + random.nextInt(10), InteractionType.PURCHASE,
            Integer.toString(50 + random.nextInt(100))));
      }
    }
    return new World(interactions, segmentOf);
  }

  private static Interaction at(String customer, Channel channel, int day, InteractionType type, String value) {
    Interaction.Builder builder = Interaction.builder().customerId(customer).channel(channel)
        .timestamp(START.plus(day, ChronoUnit.DAYS)).type(type);
    return (value == null ? builder : builder.value(Money.of(new BigDecimal(value), EUR))).build();
  }

  /** Email 20,000 and social 5,000 EUR, aimed at everyone: each segment's share is its share of the customers. */
  private static Investment investment() {
    return Investment.of(EUR, List.of(
        Cost.of(YearMonth.of(2024, 1), "email", Money.parse("20000.00", "EUR")),
        Cost.of(YearMonth.of(2024, 1), "social", Money.parse("5000.00", "EUR"))));
  }

  private static RoiIntervals intervals(World world, RoiBootstrap bootstrap) {
    RoiData data = world.data();
    RoiSegments segments = world.segments();
    return LINEAR.intervals(data, LINEAR.calculate(data),
        bootstrap.withSegments(LINEAR, segments, LINEAR.perSegment(data, segments)));
  }

  /**
   * A model calibrated with an experiment draws it on every resample, and the segments, which ride on the same
   * resamples, must not stop those draws: social, untested and scaled by email's experiment, gets the same interval
   * with the segments as without, and one far wider when the experiment is ±50 % than when it is ±5 %.
   */
  @Test
  void aCalibratedModelsExperimentDrawsReachTheChannelsWithTheSegmentsToo() {
    World world = world(2_000, 11);
    RoiData data = world.data();
    double credit = LINEAR.calculate(data).attribution().measured().conversions("email");
    List<Double> widths = new ArrayList<>();
    for (double half : new double[] {0.05, 0.5}) {
      AttributionModel calibrated = LiftCalibration.defaults().model(AttributionModels.defaults().create("linear"),
          List.of(new LiftResult("email", credit, credit * (1 - half), credit * (1 + half))));
      RoiAnalysis roi = RoiAnalysis.of(RoiSettings.defaults().withModel("linear"), calibrated);
      RoiResult result = roi.calculate(data);
      ChannelRoiInterval alone = roi.intervals(data, result, BOOTSTRAP).channel("social").orElseThrow();
      ChannelRoiInterval withSegments = roi.intervals(data, result,
          BOOTSTRAP.withSegments(roi, world.segments(), roi.perSegment(data, world.segments())))
          .channel("social").orElseThrow();
      assertThat(withSegments).isEqualTo(alone);
      widths.add(alone.revenueWidth());
    }
    assertThat(widths.get(1)).isGreaterThan(3 * widths.get(0));
  }

  @Test
  void eachSegmentsIntervalHoldsItsTotalRoiAndMovesItsCreditedValueOnly() {
    World world = world(2_000, 1);
    RoiData data = world.data();
    Map<String, RoiResult> results = LINEAR.perSegment(data, world.segments());
    RoiIntervals intervals = LINEAR.intervals(data, LINEAR.calculate(data),
        BOOTSTRAP.withSegments(LINEAR, world.segments(), results));

    assertThat(intervals.segments()).extracting(SegmentRoiInterval::segment).containsExactly("high", "low");
    for (SegmentRoiInterval interval : intervals.segments()) {
      RoiLine total = results.get(interval.segment()).report().total();
      assertThat(interval.revenue()).isEqualTo(total.reward(RewardComponent.ATTRIBUTED_REVENUE).getAsDouble());
      assertThat(interval.roi()).isEqualTo(total.roi().getAsDouble());
      assertThat(interval.investment()).isEqualTo(total.cost().amount().doubleValue());
      assertThat(interval.revenueLow()).as(interval.segment()).isLessThan(interval.revenue());
      assertThat(interval.revenueHigh()).as(interval.segment()).isGreaterThan(interval.revenue());
      assertThat(interval.coversRoi(interval.roi())).as(interval.segment()).isTrue();
      // no survey: only the attributed revenue moves, so the ROI's ends are the revenue's at the margin
      assertThat(interval.roiLow()).isCloseTo(interval.roi() + total.margin() * (interval.revenueLow()
          - interval.revenue()) / interval.investment(), within(1e-9));
      assertThat(interval.roiHigh()).isCloseTo(interval.roi() + total.margin() * (interval.revenueHigh()
          - interval.revenue()) / interval.investment(), within(1e-9));
    }
    assertThat(intervals.segment("never")).isEmpty();
    assertThat(intervals.notes()).contains("intervals: none for segment never: its model credited no purchase value"
        + " (no buyer among its journeys), so there is nothing to resample");
  }

  /**
   * Coverage against the generator's truth: over 40 worlds of 1,500 customers, the 90 % interval of each buying
   * segment's attributed revenue should hold {@code 1,500 × share × p × 99.5} about 90 % of the time (a percentile
   * bootstrap of 100 resamples covers a little less); and its width should be the normal interval's, 2 × 1.645
   * standard deviations of that revenue ({@code n × Var(share-weighted purchase value)}), within 25 %.
   */
  @Test
  void theRevenueIntervalCoversTheTrueExpectedRevenueAtAboutItsLevel() {
    int customers = 1_500;
    int worlds = 40;
    double meanSquare = 0;
    for (int v = 50; v < 150; v++) {
      meanSquare += v * (double) v / 100;
    }
    for (int s = 0; s < 2; s++) {
      double truth = customers * SHARE[s] * BUYS[s] * MEAN_VALUE;
      double perCustomer = SHARE[s] * BUYS[s];
      double sd = Math.sqrt(customers * (perCustomer * meanSquare - Math.pow(perCustomer * MEAN_VALUE, 2)));
      int covered = 0;
      double width = 0;
      for (int w = 0; w < worlds; w++) {
        SegmentRoiInterval interval = intervals(world(customers, 100 + w), RoiBootstrap.of(100, w).withLevel(0.9))
            .segment(SEGMENTS.get(s)).orElseThrow();
        covered += interval.revenueLow() <= truth && truth <= interval.revenueHigh() ? 1 : 0;
        width += (interval.revenueHigh() - interval.revenueLow()) / worlds;
      }
      assertThat(covered).as(SEGMENTS.get(s) + " covered in " + worlds + " worlds").isBetween(32, 40);
      assertThat(width / (2 * 1.6449 * sd)).as(SEGMENTS.get(s) + " mean width / normal width")
          .isBetween(0.75, 1.25);
    }
  }

  /**
   * One bootstrap: adding segments leaves the channels' intervals as they were, and a segment of everyone in a world
   * whose every touch is email, attributed as everyone, has email's revenue interval (to rounding), which it could
   * not have on other resamples than the channels'.
   */
  @Test
  void theSegmentsRideOnTheChannelsResamplesWhichTheyDoNotChange() {
    World world = world(1_000, 2);
    RoiData data = RoiData.of(world.interactions().stream().filter(i -> !i.channel().equals(SOCIAL)).toList(),
        investment());
    RoiResult result = LINEAR.calculate(data);
    RoiIntervals channelsOnly = LINEAR.intervals(data, result, BOOTSTRAP);
    Map<String, String> all = new LinkedHashMap<>();
    world.segmentOf().keySet().forEach(id -> all.put(id, "everyone"));
    RoiSegments everyone = RoiSegments.byLabel(all);
    RoiIntervals both = LINEAR.intervals(data, result,
        BOOTSTRAP.withSegments(LINEAR, everyone, LINEAR.perSegment(data, everyone)));

    assertThat(channelsOnly.segments()).isEmpty();
    assertThat(both.channels()).isEqualTo(channelsOnly.channels());
    ChannelRoiInterval email = both.channel("email").orElseThrow();
    SegmentRoiInterval segment = both.segment("everyone").orElseThrow();
    assertThat(segment.revenue()).isCloseTo(email.revenue(), within(1e-9 * email.revenue()));
    assertThat(segment.revenueLow()).isCloseTo(email.revenueLow(), within(1e-9 * email.revenue()));
    assertThat(segment.revenueHigh()).isCloseTo(email.revenueHigh(), within(1e-9 * email.revenue()));
    RoiIntervals otherSeed = LINEAR.intervals(data, result, RoiBootstrap.of(100, 4).withLevel(0.9));
    assertThat(otherSeed.channel("email").orElseThrow().revenueLow()).isNotCloseTo(segment.revenueLow(),
        within(1e-6 * email.revenue()));
  }

  @Test
  void theSameSeedGivesTheSameIntervalsAndAnotherSeedOthers() {
    World world = world(1_000, 3);
    RoiIntervals once = intervals(world, BOOTSTRAP);

    assertThat(intervals(world, BOOTSTRAP)).isEqualTo(once);
    RoiIntervals other = intervals(world, RoiBootstrap.of(100, 4).withLevel(0.9));
    assertThat(other.segments()).isNotEqualTo(once.segments());
    assertThat(other.segments()).extracting(SegmentRoiInterval::roi)
        .isEqualTo(once.segments().stream().map(SegmentRoiInterval::roi).toList());
  }

  @Test
  void intervalsNarrowWithMoreCustomers() {
    SegmentRoiInterval small = intervals(world(400, 5), BOOTSTRAP).segment("high").orElseThrow();
    SegmentRoiInterval large = intervals(world(4_000, 5), BOOTSTRAP).segment("high").orElseThrow();

    // relative width, since revenue and investment grow with the customers: about sqrt(10) narrower
    double smallWidth = (small.revenueHigh() - small.revenueLow()) / small.revenue();
    double largeWidth = (large.revenueHigh() - large.revenueLow()) / large.revenue();
    assertThat(smallWidth / largeWidth).isGreaterThan(2.0).isLessThan(5.0);
  }

  @Test
  void aRealDifferenceIsBeyondNoiseAndEachSegmentIsComparedWithTheBest() {
    RoiIntervals intervals = intervals(world(2_000, 6), BOOTSTRAP);
    SegmentRoiInterval high = intervals.segment("high").orElseThrow();
    SegmentRoiInterval low = intervals.segment("low").orElseThrow();

    assertThat(high.roi()).isGreaterThan(low.roi());
    RoiDifference fromHigh = low.versus().orElseThrow();
    assertThat(fromHigh.versus()).isEqualTo("high");
    assertThat(fromHigh.difference()).isCloseTo(low.roi() - high.roi(), within(1e-12));
    assertThat(fromHigh.high()).isNegative();
    assertThat(fromHigh.excludesZero()).isTrue();
    RoiDifference fromLow = high.versus().orElseThrow();
    assertThat(fromLow.versus()).as("the best compared with the runner-up").isEqualTo("low");
    assertThat(fromLow.low()).isPositive();
    // paired on the same resamples: the difference's interval is not the two intervals' ends subtracted
    assertThat(fromLow.high() - fromLow.low()).isLessThan(high.roiWidth() + low.roiWidth());
  }

  @Test
  void twoAlikeSegmentsDifferWithinNoise() {
    World world = world(2_000, 7);
    Map<String, String> halves = new LinkedHashMap<>();
    world.segmentOf().forEach((id, segment) -> halves.put(id, segment.equals("never") ? "never"
        : Integer.parseInt(id.substring(1)) % 2 == 0 ? "even" : "odd"));
    RoiSegments segments = RoiSegments.byLabel(halves);
    RoiData data = world.data();
    RoiIntervals intervals = LINEAR.intervals(data, LINEAR.calculate(data),
        BOOTSTRAP.withSegments(LINEAR, segments, LINEAR.perSegment(data, segments)));

    RoiDifference difference = intervals.segment("even").orElseThrow().versus().orElseThrow();
    assertThat(difference.low()).isNegative();
    assertThat(difference.high()).isPositive();
    assertThat(difference.excludesZero()).isFalse();
  }

  @Test
  void theSegmentsModelRunsOncePerSegmentAndResampleAndNeverOnTheWhole() {
    World world = world(800, 8);
    RoiData data = world.data();
    AtomicInteger runs = new AtomicInteger();
    AttributionModel counting = new CountingModel(AttributionModels.defaults().create("linear"), runs);
    RoiAnalysis bySegment = RoiAnalysis.of(LINEAR.settings(), counting);
    RoiSegments segments = world.segments();
    Map<String, RoiResult> results = bySegment.perSegment(data, segments);
    runs.set(0);

    RoiIntervals intervals = LINEAR.intervals(data, LINEAR.calculate(data),
        RoiBootstrap.of(30, 1).withSegments(bySegment, segments, results));

    assertThat(intervals.segments()).hasSize(2);
    // "never" has no interval, so its model is not run on the resamples either
    assertThat(runs.get()).isEqualTo(30 * 2);
  }

  @Test
  void aSegmentWithoutInvestmentHasNoIntervalAndSaysWhy() {
    World world = world(600, 9);
    RoiData data = RoiData.of(world.interactions(), Investment.of(EUR, List.of(Cost.of(YearMonth.of(2024, 1),
        "email", Money.parse("3000.00", "EUR")).withSegment("low"))));
    RoiSegments segments = world.segments();
    RoiIntervals intervals = LINEAR.intervals(data, LINEAR.calculate(data),
        BOOTSTRAP.withSegments(LINEAR, segments, LINEAR.perSegment(data, segments)));

    assertThat(intervals.segments()).extracting(SegmentRoiInterval::segment).containsExactly("low");
    assertThat(intervals.segment("low").orElseThrow().versus()).isEmpty();
    assertThat(intervals.notes()).contains("intervals: none for segment high: it has no investment, so no ROI");
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    World world = world(200, 10);
    RoiData data = world.data();
    Map<String, RoiResult> results = Map.of("elsewhere", LINEAR.calculate(data));
    assertThatThrownBy(() -> BOOTSTRAP.withSegments(LINEAR, world.segments(), results))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("segment results")
        .hasMessageContaining("elsewhere");
    assertThatThrownBy(() -> new SegmentRoiInterval("high", 0, 1, 0, 2, 0.1, 0, 0.2, Optional.empty()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("investment of segment high");
    assertThatThrownBy(() -> new SegmentRoiInterval("high", 10, 1, 2, 0, 0.1, 0, 0.2, Optional.empty()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("interval of segment high");
    assertThatThrownBy(() -> new SegmentRoiInterval("high", 10, Double.NaN, 0, 2, 0.1, 0, 0.2, Optional.empty()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must be finite");
    assertThatThrownBy(() -> new RoiDifference("low", 0.1, 0.3, 0.2))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("difference from low");
    assertThatThrownBy(() -> new RoiDifference("low", Double.POSITIVE_INFINITY, 0, 0.2))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must be finite");
  }
}
