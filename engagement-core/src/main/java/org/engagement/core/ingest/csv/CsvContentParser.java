package org.engagement.core.ingest.csv;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;
import org.jspecify.annotations.Nullable;

/** Reads the content columns of one CSV record; stateless apart from the header it is bound to. */
final class CsvContentParser {
  /** The separator of list items in one field. */
  static final String LIST_SEPARATOR = "|";

  private static final char SEPARATOR = '|';
  /** Column names for messages, made once: {@link CsvColumn#header()} lower-cases the name on every call. */
  private static final String SENTIMENT = CsvColumn.SENTIMENT.header();
  private static final String AUDIENCE = CsvColumn.AUDIENCE.header();
  private static final Pattern SPLIT = Pattern.compile("\\|");

  private final CsvHeader header;

  private CsvContentParser(CsvHeader header) {
    this.header = header;
  }

  /**
   * The parser of {@code header}'s content columns, or {@code null} when it has none: then rows carry no
   * content and the row parser need not call anything (ingestion without content stays on its fast path).
   */
  static @Nullable CsvContentParser forHeader(CsvHeader header) {
    for (CsvColumn column : CsvColumn.values()) {
      if (column.compareTo(CsvColumn.TEXT) >= 0 && header.index(column) >= 0) {
        return new CsvContentParser(header);
      }
    }
    return null;
  }

  /** The content of {@code fields}, or {@code null} if the row fills no content column. */
  @Nullable Content parse(String[] fields) {
    int textIndex = header.index(CsvColumn.TEXT);
    String text = textIndex < 0 || fields[textIndex].isEmpty() ? null : fields[textIndex];
    Content content = Content.builder()
        .text(text)
        .tags(list(fields, CsvColumn.TAGS))
        .hashtags(list(fields, CsvColumn.HASHTAGS))
        .links(list(fields, CsvColumn.LINKS))
        .brand(optional(fields, CsvColumn.BRAND))
        .sentiment(sentiment(optional(fields, CsvColumn.SENTIMENT)))
        .audience(audience(optional(fields, CsvColumn.AUDIENCE)))
        .threadId(optional(fields, CsvColumn.THREAD_ID))
        .owner(optional(fields, CsvColumn.OWNER))
        .resolved(resolved(optional(fields, CsvColumn.RESOLVED)))
        .build();
    return content.isEmpty() ? null : content;
  }

  private List<String> list(String[] fields, CsvColumn column) {
    String value = optional(fields, column);
    if (value == null) {
      return List.of();
    }
    if (value.indexOf(SEPARATOR) < 0) {
      // one item, as most of a feed's tags, hashtags and links are: taken whole, without a matcher (issue 16)
      return List.of(value.strip());
    }
    String[] items = SPLIT.split(value, -1);
    for (int i = 0; i < items.length; i++) {
      items[i] = items[i].strip();
    }
    return List.of(items);
  }

  private static @Nullable Double sentiment(@Nullable String text) {
    return text == null ? null : NumberSyntax.number(SENTIMENT, text, -1, 1);
  }

  private static @Nullable Long audience(@Nullable String text) {
    return text == null ? null : NumberSyntax.whole(AUDIENCE, text, 0, Long.MAX_VALUE);
  }

  private static boolean resolved(@Nullable String text) {
    if (text == null) {
      return false;
    }
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true", "yes" -> true;
      case "false", "no" -> false;
      default -> throw new InvalidFieldException(CsvColumn.RESOLVED.header(), text, "must be 'true' or 'false'");
    };
  }

  private @Nullable String optional(String[] fields, CsvColumn column) {
    return CsvChannelResolver.optional(header, fields, column);
  }
}
