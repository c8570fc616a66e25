package org.engagement.spark.ingest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;

/**
 * The per-partition step of {@link SparkIngestion}: the partition's rows, a block at a time, through the
 * core's CSV adapter; one output row per input row, accepted or rejected. Serialisable for Spark; each task
 * uses its own copy.
 */
final class InteractionParser implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** Rows per block: bounds a task's memory whatever the partition's size. */
  private static final int BLOCK = 4096;

  private final AdapterFactory factory;
  private final String[] header;

  InteractionParser(AdapterFactory factory, String[] header) {
    this.factory = factory;
    this.header = header.clone();
  }

  @Override
  public Iterator<Row> call(Iterator<Row> input) {
    int partition = TaskContext.getPartitionId();
    CsvInteractionAdapter adapter = factory.adapter();
    return new Iterator<>() {
      private final List<Row> out = new ArrayList<>(BLOCK);
      private int next;
      private long start;

      @Override
      public boolean hasNext() {
        if (next < out.size()) {
          return true;
        }
        out.clear();
        next = 0;
        if (input.hasNext()) {
          start += parseBlock(adapter, partition, start, input, out);
        }
        return !out.isEmpty();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return out.get(next++);
      }
    };
  }

  /** Parses up to one block of rows into {@code out}; returns how many input rows it took. */
  private int parseBlock(CsvInteractionAdapter adapter, int partition, long start, Iterator<Row> input, List<Row> out) {
    CsvCells cells = new CsvCells(header);
    int taken = 0;
    while (taken < BLOCK && input.hasNext()) {
      cells.add(input.next());
      taken++;
    }
    try (RecordReader reader = adapter.open(new ByteArrayInputStream(cells.bytes()))) {
      for (AdapterRecord r = reader.next(); r != null; r = reader.next()) {
        long row = start + r.position().record() - 1;
        out.add(outcome(r, partition, row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (out.size() != taken) {
      throw new IllegalStateException("the CSV adapter gave " + out.size() + " records for " + taken + " rows");
    }
    return taken;
  }

  private static Row outcome(AdapterRecord record, int partition, long row) {
    if (record instanceof AdapterRecord.Accepted accepted) {
      try {
        return RowFactory.create(InteractionRows.toRow(accepted.interaction()), null);
      } catch (InvalidFieldException e) {
        return rejected(Rejection.invalid(record.position(), e), partition, row);
      }
    }
    return rejected(((AdapterRecord.Rejected) record).rejection(), partition, row);
  }

  private static Row rejected(Rejection rejection, int partition, long row) {
    return RowFactory.create(null, RowFactory.create(partition, row, rejection.field(), rejection.value(),
        rejection.reason()));
  }
}
