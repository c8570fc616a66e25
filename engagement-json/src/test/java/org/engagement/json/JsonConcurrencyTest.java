package org.engagement.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.ImportReport;
import org.engagement.json.saved.ClvFitData;
import org.engagement.json.saved.SavedClvModel;
import org.junit.jupiter.api.Test;

/**
 * {@link EngagementJson} keeps one Jackson mapper for every caller, and a host is told to make one with {@link
 * EngagementJson#mapper()} and share it: Jackson fills the mapper's serializer and deserializer caches on first use
 * of each type, from whichever threads write and read at once. Many threads write and read every form at once, on
 * the shared mapper and on new ones, each text compared with a single thread's.
 */
class JsonConcurrencyTest {
  private static final int THREADS = 8;

  private static List<Object> values() {
    AttributionResult result = AttributionResult.of("linear", ChannelIndex.of(List.of("search", "email")),
        new double[] {1.5, 1.5}, new double[] {60.25, 0.1}, 3, 60.35, true).withNotes(List.of("a note"));
    FitResult fit = FitResult.of(List.of("r", "alpha", "a", "b"), new double[] {0.2426, 4.4136, 0.7929, 2.4259},
        -9582.4292, FitStatus.CONVERGED, 412, 1130, null);
    SavedClvModel saved = SavedClvModel.of(SavedClvModel.Kind.BGNBD, PeriodUnit.WEEK, fit,
        new ClvFitData(2357, 1411, 5399, OptionalDouble.of(32.72), OptionalDouble.empty()));
    return List.of(result, fit, saved, Money.parse("12.34", "EUR"), ImportReport.empty("interactions.csv"));
  }

  /**
   * {@value #THREADS} threads released together, several rounds, each writing every value and reading it back, on
   * {@link EngagementJson} itself and on a mapper new in the round (cold caches) that they share: every text, and
   * every text of what was read back, equals the single-threaded one.
   */
  @Test
  void manyThreadsWriteAndReadTheSingleThreadedText() throws Exception {
    List<Object> values = values();
    List<String> expected = new ArrayList<>();
    List<String> expectedOfMapper = new ArrayList<>();
    for (Object value : values) {
      expected.add(EngagementJson.write(value));
      expectedOfMapper.add(EngagementJson.mapper().writeValueAsString(value));
    }
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 5; round++) {
        ObjectMapper mapper = EngagementJson.mapper();
        Set<String> wrong = ConcurrentHashMap.newKeySet();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          done.add(pool.submit(() -> {
            start.await();
            for (int k = 0; k < values.size(); k++) {
              int v = (thread + k) % values.size();
              Object value = values.get(v);
              boolean shared = thread % 2 == 0;
              String text = shared ? EngagementJson.write(value) : mapper.writeValueAsString(value);
              Object back = shared ? EngagementJson.read(text, value.getClass())
                  : mapper.readValue(text, value.getClass());
              if (!text.equals((shared ? expected : expectedOfMapper).get(v))
                  || !EngagementJson.write(back).equals(expected.get(v))) {
                wrong.add(value.getClass().getSimpleName() + ", thread " + thread);
              }
            }
            return null;
          }));
        }
        start.countDown();
        for (Future<?> f : done) {
          f.get(60, TimeUnit.SECONDS);
        }
        assertThat(wrong).as("texts that differ from the single-threaded ones, round " + round).isEmpty();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
