package org.engagement.spark.internal;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.apache.spark.sql.Row;
import org.engagement.core.domain.Interaction;

/**
 * The output rows of a partition made chunk by chunk, lazily: a task holds one chunk's input and output at
 * a time. Not thread-safe.
 */
public final class ChunkRows implements Iterator<Row> {
  private final CustomerChunks chunks;
  private final Function<List<Interaction>, List<Row>> step;
  private Iterator<Row> current = Collections.emptyIterator();

  private ChunkRows(CustomerChunks chunks, Function<List<Interaction>, List<Row>> step) {
    this.chunks = chunks;
    this.step = step;
  }

  /** The rows {@code step} makes of each chunk of whole customers of {@code rows} (sorted by customer). */
  public static Iterator<Row> of(Iterator<Row> rows, Function<List<Interaction>, List<Row>> step) {
    return new ChunkRows(CustomerChunks.of(rows), step);
  }

  @Override
  public boolean hasNext() {
    while (!current.hasNext() && chunks.hasNext()) {
      current = step.apply(chunks.next()).iterator();
    }
    return current.hasNext();
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    return current.next();
  }
}
