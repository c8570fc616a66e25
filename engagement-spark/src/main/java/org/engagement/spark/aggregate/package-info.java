/**
 * The core's mergeable aggregates (presence, funnel, activity for churn and cohorts, customer values for
 * value concentration, or any other) built per partition on Spark and merged in a tree.
 */
@NullMarked
package org.engagement.spark.aggregate;

import org.jspecify.annotations.NullMarked;
