/**
 * Customer value: how concentrated value is across customers (Lorenz curve, Gini coefficient, top-k
 * shares, the 80/20 check), fed per partition through the mergeable
 * {@link org.engagement.core.value.CustomerValues}, and, in {@link org.engagement.core.value.rfm}, RFM
 * scores and segments.
 */
@NullMarked
package org.engagement.core.value;

import org.jspecify.annotations.NullMarked;
