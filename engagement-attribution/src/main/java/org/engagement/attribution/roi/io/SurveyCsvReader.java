package org.engagement.attribution.roi.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import org.engagement.attribution.roi.selfreport.SurveyAnswer;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads survey answers from CSV: a header row naming {@code customer_id} and {@code answer} (case
 * ignored, any order, other columns ignored), then one answer per row. A blank answer is kept (the
 * customer answered nothing usable); a blank customer id is rejected. Thread-safe: it holds no state.
 *
 * @since 0.1.0
 */
public final class SurveyCsvReader {
  private static final List<String> REQUIRED = List.of("customer_id", "answer");

  private SurveyCsvReader() {}

  /**
   * Reads every row of {@code input} (closed at the end).
   *
   * @throws InvalidSourceException if the input is empty or its header lacks a required column
   * @throws IOException if reading fails
   */
  public static CsvImport<SurveyAnswer> read(Reader input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, REQUIRED,
        row -> new SurveyAnswer(row.require("customer_id"), row.get("answer")));
  }
}
