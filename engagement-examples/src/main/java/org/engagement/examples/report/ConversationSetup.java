package org.engagement.examples.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.attribution.roi.io.CsvImport;
import org.engagement.core.conversation.match.TextFolding;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.model.InvalidFieldException;

/**
 * Reads what the conversation section compares: the key messages ({@value AnalysisInput#MESSAGES}:
 * {@code message,phrase[,kind]}, kind {@code phrase} (the default when empty), {@code hashtag} or
 * {@code link}) and the brands ({@value AnalysisInput#BRANDS}: {@code brand,role}, role {@code ours} or
 * {@code competitor}). Headers are matched ignoring case, in any order, other columns ignored. A bad row is
 * rejected with its line and reason, never dropped silently, so that read = accepted + rejected. Stateless.
 */
final class ConversationSetup {
  private static final String MESSAGE = "message";
  private static final String PHRASE = "phrase";
  private static final String KIND = "kind";
  private static final String BRAND = "brand";
  private static final String ROLE = "role";

  private ConversationSetup() {}

  /** One matcher of a key message, as one row of the messages file gives it. */
  record MessageRow(String message, String matcher, String kind) {}

  /** One brand and whether it is ours. */
  record BrandRow(String brand, boolean ours) {}

  /**
   * Reads the messages file.
   *
   * @throws InvalidSourceException if the file is empty or lacks a required column
   * @throws IOException if reading fails
   */
  static CsvImport<MessageRow> readMessages(Reader input) throws IOException {
    return read(input, AnalysisInput.MESSAGES, List.of(MESSAGE, PHRASE), (row, accepted) -> {
      String message = required(row, MESSAGE);
      String matcher = required(row, PHRASE);
      String kind = row.getOrDefault(KIND, "").isEmpty() ? PHRASE : row.get(KIND).toLowerCase(Locale.ROOT);
      KeyMessage.Builder check = KeyMessage.named(message);
      switch (kind) {
        case PHRASE -> check.phrases(matcher);
        case "hashtag" -> check.hashtags(matcher);
        case "link" -> check.links(matcher);
        default -> throw new InvalidFieldException(KIND, kind, "must be phrase, hashtag or link");
      }
      check.build();
      return new MessageRow(message, matcher, kind);
    });
  }

  /**
   * Reads the brands file. A second brand marked ours, or a brand that repeats an earlier one ignoring case
   * and accents, is rejected.
   *
   * @throws InvalidSourceException if the file is empty or lacks a required column
   * @throws IOException if reading fails
   */
  static CsvImport<BrandRow> readBrands(Reader input) throws IOException {
    return read(input, AnalysisInput.BRANDS, List.of(BRAND, ROLE), (row, accepted) -> {
      String brand = required(row, BRAND);
      String role = row.getOrDefault(ROLE, "").toLowerCase(Locale.ROOT);
      if (!role.equals("ours") && !role.equals("competitor")) {
        throw new InvalidFieldException(ROLE, role, "must be ours or competitor");
      }
      String folded = TextFolding.fold(brand);
      for (BrandRow earlier : accepted) {
        if (TextFolding.fold(earlier.brand()).equals(folded)) {
          throw new InvalidFieldException(BRAND, brand, "must differ from '" + earlier.brand() + "' ignoring case and accents");
        }
        if (earlier.ours() && role.equals("ours")) {
          throw new InvalidFieldException(ROLE, role, "must be given once: '" + earlier.brand() + "' is already ours");
        }
      }
      return new BrandRow(brand, role.equals("ours"));
    });
  }

  /** The key messages the rows describe, in the order their names first appear. */
  static List<KeyMessage> messages(List<MessageRow> rows) {
    Map<String, KeyMessage.Builder> builders = new LinkedHashMap<>();
    for (MessageRow row : rows) {
      KeyMessage.Builder builder = builders.computeIfAbsent(row.message(), KeyMessage::named);
      switch (row.kind()) {
        case "hashtag" -> builder.hashtags(row.matcher());
        case "link" -> builder.links(row.matcher());
        default -> builder.phrases(row.matcher());
      }
    }
    return builders.values().stream().map(KeyMessage.Builder::build).toList();
  }

  private static String required(Map<String, String> row, String column) {
    String value = row.getOrDefault(column, "");
    if (value.isEmpty()) {
      throw new InvalidFieldException(column, value, "must not be blank");
    }
    return value;
  }

  /** Turns one row (trimmed cells by lower-case column name) into a value, given the values accepted so far. */
  @FunctionalInterface
  private interface RowParser<T> {
    T parse(Map<String, String> row, List<T> accepted);
  }

  private static <T> CsvImport<T> read(Reader input, String source, List<String> required, RowParser<T> parser)
      throws IOException {
    requireNonNull(input, "input");
    try (CsvRows csv = CsvRows.open(input)) {
      List<String> cells = new ArrayList<>();
      long headerLine = csv.next(cells);
      List<String> header = header(cells, headerLine, required);
      List<T> values = new ArrayList<>();
      List<Rejection> rejections = new ArrayList<>();
      long read = 0;
      String failure = null;
      try {
        for (long line = csv.next(cells); line >= 0; line = csv.next(cells)) {
          read++;
          Map<String, String> row = new HashMap<>();
          for (int i = 0; i < header.size() && i < cells.size(); i++) {
            row.putIfAbsent(header.get(i), cells.get(i).trim());
          }
          try {
            values.add(parser.parse(row, values));
          } catch (InvalidFieldException e) {
            rejections.add(Rejection.invalid(new SourcePosition(read, line), e));
          }
        }
      } catch (InvalidSourceException broken) {
        failure = broken.getMessage();
      }
      return new CsvImport<>(values,
          new ImportReport(source, read, values.size(), rejections.size(), 0, rejections, 0, failure));
    }
  }

  private static List<String> header(List<String> cells, long line, List<String> required) {
    if (line < 0) {
      throw new InvalidSourceException("the file is empty: a header row naming " + required + " is required");
    }
    List<String> header = cells.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
    for (String column : required) {
      if (!header.contains(column)) {
        throw new InvalidSourceException(
            "the header on line " + line + " lacks the column '" + column + "'; required: " + required);
      }
    }
    return header;
  }
}
