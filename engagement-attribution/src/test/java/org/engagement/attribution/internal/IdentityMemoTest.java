package org.engagement.attribution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
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
   * Threads asking for the same missing setting at the same moment (a barrier before each setting) all get one
   * instance, so that memos keyed by that instance further on (a model's fits of the reduced journeys of a
   * calibration) see one instance.
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

  /**
   * Threads asking for a setting while another computes it wait for that computation instead of making their own:
   * the computation holds until every racer has asked, so each of them finds it running (two report sections asked
   * for one cross-validation at once and both made it).
   */
  @Test
  void racersForOneMissingSettingComputeItOnce() throws Exception {
    for (int round = 0; round < 20; round++) {
      IdentityMemo<Object, String, Object> memo = IdentityMemo.of(4);
      Object input = new Object();
      AtomicInteger computed = new AtomicInteger();
      CountDownLatch asked = new CountDownLatch(THREADS);
      Set<Object> got = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
      race(thread -> {
        asked.countDown();
        got.add(memo.get(input, "s", () -> {
          computed.incrementAndGet();
          awaitQuietly(asked);
          return slowObject();
        }));
      });
      assertThat(computed).as("computations in round " + round).hasValue(1);
      assertThat(got).as("instances in round " + round).hasSize(1);
    }
  }

  /**
   * A thread that waited for a computation that threw gets that very exception, and does not compute; the failure
   * is not remembered, so the next ask computes afresh.
   */
  @Test
  void aWaiterGetsTheFailureOfTheComputationItWaitedFor() throws Exception {
    IdentityMemo<Object, String, String> memo = IdentityMemo.of(4);
    Object input = new Object();
    IllegalStateException failure = new IllegalStateException("no");
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch fail = new CountDownLatch(1);
    AtomicReference<Throwable> ownerGot = new AtomicReference<>();
    AtomicReference<Throwable> waiterGot = new AtomicReference<>();
    Thread owner = new Thread(() -> caught(ownerGot, () -> memo.get(input, "a", () -> {
      computing.countDown();
      awaitQuietly(fail);
      throw failure;
    })));
    owner.start();
    computing.await(30, TimeUnit.SECONDS);
    Thread waiter = new Thread(() -> caught(waiterGot, () -> memo.get(input, "a", () -> "the waiter's")));
    waiter.start();
    awaitWaiting(waiter);
    fail.countDown();
    owner.join(30_000);
    waiter.join(30_000);
    assertThat(ownerGot.get()).isSameAs(failure);
    assertThat(waiterGot.get()).isSameAs(failure);
    assertThat(memo.get(input, "a", () -> "yes")).isEqualTo("yes");
  }

  /**
   * A computation that asks the memo for its own input and setting on its own thread fails at once, naming the
   * setting, instead of waiting for itself; it is not remembered.
   */
  @Test
  void aComputationAskingForItselfFailsInsteadOfHanging() {
    IdentityMemo<Object, String, String> memo = IdentityMemo.of(4);
    Object input = new Object();
    assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
        assertThatThrownBy(() -> memo.get(input, "a", () -> memo.get(input, "a", () -> "inner")))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("setting a"));
    assertThat(memo.get(input, "a", () -> "afresh")).isEqualTo("afresh");
  }

  /**
   * Computations that ask the memo for other settings, and another memo, as the hazard models do (exposure-hazard's
   * result asks for its point fit and the additive fit), from racing threads: none hangs, each result is made once.
   */
  @Test
  void nestedAsksFromRacingThreadsDoNotHang() {
    IdentityMemo<Object, String, String> results = IdentityMemo.of(4);
    IdentityMemo<Object, String, String> fits = IdentityMemo.of(4);
    Object input = new Object();
    Map<String, AtomicInteger> computed = new ConcurrentHashMap<>();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> race(thread -> {
      for (int s = 0; s < 200; s++) {
        String setting = String.valueOf(s);
        String result = results.get(input, "result " + setting, () -> {
          computed.computeIfAbsent("result " + setting, k -> new AtomicInteger()).incrementAndGet();
          String fit = fits.get(input, setting, () -> {
            computed.computeIfAbsent("fit " + setting, k -> new AtomicInteger()).incrementAndGet();
            return "fit of " + slowObject();
          });
          return results.get(input, "point " + setting, () -> {
            computed.computeIfAbsent("point " + setting, k -> new AtomicInteger()).incrementAndGet();
            return "point from " + fit;
          });
        });
        assertThat(result).startsWith("point from fit of");
      }
    }));
    assertThat(computed).hasSize(600);
    computed.forEach((what, count) -> assertThat(count).as(what).hasValue(1));
  }

  /**
   * A waiting thread that is interrupted stops waiting with a {@link CancellationException} and its interrupt flag
   * set; the computation it waited for goes on and is remembered.
   */
  @Test
  void anInterruptedWaiterStopsWaiting() throws Exception {
    IdentityMemo<Object, String, String> memo = IdentityMemo.of(4);
    Object input = new Object();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch finish = new CountDownLatch(1);
    AtomicReference<Throwable> waiterGot = new AtomicReference<>();
    AtomicReference<Boolean> flagged = new AtomicReference<>();
    Thread owner = new Thread(() -> memo.get(input, "a", () -> {
      computing.countDown();
      awaitQuietly(finish);
      return "computed";
    }));
    owner.start();
    computing.await(30, TimeUnit.SECONDS);
    Thread waiter = new Thread(() -> {
      caught(waiterGot, () -> memo.get(input, "a", () -> "the waiter's"));
      flagged.set(Thread.currentThread().isInterrupted());
    });
    waiter.start();
    awaitWaiting(waiter);
    waiter.interrupt();
    waiter.join(30_000);
    assertThat(waiterGot.get()).isInstanceOf(CancellationException.class);
    assertThat(flagged.get()).isTrue();
    finish.countDown();
    owner.join(30_000);
    assertThat(memo.get(input, "a", () -> "again")).isEqualTo("computed");
  }

  /** Runs {@code ask}, keeping what it threw in {@code thrown}. */
  private static void caught(AtomicReference<Throwable> thrown, Runnable ask) {
    try {
      ask.run();
    } catch (RuntimeException | Error e) {
      thrown.set(e);
    }
  }

  /** Waits until {@code thread} waits inside the memo (or has ended), at most 30 s. */
  private static void awaitWaiting(Thread thread) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!waitsInMemo(thread) && thread.getState() != Thread.State.TERMINATED && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
  }

  private static boolean waitsInMemo(Thread thread) {
    return thread.getState() == Thread.State.WAITING && Arrays.stream(thread.getStackTrace())
        .anyMatch(frame -> frame.getClassName().startsWith(IdentityMemo.class.getName()));
  }

  /** Waits for {@code latch} at most 30 s inside a computation, which may not throw checked exceptions. */
  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
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
