package org.engagement.attribution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {
  private static final int THREADS = 8;

  /** One computation per input instance and setting; an equal but distinct input is computed anew. */
  @Test
  void remembersByInstanceAndSetting() {
    IdentityMemo<List<Integer>, String, Integer> memo = IdentityMemo.of(4);
    AtomicInteger computed = new AtomicInteger();
    List<Integer> input = new ArrayList<>(List.of(1, 2));
    assertThat(memo.get(input, "a", computed::incrementAndGet)).isEqualTo(1);
    assertThat(memo.get(input, "a", computed::incrementAndGet)).isEqualTo(1);
    assertThat(memo.get(input, "b", computed::incrementAndGet)).isEqualTo(2);
    assertThat(memo.get(new ArrayList<>(List.of(1, 2)), "a", computed::incrementAndGet)).isEqualTo(3);
    assertThat(computed).hasValue(3);
  }

  /** A computation that throws is not remembered: the next call computes again. */
  @Test
  void aFailedComputationIsNotRemembered() {
    IdentityMemo<Object, String, String> memo = IdentityMemo.of(4);
    Object input = new Object();
    assertThatThrownBy(() -> memo.get(input, "a", () -> {
      throw new IllegalStateException("no");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(memo.get(input, "a", () -> "yes")).isEqualTo("yes");
  }

  /**
   * Threads inserting beside each other on one input, each asking for every setting in an order of its own:
   * afterwards every setting is remembered, none lost to a racing insertion, so asking again computes nothing.
   */
  @Test
  void noSettingIsLostToARacingInsertion() throws Exception {
    int settings = 20_000;
    for (int round = 0; round < 3; round++) {
      IdentityMemo<Object, Integer, Object> memo = IdentityMemo.of(4);
      Object input = new Object();
      Map<Integer, Object> first = new ConcurrentHashMap<>();
      long seed = round * 100L;
      race(thread -> {
        List<Integer> order = new ArrayList<>();
        for (int s = 0; s < settings; s++) {
          order.add(s);
        }
        Collections.shuffle(order, new Random(seed + thread));
        for (int s : order) {
          first.putIfAbsent(s, memo.get(input, s, Object::new));
        }
      });
      for (int s = 0; s < settings; s++) {
        assertThat(memo.get(input, s, () -> {
          throw new AssertionError("a remembered setting was computed again");
        })).isSameAs(first.get(s));
      }
    }
  }

  /**
   * Threads asking for the same missing setting at the same moment (a barrier before each setting) may each compute
   * it, but all get the one instance remembered first, so that memos keyed by that instance further on (a model's
   * fits of the reduced journeys of a calibration) see one instance.
   */
  @Test
  void racersForOneSettingGetOneInstance() throws Exception {
    int settings = 300;
    IdentityMemo<Object, Integer, Object> memo = IdentityMemo.of(4);
    Object input = new Object();
    CyclicBarrier together = new CyclicBarrier(THREADS);
    Map<Integer, Set<Object>> got = new ConcurrentHashMap<>();
    race(thread -> {
      for (int s = 0; s < settings; s++) {
        together.await(30, TimeUnit.SECONDS);
        Object value = memo.get(input, s, IdentityMemoTest::slowObject);
        got.computeIfAbsent(s, k -> Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>())))
            .add(value);
      }
    });
    assertThat(got).hasSize(settings);
    got.forEach((s, instances) -> assertThat(instances).as("instances of setting " + s).hasSize(1));
  }

  /** A new object, made after some work, so that racers overlap inside the computation. */
  private static Object slowObject() {
    double sum = 0;
    for (int i = 1; i < 20_000; i++) {
      sum += Math.sqrt(i);
    }
    return List.of(sum);
  }

  /** Runs {@code work} on {@value #THREADS} threads released together; fails with the first failure. */
  private static void race(ThreadWork work) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
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
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** What one thread of a race does. */
  private interface ThreadWork {
    void run(int thread) throws Exception;
  }
}
