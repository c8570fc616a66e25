package org.engagement.report.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.BundledWorld;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Analysis} is shared by the sections a report builds on several threads ({@link Analysis#apart()} for each):
 * its figures are computed once on first use (the journeys until released), and every file a section reads is
 * recorded in its account. Many threads ask for them at once on new analyses of the bundled world.
 */
class AnalysisConcurrencyTest {
  private static final int THREADS = 8;
  private static AnalysisInput input;
  private static ExecutorService pool;

  /** The shared figures, each asked for by its accessor. */
  private static final Map<String, Function<Analysis, Object>> FIGURES = figures();

  @BeforeAll
  static void readWorld() throws Exception {
    input = BundledWorld.input();
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private static Map<String, Function<Analysis, Object>> figures() {
    Map<String, Function<Analysis, Object>> figures = new LinkedHashMap<>();
    figures.put("journeys", Analysis::journeys);
    figures.put("journey set", Analysis::journeySet);
    figures.put("purchases", Analysis::purchases);
    figures.put("profiles", Analysis::profiles);
    figures.put("value tiers", Analysis::valueTiers);
    figures.put("channel names", Analysis::channelNames);
    return figures;
  }

  /**
   * {@value #THREADS} threads released together on a new analysis (half of them on analyses apart from it), each
   * asking for every figure in an order of its own, several rounds: every thread gets the one instance of each figure,
   * computed once.
   */
  @Test
  void eachFigureIsComputedOnceHoweverManyThreadsAskAtOnce() throws Exception {
    List<String> names = List.copyOf(FIGURES.keySet());
    for (int round = 0; round < 3; round++) {
      int r = round;
      Analysis analysis = Analysis.of(input, Progress.none());
      Map<String, Set<Object>> seen = new ConcurrentHashMap<>();
      race(thread -> {
        Analysis mine = thread % 2 == 0 ? analysis : analysis.apart();
        for (int k = 0; k < names.size(); k++) {
          String name = names.get((thread + k) % names.size());
          Object figure = FIGURES.get(name).apply(mine);
          seen.computeIfAbsent(name, n -> Collections.synchronizedSet(Collections.newSetFromMap(
              new IdentityHashMap<>()))).add(figure);
        }
      });
      assertThat(seen).hasSize(names.size());
      seen.forEach((name, instances) -> assertThat(instances).as("instances of %s, round %d", name, r).hasSize(1));
    }
  }

  /**
   * Threads asking for the journey set while others release it: each gets a set equal, path by path, to the one a
   * single thread gets, whether it was kept or cut again.
   */
  @Test
  void journeysReleasedWhileOthersAskAreCutAgainEqual() throws Exception {
    List<Object> expected = fingerprint(Analysis.of(input, Progress.none()).journeySet());
    Analysis analysis = Analysis.of(input, Progress.none());
    Set<String> wrong = ConcurrentHashMap.newKeySet();
    race(thread -> {
      for (int k = 0; k < 6; k++) {
        if ((thread + k) % 3 == 0) {
          analysis.releaseJourneys();
        } else if (!fingerprint(analysis.journeySet()).equals(expected)) {
          wrong.add("thread " + thread + ", step " + k);
        }
      }
    });
    assertThat(wrong).isEmpty();
  }

  /**
   * Threads recording the files they read, each on the shared analysis and on one apart, as sections on the report's
   * threads do: every account is kept, and each analysis apart keeps its own.
   */
  @Test
  void everyFileRecordedOnAnyThreadIsInTheAccount() throws Exception {
    int files = 500;
    Analysis analysis = Analysis.of(input, Progress.none());
    List<Analysis> apart = Collections.synchronizedList(new ArrayList<>());
    race(thread -> {
      Analysis mine = analysis.apart();
      apart.add(mine);
      for (int f = 0; f < files; f++) {
        analysis.recordRead(ImportReport.empty("shared-" + thread + "-" + f));
        mine.recordRead(ImportReport.empty("own-" + f));
      }
    });
    assertThat(analysis.reads()).hasSize(1 + THREADS * files);
    assertThat(apart).hasSize(THREADS).allSatisfy(a -> assertThat(a.reads()).hasSize(1 + files));
  }

  /** What a journey set holds, path by path, boxed so that {@code equals} compares the counts bit for bit. */
  private static List<Object> fingerprint(JourneySet set) {
    List<Object> all = new ArrayList<>();
    all.add(set.channels().names());
    for (int p = 0; p < set.pathCount(); p++) {
      all.add(List.of(set.pathNames(p), set.conversions(p), set.value(p), set.nulls(p)));
    }
    return all;
  }

  /** Runs {@code work} on {@value #THREADS} threads released together; fails with the first failure. */
  private static void race(ThreadWork work) throws Exception {
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      int thread = t;
      done.add(pool.submit(() -> {
        start.await();
        work.run(thread);
        return null;
      }));
    }
    start.countDown();
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
  }

  /** What one thread of a race does. */
  private interface ThreadWork {
    void run(int thread) throws Exception;
  }
}
