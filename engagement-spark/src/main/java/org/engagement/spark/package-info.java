/**
 * The SDK on Apache Spark: the in-process API's answers as Dataset operations, for data one machine cannot hold.
 * Each operation partitions by customer, builds the core's mergeable aggregates per partition and merges them
 * (or keeps per-customer results distributed); raw events never reach the driver. The entry point is
 * {@link org.engagement.spark.EngagementSpark}.
 */
@NullMarked
package org.engagement.spark;

import org.jspecify.annotations.NullMarked;
