/**
 * The domain model: customers, channels, interactions, conversions and money.
 *
 * <p>Every type here is an immutable value, validated on construction: a bad argument throws
 * {@link org.engagement.core.domain.InvalidFieldException} (an {@link IllegalArgumentException}) that
 * names the field, the value and the rule, and a missing required argument throws
 * {@link NullPointerException} naming the parameter. All types are safe to share between threads.
 */
@NullMarked
package org.engagement.core.domain;

import org.jspecify.annotations.NullMarked;
