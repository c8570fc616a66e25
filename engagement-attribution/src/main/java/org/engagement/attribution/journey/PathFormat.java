package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.SequenceInputStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.core.ingest.csv.CsvTable;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes journey sets in the ChannelAttribution path format: a CSV file with a header row and
 * one row per distinct path,
 *
 * <pre>
 * path,total_conversions,total_conversion_value,total_null
 * A &gt; B &gt; C,2,20.00,3
 * </pre>
 *
 * <p>Reading follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader of
 * the SDK (through {@link CsvTable}): columns are matched by name ignoring case and may come in any order;
 * {@code path} and {@code total_conversions} are required, {@code total_conversion_value} and {@code
 * total_null} are optional (0 when absent), other columns are ignored, a column named twice refuses the file,
 * and every row has the header's number of fields. Channel names in a path are split at the separator
 * ({@code >} by default) and trimmed, so {@code "a > b"} is {@code "a>b"}. Counts are numbers in ASCII digits
 * from 0 to {@value #MAX_COUNT} and are kept as they are: unlike ChannelAttribution, fractional counts are not
 * truncated. Empty lines are skipped. A path file is used whole or not at all: every row is read (reading
 * resynchronises after a broken one), and if any is invalid a {@link PathFormatException} names the first
 * (file, line, column, value and rule) and says how many of how many rows are invalid. Fields and records
 * are limited to {@link #DEFAULT_POLICY}'s 1,048,576 characters unless {@link #withPolicy} says otherwise.
 *
 * <p>Writing: the four columns in that order, channels joined by {@code " > "}, numbers as plain
 * decimals (no exponent, integers without a fraction), lines ending in {@code \n}; what is written reads
 * back to an equal set.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class PathFormat {
  /** The path column. */
  public static final String PATH = "path";
  /** The conversions column. */
  public static final String CONVERSIONS = "total_conversions";
  /** The conversion value column. */
  public static final String VALUE = "total_conversion_value";
  /** The non-conversions column. */
  public static final String NULLS = "total_null";
  /** The largest count or value a path file may give: {@value}. */
  public static final double MAX_COUNT = 1e15;

  /**
   * The default limits of a path file: a path column may be as long as a whole record (1,048,576 characters,
   * some 200,000 touches), since one long journey is the whole row; other readers keep the shorter field limit.
   */
  public static final CsvPolicy DEFAULT_POLICY =
      CsvPolicy.defaults().withMaxFieldLength(CsvPolicy.DEFAULT_MAX_RECORD_LENGTH);

  /**
   * The largest file read from bytes in one piece (see {@link #read(InputStream, String)}); a larger one is
   * streamed through the general reader.
   */
  private static final int MAX_PLAIN_BYTES = 256 << 20;

  /** The delimiters a header read as one column is searched for, to say which one the file seems to use. */
  private static final String USUAL_DELIMITERS = ",;\t|";

  private static final PathFormat DEFAULT = new PathFormat(',', '>', DEFAULT_POLICY);

  private final char delimiter;
  private final char separator;
  private final CsvPolicy policy;

  private PathFormat(char delimiter, char separator, CsvPolicy policy) {
    this.delimiter = delimiter;
    this.separator = separator;
    this.policy = policy;
  }

  /** The format as ChannelAttribution writes it: comma-delimited, channels separated by {@code >}. */
  public static PathFormat channelAttribution() {
    return DEFAULT;
  }

  /**
   * This format with another field delimiter (the Python edition's example file uses {@code ;}).
   *
   * @throws InvalidFieldException if the delimiter is a quote, a line break or the path separator
   */
  public PathFormat withDelimiter(char delimiter) {
    if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == separator) {
      throw new InvalidFieldException("delimiter", String.valueOf(delimiter),
          "must not be a quote, a line break or the path separator");
    }
    return new PathFormat(delimiter, separator, policy);
  }

  /**
   * This format with another path separator (ChannelAttribution's {@code sep}; only one character).
   *
   * @throws InvalidFieldException if the separator is a quote, white space or the delimiter
   */
  public PathFormat withSeparator(char separator) {
    if (separator == '"' || Character.isWhitespace(separator) || separator == delimiter) {
      throw new InvalidFieldException("separator", String.valueOf(separator),
          "must not be a quote, white space or the field delimiter");
    }
    return new PathFormat(delimiter, separator, policy);
  }

  /** This format reading within {@code policy}'s field and record limits (default {@link #DEFAULT_POLICY}). */
  public PathFormat withPolicy(CsvPolicy policy) {
    return new PathFormat(delimiter, separator, requireNonNull(policy, "policy"));
  }

  /**
   * Reads a whole path file; messages name lines without a file name.
   *
   * @throws PathFormatException if the header or a row is malformed (the message names line and field)
   * @throws IOException if {@code reader} fails
   */
  public JourneySet read(Reader reader) throws IOException {
    return read(CsvRows.open(requireNonNull(reader, "reader"), delimiter, policy), null);
  }

  /**
   * Reads a whole path file called {@code source} in messages.
   *
   * @throws PathFormatException if the header or a row is malformed (the message names file, line and field)
   * @throws IOException if {@code reader} fails
   */
  public JourneySet read(Reader reader, String source) throws IOException {
    return read(CsvRows.open(requireNonNull(reader, "reader"), delimiter, policy), requireNonNull(source, "source"));
  }

  /**
   * Reads a whole path file of UTF-8 bytes called {@code source} in messages (and closes {@code input}); a
   * row holding bytes that are not UTF-8 is invalid, and the message gives their byte offset.
   *
   * <p>This is the fast way to read a path file: a file of up to 256 MB is taken in whole, and if every
   * record is plain (on one line, no quote inside a field, no control character, UTF-8 outside ASCII only in
   * channel names, every value valid) it is read straight from the bytes, each distinct channel name decoded
   * once, at some hundreds of megabytes a second. Any other file, and every file with an invalid row, is
   * read by the general reader, so the set, the rejections and the messages are the same either way.
   *
   * @throws PathFormatException if the header or a row is malformed (the message names file, line and field)
   * @throws IOException if {@code input} fails
   */
  public JourneySet read(InputStream input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    try (input) {
      FirstRead first = FirstRead.of(input, this);
      JourneySet.Builder plain = first.plain;
      return plain != null ? plain.build() : read(CsvRows.open(first.general(input), delimiter, policy), source);
    }
  }

  /**
   * A path file's first {@link #MAX_PLAIN_BYTES} bytes read: the set's builder if they were the whole
   * file and plain, otherwise those bytes for the general reader. The bytes are held only until then, so
   * they are garbage when the builder makes the set's arrays. Not thread-safe.
   */
  private static final class FirstRead {
    /** The bytes asked of the stream at a time: a direct read through a buffered stream, a small native buffer. */
    private static final int PIECE = 1 << 16;

    private final JourneySet.@Nullable Builder plain;
    private final byte @Nullable [] bytes;
    private final int length;

    private FirstRead(JourneySet.@Nullable Builder plain, byte @Nullable [] bytes, int length) {
      this.plain = plain;
      this.bytes = bytes;
      this.length = length;
    }

    /**
     * Reads {@code input} up to one byte past {@link #MAX_PLAIN_BYTES} into one array sized by what {@link
     * InputStream#available()} says is left (a whole file, for a file's stream), growing it only if more
     * comes, in pieces of {@value #PIECE} bytes: the file is held once, with no copy, no list of pieces and no
     * native buffer of its size; then reads those bytes with the fast path if they are the whole file.
     */
    static FirstRead of(InputStream input, PathFormat format) throws IOException {
      int limit = MAX_PLAIN_BYTES + 1;
      byte[] array = new byte[(int) Math.min(limit, Math.max(1, input.available() + 1L))];
      int length = 0;
      while (length < limit) {
        if (length == array.length) {
          array = Arrays.copyOf(array, (int) Math.min(limit, Math.max(array.length * 2L, PIECE)));
        }
        int n = input.read(array, length, Math.min(PIECE, array.length - length));
        if (n < 0) {
          break;
        }
        length += n;
      }
      JourneySet.Builder plain = length < limit
          ? PlainPathReader.builder(array, length, format.delimiter, format.separator, format.policy) : null;
      return plain != null ? new FirstRead(plain, null, 0) : new FirstRead(null, array, length);
    }

    /** The whole file again for the general reader: the bytes read, then what {@code input} still holds. */
    InputStream general(InputStream input) {
      InputStream read = new ByteArrayInputStream(requireNonNull(bytes, "bytes"), 0, length);
      return length <= MAX_PLAIN_BYTES ? read : new SequenceInputStream(read, input);
    }
  }

  /** Reads UTF-8 bytes with the general reader alone: the reference the fast path is tested against. */
  JourneySet readGeneral(InputStream input, String source) throws IOException {
    return read(CsvRows.open(input, delimiter, policy), source);
  }

  private JourneySet read(CsvRows rows, @Nullable String source) throws IOException {
    JourneySet.Builder builder = JourneySet.builder();
    ImportReport report;
    try {
      report = CsvTable.stream(rows, source == null ? "paths" : source, this::checkHeader,
          row -> add(builder, row), position -> { });
    } catch (InvalidSourceException e) {
      throw PathFormatException.ofSource(source, e);
    }
    if (report.rejected() > 0) {
      throw PathFormatException.ofRows(source, report);
    }
    return builder.build();
  }

  private void checkHeader(Set<String> columns, long line) {
    if (!columns.contains(PATH) || !columns.contains(CONVERSIONS)) {
      throw new InvalidSourceException("the header on line " + line + " must have columns '" + PATH + "' and '"
          + CONVERSIONS + "'; it has " + new TreeSet<>(columns) + delimiterHint(columns));
    }
  }

  /**
   * Why a header came out as one column, when it holds another usual delimiter: read with the wrong one, a
   * header such as {@code path,total_conversions} is the single column "path,total_conversions", which the
   * list of columns alone shows as if both were there.
   */
  private String delimiterHint(Set<String> columns) {
    if (columns.size() != 1) {
      return "";
    }
    String only = columns.iterator().next();
    for (int i = 0; i < USUAL_DELIMITERS.length(); i++) {
      char other = USUAL_DELIMITERS.charAt(i);
      if (other != delimiter && only.indexOf(other) >= 0) {
        return ", one column read with the delimiter " + shown(delimiter) + "; the file seems to use "
            + shown(other);
      }
    }
    return "";
  }

  private static String shown(char delimiter) {
    return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
  }

  private SourcePosition add(JourneySet.Builder builder, CsvTable.Row row) {
    List<String> path = parsePath(row.require(PATH));
    double conversions = row.number(CONVERSIONS, 0, MAX_COUNT);
    double value = row.has(VALUE) ? row.number(VALUE, 0, MAX_COUNT) : 0;
    double nulls = row.has(NULLS) ? row.number(NULLS, 0, MAX_COUNT) : 0;
    try {
      builder.add(path, conversions, value, nulls);
    } catch (InvalidFieldException e) {
      throw new InvalidFieldException(PATH, row.get(PATH), "has channel '" + e.value() + "', which " + e.rule());
    }
    return row.position();
  }

  /**
   * Writes {@code set}: a header and one row per distinct path, in the set's order.
   *
   * @throws IOException if {@code writer} fails
   */
  public void write(JourneySet set, Writer writer) throws IOException {
    requireNonNull(set, "set");
    requireNonNull(writer, "writer");
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(delimiter).withLineSeparator("\n");
    try (CsvGenerator csv = Writing.FACTORY.createGenerator(writer)) {
      csv.setSchema(schema);
      writeRow(csv, PATH, CONVERSIONS, VALUE, NULLS);
      String join = " " + separator + " ";
      StringBuilder path = new StringBuilder();
      for (int p = 0; p < set.pathCount(); p++) {
        path.setLength(0);
        for (int i = set.start(p); i < set.end(p); i++) {
          path.append(i > set.start(p) ? join : "").append(set.channels().name(set.channelAt(i)));
        }
        writeRow(csv, path.toString(), format(set.conversions(p)), format(set.value(p)), format(set.nulls(p)));
      }
    }
    writer.flush();
  }

  private static void writeRow(CsvGenerator csv, String... fields) throws IOException {
    csv.writeStartArray();
    for (String field : fields) {
      csv.writeString(field);
    }
    csv.writeEndArray();
  }

  /** Plain decimal text that parses back to exactly {@code d}. */
  static String format(double d) {
    if (d == 0) {
      return "0";
    }
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }

  private List<String> parsePath(String text) {
    List<String> path = new ArrayList<>();
    int from = 0;
    while (true) {
      int to = text.indexOf(separator, from);
      String name = (to < 0 ? text.substring(from) : text.substring(from, to)).strip();
      if (name.isEmpty()) {
        throw new InvalidFieldException(PATH, text,
            "must be channel names separated by '" + separator + "', with none empty");
      }
      path.add(name);
      if (to < 0) {
        return path;
      }
      from = to + 1;
    }
  }

  /** The writer's CSV factory, made only when a set is written: reading never loads or sets up Jackson. */
  private static final class Writing {
    /** The caller owns the writer: closing the generator must not close it. */
    static final CsvFactory FACTORY =
        CsvFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

    private Writing() {}
  }
}
