package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.engagement.attribution.AttributionResult;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state the relationship ROI shares between threads: the mean purchase value a {@link RoiData} computes once
 * per conversion rule and currency, the providers {@link RoiCalculators} discovers once, and the segments' part of a
 * bootstrap, which the resamples' workers add to at once. A report builds its sections on several threads over one
 * data value. Many threads calculate on the same data and on another at once, each answer compared, exactly, with a
 * single thread's on data nobody else used.
 */
class RoiConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 4;
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Channel EMAIL = Channel.of("email", "Email", ChannelGroup.EMAIL);
  private static final Channel SOCIAL = Channel.of("social", "Social", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel SHOP = Channel.of("shop", "Shop", ChannelGroup.DIRECT);
  private static final Instant START = Instant.parse("2024-01-01T09:00:00Z");
  private static final List<String> SEGMENTS = List.of("high", "low");
  private static final RoiAnalysis LINEAR = RoiAnalysis.of(RoiSettings.defaults().withModel("linear"));
  private static final RoiBootstrap BOOTSTRAP = RoiBootstrap.of(40, 3).withLevel(0.9);

  /** What a thread asks of a world's data (shared with other threads) and of the calculators (shared too). */
  private static final Map<String, BiFunction<Shared, World, Object>> CALLS = calls();

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  /** A world: its interactions and each customer's segment. */
  private record World(List<Interaction> interactions, Map<String, String> segmentOf) {
    RoiData data() {
      return RoiData.of(interactions, investment());
    }

    RoiSegments segments() {
      return RoiSegments.byLabel(segmentOf);
    }
  }

  /** A world's data and the calculators, each as every thread of a round sees them. */
  private record Shared(RoiData data, RoiCalculators calculators) {}

  private static Map<String, BiFunction<Shared, World, Object>> calls() {
    Map<String, BiFunction<Shared, World, Object>> calls = new LinkedHashMap<>();
    calls.put("calculate", (shared, world) -> fingerprint(LINEAR.calculate(shared.data())));
    calls.put("per segment", (shared, world) -> {
      Map<String, Object> bySegment = new TreeMap<>();
      LINEAR.perSegment(shared.data(), world.segments()).forEach((s, r) -> bySegment.put(s, fingerprint(r)));
      return bySegment;
    });
    calls.put("intervals with segments", (shared, world) -> {
      RoiData data = shared.data();
      return LINEAR.intervals(data, LINEAR.calculate(data),
          BOOTSTRAP.withSegments(LINEAR, world.segments(), LINEAR.perSegment(data, world.segments())));
    });
    calls.put("calculators", (shared, world) -> List.of(shared.calculators().names(),
        shared.calculators().discoveryFailures(), shared.calculators().create("relationship").getClass()));
    return calls;
  }

  /** Everything a result says; the attribution's credits boxed so that {@code equals} compares the doubles. */
  private static List<Object> fingerprint(RoiResult result) {
    AttributionResult measured = result.attribution().measured();
    return List.of(result.report(), result.valuePerCustomer(), measured.model(), measured.conversionsByChannel(),
        measured.valueByChannel(), measured.notes());
  }

  /**
   * Every call on two worlds by {@value #THREADS} threads released together, {@value #ROUNDS} rounds, each round on
   * new data values and new calculators (so that what they keep is not yet computed and the threads race to compute
   * it): every answer equals the single-threaded one.
   */
  @Test
  void manyThreadsGetTheSingleThreadedAnswers() throws Exception {
    List<World> worlds = List.of(world(600, 1), world(500, 2));
    List<Map<String, Object>> expected = new ArrayList<>();
    for (World world : worlds) {
      Map<String, Object> answers = new LinkedHashMap<>();
      CALLS.forEach((name, call) -> answers.put(name,
          call.apply(new Shared(world.data(), RoiCalculators.defaults()), world)));
      expected.add(answers);
    }
    CALLS.keySet().stream().filter(name -> !name.equals("calculators")).forEach(name ->
        assertThat(expected.get(0).get(name)).as("the worlds tell %s apart", name)
            .isNotEqualTo(expected.get(1).get(name)));
    List<String> names = List.copyOf(CALLS.keySet());
    for (int round = 0; round < ROUNDS; round++) {
      RoiCalculators calculators = RoiCalculators.defaults();
      List<Shared> shared = worlds.stream().map(w -> new Shared(w.data(), calculators)).toList();
      Set<String> wrong = ConcurrentHashMap.newKeySet();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < names.size(); k++) {
            int w = (thread + k) % 2;
            String name = names.get((thread + k) % names.size());
            Object answer = CALLS.get(name).apply(shared.get(w), worlds.get(w));
            if (!answer.equals(expected.get(w).get(name))) {
              wrong.add("world " + w + ", " + name + ", thread " + thread);
            }
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> f : done) {
        f.get(120, TimeUnit.SECONDS);
      }
      assertThat(wrong).as("answers that differ from the single-threaded ones, round " + round).isEmpty();
    }
  }

  /**
   * The first calculation on a data value works out its mean purchase value and keeps it: {@value #THREADS} threads
   * released together on new data each round, all at that first calculation, get the single-threaded result.
   */
  @Test
  void threadsRacingToTheFirstCalculationGetTheSingleThreadedResult() throws Exception {
    World world = world(300, 3);
    Object expected = fingerprint(LINEAR.calculate(world.data()));
    for (int round = 0; round < 40; round++) {
      RoiData data = world.data();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Object>> answers = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        answers.add(pool.submit(() -> {
          start.await();
          return fingerprint(LINEAR.calculate(data));
        }));
      }
      start.countDown();
      for (Future<Object> answer : answers) {
        assertThat(answer.get(60, TimeUnit.SECONDS)).as("round " + round).isEqualTo(expected);
      }
    }
  }

  /**
   * {@code customers} customers drawn with {@code seed}: each emailed once in the first 60 days of 2024 and half of
   * them reached on social; "high" customers buy with probability 0.6, "low" ones with 0.2, for 50 to 149 EUR.
   */
  private static World world(int customers, long seed) {
    Random random = new Random(seed);
    List<Interaction> interactions = new ArrayList<>();
    Map<String, String> segmentOf = new LinkedHashMap<>();
    for (int c = 0; c < customers; c++) {
      String id = String.format("c%06d", c);
      int segment = random.nextDouble() < 0.45 ? 0 : 1;
      segmentOf.put(id, SEGMENTS.get(segment));
      int day = random.nextInt(60);
      interactions.add(at(id, EMAIL, day, InteractionType.CLICK, null));
      if (random.nextBoolean()) {
        interactions.add(at(id, SOCIAL, random.nextInt(day + 1), InteractionType.CLICK, null));
      }
      if (random.nextDouble() < (segment == 0 ? 0.6 : 0.2)) {
        interactions.add(at(id, SHOP, day + 1 + random.nextInt(10), InteractionType.PURCHASE,
            Money.of(new BigDecimal(50 + random.nextInt(100)), EUR)));
      }
    }
    return new World(interactions, segmentOf);
  }

  private static Interaction at(String customer, Channel channel, int day, InteractionType type, Money value) {
    return Interaction.builder().customerId(customer).channel(channel).timestamp(START.plus(day, ChronoUnit.DAYS))
        .type(type).value(value).build();
  }

  /** Email 20,000 and social 5,000 EUR in January 2024. */
  private static Investment investment() {
    return Investment.of(EUR, List.of(
        Cost.of(YearMonth.of(2024, 1), "email", Money.parse("20000.00", "EUR")),
        Cost.of(YearMonth.of(2024, 1), "social", Money.parse("5000.00", "EUR"))));
  }
}
