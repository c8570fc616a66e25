package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Throwables;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.NumberSyntax;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link PathFormat}'s reading of UTF-8 bytes: a path file whose every record is plain is
 * read straight from the bytes into a {@link JourneySet}, with each distinct channel name decoded and
 * checked once (touches are looked up by their bytes), numbers converted from the bytes, and no object per
 * row or touch.
 *
 * <p>Plain means that the general reader ({@code CsvRows} and {@code CsvTable} under the reading policy)
 * would accept the record and read it the same way: a header of distinct ASCII names including {@code path}
 * and {@code total_conversions}; records on one line each, no longer in bytes than the field and record
 * limits, with the header's number of fields; fields unquoted without a quote, or quoted without a quote or
 * line break inside; no control character other than tab; bytes outside ASCII only in the path field, where
 * each channel name decodes as UTF-8 without U+FFFD or control characters and passes the channel-name rules;
 * numbers in the one number syntax and range. Anything else, including every record the general reader
 * would reject, makes {@link #read} answer {@code null}, and the caller reads the whole file again with the
 * general reader, so results, rejections and messages are the general reader's by construction.
 *
 * <p>A file of at least {@value #PARALLEL_BYTES} bytes after its header is read in two halves at once, the
 * second on the common fork-join pool, cut at a line start; the second half's builder is then added to the
 * first's. The set is the same bit for bit as one reader's: channels and paths are put in canonical order
 * by {@link JourneySet.Builder#build()} whatever order they came in, and when no path repeats within the
 * second half every count is added once in the order a single reader would add it; when one does, the second
 * half is read again by the first reader after the first half. This halves the time of the first, cold read
 * of a whole-process run, where the reader runs before the JIT has compiled it.
 *
 * <p>Not thread-safe: one instance per read (and per half).
 */
final class PlainPathReader {
  /** The powers of ten that are exact doubles. */
  private static final double[] POW10 = {
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
      1e19, 1e20, 1e21, 1e22};
  /** Significant digits that always make an exact double (below 2^53). */
  private static final int MAX_EXACT_DIGITS = 15;
  /** {@link #splitUnquoted}'s answer for a line with a quote on it. */
  private static final int QUOTED = -2;
  /** {@link #splitUnquoted}'s answer for a line that is not plain. */
  private static final int NOT_PLAIN = -1;
  /** The bytes after the header from which a file is read in two halves at once. */
  static final int PARALLEL_BYTES = 1 << 20;

  private final byte[] in;
  private final int length;
  private final byte delimiter;
  private final byte separator;
  private final int maxLine;
  private final JourneySet.Builder builder = JourneySet.builder();
  private final ByteChannels channels = new ByteChannels();
  private int[] fieldStarts = new int[8];
  private int[] fieldEnds = new int[8];
  private int fields;
  private int headerFields;
  private int pathColumn = -1;
  private int conversionsColumn = -1;
  private int valueColumn = -1;
  private int nullsColumn = -1;
  private int[] ids = new int[32];
  private int pos;
  private int records;

  private PlainPathReader(byte[] in, int length, byte delimiter, byte separator, CsvPolicy policy) {
    this.in = in;
    this.length = length;
    this.delimiter = delimiter;
    this.separator = separator;
    this.maxLine = Math.min(policy.maxFieldLength(), policy.maxRecordLength());
  }

  /**
   * The set of the path file {@code in[0 .. length)}, or {@code null} if a record is not plain (see the
   * class comment) and the general reader must read the file.
   */
  static @Nullable JourneySet read(byte[] in, int length, char delimiter, char separator, CsvPolicy policy) {
    return read(in, length, delimiter, separator, policy, PARALLEL_BYTES);
  }

  /**
   * As {@link #read(byte[], int, char, char, CsvPolicy)}, reading in two halves at once when at least
   * {@code parallelBytes} follow the header (and more than one processor is available).
   */
  static @Nullable JourneySet read(byte[] in, int length, char delimiter, char separator, CsvPolicy policy,
      int parallelBytes) {
    JourneySet.Builder builder = builder(in, length, delimiter, separator, policy, parallelBytes);
    return builder == null ? null : builder.build();
  }

  /**
   * As {@link #read(byte[], int, char, char, CsvPolicy)}, but the builder holding the set, not yet built:
   * the caller can let go of the bytes before {@link JourneySet.Builder#build()} makes its arrays, so that
   * the file and the built set are never in memory at once.
   */
  static JourneySet.@Nullable Builder builder(byte[] in, int length, char delimiter, char separator,
      CsvPolicy policy) {
    return builder(in, length, delimiter, separator, policy, PARALLEL_BYTES);
  }

  private static JourneySet.@Nullable Builder builder(byte[] in, int length, char delimiter, char separator,
      CsvPolicy policy, int parallelBytes) {
    if (!usable(delimiter) || !usable(separator) || delimiter == ' ' || delimiter == '\t') {
      return null;
    }
    PlainPathReader first = new PlainPathReader(in, length, (byte) delimiter, (byte) separator, policy);
    if (!first.start()) {
      return null;
    }
    int cut = length - first.pos >= parallelBytes && Runtime.getRuntime().availableProcessors() > 1
        ? first.lineStartAfter(first.pos + (length - first.pos) / 2) : -1;
    if (cut < 0) {
      return first.records(length) ? first.builder : null;
    }
    PlainPathReader second = new PlainPathReader(in, length, (byte) delimiter, (byte) separator, policy);
    second.takeHeaderOf(first, cut);
    CompletableFuture<Boolean> rest = CompletableFuture.supplyAsync(() -> second.records(length));
    boolean firstPlain = first.records(cut);
    boolean secondPlain = joined(rest);
    if (!firstPlain || !secondPlain) {
      return null;
    }
    if (second.records == second.builder.pathCount()) {
      first.builder.addAllOf(second.builder);
    } else if (!first.records(length)) {
      return null;
    }
    return first.builder;
  }

  /** The answer of the second half; what it threw is rethrown as a single reader would have thrown it. */
  private static boolean joined(CompletableFuture<Boolean> rest) {
    try {
      return rest.join();
    } catch (CompletionException e) {
      Throwables.throwIfUnchecked(requireNonNull(e.getCause(), "cause"));
      throw e;
    }
  }

  /**
   * The start of the first line that begins after a {@code \n} at or after {@code from}, or -1 if there is
   * none before the end: a cut there never splits a line ({@code \r\n} ends with {@code \n}).
   */
  private int lineStartAfter(int from) {
    for (int i = from; i < length - 1; i++) {
      if (in[i] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }

  /** Reads from {@code from} on with the header {@code other} read. */
  private void takeHeaderOf(PlainPathReader other, int from) {
    headerFields = other.headerFields;
    pathColumn = other.pathColumn;
    conversionsColumn = other.conversionsColumn;
    valueColumn = other.valueColumn;
    nullsColumn = other.nullsColumn;
    pos = from;
  }

  /** Whether a delimiter or separator is a single ASCII byte that no UTF-8 sequence contains. */
  private static boolean usable(char c) {
    return c < 0x80;
  }

  /** Skips a byte-order mark and reads the header; false if it is missing or not plain. */
  private boolean start() {
    if (length >= 3 && in[0] == (byte) 0xEF && in[1] == (byte) 0xBB && in[2] == (byte) 0xBF) {
      pos = 3;
    }
    return header();
  }

  /** Reads the records from here to {@code end}, a line start or the end; false if one is not plain. */
  private boolean records(int end) {
    while (pos < end) {
      if (!record()) {
        return false;
      }
    }
    return true;
  }

  /** Reads the first record that is not blank as the header; false if it is missing or not plain. */
  private boolean header() {
    while (pos < length) {
      int end = lineEnd(pos);
      int from = pos;
      pos = nextLine(end);
      if (blank(from, end)) {
        continue;
      }
      if (end - from > maxLine || !split(from, end)) {
        return false;
      }
      headerFields = fields;
      return columns();
    }
    return false;
  }

  /** Finds the columns in the header just split; false if a name is not ASCII or is given twice. */
  private boolean columns() {
    String[] names = new String[fields];
    for (int f = 0; f < fields; f++) {
      if (!ascii(fieldStarts[f], fieldEnds[f])) {
        return false;
      }
      String name = new String(in, fieldStarts[f], fieldEnds[f] - fieldStarts[f], StandardCharsets.ISO_8859_1)
          .strip().toLowerCase(Locale.ROOT);
      for (int g = 0; g < f; g++) {
        if (!name.isEmpty() && name.equals(names[g])) {
          return false;
        }
      }
      names[f] = name;
      pathColumn = name.equals(PathFormat.PATH) ? f : pathColumn;
      conversionsColumn = name.equals(PathFormat.CONVERSIONS) ? f : conversionsColumn;
      valueColumn = name.equals(PathFormat.VALUE) ? f : valueColumn;
      nullsColumn = name.equals(PathFormat.NULLS) ? f : nullsColumn;
    }
    return pathColumn >= 0 && conversionsColumn >= 0;
  }

  /** Reads one line: skips it if blank, adds its row if plain; false if it is not plain. */
  private boolean record() {
    int from = pos;
    int end = splitUnquoted(from);
    if (end == QUOTED) {
      end = lineEnd(from);
      if (end - from > maxLine || !split(from, end) || !asciiBesidesPath()) {
        return false;
      }
    } else if (end < 0) {
      return false;
    }
    pos = nextLine(end);
    if (fields == 1 && blank(from, end)) {
      return true;
    }
    if (end - from > maxLine || fields != headerFields) {
      return false;
    }
    double conversions = number(conversionsColumn);
    double value = valueColumn < 0 ? 0 : number(valueColumn);
    double nulls = nullsColumn < 0 ? 0 : number(nullsColumn);
    int touches = path(fieldStarts[pathColumn], fieldEnds[pathColumn]);
    if (touches < 0 || Double.isNaN(conversions) || Double.isNaN(value) || Double.isNaN(nulls)) {
      return false;
    }
    builder.addInterned(ids, touches, conversions, value, nulls);
    records++;
    return true;
  }

  /**
   * Splits the line that starts at {@code from} into its fields in the one pass that finds its end, if no
   * quote is on it (the common case): returns the index of its line break (or {@code length}), {@link #QUOTED}
   * if a quote is on it (then {@link #split} reads it), or {@link #NOT_PLAIN} if a byte is a control character
   * other than tab or a field other than the path is not ASCII. The same fields as {@link #lineEnd} and {@link
   * #split} find, with two passes fewer over the line.
   */
  private int splitUnquoted(int from) {
    fields = 0;
    int fieldStart = from;
    boolean ascii = true;
    for (int i = from; i < length; i++) {
      byte c = in[i];
      if (c == delimiter || c == '\n' || c == '\r') {
        if (!ascii && fields != pathColumn) {
          return NOT_PLAIN;
        }
        addField(fieldStart, i);
        if (c != delimiter) {
          return i;
        }
        fieldStart = i + 1;
        ascii = true;
      } else if (c == '"') {
        return QUOTED;
      } else if (c < 0) {
        ascii = false;
      } else if (c < 0x20 ? c != '\t' : c == 0x7F) {
        return NOT_PLAIN;
      }
    }
    if (!ascii && fields != pathColumn) {
      return NOT_PLAIN;
    }
    addField(fieldStart, length);
    return length;
  }

  /** Whether every field but the path is ASCII. */
  private boolean asciiBesidesPath() {
    for (int f = 0; f < fields; f++) {
      if (f != pathColumn && !ascii(fieldStarts[f], fieldEnds[f])) {
        return false;
      }
    }
    return true;
  }

  /** The index of the line break ending the line that starts at {@code from}, or {@code length}. */
  private int lineEnd(int from) {
    int i = from;
    while (i < length && in[i] != '\n' && in[i] != '\r') {
      i++;
    }
    return i;
  }

  /** The start of the line after the line break at {@code end} ({@code \n}, {@code \r\n} or {@code \r}). */
  private int nextLine(int end) {
    if (end + 1 < length && in[end] == '\r' && in[end + 1] == '\n') {
      return end + 2;
    }
    return end + 1;
  }

  /** Whether {@code in[from .. end)} holds only spaces and tabs: a line that is no record. */
  private boolean blank(int from, int end) {
    for (int i = from; i < end; i++) {
      if (in[i] != ' ' && in[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private boolean ascii(int from, int end) {
    for (int i = from; i < end; i++) {
      if (in[i] < 0) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code b} may stand in a field's text: not a control character other than tab. */
  private static boolean plain(byte b) {
    return (b >= 0x20 && b != 0x7F) || b == '\t' || b < 0;
  }

  /**
   * Splits the line {@code in[from .. end)} into fields ({@link #fields}, {@link #fieldStarts}, {@link
   * #fieldEnds}; a quoted field without its quotes); false if a field is not plain.
   */
  private boolean split(int from, int end) {
    fields = 0;
    int i = from;
    while (true) {
      int j = i;
      while (j < end && (in[j] == ' ' || in[j] == '\t')) {
        j++;
      }
      int k;
      if (j < end && in[j] == '"') {
        k = j + 1;
        while (k < end && in[k] != '"') {
          if (!plain(in[k++])) {
            return false;
          }
        }
        if (k == end) {
          return false;
        }
        addField(j + 1, k);
        k++;
        while (k < end && (in[k] == ' ' || in[k] == '\t')) {
          k++;
        }
        if (k < end && in[k] != delimiter) {
          return false;
        }
      } else {
        k = i;
        while (k < end && in[k] != delimiter) {
          if (in[k] == '"' || !plain(in[k])) {
            return false;
          }
          k++;
        }
        addField(i, k);
      }
      if (k == end) {
        return true;
      }
      i = k + 1;
    }
  }

  private void addField(int from, int end) {
    if (fields == fieldStarts.length) {
      fieldStarts = Arrays.copyOf(fieldStarts, fields * 2);
      fieldEnds = Arrays.copyOf(fieldEnds, fields * 2);
    }
    fieldStarts[fields] = from;
    fieldEnds[fields] = end;
    fields++;
  }

  /**
   * The channels of the path field {@code in[from .. end)} into {@link #ids}; returns how many, or -1 if a
   * name is empty or breaks a rule.
   */
  private int path(int from, int end) {
    int n = 0;
    int i = from;
    while (true) {
      while (i < end && in[i] != separator && (in[i] == ' ' || in[i] == '\t')) {
        i++;
      }
      int a = i;
      int b = a;
      int hash = 1;
      int trimmedHash = 1;
      int k = i;
      for (; k < end; k++) {
        byte c = in[k];
        if (c == separator) {
          break;
        }
        hash = 31 * hash + c;
        if (c != ' ' && c != '\t') {
          trimmedHash = hash;
          b = k + 1;
        }
      }
      int id = a == b ? -1 : channels.id(in, a, b, trimmedHash);
      if (id < 0) {
        return -1;
      }
      if (n == ids.length) {
        ids = Arrays.copyOf(ids, n * 2);
      }
      ids[n++] = id;
      if (k == end) {
        return n;
      }
      i = k + 1;
    }
  }

  /**
   * The number in field {@code column} (ASCII), in the number syntax and from 0 to {@link
   * PathFormat#MAX_COUNT}; NaN if it is not. Plain decimals of at most 15 significant digits are converted
   * here (a quotient of two exact doubles, correctly rounded as {@link Double#parseDouble} rounds); other
   * forms go through {@link NumberSyntax}.
   */
  private double number(int column) {
    int a = fieldStarts[column];
    int b = fieldEnds[column];
    while (a < b && (in[a] == ' ' || in[a] == '\t')) {
      a++;
    }
    while (b > a && (in[b - 1] == ' ' || in[b - 1] == '\t')) {
      b--;
    }
    long mantissa = 0;
    int significant = 0;
    int digits = 0;
    int fraction = -1;
    for (int i = a; i < b; i++) {
      byte c = in[i];
      if (c >= '0' && c <= '9') {
        digits++;
        fraction += fraction >= 0 ? 1 : 0;
        if (mantissa > 0 || c != '0') {
          mantissa = mantissa * 10 + (c - '0');
          significant++;
        }
      } else if (c == '.' && fraction < 0) {
        fraction = 0;
      } else {
        return general(a, b);
      }
      if (significant > MAX_EXACT_DIGITS) {
        return general(a, b);
      }
    }
    int scale = Math.max(0, fraction);
    if (digits == 0 || scale >= POW10.length) {
      return general(a, b);
    }
    return scale == 0 ? mantissa : mantissa / POW10[scale];
  }

  private double general(int from, int end) {
    String text = new String(in, from, end - from, StandardCharsets.ISO_8859_1);
    try {
      return NumberSyntax.number(PathFormat.CONVERSIONS, text, 0, PathFormat.MAX_COUNT);
    } catch (InvalidFieldException e) {
      return Double.NaN;
    }
  }

  /**
   * Channel names by their UTF-8 bytes, each decoded and checked once: open addressing over a pool of the
   * distinct names' bytes, giving the builder's id.
   */
  private final class ByteChannels {
    private byte[] pool = new byte[256];
    private int poolSize;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private int[] hashes = new int[16];
    private int[] builderIds = new int[16];
    private int count;
    private int[] slots = new int[64];

    /**
     * The builder's id of the channel named by {@code bytes[from .. end)}, whose hash ({@code h = 31 * h + b}
     * from 1, over the bytes) is {@code hash}; -1 if the name breaks a rule.
     */
    int id(byte[] bytes, int from, int end, int bytesHash) {
      int hash = bytesHash ^ (bytesHash >>> 16);
      int mask = slots.length - 1;
      int slot = hash & mask;
      for (int k = slots[slot] - 1; k >= 0; slot = (slot + 1) & mask, k = slots[slot] - 1) {
        if (hashes[k] == hash && Arrays.equals(pool, starts[k], ends[k], bytes, from, end)) {
          return builderIds[k];
        }
      }
      int id = intern(bytes, from, end);
      if (id >= 0) {
        add(bytes, from, end, hash, id);
        slots[slot] = count;
        if (count * 2 > slots.length) {
          rehash();
        }
      }
      return id;
    }

    /** Decodes and interns a name met for the first time; -1 if it is not valid UTF-8 or breaks a rule. */
    private int intern(byte[] bytes, int from, int end) {
      String name;
      try {
        name = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, end - from)).toString();
      } catch (CharacterCodingException e) {
        return -1;
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        if (Character.isISOControl(c) || c == '\uFFFD') {
          return -1;
        }
      }
      try {
        return builder.internChannel(name);
      } catch (InvalidFieldException e) {
        return -1;
      }
    }

    private void add(byte[] bytes, int from, int end, int hash, int id) {
      if (count == starts.length) {
        starts = Arrays.copyOf(starts, count * 2);
        ends = Arrays.copyOf(ends, count * 2);
        hashes = Arrays.copyOf(hashes, count * 2);
        builderIds = Arrays.copyOf(builderIds, count * 2);
      }
      int size = end - from;
      if (poolSize + size > pool.length) {
        pool = Arrays.copyOf(pool, Math.max(pool.length * 2, poolSize + size));
      }
      System.arraycopy(bytes, from, pool, poolSize, size);
      starts[count] = poolSize;
      ends[count] = poolSize + size;
      hashes[count] = hash;
      builderIds[count] = id;
      poolSize += size;
      count++;
    }

    private void rehash() {
      int[] bigger = new int[slots.length * 2];
      int mask = bigger.length - 1;
      for (int k = 0; k < count; k++) {
        int slot = hashes[k] & mask;
        while (bigger[slot] != 0) {
          slot = (slot + 1) & mask;
        }
        bigger[slot] = k + 1;
      }
      slots = bigger;
    }
  }
}
