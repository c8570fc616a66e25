package org.engagement.cli;

import java.io.PrintStream;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.Rejection;

/**
 * Rejected rows on standard error, one line each in the shape {@code file:line: column 'x' value 'v' is
 * invalid: rule} ({@code file:record N: ...} for a source without lines; control characters escaped, {@link OneLine}), at most {@value #SHOWN} per file followed by
 * a count of the rest, so a file of a million bad rows does not flood the terminal. Not thread-safe.
 */
final class RejectionLines {
  /** How many rejected rows of one file are shown. */
  static final int SHOWN = 100;

  private final String file;
  private final PrintStream err;
  private long count;

  RejectionLines(String file, PrintStream err) {
    this.file = file;
    this.err = err;
  }

  /** Shows {@code rejection}, or counts it once {@value #SHOWN} were shown. */
  void add(Rejection rejection) {
    if (count++ < SHOWN) {
      err.println(line(file, rejection));
    }
  }

  /** Shows the rejections of {@code report} (those it retained) and says how many more there were. */
  static void print(String file, ImportReport report, PrintStream err) {
    RejectionLines lines = new RejectionLines(file, err);
    report.rejections().forEach(lines::add);
    lines.count += report.rejectionsNotRetained();
    lines.finish();
  }

  /** Says how many rejected rows were not shown, if any. */
  void finish() {
    if (count > SHOWN) {
      err.println(file + ": " + (count - SHOWN) + " more rejected rows not shown");
    }
  }

  /** {@code rejection} of {@code file} as one line. */
  static String line(String file, Rejection rejection) {
    long at = rejection.position().line();
    StringBuilder line = new StringBuilder(file).append(':')
        .append(at > 0 ? Long.toString(at) : "record " + rejection.position().record()).append(": ");
    String field = rejection.field();
    if (field != null) {
      String value = rejection.value();
      line.append("column '").append(field).append('\'')
          .append(value == null ? " is missing" : " value '" + value + "' is invalid").append(": ");
    }
    line.append(rejection.reason());
    return OneLine.of(line.toString());
  }
}
