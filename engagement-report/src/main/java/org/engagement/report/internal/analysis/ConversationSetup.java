package org.engagement.report.internal.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;
import org.engagement.report.analysis.AnalysisInput;

/**
 * Reads what the conversation section compares: the key messages ({@value AnalysisInput#MESSAGES}:
 * {@code message,phrase[,kind]}, kind {@code phrase} (the default when empty), {@code hashtag} or
 * {@code link}) and the brands ({@value AnalysisInput#BRANDS}: {@code brand,role}, role {@code ours} or
 * {@code competitor}). Headers are matched ignoring case, in any order, other columns ignored. A bad row is
 * rejected with its line and reason, never dropped silently, so that read = accepted + rejected. Stateless.
 */
public final class ConversationSetup {
  private static final String MESSAGE = "message";
  private static final String PHRASE = "phrase";
  private static final String KIND = "kind";
  private static final String BRAND = "brand";
  private static final String ROLE = "role";

  private ConversationSetup() {}

  /** One matcher of a key message, as one row of the messages file gives it. */
  public record MessageRow(String message, String matcher, String kind) {}

  /** One brand and whether it is ours. */
  public record BrandRow(String brand, boolean ours) {}

  /**
   * Reads the messages file.
   *
   * @throws InvalidSourceException if the file is empty or lacks a required column
   * @throws IOException if reading fails
   */
  public static CsvImport<MessageRow> readMessages(InputStream input) throws IOException {
    return CsvTable.read(input, AnalysisInput.MESSAGES, List.of(MESSAGE, PHRASE), row -> {
      String message = row.require(MESSAGE);
      String matcher = row.require(PHRASE);
      String kind = row.get(KIND).isEmpty() ? PHRASE : row.get(KIND).toLowerCase(Locale.ROOT);
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
  public static CsvImport<BrandRow> readBrands(InputStream input) throws IOException {
    List<BrandRow> accepted = new ArrayList<>();
    return CsvTable.read(input, AnalysisInput.BRANDS, List.of(BRAND, ROLE), row -> {
      String brand = row.require(BRAND);
      String role = row.get(ROLE).toLowerCase(Locale.ROOT);
      if (!role.equals("ours") && !role.equals("competitor")) {
        throw new InvalidFieldException(ROLE, role, "must be ours or competitor");
      }
      for (BrandRow earlier : accepted) {
        if (Brands.sameName(earlier.brand(), brand)) {
          throw new InvalidFieldException(BRAND, brand, "must differ from '" + earlier.brand() + "' ignoring case and accents");
        }
        if (earlier.ours() && role.equals("ours")) {
          throw new InvalidFieldException(ROLE, role, "must be given once: '" + earlier.brand() + "' is already ours");
        }
      }
      BrandRow accept = new BrandRow(brand, role.equals("ours"));
      accepted.add(accept);
      return accept;
    });
  }

  /** The key messages the rows describe, in the order their names first appear. */
  public static List<KeyMessage> messages(List<MessageRow> rows) {
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
}
