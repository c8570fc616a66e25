package org.engagement.report;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.engagement.core.ingest.csv.CsvImport;

/**
 * Reads the report's companion CSV files with a library reader, as bytes, so that bytes that are not UTF-8 are
 * rejected with their line and byte offset. Stateless.
 */
final class CsvFiles {

  /** A library reader of one kind of CSV file. */
  @FunctionalInterface
  interface CsvReader<T> {
    CsvImport<T> read(InputStream input) throws IOException;
  }

  private CsvFiles() {}

  /**
   * Reads {@code file} with {@code reader}.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  static <T> CsvImport<T> read(ByteSource file, CsvReader<T> reader) {
    try (InputStream bytes = file.openBufferedStream()) {
      return reader.read(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
