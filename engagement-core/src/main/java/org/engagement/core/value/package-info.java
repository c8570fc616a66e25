/**
 * Customer value: how concentrated value is across customers (Lorenz curve, Gini coefficient, top-k
 * shares, the 80/20 check) and, in {@link org.engagement.core.value.rfm}, RFM scores and segments.
 */
@NullMarked
package org.engagement.core.value;

import org.jspecify.annotations.NullMarked;
