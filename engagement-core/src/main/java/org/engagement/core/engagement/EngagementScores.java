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
import java.util.Objects;
import java.util.Optional;
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
 * <p><b>Scoring as of an instant.</b> A lazy score cannot be wound back: once an interaction dated after
 * an instant is in a customer's score, the score at that instant is unknown, and {@link #scoresAt} refuses
 * it (naming the customer). A host that scores as of an instant while its data may hold later rows
 * (future-dated, or arrived after the cut) builds the scores with {@link #asOf(EngagementScorer, Instant)}:
 * interactions dated after the as-of instant are then left out as they arrive and counted
 * ({@link #leftOutAfterAsOf()}), so one such row costs nothing but a count, and every customer can be
 * scored at the as-of instant or later.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Scores built with equal {@linkplain EngagementScorer scorers}
 * (weights and half-life are values) {@linkplain #merge merge} into new scores of the union of their
 * interactions; the empty scores of the same scorer are the identity. Scores built as of an instant
 * merge only with scores as of the same instant, and their counts of interactions left out add. Partition by customer: a
 * customer's interactions all in one partition are carried over bit for bit, so the merged scores
 * {@linkplain #equals equal} the scores built whole. A customer split across partitions gets the
 * {@linkplain EngagementState#merge merge of the parts' states}, the union's score up to rounding (a
 * relative error of about 10⁻¹⁶ per interaction): the scores then agree with the whole to far below
 * anything a report shows, but {@code equals}, which compares scores exactly, may tell them apart. The
 * parts must hold disjoint interactions (an interaction fed to two partitions counts twice).
 *
 * <p>Equality is by content: equal scorers, the same as-of instant and count left out after it, the same
 * customers, and for each the same score bits and
 * reference time, whatever order the customers came in. The serial form is already compact: the scorer
 * and the primitive columns of the customers' table.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them). That holds for reads too: every read first
 * applies the interactions still pending from {@link #add}, so threads that share filled scores, even only to
 * read them, must do so under one lock.
 *
 * @since 0.1.0
 */
public final class EngagementScores implements Mergeable<EngagementScores> {
  private static final long serialVersionUID = 1L;

  private final EngagementScorer scorer;
  private final CustomerCells cells;
  /** The as-of instant after which interactions are left out, or null to score them all. */
  private final @Nullable Instant asOf;
  /** The interactions left out for being dated after {@link #asOf}. */
  private long leftOut;
  /** Added interactions not yet in {@link #cells}: every read {@linkplain #flush flushes} them first. */
  private transient CustomerCells.Batch pending = new CustomerCells.Batch();

  private EngagementScores(EngagementScorer scorer, CustomerCells cells, @Nullable Instant asOf, long leftOut) {
    this.scorer = scorer;
    this.cells = cells;
    this.asOf = asOf;
    this.leftOut = leftOut;
  }

  /** Empty scores, to be fed interactions that {@code scorer} weighs and decays. */
  public static EngagementScores of(EngagementScorer scorer) {
    return new EngagementScores(requireNonNull(scorer, "scorer"), new CustomerCells(), null, 0);
  }

  /**
   * Empty scores as of {@code asOf}: interactions dated after it are left out and counted
   * ({@link #leftOutAfterAsOf()}) instead of scored, so that {@link #scoresAt scoresAt(asOf)} scores every
   * customer whatever later rows the data holds (see the class comment).
   */
  public static EngagementScores asOf(EngagementScorer scorer, Instant asOf) {
    return new EngagementScores(requireNonNull(scorer, "scorer"), new CustomerCells(),
        requireNonNull(asOf, "asOf"), 0);
  }

  /** A collector of interactions into scores; safe for parallel streams. */
  public static Collector<Interaction, ?, EngagementScores> collector(EngagementScorer scorer) {
    requireNonNull(scorer, "scorer");
    return Collector.of(
        () -> of(scorer), EngagementScores::add, EngagementScores::absorb, Collector.Characteristics.UNORDERED);
  }

  /**
   * A collector of interactions into scores {@linkplain #asOf(EngagementScorer, Instant) as of}
   * {@code asOf}; safe for parallel streams.
   */
  public static Collector<Interaction, ?, EngagementScores> collector(EngagementScorer scorer, Instant asOf) {
    requireNonNull(scorer, "scorer");
    requireNonNull(asOf, "asOf");
    return Collector.of(() -> asOf(scorer, asOf), EngagementScores::add, EngagementScores::absorb,
        Collector.Characteristics.UNORDERED);
  }

  /** The as-of instant after which interactions are left out; empty when every interaction is scored. */
  public Optional<Instant> asOf() {
    return Optional.ofNullable(asOf);
  }

  /**
   * How many interactions were left out for being dated after the {@linkplain #asOf() as-of instant}
   * (always 0 without one); the counts of merged scores add.
   */
  public long leftOutAfterAsOf() {
    return leftOut;
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
   * <p>With an {@linkplain #asOf() as-of instant}, an interaction dated after it is only counted
   * ({@link #leftOutAfterAsOf()}).
   *
   * @return this
   */
  public EngagementScores add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    Instant at = interaction.timestamp();
    if (asOf != null && at.isAfter(asOf)) {
      leftOut++;
      return this;
    }
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
   * scores with themselves counts their interactions twice. The counts left out after the as-of add.
   *
   * @throws InvalidFieldException if {@code other} has a different scorer or as-of instant
   */
  @Override
  public EngagementScores merge(EngagementScores other) {
    requireNonNull(other, "other");
    requireSameScorer(other);
    return new EngagementScores(scorer, flush().copy(), asOf, leftOut).absorb(other);
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
    leftOut = Math.addExact(leftOut, other.leftOut);
    return this;
  }

  private void requireSameScorer(EngagementScores other) {
    if (!other.scorer.equals(scorer)) {
      throw new InvalidFieldException(
          "other.scorer", other.scorer, "must equal this instance's scorer " + scorer);
    }
    if (!Objects.equals(other.asOf, asOf)) {
      throw new InvalidFieldException("other.asOf", String.valueOf(other.asOf),
          "must equal this instance's as-of instant " + asOf);
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
   * The score of every customer at {@code at}, as an unmodifiable map. Scores built
   * {@linkplain #asOf(EngagementScorer, Instant) as of} an instant never hold an interaction after it, so
   * they score every customer at that instant or later.
   *
   * @throws InvalidFieldException if {@code at} is before some customer's latest interaction; the message
   *     names the customer and says how to leave such interactions out
   */
  public Map<String, Double> scoresAt(Instant at) {
    requireNonNull(at, "at");
    flush();
    Map<String, Double> scores = new HashMap<>(cells.size() * 4 / 3 + 1);
    for (int slot = 0; slot < cells.capacity(); slot++) {
      String customerId = cells.key(slot);
      if (customerId != null) {
        Instant reference = reference(slot);
        if (at.isBefore(reference)) {
          throw new InvalidFieldException("at", at, "must not be before the reference time " + reference
              + " (the latest interaction of customer " + customerId + "); to score as of " + at
              + " leaving later interactions out, build the scores with EngagementScores.asOf(scorer, " + at + ")");
        }
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
   * Whether {@code o} holds equal scores: an equal scorer, the same as-of instant and count left out,
   * the same customers, and for each the same score (bit for bit) and reference time.
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (o == this) {
      return true;
    }
    return o instanceof EngagementScores other
        && other.scorer.equals(scorer)
        && Objects.equals(other.asOf, asOf)
        && other.leftOut == leftOut
        && flush().sameCells(other.flush());
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * scorer.hashCode() + Objects.hashCode(asOf)) + Long.hashCode(leftOut))
        + flush().cellsHash();
  }

  @Override
  public String toString() {
    return "EngagementScores[customers=" + customerCount() + ", halfLife=" + scorer.halfLife()
        + (asOf == null ? "" : ", asOf=" + asOf + ", leftOutAfterAsOf=" + leftOut) + "]";
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
