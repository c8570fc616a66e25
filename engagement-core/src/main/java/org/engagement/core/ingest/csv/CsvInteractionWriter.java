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
import org.engagement.core.model.Interaction;
import org.engagement.core.model.InvalidFieldException;
import org.engagement.core.model.Money;

/**
 * Writes interactions as CSV that {@link CsvInteractionAdapter} reads back to equal interactions:
 * columns {@code customer_id, timestamp, type, direction, channel, channel_name, channel_group, value,
 * currency, source_id}, then one column per declared attribute. Attribute values are written as text,
 * so only string attributes come back with the same type.
 *
 * <p>Streams to its output; not thread-safe.
 *
 * @since 0.1.0
 */
public final class CsvInteractionWriter implements Closeable, Flushable {
  private static final List<CsvColumn> COLUMNS = List.of(
      CsvColumn.CUSTOMER_ID, CsvColumn.TIMESTAMP, CsvColumn.TYPE, CsvColumn.DIRECTION, CsvColumn.CHANNEL,
      CsvColumn.CHANNEL_NAME, CsvColumn.CHANNEL_GROUP, CsvColumn.VALUE, CsvColumn.CURRENCY, CsvColumn.SOURCE_ID);

  private static final CsvFactory FACTORY = new CsvFactory();

  private final CsvGenerator csv;
  private final ImmutableList<String> attributeColumns;
  private final Set<String> attributeColumnSet;

  private CsvInteractionWriter(CsvGenerator csv, List<String> attributeColumns) {
    this.csv = csv;
    this.attributeColumns = ImmutableList.copyOf(attributeColumns);
    this.attributeColumnSet = new HashSet<>(attributeColumns);
  }

  /**
   * Starts a CSV document on {@code out} (UTF-8, LF line ends) and writes its header.
   *
   * @param attributeColumns the attribute keys to write, one column each, in this order
   * @throws InvalidFieldException if an attribute column repeats or clashes with a standard column
   * @throws UncheckedIOException if writing the header fails
   */
  public static CsvInteractionWriter open(OutputStream out, List<String> attributeColumns) {
    requireNonNull(out, "out");
    Set<String> seen = new HashSet<>();
    for (CsvColumn column : COLUMNS) {
      seen.add(column.header());
    }
    for (String key : attributeColumns) {
      if (!seen.add(key.toLowerCase(java.util.Locale.ROOT))) {
        throw new InvalidFieldException("attributeColumns", key, "must not repeat or clash with a standard column");
      }
    }
    List<String> header = new ArrayList<>();
    COLUMNS.forEach(column -> header.add(column.header()));
    header.addAll(attributeColumns);
    try {
      CsvGenerator csv = FACTORY.createGenerator(new OutputStreamWriter(out, StandardCharsets.UTF_8));
      printRecord(csv, header);
      return new CsvInteractionWriter(csv, attributeColumns);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes one interaction as one record.
   *
   * @throws InvalidFieldException if the interaction has an attribute without a declared column
   * @throws UncheckedIOException if writing fails
   */
  public void write(Interaction interaction) {
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
    for (String key : attributeColumns) {
      record.add(interaction.attributes().get(key).map(String::valueOf).orElse(""));
    }
    try {
      printRecord(csv, record);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
