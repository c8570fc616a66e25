package org.engagement.core.ingest.csv;

import java.util.Objects;
import org.engagement.core.domain.Channel;
import org.jspecify.annotations.Nullable;

/**
 * The channel that a row's channel fields gave recently, found by the identity of the field strings: the reader
 * hands a column's repeated values out as one shared {@link String} ({@link RepeatedValues}), so a row naming a
 * channel or a traffic source seen before carries the very same instances, and its channel is found by comparing
 * four references instead of building a key and hashing it (issue 16: the key and the map look-up were 5 % of an
 * import's CPU). Only a row whose fields are those instances hits; any other row, equal or not, misses and takes
 * the resolver's full path, so a hit gives exactly what that path gave for equal fields.
 *
 * <p>Direct-mapped, {@value #SLOTS} slots placed by the fields' cached hashes; a new combination replaces the one
 * in its slot. Not thread-safe: one per reader.
 */
final class ChannelsByFields {
  private static final int SLOTS = 1 << 6;

  private final @Nullable String[] first = new String[SLOTS];
  private final @Nullable String[] second = new String[SLOTS];
  private final @Nullable String[] third = new String[SLOTS];
  private final @Nullable String[] fourth = new String[SLOTS];
  private final @Nullable Channel[] channels = new Channel[SLOTS];

  /** The channel remembered for exactly these instances, or {@code null}. */
  @SuppressWarnings("ReferenceEquality") // the same instances, not equal ones, are the key
  @Nullable Channel get(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d) {
    int slot = slot(a, b, c, d);
    Channel channel = channels[slot];
    return channel != null && first[slot] == a && second[slot] == b && third[slot] == c && fourth[slot] == d
        ? channel : null;
  }

  /** Remembers {@code channel} as what these instances gave. */
  void put(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d, Channel channel) {
    int slot = slot(a, b, c, d);
    first[slot] = a;
    second[slot] = b;
    third[slot] = c;
    fourth[slot] = d;
    channels[slot] = channel;
  }

  private static int slot(@Nullable String a, @Nullable String b, @Nullable String c, @Nullable String d) {
    int h = ((Objects.hashCode(a) * 31 + Objects.hashCode(b)) * 31 + Objects.hashCode(c)) * 31 + Objects.hashCode(d);
    return (h * 0x9E3779B9) >>> (32 - 6);
  }
}
