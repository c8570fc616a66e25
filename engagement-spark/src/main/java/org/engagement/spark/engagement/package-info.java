/**
 * Engagement scores per customer from the core's decayed state, computed in the partitions.
 */
@NullMarked
package org.engagement.spark.engagement;

import org.jspecify.annotations.NullMarked;
