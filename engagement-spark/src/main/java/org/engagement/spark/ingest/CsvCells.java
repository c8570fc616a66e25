package org.engagement.spark.ingest;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import org.apache.spark.sql.Row;

/**
 * Rows of any Spark source as the RFC 4180 text the core's CSV adapter reads, so that a row is judged by the
 * very rules a CSV file is: every field quoted (no row is ever a blank line, no cell can break the record),
 * a null an empty field, timestamps as ISO-8601 instants, numbers in plain decimal notation (never the
 * exponent form {@code Double.toString} gives, which the core's number syntax refuses). Not thread-safe.
 */
final class CsvCells {
  private final StringBuilder line = new StringBuilder(256);
  private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);

  CsvCells(String[] header) {
    for (int i = 0; i < header.length; i++) {
      append(i, header[i]);
    }
    endLine();
  }

  void add(Row row) {
    for (int i = 0; i < row.length(); i++) {
      append(i, row.isNullAt(i) ? "" : text(row.get(i)));
    }
    endLine();
  }

  byte[] bytes() {
    return out.toByteArray();
  }

  private void append(int index, String field) {
    if (index > 0) {
      line.append(',');
    }
    line.append('"');
    for (int i = 0; i < field.length(); i++) {
      char c = field.charAt(i);
      line.append(c);
      if (c == '"') {
        line.append('"');
      }
    }
    line.append('"');
  }

  private void endLine() {
    line.append("\r\n");
    out.writeBytes(line.toString().getBytes(StandardCharsets.UTF_8));
    line.setLength(0);
  }

  static String text(Object cell) {
    if (cell instanceof String s) {
      return s;
    }
    if (cell instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (cell instanceof Instant i) {
      return i.toString();
    }
    if (cell instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if ((cell instanceof Double || cell instanceof Float) && Double.isFinite(((Number) cell).doubleValue())) {
      return new BigDecimal(cell.toString()).toPlainString();
    }
    return cell.toString();
  }
}
