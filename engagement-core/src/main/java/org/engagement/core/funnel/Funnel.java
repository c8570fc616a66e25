package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Tracks how far each customer got along the stages of a {@link FunnelDefinition}: the mergeable partial
 * aggregate behind a {@link FunnelReport}.
 *
 * <p>Definitions:
 *
 * <ul>
 *   <li>An interaction reaches every stage whose types include its type. A stage is reached
 *       <em>directly</em> at the time of the earliest such interaction.
 *   <li>Reaching a stage implies reaching every earlier stage. A stage's reach time is the earliest
 *       direct reach time of it or any later stage; so a customer who buys without having been a lead
 *       reaches lead and opportunity at the time of the purchase. Reach times never decrease along the
 *       funnel, and the stages a customer reached are a prefix of it. The highest stage reached is the
 *       stage the customer is in now.
 *   <li>The time between consecutive stages {@code k} and {@code k + 1} is the difference of their reach
 *       times, measured only for customers who reached both directly: a stage reached only by
 *       implication has no time of its own, and counting it as 0 would pull the median down.
 *   <li>The channel of first touch is the channel of the customer's earliest interaction that reaches
 *       any stage (ties at one instant go to the channel first by id, display name, then group).
 *       Interactions that reach no stage are ignored, and so is a customer with only such interactions.
 * </ul>
 *
 * <p>Per customer only the earliest interaction per stage is kept (time and channel), so two instances
 * {@linkplain #merge merge} by taking minima, the result does not depend on the order or partitioning of
 * the interactions, and an interaction fed twice changes nothing. Memory grows with customers times
 * stages.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class Funnel {
  private static final Comparator<Channel> CHANNEL_ORDER =
      Comparator.comparing(Channel::id).thenComparing(Channel::displayName).thenComparing(Channel::group);

  private final FunnelDefinition definition;
  private final Map<String, Progress> progress = new HashMap<>();

  private Funnel(FunnelDefinition definition) {
    this.definition = definition;
  }

  /** An empty funnel with the stages of {@code definition}. */
  public static Funnel of(FunnelDefinition definition) {
    return new Funnel(requireNonNull(definition, "definition"));
  }

  /** A collector of interactions into a funnel; safe for parallel streams. */
  public static Collector<Interaction, ?, Funnel> collector(FunnelDefinition definition) {
    requireNonNull(definition, "definition");
    return Collector.of(() -> of(definition), Funnel::add, Funnel::merge, Collector.Characteristics.UNORDERED);
  }

  /** The stages. */
  public FunnelDefinition definition() {
    return definition;
  }

  /** Feeds one interaction. @return this */
  public Funnel add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    List<FunnelStage> stages = definition.stages();
    Progress cell = null;
    for (int k = 0; k < stages.size(); k++) {
      if (stages.get(k).reachedBy(interaction.type())) {
        if (cell == null) {
          cell = progress.computeIfAbsent(interaction.customerId(), id -> new Progress(stages.size()));
        }
        cell.reach(k, interaction.timestamp(), interaction.channel());
      }
    }
    return this;
  }

  /** Feeds every interaction. @return this */
  public Funnel addAll(Iterable<Interaction> interactions) {
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  /**
   * Adds {@code other}'s progress into this funnel, leaving {@code other} unchanged.
   *
   * @return this
   * @throws InvalidFieldException if {@code other} has another definition
   */
  public Funnel merge(Funnel other) {
    requireNonNull(other, "other");
    if (!other.definition.equals(definition)) {
      throw new InvalidFieldException("other.definition", other.definition, "must equal " + definition);
    }
    if (other == this) {
      return this;
    }
    other.progress.forEach(
        (id, theirs) -> {
          Progress mine = progress.computeIfAbsent(id, key -> new Progress(definition.size()));
          for (int k = 0; k < theirs.at.length; k++) {
            Instant at = theirs.at[k];
            Channel channel = theirs.channel[k];
            if (at != null && channel != null) {
              mine.reach(k, at, channel);
            }
          }
        });
    return this;
  }

  /** How many customers reached at least the first stage. */
  public int customerCount() {
    return progress.size();
  }

  /** The progress of {@code customerId}, or empty if the customer reached no stage. */
  public Optional<CustomerFunnel> customer(String customerId) {
    requireNonNull(customerId, "customerId");
    Progress cell = progress.get(customerId);
    return cell == null ? Optional.empty() : Optional.of(cell.toCustomerFunnel(customerId));
  }

  /** The funnel over all customers and per channel of first touch. */
  public FunnelReport report() {
    List<CustomerFunnel> all = new ArrayList<>(progress.size());
    Map<Channel, List<CustomerFunnel>> byChannel = new TreeMap<>(CHANNEL_ORDER);
    progress.forEach(
        (id, cell) -> {
          CustomerFunnel customer = cell.toCustomerFunnel(id);
          all.add(customer);
          byChannel.computeIfAbsent(customer.firstTouch(), c -> new ArrayList<>()).add(customer);
        });
    List<FunnelReport.ByChannel> rows = new ArrayList<>(byChannel.size());
    byChannel.forEach((channel, customers) -> rows.add(new FunnelReport.ByChannel(channel, counts(customers))));
    return new FunnelReport(definition, counts(all), rows);
  }

  private FunnelCounts counts(List<CustomerFunnel> customers) {
    List<String> names = definition.names();
    int n = names.size();
    int[] reached = new int[n];
    int[] current = new int[n];
    List<List<Duration>> times = new ArrayList<>(Math.max(0, n - 1));
    for (int k = 0; k + 1 < n; k++) {
      times.add(new ArrayList<>());
    }
    for (CustomerFunnel customer : customers) {
      int top = customer.currentStage();
      current[top]++;
      for (int k = 0; k <= top; k++) {
        reached[k]++;
        if (k < top && customer.observed().get(k) && customer.observed().get(k + 1)) {
          times.get(k).add(Duration.between(customer.reachedAt().get(k), customer.reachedAt().get(k + 1)));
        }
      }
    }
    List<StageTransition> transitions = new ArrayList<>(times.size());
    for (int k = 0; k + 1 < n; k++) {
      List<Duration> durations = times.get(k);
      transitions.add(
          new StageTransition(
              names.get(k), names.get(k + 1), reached[k], reached[k + 1], durations.size(), median(durations)));
    }
    return new FunnelCounts(names, boxed(reached), boxed(current), transitions);
  }

  private static @Nullable Duration median(List<Duration> durations) {
    if (durations.isEmpty()) {
      return null;
    }
    Duration[] sorted = durations.toArray(new Duration[0]);
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    if (sorted.length % 2 == 1) {
      return sorted[middle];
    }
    return sorted[middle - 1].plus(sorted[middle]).dividedBy(2);
  }

  private static List<Integer> boxed(int[] values) {
    return Arrays.stream(values).boxed().toList();
  }

  /** The earliest direct reach of each stage by one customer, with the channel it happened on. */
  private static final class Progress {
    private final @Nullable Instant[] at;
    private final @Nullable Channel[] channel;

    Progress(int stages) {
      this.at = new Instant[stages];
      this.channel = new Channel[stages];
    }

    void reach(int stage, Instant time, Channel where) {
      Instant known = at[stage];
      Channel knownChannel = channel[stage];
      if (known == null || knownChannel == null || earlier(time, where, known, knownChannel)) {
        at[stage] = time;
        channel[stage] = where;
      }
    }

    private static boolean earlier(Instant time, Channel where, Instant than, Channel thanChannel) {
      int c = time.compareTo(than);
      return c < 0 || (c == 0 && CHANNEL_ORDER.compare(where, thanChannel) < 0);
    }

    CustomerFunnel toCustomerFunnel(String customerId) {
      int n = at.length;
      int top = -1;
      for (int k = n - 1; k >= 0; k--) {
        if (at[k] != null) {
          top = k;
          break;
        }
      }
      Instant[] reached = new Instant[top + 1];
      Boolean[] observed = new Boolean[top + 1];
      Instant earliest = null;
      Channel first = null;
      for (int k = top; k >= 0; k--) {
        Instant direct = at[k];
        Channel directChannel = channel[k];
        observed[k] = direct != null;
        if (direct != null && directChannel != null
            && (earliest == null || first == null || earlier(direct, directChannel, earliest, first))) {
          earliest = direct;
          first = directChannel;
        }
        reached[k] = earliest;
      }
      return new CustomerFunnel(
          customerId, requireNonNull(first, "first touch"), Arrays.asList(reached), Arrays.asList(observed));
    }
  }
}
