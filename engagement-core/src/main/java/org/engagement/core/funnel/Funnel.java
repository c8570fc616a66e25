package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.column.Dictionary;
import org.engagement.core.internal.column.InstantColumn;
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
 * <p>Per customer only the earliest interaction per stage is kept (time and channel), so the result does
 * not depend on the order or partitioning of the interactions, and an interaction fed twice changes
 * nothing. Memory grows with customers times stages.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Funnels of equal {@linkplain FunnelDefinition definitions} (a
 * value) {@linkplain #merge merge} into a new funnel of the union of their interactions by taking, per
 * customer and stage, the earlier reach. A customer split across partitions is therefore merged exactly:
 * the merged funnel equals the funnel built whole, however the interactions were split, and merging a
 * funnel with itself changes nothing. The empty funnel of the same definition is the identity. Equality
 * is by content (definition and each customer's earliest reaches). The serial form is the definition and
 * columns: the customer ids once, sorted, and per customer and stage the reach time as two primitives
 * and its channel as a number into a dictionary of the channels.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class Funnel implements Mergeable<Funnel> {
  private static final long serialVersionUID = 1L;

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
    return Collector.of(() -> of(definition), Funnel::add, Funnel::absorb, Collector.Characteristics.UNORDERED);
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
   * The funnel of this funnel's interactions and {@code other}'s together, as a new funnel; neither
   * changes. Per customer and stage the earlier reach wins.
   *
   * @throws InvalidFieldException if {@code other} has another definition
   */
  @Override
  public Funnel merge(Funnel other) {
    requireNonNull(other, "other");
    requireSameDefinition(other);
    Funnel merged = new Funnel(definition);
    progress.forEach((id, cell) -> merged.progress.put(id, cell.copy()));
    return merged.absorb(other);
  }

  /** Adds {@code other}'s progress into this funnel: the in-place merge behind the collector's combiner. */
  private Funnel absorb(Funnel other) {
    requireSameDefinition(other);
    other.progress.forEach(
        (id, theirs) -> progress.computeIfAbsent(id, key -> new Progress(definition.size())).reachAll(theirs));
    return this;
  }

  private void requireSameDefinition(Funnel other) {
    if (!other.definition.equals(definition)) {
      throw new InvalidFieldException("other.definition", other.definition, "must equal " + definition);
    }
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
    Map<Channel, List<CustomerFunnel>> byChannel = new TreeMap<>(Channel.ORDER);
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

  /** Whether {@code o} is a funnel of an equal definition with the same earliest reaches per customer. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Funnel other && other.definition.equals(definition) && other.progress.equals(progress);
  }

  @Override
  public int hashCode() {
    return 31 * definition.hashCode() + progress.hashCode();
  }

  @Override
  public String toString() {
    return "Funnel[customers=" + progress.size() + ", stages=" + definition.names() + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a Funnel is read through its serial form");
  }

  /** The earliest direct reach of each stage by one customer, with the channel it happened on. */
  private static final class Progress {
    private final @Nullable Instant[] at;
    private final @Nullable Channel[] channel;

    Progress(int stages) {
      this.at = new Instant[stages];
      this.channel = new Channel[stages];
    }

    Progress copy() {
      Progress copy = new Progress(at.length);
      System.arraycopy(at, 0, copy.at, 0, at.length);
      System.arraycopy(channel, 0, copy.channel, 0, channel.length);
      return copy;
    }

    void reachAll(Progress other) {
      for (int k = 0; k < other.at.length; k++) {
        Instant time = other.at[k];
        Channel where = other.channel[k];
        if (time != null && where != null) {
          reach(k, time, where);
        }
      }
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
      return c < 0 || (c == 0 && Channel.ORDER.compare(where, thanChannel) < 0);
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

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Progress other && Arrays.equals(other.at, at) && Arrays.equals(other.channel, channel);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(at) + Arrays.hashCode(channel);
    }
  }

  /**
   * The serial form: the definition, the customers sorted, and per customer and stage (row
   * {@code customer * stages + stage}) the reach time and the number of its channel, or -1.
   */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final FunnelDefinition definition;
    private final String[] customers;
    private final Channel[] channels;
    private final InstantColumn reachedAt;
    private final int[] reachedOn;

    Form(Funnel funnel) {
      definition = funnel.definition;
      List<Map.Entry<String, Progress>> byCustomer = new ArrayList<>(funnel.progress.entrySet());
      byCustomer.sort(Map.Entry.comparingByKey());
      customers = byCustomer.stream().map(Map.Entry::getKey).toArray(String[]::new);
      List<Channel> all = new ArrayList<>();
      for (Progress cell : funnel.progress.values()) {
        for (Channel where : cell.channel) {
          if (where != null) {
            all.add(where);
          }
        }
      }
      Dictionary<Channel> dictionary = Dictionary.of(all, Channel.ORDER);
      channels = dictionary.toArray(Channel[]::new);
      int stages = definition.size();
      reachedAt = InstantColumn.ofSize(customers.length * stages);
      reachedOn = new int[customers.length * stages];
      for (int i = 0; i < customers.length; i++) {
        Progress cell = byCustomer.get(i).getValue();
        for (int k = 0; k < stages; k++) {
          Channel where = cell.channel[k];
          reachedAt.set(i * stages + k, cell.at[k]);
          reachedOn[i * stages + k] = where == null ? -1 : dictionary.numberOf(where);
        }
      }
    }

    private Object readResolve() {
      Funnel funnel = new Funnel(definition);
      int stages = definition.size();
      for (int i = 0; i < customers.length; i++) {
        Progress cell = new Progress(stages);
        for (int k = 0; k < stages; k++) {
          Instant at = reachedAt.get(i * stages + k);
          if (at != null) {
            cell.reach(k, at, channels[reachedOn[i * stages + k]]);
          }
        }
        funnel.progress.put(customers[i], cell);
      }
      return funnel;
    }
  }
}
