package org.engagement.core.churn;

import static java.util.Objects.requireNonNull;

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
import org.engagement.core.domain.Interaction;

/**
 * The instants at which each customer was active: the timestamps of the interactions that count as
 * activity, kept sorted and without repeats per customer.
 *
 * <p>Which interactions count is the caller's choice: every interaction ({@link #of(Iterable)}), or,
 * for example, only purchases ({@code of(interactions, i -> i.type() == InteractionType.PURCHASE)}),
 * which makes the acquisition month of {@link CohortRetention} the month of the first purchase.
 *
 * <p>Histories of disjoint or overlapping sets of interactions {@linkplain #merge merge} into the history
 * of their union (a customer's instants are a set), so partitions can be read apart; the result never
 * depends on the order of the interactions. Memory is one {@link Instant} per distinct activity instant.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ActivityHistory {
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

  @Override
  public String toString() {
    return "ActivityHistory[customers=" + times.size() + "]";
  }
}
