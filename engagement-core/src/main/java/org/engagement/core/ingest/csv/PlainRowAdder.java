package org.engagement.core.ingest.csv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.Timestamps;
import org.engagement.core.internal.ingest.ColumnRecords;
import org.jspecify.annotations.Nullable;

/**
 * The direct path of a CSV import into columns (issue 16): adds a plain record (see {@link CsvRows#peekPlain()})
 * straight to {@link InteractionColumns} when it is a row the general path ({@link CsvRowParser}) would accept as an
 * interaction with no value, source id, attributes or content; for any other record it adds nothing and answers
 * {@code false}, and the record goes the general way, which accepts or rejects it with its exact reason.
 *
 * <p>So the direct path decides nothing the general path would decide otherwise: it takes only fields that need no
 * trimming, the common timestamp shape ({@link Timestamps#commonEpochSecond}), the type, direction and channel as
 * the general path parses and resolves them (the same resolver, so the same channel instances), and the checks of
 * {@link org.engagement.core.domain.Interaction} in {@link InteractionColumns.Builder#addRow}; any failure of any of
 * them sends the record to the general path. What it saves per row: the customer id and timestamp strings, the
 * row's array, the {@code Instant}, the {@code Interaction} and the accepted record. Not thread-safe: one per reader.
 */
final class PlainRowAdder {
  private static final int MAX_REMEMBERED_TYPES = 64;

  private final CsvChannelResolver channels;
  private final int customer;
  private final int timestamp;
  private final int type;
  private final int direction;
  /** The fields a direct row must leave empty: value, source id, attribute and content columns. */
  private final int[] empty;
  /** The channel columns the resolver reads, and its view of the row (only these slots are filled). */
  private final int[] channelColumns;
  private final String[] fields;
  private final Map<String, InteractionType> types = new HashMap<>();
  /** The columns from the first to the last of type and direction, and of the channel columns. */
  private final int kindFirst;
  private final int kindLast;
  private final int channelFirst;
  private final int channelLast;
  private final SpanMemo<Kind> kinds = new SpanMemo<>();
  private final SpanMemo<Channel> channelsBySpan = new SpanMemo<>();

  private PlainRowAdder(CsvHeader header, CsvChannelResolver channels, int[] empty, int[] channelColumns) {
    this.channels = channels;
    this.customer = header.index(CsvColumn.CUSTOMER_ID);
    this.timestamp = header.index(CsvColumn.TIMESTAMP);
    this.type = header.index(CsvColumn.TYPE);
    this.direction = header.index(CsvColumn.DIRECTION);
    this.empty = empty;
    this.channelColumns = channelColumns;
    this.fields = new String[header.size()];
    this.kindFirst = direction < 0 ? type : Math.min(type, direction);
    this.kindLast = Math.max(type, direction);
    this.channelFirst = Arrays.stream(channelColumns).min().orElse(-1);
    this.channelLast = Arrays.stream(channelColumns).max().orElse(-1);
  }

  /** The direct path for rows under {@code header}, resolving channels with {@code channels}. */
  static PlainRowAdder forHeader(CsvHeader header, CsvChannelResolver channels) {
    List<Integer> empty = new ArrayList<>();
    List<Integer> channelColumns = new ArrayList<>();
    for (CsvColumn column : CsvColumn.values()) {
      int index = header.index(column);
      if (index < 0) {
        continue;
      }
      if (column == CsvColumn.VALUE || column == CsvColumn.SOURCE_ID || column.compareTo(CsvColumn.TEXT) >= 0) {
        empty.add(index);
      } else if (column.compareTo(CsvColumn.CHANNEL) >= 0 && column.compareTo(CsvColumn.REFERRER) <= 0) {
        channelColumns.add(index);
      }
    }
    for (int index : header.extraIndexes()) {
      empty.add(index);
    }
    return new PlainRowAdder(header, channels,
        empty.stream().mapToInt(Integer::intValue).toArray(),
        channelColumns.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Adds the plain record {@code rows} has peeked to {@code columns} if the general path would accept it as a row
   * without rare parts; {@code false}, with nothing added, otherwise.
   *
   * @throws ColumnRecords.SinkFailure if the columns refuse the row for a reason of their own
   */
  boolean add(CsvRows rows, InteractionColumns.Builder columns) {
    for (int f : empty) {
      if (rows.plainFieldLength(f) != 0) {
        return false;
      }
    }
    char[] chars = rows.plainBuffer();
    int idFrom = rows.plainFieldStart(customer);
    int idLength = rows.plainFieldLength(customer);
    if (idLength == 0 || Character.isWhitespace(chars[idFrom])
        || Character.isWhitespace(chars[idFrom + idLength - 1])) {
      return false;
    }
    long second = Timestamps.commonEpochSecond(chars, rows.plainFieldStart(timestamp),
        rows.plainFieldLength(timestamp));
    if (second == Timestamps.NOT_COMMON) {
      return false;
    }
    Kind kind = kind(rows, chars);
    if (kind == null) {
      return false;
    }
    Channel channel = channelColumns.length == 0 ? channel(rows) : rememberedChannel(rows, chars);
    if (channel == null) {
      return false;
    }
    try {
      columns.addRow(chars, idFrom, idLength, channel, second, 0, kind.type(), kind.direction());
    } catch (InvalidFieldException e) {
      return false;
    } catch (RuntimeException e) {
      throw new ColumnRecords.SinkFailure(e);
    }
    return true;
  }

  /**
   * The type and direction the general path gives the row, or {@code null} if it would reject one of them: found by
   * the characters of the columns from the type's to the direction's when they read so before.
   */
  private @Nullable Kind kind(CsvRows rows, char[] chars) {
    int from = rows.plainRawStart(kindFirst);
    int to = rows.plainRawEnd(kindLast);
    Kind known = kinds.get(chars, from, to);
    if (known != null) {
      return known;
    }
    InteractionType rowType = type(rows.plainField(type));
    if (rowType == null) {
      return null;
    }
    Direction rowDirection = direction(rows, rowType);
    if (rowDirection == null) {
      return null;
    }
    Kind kind = new Kind(rowType, rowDirection);
    kinds.put(chars, from, to, kind);
    return kind;
  }

  /**
   * The channel the general path resolves for the row, or {@code null} if it would reject the row's fields: found by
   * the characters of the columns from the first channel column to the last when they resolved so before.
   */
  private @Nullable Channel rememberedChannel(CsvRows rows, char[] chars) {
    int from = rows.plainRawStart(channelFirst);
    int to = rows.plainRawEnd(channelLast);
    Channel known = channelsBySpan.get(chars, from, to);
    if (known != null) {
      return known;
    }
    Channel channel = channel(rows);
    if (channel != null) {
      channelsBySpan.put(chars, from, to, channel);
    }
    return channel;
  }

  /** The type the general path parses from {@code text}, or {@code null} if it would not. */
  private @Nullable InteractionType type(String text) {
    InteractionType known = types.get(text);
    if (known != null) {
      return known;
    }
    String stripped = text.strip();
    if (stripped.isEmpty()) {
      return null;
    }
    InteractionType parsed;
    try {
      parsed = InteractionType.parse("type", stripped);
    } catch (InvalidFieldException e) {
      return null;
    }
    if (types.size() < MAX_REMEMBERED_TYPES) {
      types.put(text, parsed);
    }
    return parsed;
  }

  /** The direction the general path gives the row, or {@code null} if it would reject the field. */
  private @Nullable Direction direction(CsvRows rows, InteractionType rowType) {
    if (direction < 0) {
      return rowType.defaultDirection();
    }
    String text = rows.plainField(direction).strip();
    if (text.isEmpty()) {
      return rowType.defaultDirection();
    }
    try {
      return Direction.parse("direction", text);
    } catch (InvalidFieldException e) {
      return null;
    }
  }

  /** A row's type and direction. */
  private record Kind(InteractionType type, Direction direction) {}

  /** The channel the general path resolves for the row, or {@code null} if it would reject the row's fields. */
  private @Nullable Channel channel(CsvRows rows) {
    String[] f = fields;
    for (int index : channelColumns) {
      f[index] = rows.plainField(index);
    }
    try {
      return channels.resolve(f);
    } catch (InvalidFieldException e) {
      return null;
    }
  }
}
