package org.engagement.report.analysis;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;

/**
 * Reads the report's companion CSV files with a library reader, as bytes, so that bytes that are not UTF-8 are
 * rejected with their line and byte offset, and records the account of each read in the {@link Analysis}, a
 * failed one included. Stateless.
 */
public final class CsvFiles {

  /** A library reader of one kind of CSV file. */
  @FunctionalInterface
  public interface CsvReader<T> {
    CsvImport<T> read(InputStream input) throws IOException;
  }

  private CsvFiles() {}

  /**
   * Reads {@code file}, the companion file {@code name}, with {@code reader}, and records the account.
   *
   * @throws InvalidSourceException naming the file if it cannot be read as a whole (empty, a required
   *     column missing, an I/O failure); the failed read is recorded first
   */
  public static <T> CsvImport<T> read(Analysis analysis, String name, ByteSource file, CsvReader<T> reader) {
    CsvImport<T> result;
    try (InputStream bytes = file.openBufferedStream()) {
      result = reader.read(bytes);
    } catch (InvalidSourceException e) {
      throw failed(analysis, name, String.valueOf(e.getMessage()), e);
    } catch (IOException e) {
      throw failed(analysis, name, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), e);
    }
    analysis.recordRead(Analysis.named(name, result.report()));
    return result;
  }

  /** Records a read of {@code name} that failed as a whole, and the exception to throw for it. */
  public static InvalidSourceException failed(Analysis analysis, String name, String why, Exception cause) {
    analysis.recordRead(new ImportReport(name, 0, 0, 0, 0, List.of(), 0, why));
    return new InvalidSourceException("cannot read " + name + ": " + why, cause);
  }
}
