/**
 * Interactions from any Spark source judged by the core's CSV reading rules, with the rejected rows and their
 * reasons as a Dataset.
 */
@NullMarked
package org.engagement.spark.ingest;

import org.jspecify.annotations.NullMarked;
