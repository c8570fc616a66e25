package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collector;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Engagement scores of many customers: one lazily decayed score per customer, fed with interactions in
 * any order.
 *
 * <p>Each customer's score follows {@link EngagementState}: a score at the time of the customer's
 * latest interaction, so adding an interaction is O(1) and memory grows with the number of customers,
 * not interactions.
 *
 * <pre>{@code
 * EngagementScores scores = interactions.stream().collect(EngagementScores.collector(scorer));
 * double now = scores.scoreAt("c-42", Instant.now());
 * }</pre>
 *
 * <p><b>Merging</b> ({@link Mergeable}). Scores built with equal {@linkplain EngagementScorer scorers}
 * (weights and half-life are values) {@linkplain #merge merge} into new scores of the union of their
 * interactions; the empty scores of the same scorer are the identity. Partition by customer: a
 * customer's interactions all in one partition are carried over bit for bit, so the merged scores
 * {@linkplain #equals equal} the scores built whole. A customer split across partitions gets the
 * {@linkplain EngagementState#merge merge of the parts' states}, the union's score up to rounding (a
 * relative error of about 10⁻¹⁶ per interaction): the scores then agree with the whole to far below
 * anything a report shows, but {@code equals}, which compares scores exactly, may tell them apart. The
 * parts must hold disjoint interactions (an interaction fed to two partitions counts twice).
 *
 * <p>Equality is by content: equal scorers, the same customers, and for each the same score bits and
 * reference time, whatever order the customers came in. The serial form is already compact: the scorer
 * and the primitive columns of the customers' table.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class EngagementScores implements Mergeable<EngagementScores> {
  private static final long serialVersionUID = 1L;

  private final EngagementScorer scorer;
  private final CustomerCells cells;
  /** Added interactions not yet in {@link #cells}: every read {@linkplain #flush flushes} them first. */
  private transient CustomerCells.Batch pending = new CustomerCells.Batch();

  private EngagementScores(EngagementScorer scorer, CustomerCells cells) {
    this.scorer = scorer;
    this.cells = cells;
  }

  /** Empty scores, to be fed interactions that {@code scorer} weighs and decays. */
  public static EngagementScores of(EngagementScorer scorer) {
    return new EngagementScores(requireNonNull(scorer, "scorer"), new CustomerCells());
  }

  /** A collector of interactions into scores; safe for parallel streams. */
  public static Collector<Interaction, ?, EngagementScores> collector(EngagementScorer scorer) {
    requireNonNull(scorer, "scorer");
    return Collector.of(
        () -> of(scorer), EngagementScores::add, EngagementScores::absorb, Collector.Characteristics.UNORDERED);
  }

  /** The scorer that weighs and decays. */
  public EngagementScorer scorer() {
    return scorer;
  }

  /**
   * Adds one interaction to its customer's score.
   *
   * <p>Interactions are applied a small batch at a time, so that the table lookups of a batch overlap
   * in memory instead of waiting for each other (about twice as fast over millions of customers); every
   * read applies what is pending first, so the batching cannot be observed.
   *
   * @return this
   */
  public EngagementScores add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    Instant at = interaction.timestamp();
    pending.put(interaction.customerId(), scorer.weight(interaction), at.getEpochSecond(), at.getNano());
    if (pending.isFull()) {
      flush();
    }
    return this;
  }

  /** Adds every interaction, as {@link #add} would one by one. @return this */
  public EngagementScores addAll(Iterable<Interaction> interactions) {
    requireNonNull(interactions, "interactions");
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  private CustomerCells flush() {
    cells.addAll(pending, Decay.of(scorer.halfLife()));
    return cells;
  }

  /**
   * The scores of this instance's interactions and {@code other}'s together, as new scores; neither
   * changes. A customer on both sides gets the merge of both states (see the class comment); merging
   * scores with themselves counts their interactions twice.
   *
   * @throws InvalidFieldException if {@code other} has a different scorer
   */
  @Override
  public EngagementScores merge(EngagementScores other) {
    requireNonNull(other, "other");
    requireSameScorer(other);
    return new EngagementScores(scorer, flush().copy()).absorb(other);
  }

  /** Adds {@code other}'s scores into these: the in-place merge behind the collector's combiner. */
  private EngagementScores absorb(EngagementScores other) {
    requireSameScorer(other);
    Decay decay = Decay.of(scorer.halfLife());
    CustomerCells mine = flush();
    CustomerCells theirs = other.flush();
    for (int slot = 0; slot < theirs.capacity(); slot++) {
      String customerId = theirs.key(slot);
      if (customerId != null) {
        mine.add(customerId, theirs.score(slot), theirs.second(slot), theirs.nano(slot), decay);
      }
    }
    return this;
  }

  private void requireSameScorer(EngagementScores other) {
    if (!other.scorer.equals(scorer)) {
      throw new InvalidFieldException(
          "other.scorer", other.scorer, "must equal this instance's scorer " + scorer);
    }
  }

  /** How many customers have at least one interaction. */
  public int customerCount() {
    return flush().size();
  }

  /** The customers with at least one interaction, as an immutable snapshot. */
  public Set<String> customerIds() {
    flush();
    ImmutableSet.Builder<String> ids = ImmutableSet.builderWithExpectedSize(cells.size());
    for (int slot = 0; slot < cells.capacity(); slot++) {
      String customerId = cells.key(slot);
      if (customerId != null) {
        ids.add(customerId);
      }
    }
    return ids.build();
  }

  /** The state of {@code customerId}'s interactions; the empty state for a customer never seen. */
  public EngagementState state(String customerId) {
    requireNonNull(customerId, "customerId");
    int slot = flush().find(customerId);
    return slot < 0 ? scorer.emptyState() : state(slot);
  }

  private EngagementState state(int slot) {
    return new EngagementState(cells.score(slot), reference(slot), scorer.halfLife());
  }

  private Instant reference(int slot) {
    return Instant.ofEpochSecond(cells.second(slot), cells.nano(slot));
  }

  /**
   * The score of {@code customerId} at {@code at}; 0 for a customer never seen.
   *
   * @throws InvalidFieldException if {@code at} is before the customer's latest interaction
   */
  public double scoreAt(String customerId, Instant at) {
    return state(customerId).scoreAt(at);
  }

  /**
   * The score of every customer at {@code at}, as an unmodifiable map.
   *
   * @throws InvalidFieldException if {@code at} is before some customer's latest interaction
   */
  public Map<String, Double> scoresAt(Instant at) {
    requireNonNull(at, "at");
    flush();
    Map<String, Double> scores = new HashMap<>(cells.size() * 4 / 3 + 1);
    for (int slot = 0; slot < cells.capacity(); slot++) {
      String customerId = cells.key(slot);
      if (customerId != null) {
        scores.put(customerId, state(slot).scoreAt(at));
      }
    }
    return Collections.unmodifiableMap(scores);
  }

  /** The latest interaction time over all customers, or {@code null} if there is none. */
  public @Nullable Instant latestInteraction() {
    flush();
    Instant latest = null;
    for (int slot = 0; slot < cells.capacity(); slot++) {
      if (cells.key(slot) != null && (latest == null || reference(slot).isAfter(latest))) {
        latest = reference(slot);
      }
    }
    return latest;
  }

  /**
   * Whether {@code o} holds equal scores: an equal scorer, the same customers, and for each the same
   * score (bit for bit) and reference time.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof EngagementScores other
        && other.scorer.equals(scorer)
        && flush().sameCells(other.flush());
  }

  @Override
  public int hashCode() {
    return 31 * scorer.hashCode() + flush().cellsHash();
  }

  @Override
  public String toString() {
    return "EngagementScores[customers=" + customerCount() + ", halfLife=" + scorer.halfLife() + "]";
  }

  private void writeObject(ObjectOutputStream out) throws IOException {
    flush();
    out.defaultWriteObject();
  }

  private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
    in.defaultReadObject();
    pending = new CustomerCells.Batch();
  }
}
