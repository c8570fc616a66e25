/**
 * The domain model: customers, channels, interactions, conversions and money.
 *
 * <p>Every type here is an immutable value, validated on construction. One rule covers bad and missing
 * fields: both throw {@link org.engagement.core.domain.InvalidFieldException} (an {@link
 * IllegalArgumentException}) naming the field, the value and the rule ({@code customerId is missing: is
 * required}), so an import reports either as a rejected record. All types are safe to share between threads.
 */
@NullMarked
package org.engagement.core.domain;

import org.jspecify.annotations.NullMarked;
