package org.engagement.core.ingest.csv;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * Reads the records of one CSV source after binding its header, with Jackson's streaming CSV parser
 * (no schema: each line is an array of strings). Empty and white-space-only lines are skipped here so
 * that line numbers stay those of the file. Not thread-safe.
 */
final class CsvRecordReader implements RecordReader {
  /** The reader closes its input when it is closed, not when the parser reaches the end. */
  private static final CsvFactory FACTORY =
      CsvFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private final Reader input;
  private final CsvParser csv;
  private final CsvRowParser parser;
  private final List<String> fields = new ArrayList<>();
  private long recordNumber;

  private CsvRecordReader(Reader input, CsvParser csv, CsvRowParser parser) {
    this.input = input;
    this.csv = csv;
    this.parser = parser;
  }

  static CsvRecordReader open(Reader input, CsvInteractionAdapter config) throws IOException {
    CsvParser csv = FACTORY.createParser(input);
    try {
      List<String> header = new ArrayList<>();
      if (nextNonBlankRow(csv, header) < 0) {
        throw new InvalidSourceException("input is empty: expected a header row such as "
            + "customer_id,timestamp,type,channel");
      }
      CsvHeader bound = CsvHeader.bind(header, config.allowedAttributeColumns());
      return new CsvRecordReader(input, csv, new CsvRowParser(bound, config));
    } catch (RuntimeException | IOException e) {
      try (input) {
        csv.close();
      }
      throw e;
    }
  }

  @Override
  public @Nullable AdapterRecord next() throws IOException {
    long line = nextNonBlankRow(csv, fields);
    if (line < 0) {
      return null;
    }
    recordNumber++;
    return parser.parse(fields.toArray(String[]::new), new SourcePosition(recordNumber, line));
  }

  /** Reads the next row that is not blank into {@code row}; returns its first line, or -1 at the end. */
  private static long nextNonBlankRow(CsvParser csv, List<String> row) throws IOException {
    while (true) {
      long line = nextRow(csv, row);
      if (line < 0 || !(row.size() == 1 && row.get(0).isBlank())) {
        return line;
      }
    }
  }

  private static long nextRow(CsvParser csv, List<String> row) throws IOException {
    row.clear();
    long line = csv.currentLocation().getLineNr();
    try {
      if (csv.nextToken() == null) {
        return -1;
      }
      line = csv.currentLocation().getLineNr();
      while (csv.nextToken() == JsonToken.VALUE_STRING) {
        row.add(csv.getText());
      }
      return line;
    } catch (JsonProcessingException broken) {
      throw new InvalidSourceException("CSV structure is broken in the record starting on line " + line
          + ": " + broken.getOriginalMessage(), broken);
    }
  }

  @Override
  public void close() throws IOException {
    try (input) {
      csv.close();
    }
  }
}
