package org.engagement.core.ingest.csv;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Iterator;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/** Reads the records of one CSV source after binding its header. Not thread-safe. */
final class CsvRecordReader implements RecordReader {
  /** RFC 4180; empty lines are kept so that line numbers stay exact, then skipped here. */
  private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();

  private final CSVParser csv;
  private final Iterator<CSVRecord> records;
  private final CsvRowParser parser;
  private long recordNumber;
  private long lastLine;

  private CsvRecordReader(CSVParser csv, CsvRowParser parser) {
    this.csv = csv;
    this.records = csv.iterator();
    this.parser = parser;
    this.lastLine = csv.getCurrentLineNumber();
  }

  static CsvRecordReader open(Reader input, CsvInteractionAdapter config) throws IOException {
    CSVParser csv = CSVParser.parse(input, FORMAT);
    try {
      Iterator<CSVRecord> it = csv.iterator();
      CSVRecord header = nextNonBlank(it, csv);
      if (header == null) {
        throw new InvalidSourceException("input is empty: expected a header row such as "
            + "customer_id,timestamp,type,channel");
      }
      CsvHeader bound = CsvHeader.bind(Arrays.asList(header.values()), config.allowedAttributeColumns());
      return new CsvRecordReader(csv, new CsvRowParser(bound, config));
    } catch (RuntimeException | IOException e) {
      csv.close();
      throw e;
    }
  }

  @Override
  public @Nullable AdapterRecord next() throws IOException {
    while (true) {
      CSVRecord record = next(records, csv);
      if (record == null) {
        return null;
      }
      long startLine = lastLine + 1;
      lastLine = csv.getCurrentLineNumber();
      if (!isBlankLine(record)) {
        recordNumber++;
        return parser.parse(record.values(), new SourcePosition(recordNumber, startLine));
      }
    }
  }

  private static @Nullable CSVRecord nextNonBlank(Iterator<CSVRecord> records, CSVParser csv) throws IOException {
    CSVRecord record;
    do {
      record = next(records, csv);
    } while (record != null && isBlankLine(record));
    return record;
  }

  /** An empty or white-space-only line; a header has several columns, so it is never a record. */
  private static boolean isBlankLine(CSVRecord record) {
    return record.size() == 1 && record.get(0).isBlank();
  }

  private static @Nullable CSVRecord next(Iterator<CSVRecord> records, CSVParser csv) throws IOException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof CSVException broken) {
        throw new InvalidSourceException("CSV structure is broken near line " + csv.getCurrentLineNumber()
            + ": " + broken.getMessage(), broken);
      }
      throw e.getCause();
    }
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
