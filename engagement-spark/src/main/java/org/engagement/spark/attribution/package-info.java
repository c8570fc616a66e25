/**
 * Journeys cut per partition, merged by path, and attributed: journey-local models per partition, global
 * models on the driver on the merged path set.
 */
@NullMarked
package org.engagement.spark.attribution;

import org.jspecify.annotations.NullMarked;
