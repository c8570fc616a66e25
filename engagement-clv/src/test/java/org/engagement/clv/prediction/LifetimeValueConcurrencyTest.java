package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The state a valuation and a population share between threads: the grouping of all the customers by history that
 * {@link CustomerColumns} keeps once made, the discounted purchases a {@linkplain CustomerLifetimeValue#remembering()
 * remembering} valuation keeps per history, and the interpolation shares {@code InterpolatedSteps} keeps per scale.
 * A report's CLV, segments and ROI sections value the same buyers with one remembering valuation on several threads.
 * Many threads value the CDNOW customers at once, each answer compared, bit for bit, with a single thread's on
 * instances nobody else used.
 */
class LifetimeValueConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 6;
  private static final List<RepeatBuyingSummary> CUSTOMERS = Cdnow.summaries();
  /** Three years in weeks: more steps than the interpolation's coarsest level, so it is used (and its shares kept). */
  private static final Horizon HORIZON = Horizon.years(3);
  private static final DiscountRate RATE = DiscountRate.annual(0.15);
  private static final SpendForecast SPEND = SpendForecast.gammaGamma(Cdnow.gammaGamma());

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  /** The valuations, made anew for each use: BG/NBD (factored by alive), and the same model not factored. */
  private static Map<String, CustomerLifetimeValue> valuations() {
    Map<String, CustomerLifetimeValue> all = new LinkedHashMap<>();
    all.put("bg/nbd", CustomerLifetimeValue.of(Cdnow.bgNbd(), SPEND, HORIZON, RATE));
    all.put("bg/nbd remembering", CustomerLifetimeValue.of(Cdnow.bgNbd(), SPEND, HORIZON, RATE).remembering());
    all.put("unfactored remembering",
        CustomerLifetimeValue.of(new Unfactored(Cdnow.bgNbd()), SPEND, HORIZON, RATE).remembering());
    return all;
  }

  /** What a thread asks of a valuation and the population, as a list of bit-comparable doubles. */
  private static final Map<String, Function<Shared, List<Double>>> CALLS = Map.of(
      "values", s -> boxed(s.valuation().values(s.columns())),
      "discounted purchases", s -> boxed(s.valuation().discountedPurchases(s.columns())),
      "values of a range", s -> {
        double[] out = new double[s.columns().size()];
        s.valuation().values(s.columns(), 100, 900, out);
        return boxed(out);
      },
      "value one by one", s -> {
        double[] out = new double[400];
        for (int i = 0; i < out.length; i++) {
          out[i] = s.valuation().value(CUSTOMERS.get(i * 5));
        }
        return boxed(out);
      });

  /** A valuation and the columns it values, both possibly shared with other threads. */
  private record Shared(CustomerLifetimeValue valuation, CustomerColumns columns) {}

  /**
   * {@value #THREADS} threads released together, {@value #ROUNDS} rounds, each round on new valuations and new
   * columns (so that the kept figures start empty and the threads race to make them): each thread asks every
   * valuation every question on the shared columns, in an order of its own; every answer equals the single-threaded
   * one.
   */
  @Test
  void manyThreadsGetTheSingleThreadedValues() throws Exception {
    Map<String, List<Double>> expected = new LinkedHashMap<>();
    valuations().keySet().forEach(v -> CALLS.forEach((c, call) -> expected.put(v + ", " + c,
        call.apply(new Shared(valuations().get(v), CustomerColumns.from(CUSTOMERS, PeriodUnit.WEEK))))));
    List<String> keys = List.copyOf(expected.keySet());
    for (int round = 0; round < ROUNDS; round++) {
      Map<String, CustomerLifetimeValue> valuations = valuations();
      CustomerColumns columns = CustomerColumns.from(CUSTOMERS, PeriodUnit.WEEK);
      Map<String, String> wrong = new ConcurrentHashMap<>();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < keys.size(); k++) {
            String key = keys.get((thread * 5 + k) % keys.size());
            String[] parts = key.split(", ", 2);
            List<Double> answer = CALLS.get(parts[1]).apply(new Shared(valuations.get(parts[0]), columns));
            if (!answer.equals(expected.get(key))) {
              wrong.put(key + ", thread " + thread, firstDifference(answer, expected.get(key)));
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

  private static List<Double> boxed(double[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  private static String firstDifference(List<Double> answer, List<Double> expected) {
    for (int i = 0; i < answer.size(); i++) {
      if (!answer.get(i).equals(expected.get(i))) {
        return "customer " + i + ": " + answer.get(i) + " instead of " + expected.get(i);
      }
    }
    return "lengths " + answer.size() + " and " + expected.size();
  }

  /**
   * {@code model} without its alive factoring, so that a valuation takes the path that remembers each full history
   * {@code (x, t_x, T)} instead of each {@code (x, T)}.
   */
  private record Unfactored(RepeatBuyingModel model) implements ForwardingModel {}
}
