package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.jspecify.annotations.Nullable;

/**
 * The {@link FunnelReport} of {@link InteractionColumns} made in one pass over the columns: per customer and stage
 * the earliest direct reach as two primitives and a channel number, instead of a map from id strings to objects
 * holding {@link java.time.Instant}s (issue 16: at ten million rows the map cost about 3 µs a row and most of the
 * heap; this costs 16 bytes per customer and stage, and no object per row).
 *
 * <p>The definitions are {@link Funnel}'s, and {@link #report} equals {@code
 * Funnel.of(definition).addAll(interactions).report()}: the same earliest reaches (ties at one instant to the
 * channel first in {@link Channel#ORDER}), counts and medians (of the same durations).
 *
 * <p>Stateless; thread-safe.
 *
 * @since 0.1.0
 */
public final class ColumnarFunnel {
  private ColumnarFunnel() {}

  /** The funnel of {@code interactions} over the stages of {@code definition}, overall and per first touch. */
  public static FunnelReport report(FunnelDefinition definition, InteractionColumns interactions) {
    requireNonNull(definition, "definition");
    requireNonNull(interactions, "interactions");
    Reaches reaches = Reaches.of(definition, interactions);
    List<Channel> channels = interactions.internedChannels();
    Counter all = new Counter(definition);
    Counter[] byChannel = new Counter[channels.size()];
    int customers = interactions.internedCustomers().size();
    for (int customer = 0; customer < customers; customer++) {
      Funnelled one = reaches.funnelled(customer);
      if (one != null) {
        all.add(one);
        Counter own = byChannel[one.firstTouch];
        if (own == null) {
          own = new Counter(definition);
          byChannel[one.firstTouch] = own;
        }
        own.add(one);
      }
    }
    List<FunnelReport.ByChannel> rows = new ArrayList<>();
    for (int c = 0; c < byChannel.length; c++) {
      Counter own = byChannel[c];
      if (own != null) {
        rows.add(new FunnelReport.ByChannel(channels.get(c), own.counts()));
      }
    }
    rows.sort(Comparator.comparing(FunnelReport.ByChannel::channel, Channel.ORDER));
    return new FunnelReport(definition, all.counts(), rows);
  }

  /** Per customer and stage (cell {@code customer * stages + stage}) the earliest direct reach, or channel -1. */
  private static final class Reaches {
    private final int stages;
    private final long[] seconds;
    private final int[] nanos;
    private final int[] channel;
    /** Each interned channel's place in {@link Channel#ORDER}. */
    private final int[] rank;

    private Reaches(int stages, int customers, int[] rank) {
      this.stages = stages;
      int cells = Math.multiplyExact(customers, stages);
      this.seconds = new long[cells];
      this.nanos = new int[cells];
      this.channel = new int[cells];
      Arrays.fill(channel, -1);
      this.rank = rank;
    }

    @SuppressWarnings("EnumOrdinal") // a table by type built and read here: an array lookup per row, not a map
    static Reaches of(FunnelDefinition definition, InteractionColumns interactions) {
      int stages = definition.size();
      InteractionType[] types = InteractionType.values();
      boolean[][] reachedBy = new boolean[types.length][stages];
      for (InteractionType type : types) {
        for (int k = 0; k < stages; k++) {
          reachedBy[type.ordinal()][k] = definition.stages().get(k).reachedBy(type);
        }
      }
      Reaches reaches = new Reaches(stages, interactions.internedCustomers().size(),
          ranks(interactions.internedChannels()));
      interactions.forEachRow((index, customer, channel, second, nano, type) -> {
        boolean[] reached = reachedBy[type.ordinal()];
        for (int k = 0; k < stages; k++) {
          if (reached[k]) {
            reaches.reach(customer * stages + k, second, nano, channel);
          }
        }
      });
      return reaches;
    }

    private static int[] ranks(List<Channel> channels) {
      Integer[] order = new Integer[channels.size()];
      Arrays.setAll(order, c -> c);
      Arrays.sort(order, Comparator.comparing(channels::get, Channel.ORDER));
      int[] rank = new int[order.length];
      for (int r = 0; r < order.length; r++) {
        rank[order[r]] = r;
      }
      return rank;
    }

    void reach(int cell, long second, int nano, int where) {
      if (channel[cell] < 0 || earlier(second, nano, where, seconds[cell], nanos[cell], channel[cell])) {
        seconds[cell] = second;
        nanos[cell] = nano;
        channel[cell] = where;
      }
    }

    private boolean earlier(long second, int nano, int where, long thanSecond, int thanNano, int thanWhere) {
      int c = Long.compare(second, thanSecond);
      if (c == 0) {
        c = Integer.compare(nano, thanNano);
      }
      return c < 0 || (c == 0 && rank[where] < rank[thanWhere]);
    }

    /** The customer's funnel as {@link Funnel}'s progress gives it, or {@code null} if no stage was reached. */
    @Nullable Funnelled funnelled(int customer) {
      int base = customer * stages;
      int top = stages - 1;
      while (top >= 0 && channel[base + top] < 0) {
        top--;
      }
      if (top < 0) {
        return null;
      }
      Funnelled one = new Funnelled(top);
      int earliest = -1;
      for (int k = top; k >= 0; k--) {
        int cell = base + k;
        one.observed[k] = channel[cell] >= 0;
        if (channel[cell] >= 0 && (earliest < 0 || earlier(seconds[cell], nanos[cell], channel[cell],
            seconds[earliest], nanos[earliest], channel[earliest]))) {
          earliest = cell;
        }
        one.seconds[k] = seconds[earliest];
        one.nanos[k] = nanos[earliest];
      }
      one.firstTouch = channel[earliest];
      return one;
    }
  }

  /** One customer's reach times (implied ones included) up to the stage reached, and which were direct. */
  private static final class Funnelled {
    private final int top;
    private final long[] seconds;
    private final int[] nanos;
    private final boolean[] observed;
    private int firstTouch;

    Funnelled(int top) {
      this.top = top;
      this.seconds = new long[top + 1];
      this.nanos = new int[top + 1];
      this.observed = new boolean[top + 1];
    }
  }

  /** The counts of a group of customers, as {@link Funnel}'s report makes them. */
  private static final class Counter {
    private final List<String> names;
    private final int[] reached;
    private final int[] current;
    private final Durations[] times;

    Counter(FunnelDefinition definition) {
      names = definition.names();
      int n = names.size();
      reached = new int[n];
      current = new int[n];
      times = new Durations[Math.max(0, n - 1)];
      Arrays.setAll(times, k -> new Durations());
    }

    void add(Funnelled one) {
      current[one.top]++;
      for (int k = 0; k <= one.top; k++) {
        reached[k]++;
        if (k < one.top && one.observed[k] && one.observed[k + 1]) {
          times[k].add(one.seconds[k], one.nanos[k], one.seconds[k + 1], one.nanos[k + 1]);
        }
      }
    }

    FunnelCounts counts() {
      List<StageTransition> transitions = new ArrayList<>(times.length);
      for (int k = 0; k < times.length; k++) {
        transitions.add(new StageTransition(names.get(k), names.get(k + 1), reached[k], reached[k + 1],
            times[k].size, times[k].median()));
      }
      return new FunnelCounts(names, Arrays.stream(reached).boxed().toList(),
          Arrays.stream(current).boxed().toList(), transitions);
    }
  }

  /** Durations as {@link Duration#between} gives them, kept as primitives; the median as {@link Funnel}'s. */
  private static final class Durations {
    private long[] seconds = new long[16];
    private int[] nanos = new int[16];
    private int size;
    private boolean whole = true;

    void add(long fromSecond, int fromNano, long toSecond, int toNano) {
      if (size == seconds.length) {
        seconds = Arrays.copyOf(seconds, size * 2);
        nanos = Arrays.copyOf(nanos, size * 2);
      }
      long s = toSecond - fromSecond;
      int n = toNano - fromNano;
      if (n < 0) {
        n += 1_000_000_000;
        s--;
      }
      seconds[size] = s;
      nanos[size] = n;
      whole &= n == 0;
      size++;
    }

    @Nullable Duration median() {
      if (size == 0) {
        return null;
      }
      int middle = size / 2;
      Duration low;
      Duration high;
      if (whole) {
        long[] sorted = Arrays.copyOf(seconds, size);
        Arrays.sort(sorted);
        low = Duration.ofSeconds(sorted[Math.max(0, middle - 1)]);
        high = Duration.ofSeconds(sorted[middle]);
      } else {
        Duration[] sorted = new Duration[size];
        Arrays.setAll(sorted, i -> Duration.ofSeconds(seconds[i], nanos[i]));
        Arrays.sort(sorted);
        low = sorted[Math.max(0, middle - 1)];
        high = sorted[middle];
      }
      return size % 2 == 1 ? high : low.plus(high).dividedBy(2);
    }
  }
}
