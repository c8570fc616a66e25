package org.engagement.core.churn;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.Interaction;
import org.engagement.core.internal.column.InstantColumn;
import org.jspecify.annotations.Nullable;

/**
 * The instants at which each customer was active: the timestamps of the interactions that count as
 * activity, kept sorted and without repeats per customer.
 *
 * <p>Which interactions count is the caller's choice: every interaction ({@link #of(Iterable)}), or,
 * for example, only purchases ({@code of(interactions, i -> i.type() == InteractionType.PURCHASE)}),
 * which makes the acquisition month of {@link CohortRetention} the month of the first purchase.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Histories of disjoint or overlapping sets of interactions
 * {@linkplain #merge merge} into the history of their union (a customer's instants are a set), so
 * partitions can be read apart: a customer split across partitions gets the union of their instants,
 * exactly what the history built whole holds, and merging a history with itself changes nothing. The
 * {@linkplain #empty() empty history} is the identity. A history has no settings: which interactions
 * count is decided when it is built and is not remembered, so merge histories built with the same choice
 * (the union of a history of purchases and one of all interactions is neither). The churn and cohort
 * figures are not partial aggregates themselves: {@link InactivityChurn} and {@link CohortRetention}
 * read a whole history (a customer's first activity decides their cohort), so merge the histories, then
 * compute them. Equality is by content; the result never depends on the order of the interactions.
 * Memory is one {@link Instant} per distinct activity instant. The serial form is columns: the customer
 * ids sorted, and their instants as two primitives each, customer {@code i}'s from row {@code start[i]}.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ActivityHistory implements Mergeable<ActivityHistory> {
  private static final long serialVersionUID = 1L;
  private static final Instant[] NONE = new Instant[0];
  private static final ActivityHistory EMPTY = new ActivityHistory(Map.of());

  /** Sorted, distinct instants per customer; never empty arrays. */
  private final Map<String, Instant[]> times;

  private ActivityHistory(Map<String, Instant[]> times) {
    this.times = times;
  }

  /** The history with no activity. */
  public static ActivityHistory empty() {
    return EMPTY;
  }

  /** The history of every interaction in {@code interactions}. */
  public static ActivityHistory of(Iterable<Interaction> interactions) {
    return of(interactions, interaction -> true);
  }

  /** The history of the interactions in {@code interactions} that {@code counts} accepts. */
  public static ActivityHistory of(Iterable<Interaction> interactions, Predicate<Interaction> counts) {
    requireNonNull(interactions, "interactions");
    requireNonNull(counts, "counts");
    Map<String, List<Instant>> collected = new HashMap<>();
    for (Interaction interaction : interactions) {
      if (counts.test(interaction)) {
        collected.computeIfAbsent(interaction.customerId(), id -> new ArrayList<>()).add(interaction.timestamp());
      }
    }
    Map<String, Instant[]> times = new HashMap<>(collected.size() * 4 / 3 + 1);
    collected.forEach((id, list) -> times.put(id, sortedDistinct(list.toArray(NONE))));
    return new ActivityHistory(Collections.unmodifiableMap(times));
  }

  /** The history of the union of the interactions of this history and {@code other}. */
  @Override
  public ActivityHistory merge(ActivityHistory other) {
    requireNonNull(other, "other");
    Map<String, Instant[]> merged = new HashMap<>(times);
    other.times.forEach((id, instants) -> merged.merge(id, instants, (a, b) -> {
      Instant[] both = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, both, a.length, b.length);
      return sortedDistinct(both);
    }));
    return new ActivityHistory(Collections.unmodifiableMap(merged));
  }

  private static Instant[] sortedDistinct(Instant[] instants) {
    Arrays.sort(instants);
    int kept = 0;
    for (int i = 0; i < instants.length; i++) {
      if (kept == 0 || !instants[i].equals(instants[kept - 1])) {
        instants[kept++] = instants[i];
      }
    }
    return kept == instants.length ? instants : Arrays.copyOf(instants, kept);
  }

  /** The customers with at least one activity, as an unmodifiable set. */
  public Set<String> customers() {
    return times.keySet();
  }

  /** The customer's activity instants, oldest first, without repeats; empty for an unknown customer. */
  public List<Instant> activity(String customerId) {
    Instant[] instants = times.get(requireNonNull(customerId, "customerId"));
    return instants == null ? List.of() : List.of(instants);
  }

  /** The customer's first activity, if any. */
  public Optional<Instant> first(String customerId) {
    Instant[] instants = times.get(requireNonNull(customerId, "customerId"));
    return instants == null ? Optional.empty() : Optional.of(instants[0]);
  }

  /** Whether the customer has an activity at an instant in [{@code from}, {@code to}). */
  public boolean activeBetween(String customerId, Instant from, Instant to) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    Instant[] instants = times.get(requireNonNull(customerId, "customerId"));
    if (instants == null || !from.isBefore(to)) {
      return false;
    }
    int i = Arrays.binarySearch(instants, from);
    int firstAtOrAfter = i >= 0 ? i : -i - 1;
    return firstAtOrAfter < instants.length && instants[firstAtOrAfter].isBefore(to);
  }

  /** The number of customers with at least one activity. */
  public int size() {
    return times.size();
  }

  /** Whether {@code o} is a history of the same customers with the same instants. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ActivityHistory other) || other.times.size() != times.size()) {
      return false;
    }
    for (Map.Entry<String, Instant[]> e : times.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.times.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = 0;
    for (Map.Entry<String, Instant[]> e : times.entrySet()) {
      hash += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return hash;
  }

  @Override
  public String toString() {
    return "ActivityHistory[customers=" + times.size() + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("an ActivityHistory is read through its serial form");
  }

  /** The serial form: customers sorted, their instants in one column, customer {@code i}'s from {@code start[i]}. */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String[] customers;
    private final int[] start;
    private final InstantColumn instants;

    Form(ActivityHistory history) {
      List<Map.Entry<String, Instant[]>> byCustomer = new ArrayList<>(history.times.entrySet());
      byCustomer.sort(Map.Entry.comparingByKey());
      customers = byCustomer.stream().map(Map.Entry::getKey).toArray(String[]::new);
      start = new int[customers.length + 1];
      for (int i = 0; i < customers.length; i++) {
        start[i + 1] = start[i] + byCustomer.get(i).getValue().length;
      }
      instants = InstantColumn.ofSize(start[customers.length]);
      for (int i = 0; i < customers.length; i++) {
        Instant[] own = byCustomer.get(i).getValue();
        for (int k = 0; k < own.length; k++) {
          instants.set(start[i] + k, own[k]);
        }
      }
    }

    private Object readResolve() {
      Map<String, Instant[]> times = new HashMap<>(customers.length * 4 / 3 + 1);
      for (int i = 0; i < customers.length; i++) {
        Instant[] own = new Instant[start[i + 1] - start[i]];
        for (int k = 0; k < own.length; k++) {
          own[k] = instants.require(start[i] + k);
        }
        times.put(customers[i], sortedDistinct(own));
      }
      return new ActivityHistory(Collections.unmodifiableMap(times));
    }
  }
}
