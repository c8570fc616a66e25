/**
 * Value on Spark: buyers and customer profiles per customer, RFM scores and value tiers from exact global
 * order statistics (a distributed sort; only the chosen ranks reach the driver), and approximate quantiles
 * with their stated rank error.
 */
@NullMarked
package org.engagement.spark.value;

import org.jspecify.annotations.NullMarked;
