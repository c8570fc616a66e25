/**
 * The contract of partial aggregates: {@link org.engagement.core.aggregate.Mergeable} says how aggregates
 * built per partition combine into the aggregate of the whole input.
 */
@NullMarked
package org.engagement.core.aggregate;

import org.jspecify.annotations.NullMarked;
