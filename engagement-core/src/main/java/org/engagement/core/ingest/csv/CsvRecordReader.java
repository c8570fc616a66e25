package org.engagement.core.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/** Reads the interaction records of one CSV source after binding its header. Not thread-safe. */
final class CsvRecordReader implements RecordReader {
  private final CsvRows rows;
  private final CsvRowParser parser;
  private final List<String> fields = new ArrayList<>();
  private long recordNumber;

  private CsvRecordReader(CsvRows rows, CsvRowParser parser) {
    this.rows = rows;
    this.parser = parser;
  }

  static CsvRecordReader open(Reader input, CsvInteractionAdapter config) throws IOException {
    CsvRows rows = CsvRows.open(input);
    try {
      List<String> header = new ArrayList<>();
      if (rows.next(header) < 0) {
        throw new InvalidSourceException("input is empty: expected a header row such as "
            + "customer_id,timestamp,type,channel");
      }
      CsvHeader bound = CsvHeader.bind(header, config.allowedAttributeColumns());
      return new CsvRecordReader(rows, new CsvRowParser(bound, config));
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
    return parser.parse(fields.toArray(String[]::new), new SourcePosition(recordNumber, line));
  }

  @Override
  public void close() throws IOException {
    rows.close();
  }
}
