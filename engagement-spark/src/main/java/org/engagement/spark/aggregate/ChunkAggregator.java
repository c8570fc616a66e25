package org.engagement.spark.aggregate;

import java.io.Serializable;
import java.util.List;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.Interaction;

/**
 * Builds a core aggregate from a chunk of interactions of whole customers (every interaction of each
 * customer in it), on Spark's executors: a serialisable function, usually a lambda such as
 * {@code chunk -> ActivityHistory.of(chunk)}. Whatever it captures is shipped with it and must be
 * serialisable too. Implementations must be stateless and thread-safe.
 *
 * @param <A> the aggregate
 * @since 0.1.0
 */
@FunctionalInterface
public interface ChunkAggregator<A extends Mergeable<A>> extends Serializable {

  /** The aggregate of {@code chunk}. */
  A of(List<Interaction> chunk);
}
