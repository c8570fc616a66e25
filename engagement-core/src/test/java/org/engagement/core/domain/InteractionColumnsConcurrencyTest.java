package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link InteractionColumns} computes the order of its rows by customer on first use (and its store, shared by the
 * subsets {@link InteractionColumns#where} makes, the customers' ranks by id), then keeps it: a report's sections
 * read one list per customer on several threads at once. Many threads ask for it at once on new lists, each answer
 * compared with a single thread's on a list nobody else used.
 */
class InteractionColumnsConcurrencyTest {
  private static final int THREADS = 8;
  private static final int ROUNDS = 10;
  private static final Instant T0 = Instant.parse("2025-03-01T00:00:00Z");
  /** The end of a subset of the rows, sharing their store. */
  private static final Instant RECENT = T0.plusSeconds(86_400L * 200);
  private static final List<Channel> CHANNELS = List.of(Channel.of("email", ChannelGroup.EMAIL),
      Channel.of("search", ChannelGroup.PAID_SEARCH), Channel.of("social", ChannelGroup.ORGANIC_SOCIAL));
  private static final List<Interaction> INTERACTIONS = interactions(4_000, 500);
  /** Customer ids in ascending order, every other one of those the interactions name, and some they do not. */
  private static final List<String> SEGMENT = segment();

  /** What a thread asks of a list (or the subsets it makes first, sharing its store). */
  private static final Map<String, Function<InteractionColumns, Object>> CALLS = calls();

  private static ExecutorService pool;

  @BeforeAll
  static void startPool() {
    pool = Executors.newFixedThreadPool(THREADS);
  }

  @AfterAll
  static void stopPool() {
    pool.shutdownNow();
  }

  private static Map<String, Function<InteractionColumns, Object>> calls() {
    Map<String, Function<InteractionColumns, Object>> calls = new LinkedHashMap<>();
    calls.put("per customer", InteractionColumnsConcurrencyTest::perCustomer);
    calls.put("of customer", all -> SEGMENT.stream().map(all::ofCustomer).toList());
    calls.put("indexes in a segment", all -> Arrays.stream(all.indexesIn(SEGMENT)).boxed().toList());
    calls.put("per customer of the purchases",
        all -> perCustomer(all.where(i -> i.type() == InteractionType.PURCHASE)));
    calls.put("per customer of each group", all -> all.whereCustomerIn(3, id -> id.hashCode() & 7)
        .stream().map(InteractionColumnsConcurrencyTest::perCustomer).toList());
    return calls;
  }

  private static List<List<Interaction>> perCustomer(InteractionColumns columns) {
    List<List<Interaction>> all = new ArrayList<>();
    columns.perCustomer().forEach(all::add);
    return all;
  }

  /**
   * {@value #THREADS} threads released together, {@value #ROUNDS} rounds, each on a new list and subsets of it made
   * before the threads start (so that the orders and ranks are not yet computed and the threads race to compute
   * them): every answer equals the single-threaded one.
   */
  @Test
  void manyThreadsGetTheSingleThreadedOrder() throws Exception {
    Map<String, Object> expected = new LinkedHashMap<>();
    CALLS.forEach((name, call) -> expected.put(name, call.apply(InteractionColumns.of(List.copyOf(INTERACTIONS)))));
    assertThat(((List<?>) expected.get("per customer"))).hasSize(500);
    Map<String, Object> expectedRecent = new LinkedHashMap<>();
    CALLS.forEach((name, call) -> expectedRecent.put(name,
        call.apply(InteractionColumns.of(List.copyOf(INTERACTIONS)).notAfter(RECENT))));
    List<String> names = List.copyOf(CALLS.keySet());
    for (int round = 0; round < ROUNDS; round++) {
      InteractionColumns all = InteractionColumns.of(List.copyOf(INTERACTIONS));
      List<InteractionColumns> lists = List.of(all, all, all.notAfter(RECENT));
      Set<String> wrong = ConcurrentHashMap.newKeySet();
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        int thread = t;
        done.add(pool.submit(() -> {
          start.await();
          for (int k = 0; k < names.size(); k++) {
            String name = names.get((thread + k) % names.size());
            int l = (thread + k) % lists.size();
            Object answer = CALLS.get(name).apply(lists.get(l));
            if (!answer.equals(l < 2 ? expected.get(name) : expectedRecent.get(name))) {
              wrong.add(name + (l < 2 ? "" : " (of the subset)") + ", thread " + thread);
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

  /** {@code rows} interactions of {@code customers} customers whose ids come in no order, at random instants. */
  private static List<Interaction> interactions(int rows, int customers) {
    Random random = new Random(5);
    List<Interaction> out = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      int customer = i < customers ? i : random.nextInt(customers);
      out.add(Interaction.builder().customerId(id(customer)).channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
          .timestamp(T0.plusSeconds(random.nextInt(86_400 * 365))).type(random.nextInt(10) == 0
              ? InteractionType.PURCHASE : InteractionType.CLICK).build());
    }
    return out;
  }

  /** A customer id that sorts in another order than the customers are numbered. */
  private static String id(int customer) {
    return "c" + Integer.toString(customer * 7919 % 10_007, 36);
  }

  private static List<String> segment() {
    return IntStream.range(0, 1_000).filter(c -> c % 2 == 0).mapToObj(InteractionColumnsConcurrencyTest::id)
        .sorted().distinct().toList();
  }
}
