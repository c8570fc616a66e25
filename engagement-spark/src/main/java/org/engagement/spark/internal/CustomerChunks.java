package org.engagement.spark.internal;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.sql.Row;
import org.engagement.core.domain.Interaction;
import org.engagement.spark.ingest.InteractionRows;
import org.jspecify.annotations.Nullable;

/**
 * A partition's interactions, sorted by customer ({@link org.engagement.spark.ingest.CustomerInteractions}), in chunks that never split a customer: what the
 * per-partition steps feed to the core's aggregates, so that a task holds one chunk (about {@link #SIZE}
 * interactions, or one customer's if more) rather than its whole partition. Not thread-safe.
 */
public final class CustomerChunks implements Iterator<List<Interaction>> {
  /** Interactions per chunk before the chunk ends at the next change of customer. */
  public static final int SIZE = 50_000;

  private final Iterator<Row> rows;
  private final int size;
  private @Nullable Row pending;

  private CustomerChunks(Iterator<Row> rows, int size) {
    this.rows = rows;
    this.size = size;
    this.pending = rows.hasNext() ? rows.next() : null;
  }

  /** Chunks of a partition's rows (in {@link InteractionRows#SCHEMA}) sorted by customer. */
  public static CustomerChunks of(Iterator<Row> rows) {
    return new CustomerChunks(rows, SIZE);
  }

  /** Chunks of at most about {@code size} interactions, for tests of the chunking itself. */
  public static CustomerChunks of(Iterator<Row> rows, int size) {
    return new CustomerChunks(rows, size);
  }

  @Override
  public boolean hasNext() {
    return pending != null;
  }

  @Override
  public List<Interaction> next() {
    Row row = pending;
    if (row == null) {
      throw new NoSuchElementException();
    }
    List<Interaction> chunk = new ArrayList<>();
    String customer = InteractionRows.customerId(row);
    while (row != null) {
      String id = InteractionRows.customerId(row);
      if (!id.equals(customer)) {
        if (chunk.size() >= size) {
          break;
        }
        customer = id;
      }
      chunk.add(InteractionRows.toInteraction(row));
      row = rows.hasNext() ? rows.next() : null;
    }
    pending = row;
    return chunk;
  }
}
