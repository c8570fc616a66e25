package org.engagement.core.aggregate;

import java.io.Serializable;

/**
 * An aggregate that can be built per partition of its input and combined: the one contract every
 * partial aggregate of the SDK follows, so that a host (a parallel stream, a batch per shard, a Spark job)
 * builds one per partition, ships it, and merges the parts into the answer it would have got from the
 * whole input.
 *
 * <p>The semantics, for aggregates {@code a} and {@code b} built with equal settings:
 *
 * <ul>
 *   <li><b>Union.</b> {@code a.merge(b)} equals the aggregate built from {@code a}'s input and {@code b}'s
 *       input together. Where inputs are keyed by customer (journeys, funnels, scores), a customer's input
 *       is expected in one partition; where a customer's input is split, each aggregate's javadoc says what
 *       its merge does with the parts.
 *   <li><b>Pure.</b> {@code merge} returns a new aggregate and changes neither operand, so partial results
 *       can be merged in any tree and kept for reuse.
 *   <li><b>Laws.</b> The empty aggregate (built from no input, with the same settings) is the identity;
 *       merge is associative and commutative under {@link Object#equals}, and equality never depends on
 *       the order or partitioning of the input (channel and customer orders are canonical).
 *   <li><b>Settings are values.</b> Rules and settings (windows, definitions, conversion rules, weights)
 *       are value objects with equality, so aggregates built apart on different machines merge; merging
 *       aggregates whose settings differ throws {@link IllegalArgumentException} naming the setting.
 *   <li><b>Itself.</b> {@code a.merge(a)} is the union of {@code a}'s input with itself, like the merge of
 *       two equal copies: nothing changes where the aggregate keeps sets, minima or maxima (funnel,
 *       presence, service ledger, activity history), counts double where it adds. No aggregate refuses
 *       it, since a pure merge has nothing to fear from aliasing and equal values must behave alike.
 *   <li><b>Shippable.</b> Aggregates are {@link Serializable} in a compact form (primitive columns rather
 *       than object graphs where the state is large), and a deserialised aggregate equals the original.
 * </ul>
 *
 * <p>Aggregates that accept input ({@code add}) are mutable and not thread-safe; give each thread its own
 * and merge them. Immutable aggregates are thread-safe.
 *
 * @param <T> the aggregate's own type
 * @since 0.1.0
 */
public interface Mergeable<T extends Mergeable<T>> extends Serializable {

  /**
   * The aggregate of this one's input and {@code other}'s together; neither changes.
   *
   * @throws IllegalArgumentException if the two were built with different settings
   */
  T merge(T other);
}
