package org.engagement.core.conversation.service;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collector;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Keeps service threads and customers' latest activity: the mergeable partial aggregate behind a
 * {@link ServiceReport} and {@link RetentionGroups}.
 *
 * <p>Definitions, for each interaction fed:
 *
 * <ul>
 *   <li>If its content has a {@linkplain Content#threadId() thread id}, it belongs to that thread. The
 *       thread's earliest inbound interaction <em>opens</em> the case (its customer and channel are the
 *       case's; ties go to the smaller customer id, then channel id); outbound ones are
 *       <em>responses</em>; one whose content is marked {@linkplain Content#resolved() resolved}, in
 *       either direction, <em>resolves</em> it. Responses and resolutions before the opening do not
 *       count. A thread with no inbound interaction is not a case.
 *   <li>If it is inbound, it is activity of its customer, thread or not, for retention.
 * </ul>
 *
 * <p>State is each thread's interactions in brief (opening, response times and owners, resolution times)
 * and one instant per customer, so the result does not depend on the order or partitioning of the
 * interactions, and an interaction recorded twice changes nothing. Memory grows with the interactions in
 * threads plus the customers seen (about 24 bytes a customer: a number and two primitive columns).
 *
 * <p><b>Merging</b> ({@link Mergeable}). Ledgers have no settings; any two {@linkplain #merge merge}
 * into a new ledger: per thread the earliest opening and owner, the union of responses and resolutions;
 * per customer the latest inbound activity. A thread or a customer split across partitions is merged
 * exactly, so the merged ledger equals the ledger built whole however the interactions were split (even
 * if partitions overlap), and merging a ledger with itself changes nothing. The empty ledger is the
 * identity. Equality is by content. The serial form is columns: customer ids, channels and owners once
 * each, and per customer and per thread instants as two primitives and the rest as numbers into them.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class ServiceLedger implements Mergeable<ServiceLedger> {
  private static final long serialVersionUID = 1L;

  private final Map<String, ThreadState> threads = new HashMap<>();
  private final LatestActivity lastInbound = new LatestActivity();

  private ServiceLedger() {}

  /** An empty ledger. */
  public static ServiceLedger create() {
    return new ServiceLedger();
  }

  /** A collector of interactions into a ledger; safe for parallel streams. */
  public static Collector<Interaction, ?, ServiceLedger> collector() {
    return Collector.of(ServiceLedger::create, ServiceLedger::add, ServiceLedger::absorb,
        Collector.Characteristics.UNORDERED);
  }

  /** Records one interaction. @return this */
  public ServiceLedger add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    if (interaction.direction() == Direction.INBOUND) {
      activeAt(interaction.customerId(), interaction.timestamp());
    }
    Content content = interaction.content();
    if (content != null && content.threadId() != null) {
      threads.computeIfAbsent(content.threadId(), id -> new ThreadState()).add(interaction, content);
    }
    return this;
  }

  /**
   * Records inbound activity of customer {@code customerId} at {@code at}: what {@link #add} records of an inbound
   * interaction of that customer and instant whose content has no thread id. For a caller that reads activity from
   * columns (customer, direction and instant) without making interactions (issue 16: the latest inbound activity of
   * the requesters among ten million main interactions).
   *
   * @return this
   */
  public ServiceLedger addInboundActivity(String customerId, Instant at) {
    requireNonNull(customerId, "customerId");
    requireNonNull(at, "at");
    activeAt(customerId, at);
    return this;
  }

  /** Records every interaction. @return this */
  public ServiceLedger addAll(Iterable<Interaction> interactions) {
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  /**
   * The ledger of this ledger's interactions and {@code other}'s together, as a new ledger; neither
   * changes. The two may share interactions: a repeat changes nothing.
   */
  @Override
  public ServiceLedger merge(ServiceLedger other) {
    requireNonNull(other, "other");
    return new ServiceLedger().absorb(this).absorb(other);
  }

  /** Adds {@code other}'s threads and activity into these: the in-place merge behind the collector. */
  private ServiceLedger absorb(ServiceLedger other) {
    other.threads.forEach((id, state) -> threads.computeIfAbsent(id, i -> new ThreadState()).merge(state));
    lastInbound.noteAll(other.lastInbound);
    return this;
  }

  private void activeAt(String customerId, Instant at) {
    lastInbound.note(customerId, at);
  }

  /**
   * The service metrics of every case, with {@code target} as the first-response target.
   *
   * @throws InvalidFieldException if the target is not positive
   */
  public ServiceReport report(Duration target) {
    ServiceReport.requireTarget(target);
    List<ThreadState.Case> all = cases();
    Map<Channel, List<ThreadState.Case>> byChannel = new TreeMap<>(Channel.ORDER);
    Map<String, List<ThreadState.Case>> byOwner = new TreeMap<>();
    List<ThreadState.Case> unassigned = new ArrayList<>();
    for (ThreadState.Case c : all) {
      byChannel.computeIfAbsent(c.opening().channel(), k -> new ArrayList<>()).add(c);
      String owner = c.owner();
      if (owner == null) {
        unassigned.add(c);
      } else {
        byOwner.computeIfAbsent(owner, k -> new ArrayList<>()).add(c);
      }
    }
    Map<Channel, ServiceStats> channelStats = new TreeMap<>(Channel.ORDER);
    byChannel.forEach((channel, cases) -> channelStats.put(channel, ServiceStats.of(cases, target)));
    Map<String, ServiceStats> ownerStats = new TreeMap<>();
    byOwner.forEach((owner, cases) -> ownerStats.put(owner, ServiceStats.of(cases, target)));
    return new ServiceReport(target, ServiceStats.of(all, target), channelStats, ownerStats,
        ServiceStats.of(unassigned, target));
  }

  /**
   * The retention of customers whose judged requests were resolved against those with one that was not,
   * by the rule in {@link RetentionGroups}.
   *
   * @throws InvalidFieldException if the window is not positive
   */
  public RetentionGroups retention(Instant asOf, Duration window) {
    requireNonNull(asOf, "asOf");
    requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new InvalidFieldException("window", window, "must be positive");
    }
    Instant judgedBy = asOf.minus(window);
    Map<String, Judged> judged = new HashMap<>();
    for (ThreadState.Case c : cases()) {
      Instant opened = c.opening().at();
      if (opened.isAfter(judgedBy)) {
        continue;
      }
      boolean resolved = c.resolved() != null && !c.resolved().isAfter(asOf);
      judged.merge(c.opening().customerId(), new Judged(opened, resolved), Judged::and);
    }
    long[] counts = new long[4];
    judged.forEach((customer, requests) -> {
      int group = requests.allResolved() ? 0 : 2;
      counts[group]++;
      Instant last = lastInbound.of(customer);
      if (last != null && !last.isBefore(requests.latestOpening().plus(window))) {
        counts[group + 1]++;
      }
    });
    return new RetentionGroups(asOf, window, new RetentionCount(counts[0], counts[1]), new RetentionCount(counts[2], counts[3]));
  }

  /** A customer's judged requests: the latest opening, and whether every one was resolved in time. */
  private record Judged(Instant latestOpening, boolean allResolved) {
    Judged and(Judged other) {
      return new Judged(latestOpening.isAfter(other.latestOpening) ? latestOpening : other.latestOpening,
          allResolved && other.allResolved);
    }
  }

  private List<ThreadState.Case> cases() {
    List<ThreadState.Case> cases = new ArrayList<>(threads.size());
    for (ThreadState state : threads.values()) {
      ThreadState.Case c = state.toCase();
      if (c != null) {
        cases.add(c);
      }
    }
    return cases;
  }

  /** Whether {@code o} is a ledger with the same threads and the same latest activity per customer. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ServiceLedger other && other.threads.equals(threads)
        && other.lastInbound.size() == lastInbound.size() && other.lastInbound.asMap().equals(lastInbound.asMap());
  }

  @Override
  public int hashCode() {
    return 31 * threads.hashCode() + lastInbound.asMap().hashCode();
  }

  @Override
  public String toString() {
    return "ServiceLedger[threads=" + threads.size() + ", customers=" + lastInbound.size() + "]";
  }

  private Object writeReplace() {
    return new LedgerForm(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a ServiceLedger is read through its serial form");
  }

  /** The customers' latest inbound activity, for the serial form. */
  LatestActivity lastInbound() {
    return lastInbound;
  }

  /** The threads by id, for the serial form. */
  Map<String, ThreadState> threads() {
    return threads;
  }
}
