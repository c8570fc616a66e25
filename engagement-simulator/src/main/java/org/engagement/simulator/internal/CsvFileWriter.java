package org.engagement.simulator.internal;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One CSV file of a world being written (UTF-8, LF line ends, quoting only where needed), for the module's
 * writers of customer worlds and mix worlds. Not thread-safe.
 */
public final class CsvFileWriter implements Closeable {
  private static final CsvFactory FACTORY =
      CsvFactory.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private final CsvGenerator csv;

  private CsvFileWriter(CsvGenerator csv) {
    this.csv = csv;
  }

  /** Creates (or replaces) {@code file} and writes its header. */
  public static CsvFileWriter create(Path file, List<String> header) throws IOException {
    BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
    CsvFileWriter table = new CsvFileWriter(FACTORY.createGenerator(writer));
    table.row(header);
    return table;
  }

  /** Writes one row. */
  public void row(List<String> fields) throws IOException {
    csv.writeStartArray();
    for (String field : fields) {
      csv.writeString(field);
    }
    csv.writeEndArray();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
