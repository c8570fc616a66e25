package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.google.common.collect.ImmutableList;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * Writes interactions as CSV that {@link CsvInteractionAdapter} reads back to equal interactions:
 * columns {@code customer_id, timestamp, type, direction, channel, channel_name, channel_group, value,
 * currency, source_id}, then (when {@linkplain #openWithContent opened with content}) the content columns
 * {@code text, tags, hashtags, links, brand, sentiment, audience, thread_id, owner, resolved}, then one
 * column per declared attribute. Attribute values are written as text, so only string attributes come
 * back with the same type. A writer opened without content columns writes exactly what it wrote before
 * content existed, and refuses interactions that carry content rather than drop it.
 *
 * <p>Streams to its output; not thread-safe.
 *
 * @since 0.1.0
 */
public final class CsvInteractionWriter implements Closeable, Flushable {
  private static final List<CsvColumn> COLUMNS = List.of(
      CsvColumn.CUSTOMER_ID, CsvColumn.TIMESTAMP, CsvColumn.TYPE, CsvColumn.DIRECTION, CsvColumn.CHANNEL,
      CsvColumn.CHANNEL_NAME, CsvColumn.CHANNEL_GROUP, CsvColumn.VALUE, CsvColumn.CURRENCY, CsvColumn.SOURCE_ID);
  private static final List<CsvColumn> CONTENT_COLUMNS = List.of(
      CsvColumn.TEXT, CsvColumn.TAGS, CsvColumn.HASHTAGS, CsvColumn.LINKS, CsvColumn.BRAND, CsvColumn.SENTIMENT,
      CsvColumn.AUDIENCE, CsvColumn.THREAD_ID, CsvColumn.OWNER, CsvColumn.RESOLVED);

  private static final CsvFactory FACTORY = new CsvFactory();

  private final CsvGenerator csv;
  private final ImmutableList<String> attributeColumns;
  private final Set<String> attributeColumnSet;
  private final boolean withContent;

  private CsvInteractionWriter(CsvGenerator csv, List<String> attributeColumns, boolean withContent) {
    this.csv = csv;
    this.withContent = withContent;
    this.attributeColumns = ImmutableList.copyOf(attributeColumns);
    this.attributeColumnSet = new HashSet<>(attributeColumns);
  }

  /**
   * Starts a CSV document on {@code out} (UTF-8, LF line ends) and writes its header.
   *
   * @param attributeColumns the attribute keys to write, one column each, in this order
   * @throws InvalidFieldException if an attribute column repeats or clashes with a standard or content
   *     column (the reader would take it for one)
   * @throws UncheckedIOException if writing the header fails
   */
  public static CsvInteractionWriter open(OutputStream out, List<String> attributeColumns) {
    return open(out, attributeColumns, false);
  }

  /**
   * Starts a CSV document with the content columns on {@code out} (UTF-8, LF line ends) and writes its
   * header; list parts are joined with {@code |}.
   *
   * @param attributeColumns the attribute keys to write, one column each, in this order
   * @throws InvalidFieldException if an attribute column repeats or clashes with a standard or content
   *     column
   * @throws UncheckedIOException if writing the header fails
   */
  public static CsvInteractionWriter openWithContent(OutputStream out, List<String> attributeColumns) {
    return open(out, attributeColumns, true);
  }

  private static CsvInteractionWriter open(OutputStream out, List<String> attributeColumns, boolean withContent) {
    requireNonNull(out, "out");
    Set<String> seen = new HashSet<>();
    for (CsvColumn column : CsvColumn.values()) {
      seen.add(column.header());
    }
    for (String key : attributeColumns) {
      if (!seen.add(key.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidFieldException("attributeColumns", key, "must not repeat or clash with a standard column");
      }
    }
    List<String> header = new ArrayList<>();
    COLUMNS.forEach(column -> header.add(column.header()));
    if (withContent) {
      CONTENT_COLUMNS.forEach(column -> header.add(column.header()));
    }
    header.addAll(attributeColumns);
    try {
      CsvGenerator csv = FACTORY.createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      printRecord(csv, header);
      return new CsvInteractionWriter(csv, attributeColumns, withContent);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one interaction as one record.
   *
   * @throws InvalidFieldException if the interaction has an attribute without a declared column, or has
   *     content and the writer was opened without content columns
   * @throws UncheckedIOException if writing fails
   */
  public void write(Interaction interaction) {
    Content content = interaction.content();
    if (content != null && !withContent) {
      throw new InvalidFieldException("content", content.toString(),
          "needs a writer opened with content columns (openWithContent)");
    }
    for (String key : interaction.attributes().asMap().keySet()) {
      if (!attributeColumnSet.contains(key)) {
        throw new InvalidFieldException("attribute", key, "must be one of the declared attribute columns " + attributeColumns);
      }
    }
    Money value = interaction.value();
    List<String> record = new ArrayList<>(COLUMNS.size() + attributeColumns.size());
    record.add(interaction.customerId());
    record.add(interaction.timestamp().toString());
    record.add(interaction.type().id());
    record.add(interaction.direction().name().toLowerCase(java.util.Locale.ROOT));
    record.add(interaction.channel().id());
    record.add(interaction.channel().displayName());
    record.add(interaction.channel().group().id());
    record.add(value == null ? "" : value.amount().toPlainString());
    record.add(value == null ? "" : value.currency().getCurrencyCode());
    record.add(interaction.sourceId() == null ? "" : interaction.sourceId());
    if (withContent) {
      addContent(record, content == null ? Content.empty() : content);
    }
    for (String key : attributeColumns) {
      record.add(interaction.attributes().get(key).map(String::valueOf).orElse(""));
    }
    try {
      printRecord(csv, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void addContent(List<String> record, Content content) {
    record.add(orEmpty(content.text()));
    record.add(String.join(CsvContentParser.LIST_SEPARATOR, content.tags()));
    record.add(String.join(CsvContentParser.LIST_SEPARATOR, content.hashtags()));
    record.add(String.join(CsvContentParser.LIST_SEPARATOR, content.links()));
    record.add(orEmpty(content.brand()));
    record.add(content.sentiment() == null ? "" : content.sentiment().toString());
    record.add(content.audience() == null ? "" : content.audience().toString());
    record.add(orEmpty(content.threadId()));
    record.add(orEmpty(content.owner()));
    record.add(content.resolved() ? "true" : "");
  }

  private static String orEmpty(@Nullable String text) {
    return text == null ? "" : text;
  }

  private static void printRecord(CsvGenerator csv, List<String> record) throws IOException {
    csv.writeStartArray();
    for (String field : record) {
      csv.writeString(field);
    }
    csv.writeEndArray();
  }

  @Override
  public void flush() throws IOException {
    csv.flush();
  }

  @Override
  public void close() throws IOException {
    csv.close();
  }
}
