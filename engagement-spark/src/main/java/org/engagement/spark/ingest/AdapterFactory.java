package org.engagement.spark.ingest;

import java.io.Serializable;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;

/**
 * Makes the CSV adapter on each executor: the adapter holds channels and a classifier that are not
 * serialisable, so Spark ships this recipe instead, usually a lambda such as
 * {@code () -> CsvInteractionAdapter.builder().channels(known).build()} (what it captures must be
 * serialisable). Implementations must be stateless and thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AdapterFactory extends Serializable {

  /** A new adapter, configured the same way every time. */
  CsvInteractionAdapter adapter();
}
