package org.engagement.roi.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.List;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.ChannelPhrase;
import org.engagement.roi.selfreport.SurveyAnswer;

/**
 * Reads survey answers from CSV: a header row naming {@code customer_id} and {@code answer} (case
 * ignored, any order, other columns ignored), then one answer per row. A blank answer is kept (the
 * customer answered nothing usable); a blank customer id is rejected. Both files follow the {@linkplain
 * org.engagement.core.ingest.csv reading policy} of every CSV reader of the SDK (no column named twice, every
 * row with the header's number of fields, no control characters, field and record limits).
 *
 * <p>It also reads how answers name channels ({@link #readPhrases}): a header naming {@code channel} and
 * {@code phrase}, then one phrase per row; {@link AnswerMapping#of(List)} makes the mapping. Thread-safe:
 * it holds no state.
 *
 * @since 0.1.0
 */
public final class SurveyCsvReader {
  private static final List<String> REQUIRED = List.of("customer_id", "answer");
  private static final List<String> PHRASE_COLUMNS = List.of("channel", "phrase");

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
    return CsvTable.read(input, source, REQUIRED, SurveyCsvReader::answer);
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end); a row holding bytes that are not
   * UTF-8 is rejected with their byte offset.
   *
   * @throws InvalidSourceException if the input is empty or its header lacks a required column or names one
   *     twice
   * @throws IOException if reading fails
   */
  public static CsvImport<SurveyAnswer> read(InputStream input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, REQUIRED, SurveyCsvReader::answer);
  }

  private static SurveyAnswer answer(CsvTable.Row row) {
    return new SurveyAnswer(row.require("customer_id"), row.get("answer"));
  }

  /**
   * Reads the phrases that name channels from every row of {@code input} (closed at the end). A row with a
   * blank channel or a phrase without a letter or digit is rejected.
   *
   * @throws InvalidSourceException if the input is empty or its header lacks a required column
   * @throws IOException if reading fails
   */
  public static CsvImport<ChannelPhrase> readPhrases(Reader input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, PHRASE_COLUMNS, SurveyCsvReader::phrase);
  }

  /**
   * Reads the phrases that name channels from every row of the UTF-8 bytes {@code input} (closed at the end);
   * a row holding bytes that are not UTF-8 is rejected with their byte offset.
   *
   * @throws InvalidSourceException if the input is empty or its header lacks a required column or names one
   *     twice
   * @throws IOException if reading fails
   */
  public static CsvImport<ChannelPhrase> readPhrases(InputStream input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    return CsvTable.read(input, source, PHRASE_COLUMNS, SurveyCsvReader::phrase);
  }

  private static ChannelPhrase phrase(CsvTable.Row row) {
    return new ChannelPhrase(row.require("channel"), row.require("phrase"));
  }
}
