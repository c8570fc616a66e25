/**
 * Partitioning by customer, chunking and shippable forms of settings; not API.
 */
@NullMarked
package org.engagement.spark.internal;

import org.jspecify.annotations.NullMarked;
