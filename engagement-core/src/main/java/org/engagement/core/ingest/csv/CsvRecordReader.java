package org.engagement.core.ingest.csv;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.internal.ingest.ColumnRecords;
import org.jspecify.annotations.Nullable;

/** Reads the interaction records of one CSV source after binding its header. Not thread-safe. */
final class CsvRecordReader implements RecordReader, ColumnRecords {
  private final CsvRows rows;
  private final CsvRowParser parser;
  private final PlainRowAdder plainRows;
  private final List<String> columnNames;
  private final List<String> fields = new ArrayList<>();
  /** The fields of the record being parsed, reused: the parser keeps none of them beyond the call. */
  private String[] values = new String[0];
  private long recordNumber;

  private CsvRecordReader(CsvRows rows, CsvRowParser parser, List<String> columnNames) {
    this.rows = rows;
    this.parser = parser;
    this.plainRows = parser.plainRows();
    this.columnNames = columnNames;
  }

  /** Binds the header of {@code rows} (closed if that fails). */
  static CsvRecordReader open(CsvRows rows, CsvInteractionAdapter config) throws IOException {
    try {
      List<String> header = new ArrayList<>();
      long line = rows.next(header);
      if (line < 0) {
        throw new InvalidSourceException("input is empty: expected a header row such as "
            + "customer_id,timestamp,type,channel");
      }
      CsvRows.Problem broken = rows.problem();
      if (broken != null) {
        throw broken.inHeader(line);
      }
      CsvHeader bound = CsvHeader.bind(header, config.allowedAttributeColumns());
      rows.expectFields(bound.size());
      return new CsvRecordReader(rows, new CsvRowParser(bound, config), bound.columnNames());
    } catch (RuntimeException | IOException e) {
      rows.close();
      throw e;
    }
  }

  @Override
  public @Nullable AdapterRecord next() throws IOException {
    long line = rows.next(fields);
    if (line < 0) {
      return null;
    }
    recordNumber++;
    SourcePosition position = new SourcePosition(recordNumber, line);
    CsvRows.Problem problem = rows.problem();
    if (problem != null) {
      return AdapterRecord.rejected(problem.rejection(position, columnNames));
    }
    values = fields.toArray(values);
    AdapterRecord parsed = parser.parse(values, position);
    if (parsed instanceof AdapterRecord.Rejected) {
      CsvRows.Problem stray = rows.reconsider();
      if (stray != null) {
        return AdapterRecord.rejected(stray.rejection(position, columnNames));
      }
    }
    return parsed;
  }

  /**
   * Adds the next record straight to {@code columns} if it is plain and a row without rare parts that {@link
   * #next()} would accept (see {@link PlainRowAdder}); otherwise consumes nothing, and {@code next()} reads it.
   */
  @Override
  public boolean addNextIfPlain(InteractionColumns.Builder columns) throws IOException {
    if (!rows.peekPlain() || !plainRows.add(rows, columns)) {
      return false;
    }
    rows.takePlain();
    recordNumber++;
    return true;
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
