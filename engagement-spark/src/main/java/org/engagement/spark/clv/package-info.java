/**
 * Repeat-buying summaries per customer in Spark, the BG/NBD and Gamma-Gamma fit on the driver from the
 * compressed histories, predictions per customer as a Dataset.
 */
@NullMarked
package org.engagement.spark.clv;

import org.jspecify.annotations.NullMarked;
