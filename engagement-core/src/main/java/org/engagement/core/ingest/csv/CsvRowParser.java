package org.engagement.core.ingest.csv;

import java.util.HashMap;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.Timestamps;
import org.jspecify.annotations.Nullable;

/**
 * Turns the fields of one well-formed CSV record (the policy's checks done by {@link CsvRows}) into an
 * accepted interaction or a rejection. Not thread-safe.
 */
final class CsvRowParser {
  private static final int MAX_REMEMBERED_ATTRIBUTES = 1 << 12;

  private final CsvHeader header;
  private final CsvChannelResolver channels;
  /** The content parser, or {@code null} when the header has no content column (the common case). */
  private final @Nullable CsvContentParser content;
  /**
   * With one attribute column, the attributes of each of its values seen so far (immutable, so shared by the
   * interactions): a column such as {@code device} has a handful of values over millions of rows.
   */
  private final Map<String, Attributes> attributesByValue = new HashMap<>();

  CsvRowParser(CsvHeader header, CsvInteractionAdapter config) {
    this.header = header;
    this.channels = new CsvChannelResolver(header, config);
    this.content = CsvContentParser.forHeader(header);
  }

  /** The direct path for rows under this parser's header, sharing its channel resolver (so its channels). */
  PlainRowAdder plainRows() {
    return PlainRowAdder.forHeader(header, channels);
  }

  AdapterRecord parse(String[] fields, SourcePosition position) {
    try {
      return AdapterRecord.accepted(position, interaction(fields));
    } catch (InvalidFieldException e) {
      return AdapterRecord.rejected(Rejection.invalid(position, e));
    }
  }

  private Interaction interaction(String[] fields) {
    String customerId = required(fields, CsvColumn.CUSTOMER_ID);
    String timestamp = required(fields, CsvColumn.TIMESTAMP);
    String type = required(fields, CsvColumn.TYPE);
    InteractionType interactionType = InteractionType.parse("type", type);
    String direction = optional(fields, CsvColumn.DIRECTION);
    String sourceId = optional(fields, CsvColumn.SOURCE_ID);
    try {
      return new Interaction(
          customerId,
          channels.resolve(fields),
          Timestamps.parseInstant("timestamp", timestamp),
          interactionType,
          direction == null ? interactionType.defaultDirection() : Direction.parse("direction", direction),
          value(fields),
          sourceId,
          attributes(fields),
          content == null ? null : content.parse(fields));
    } catch (InvalidFieldException e) {
      throw renamed(e);
    }
  }

  private @Nullable Money value(String[] fields) {
    String value = optional(fields, CsvColumn.VALUE);
    if (value == null) {
      return null;
    }
    String currency = optional(fields, CsvColumn.CURRENCY);
    if (currency == null) {
      throw new InvalidFieldException("currency", null, "is required when value is given (value '" + value + "')");
    }
    try {
      return Money.of(Money.parseAmount("value", value), Money.currency("currency", currency));
    } catch (InvalidFieldException e) {
      throw e.field().equals("amount") ? new InvalidFieldException("value", value, e.rule()) : e;
    }
  }

  private Attributes attributes(String[] fields) {
    int[] indexes = header.extraIndexes();
    if (indexes.length == 0) {
      return Attributes.empty();
    }
    if (indexes.length > 1) {
      return buildAttributes(fields);
    }
    String value = fields[indexes[0]];
    Attributes known = attributesByValue.get(value);
    if (known == null) {
      known = buildAttributes(fields);
      if (attributesByValue.size() < MAX_REMEMBERED_ATTRIBUTES) {
        attributesByValue.put(value, known);
      }
    }
    return known;
  }

  private Attributes buildAttributes(String[] fields) {
    int[] indexes = header.extraIndexes();
    Attributes.Builder builder = Attributes.builder();
    String[] names = header.extraNames();
    for (int i = 0; i < indexes.length; i++) {
      String value = fields[indexes[i]];
      if (!value.isEmpty()) {
        builder.put(names[i], value);
      }
    }
    return builder.build();
  }

  private String required(String[] fields, CsvColumn column) {
    String value = fields[header.index(column)].strip();
    if (value.isEmpty()) {
      throw new InvalidFieldException(column.header(), null, "must not be empty");
    }
    return value;
  }

  private @Nullable String optional(String[] fields, CsvColumn column) {
    return CsvChannelResolver.optional(header, fields, column);
  }

  /** Model field names to the column names a CSV user knows. */
  private static InvalidFieldException renamed(InvalidFieldException e) {
    String column = switch (e.field()) {
      case "customerId" -> CsvColumn.CUSTOMER_ID.header();
      case "sourceId" -> CsvColumn.SOURCE_ID.header();
      case "threadId" -> CsvColumn.THREAD_ID.header();
      default -> null;
    };
    return column == null ? e : new InvalidFieldException(column, e.value(), e.rule());
  }
}
