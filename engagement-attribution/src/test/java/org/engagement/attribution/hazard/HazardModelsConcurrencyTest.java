package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.interval.BootstrapIntervals;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.validation.CrossValidation;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The models that remember results in the static {@code IdentityMemo}s ({@code exposure-hazard},
 * {@code interaction-hazard}, {@code additive-hazard}, cross-validation, the refitted lift calibration,
 * {@code recommended}, which runs them, and bootstraps, whose resample forms start from the remembered fits and
 * whose resamples fill the memos in parallel) called from many threads at once on the same journey set instances and on
 * different ones, each answer compared, exactly, with the one a single thread gets on an instance of its own. A
 * report builds its sections on several threads over one journey set, so these memos are shared in production.
 */
class HazardModelsConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 4;
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");
  private static final List<String> CHANNELS = List.of("display", "email", "search", "social");
  private static final List<LiftResult> LIFTS = List.of(new LiftResult("email", 6, 2, 10));

  /** Each call a thread makes, named, giving a comparable fingerprint of its answer. */
  private static final Map<String, Function<JourneySet, Object>> CALLS = calls();

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private static Map<String, Function<JourneySet, Object>> calls() {
    Map<String, Function<JourneySet, Object>> calls = new LinkedHashMap<>();
    calls.put("exposure-hazard", set -> fingerprint(ExposureHazardModel.create().attribute(set)));
    calls.put("exposure-hazard level 0.2", set -> fingerprint(ExposureHazardModel.of(0.2).attribute(set)));
    calls.put("interaction-hazard", set -> fingerprint(InteractionHazardModel.create().attribute(set)));
    calls.put("interaction-hazard level 0.2", set -> fingerprint(InteractionHazardModel.of(0.2).attribute(set)));
    calls.put("additive-hazard", set -> fingerprint(AdditiveHazardModel.create().attribute(set)));
    calls.put("additive-hazard hazards", HazardModelsConcurrencyTest::hazardsThenScribble);
    calls.put("cross-validation", set -> CrossValidation.defaults().validate(set));
    calls.put("cross-validation order 2", set -> CrossValidation.of(3, 7).withMaxMarkovOrder(2).validate(set));
    calls.put("refitted calibration", set -> fingerprint(LiftCalibration.defaults()
        .withUntested(UntestedChannels.REFITTED).calibrate(ExposureHazardModel.create(), set, LIFTS)));
    calls.put("recommended", set -> fingerprint(RecommendedModel.create().attribute(set)));
    calls.put("bootstrap of exposure-hazard", set -> BootstrapIntervals.of(8, 5)
        .compute(ExposureHazardModel.create(), set));
    calls.put("bootstrap of calibrated additive-hazard", set -> BootstrapIntervals.of(8, 5)
        .compute(LiftCalibration.defaults().model(AdditiveHazardModel.create(), LIFTS), set));
    return calls;
  }

  /**
   * The hazards {@code additive-hazard} fitted, after which the caller writes over the array it was given: the
   * remembered fit is shared by every thread, so a caller's array must be its own.
   */
  private static Object hazardsThenScribble(JourneySet set) {
    double[] hazards = AdditiveHazardModel.create().hazards(set);
    List<Double> seen = Arrays.stream(hazards).boxed().toList();
    Arrays.fill(hazards, Double.NaN);
    return seen;
  }

  /** Everything an attribution result says, boxed so that {@code equals} compares the doubles bit for bit. */
  private static List<Object> fingerprint(AttributionResult result) {
    return List.of(result.model(), result.channelNames(), result.conversionsByChannel(), result.valueByChannel(),
        result.totalConversions(), result.totalValue(), result.additive(), result.notes());
  }

  /**
   * Every call on two worlds, by {@value #THREADS} threads released together, {@value #ROUNDS} rounds, each round on
   * new instances (so that the memos start cold and the threads race to fill them) of equal content: every answer
   * equals the single-threaded one on an instance nobody else used.
   */
  @Test
  void manyThreadsGetTheSingleThreadedAnswers() throws Exception {
    List<List<Interaction>> worlds = List.of(interactions(11, 240), interactions(23, 200));
    List<Map<String, Object>> expected = new ArrayList<>();
    for (List<Interaction> world : worlds) {
      Map<String, Object> answers = new LinkedHashMap<>();
      CALLS.forEach((name, call) -> answers.put(name, call.apply(journeys(world))));
      expected.add(answers);
    }
    CALLS.keySet().forEach(name -> assertThat(expected.get(0).get(name)).as("the worlds tell %s apart", name)
        .isNotEqualTo(expected.get(1).get(name)));
    List<String> names = List.copyOf(CALLS.keySet());
    for (int round = 0; round < ROUNDS; round++) {
      List<JourneySet> sets = worlds.stream().map(HazardModelsConcurrencyTest::journeys).toList();
      Map<String, Object> wrong = new ConcurrentHashMap<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        int r = round;
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < names.size(); k++) {
            int w = (thread + k) % 2;
            String name = names.get((thread * 3 + k + r) % names.size());
            Object answer = CALLS.get(name).apply(sets.get(w));
            if (!answer.equals(expected.get(w).get(name))) {
              wrong.put("world " + w + ", " + name + ", thread " + thread, answer);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(60, TimeUnit.SECONDS);
      }
      assertThat(wrong).as("answers that differ from the single-threaded ones, round " + round).isEmpty();
    }
  }

  private static JourneySet journeys(List<Interaction> interactions) {
    return JourneyRules.defaults().withLookback(Duration.ofDays(365)).journeys(interactions).toJourneySet();
  }

  /**
   * {@code people} customers drawn with {@code seed}: each touched by a random subset of the channels every two
   * weeks from a random day, buying with a probability that grows with the channels that touched them.
   */
  private static List<Interaction> interactions(long seed, int people) {
    Random random = new Random(seed);
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < people; i++) {
      String customer = "c" + i;
      double chance = 0.05;
      double last = 0;
      for (int c = 0; c < CHANNELS.size(); c++) {
        if (random.nextDouble() < 0.5) {
          double from = random.nextDouble() * 60;
          for (double day = from; day < from + 30; day += 14) {
            out.add(at(customer, CHANNELS.get(c), day, InteractionType.CLICK, null));
            last = Math.max(last, day);
          }
          chance += 0.1 * (c + 1);
        }
      }
      if (last > 0 && random.nextDouble() < chance) {
        out.add(at(customer, "web", last + 1 + random.nextDouble() * 10, InteractionType.PURCHASE,
            Money.ofMinor(5_000 + random.nextInt(10_000), USD)));
      }
    }
    return out;
  }

  private static Interaction at(String customer, String channel, double day, InteractionType type, Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.plusSeconds(Math.round(day * 86_400))).type(type).value(value).build();
  }
}
