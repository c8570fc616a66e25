package org.engagement.report;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.engagement.core.ingest.csv.CsvImport;

/** Reads the report's companion CSV files (UTF-8) with a library reader. Stateless. */
final class CsvFiles {

  /** A library reader of one kind of CSV file. */
  @FunctionalInterface
  interface CsvReader<T> {
    CsvImport<T> read(Reader reader) throws IOException;
  }

  private CsvFiles() {}

  /**
   * Reads {@code file} with {@code reader}.
   *
   * @throws UncheckedIOException if the file cannot be read
   */
  static <T> CsvImport<T> read(ByteSource file, CsvReader<T> reader) {
    try (Reader text = file.asCharSource(StandardCharsets.UTF_8).openBufferedStream()) {
      return reader.read(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
