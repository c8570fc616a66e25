package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.engagement.core.ingest.InvalidSourceException;

/**
 * The rows of a CSV document, one at a time, with the line each starts on: the one place the SDK reads
 * CSV text, for adapters and for other file formats built on CSV (path files, transaction files).
 *
 * <p>RFC 4180 through Jackson's streaming CSV parser: quoted fields may hold separators, doubled quotes
 * and line breaks. Empty and white-space-only lines are not rows, and line numbers stay those of the
 * text. A byte-order mark before the first field is dropped. A document whose structure is broken (a
 * quote never closed, text after a closing quote) raises {@link InvalidSourceException} naming the line
 * where the broken row starts, since nothing after it can be read reliably.
 *
 * <p>Not thread-safe. Closing closes the underlying reader; reaching the end does not.
 *
 * @since 0.1.0
 */
public final class CsvRows implements Closeable {
  private static final CsvFactory FACTORY =
      CsvFactory.builder().disable(StreamReadFeature.AUTO_CLOSE_SOURCE).build();

  private final Reader input;
  private final CsvParser csv;
  private boolean first = true;

  private CsvRows(Reader input, CsvParser csv) {
    this.input = input;
    this.csv = csv;
  }

  /** Comma-separated rows of {@code input}. */
  public static CsvRows open(Reader input) throws IOException {
    return open(input, ',');
  }

  /**
   * Rows of {@code input} whose fields are separated by {@code separator}.
   *
   * @throws IOException if the parser cannot be created over {@code input}
   */
  public static CsvRows open(Reader input, char separator) throws IOException {
    requireNonNull(input, "input");
    CsvParser csv = FACTORY.createParser(input);
    csv.setSchema(CsvSchema.emptySchema().withColumnSeparator(separator));
    return new CsvRows(input, csv);
  }

  /**
   * Reads the next row that is not blank into {@code row} (cleared first).
   *
   * @return the line the row starts on, counting from 1, or {@code -1} at the end of the document
   * @throws InvalidSourceException if the document's structure is broken at this row
   * @throws IOException if reading fails
   */
  public long next(List<String> row) throws IOException {
    while (true) {
      long line = nextRow(row);
      if (line < 0 || !(row.size() == 1 && row.get(0).isBlank())) {
        if (first && !row.isEmpty() && row.get(0).startsWith("\uFEFF")) {
          row.set(0, row.get(0).substring(1));
        }
        first = false;
        return line;
      }
    }
  }

  private long nextRow(List<String> row) throws IOException {
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
          + ": " + broken.getOriginalMessage(), line, broken);
    }
  }

  @Override
  public void close() throws IOException {
    try (input) {
      csv.close();
    }
  }
}
