/**
 * Columns for the compact serial forms of the mergeable aggregates: a {@link
 * org.engagement.core.internal.column.Dictionary} writes each distinct customer id or channel once and
 * refers to it by number, and an {@link org.engagement.core.internal.column.InstantColumn} keeps instants
 * as a {@code long} and an {@code int} each. An aggregate's serialisation proxy holds such columns
 * instead of its maps, so that what a distributed engine ships grows with the numbers in the state, not
 * with an object graph of maps, entries and boxed values. {@link org.engagement.core.internal.column.IdNumbers}
 * numbers ids as an aggregate meets them, so that its live state, too, is arrays by number rather than maps.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.internal.column;
