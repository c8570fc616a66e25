package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvRows;

/**
 * Reads and writes journey sets in the ChannelAttribution path format: a CSV file with a header row and
 * one row per distinct path,
 *
 * <pre>
 * path,total_conversions,total_conversion_value,total_null
 * A &gt; B &gt; C,2,20.00,3
 * </pre>
 *
 * <p>Reading: columns are matched by name ignoring case and may come in any order; {@code path} and
 * {@code total_conversions} are required, {@code total_conversion_value} and {@code total_null} are
 * optional (0 when absent), other columns are ignored. Channel names in a path are split at the
 * separator ({@code >} by default) and trimmed, so {@code "a > b"} is {@code "a>b"}. Fields may be quoted
 * as in RFC 4180 (parsed by {@link CsvRows}). Counts are decimal numbers and are kept as they are:
 * unlike ChannelAttribution, fractional counts are not truncated. Empty lines are skipped. Anything else
 * that is wrong throws a {@link PathFormatException} naming the line, the column, the value and the rule.
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

  private static final PathFormat DEFAULT = new PathFormat(',', '>');
  /** The caller owns the writer: closing the generator must not close it. */
  private static final CsvFactory WRITER =
      CsvFactory.builder().disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  private final char delimiter;
  private final char separator;

  private PathFormat(char delimiter, char separator) {
    this.delimiter = delimiter;
    this.separator = separator;
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
    return new PathFormat(delimiter, separator);
  }

  /**
   * This format with another path separator (ChannelAttribution's {@code sep}; only one character).
   *
   * @throws InvalidFieldException if the separator is a quote, a line break, white space or the delimiter
   */
  public PathFormat withSeparator(char separator) {
    if (separator == '"' || Character.isWhitespace(separator) || separator == delimiter) {
      throw new InvalidFieldException("separator", String.valueOf(separator),
          "must not be a quote, white space or the field delimiter");
    }
    return new PathFormat(delimiter, separator);
  }

  /**
   * Reads a whole path file.
   *
   * @throws PathFormatException if the header or a row is malformed (the message names line and field)
   * @throws IOException if {@code reader} fails
   */
  public JourneySet read(Reader reader) throws IOException {
    requireNonNull(reader, "reader");
    try (CsvRows rows = CsvRows.open(reader, delimiter)) {
      return read(rows);
    } catch (InvalidSourceException e) {
      PathFormatException broken =
          new PathFormatException(e.line(), "row", null, "must be well-formed CSV: " + e.getMessage());
      broken.initCause(e);
      throw broken;
    }
  }

  private JourneySet read(CsvRows rows) throws IOException {
    List<String> names = new ArrayList<>();
    if (rows.next(names) < 0) {
      throw new PathFormatException(1, "header", null, "must be present: the file is empty");
    }
    Columns columns = Columns.of(names);
    JourneySet.Builder builder = JourneySet.builder();
    List<String> fields = new ArrayList<>();
    long lineNumber;
    while ((lineNumber = rows.next(fields)) >= 0) {
      if (fields.size() != names.size()) {
        throw new PathFormatException(lineNumber, "row", String.join(String.valueOf(delimiter), fields),
            "must have " + names.size() + " fields like the header, not " + fields.size());
      }
      List<String> path = parsePath(fields.get(columns.path), lineNumber);
      double conversions = number(fields.get(columns.conversions), CONVERSIONS, lineNumber);
      double value = columns.value < 0 ? 0 : number(fields.get(columns.value), VALUE, lineNumber);
      double nulls = columns.nulls < 0 ? 0 : number(fields.get(columns.nulls), NULLS, lineNumber);
      try {
        builder.add(path, conversions, value, nulls);
      } catch (InvalidFieldException e) {
        throw PathFormatException.at(lineNumber, e);
      }
    }
    return builder.build();
  }

  /** Where the columns are in a header; value and nulls are optional (-1). */
  private record Columns(int path, int conversions, int value, int nulls) {
    static Columns of(List<String> names) {
      int[] index = {-1, -1, -1, -1};
      List<String> known = List.of(PATH, CONVERSIONS, VALUE, NULLS);
      for (int i = 0; i < names.size(); i++) {
        String name = names.get(i).strip().toLowerCase(Locale.ROOT);
        int k = known.indexOf(name);
        if (k >= 0) {
          if (index[k] >= 0) {
            throw new PathFormatException(1, "header", String.join(",", names),
                "must name column '" + name + "' only once");
          }
          index[k] = i;
        }
      }
      if (index[0] < 0 || index[1] < 0) {
        throw new PathFormatException(1, "header", String.join(",", names),
            "must have columns '" + PATH + "' and '" + CONVERSIONS + "'");
      }
      return new Columns(index[0], index[1], index[2], index[3]);
    }
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
    try (CsvGenerator csv = WRITER.createGenerator(writer)) {
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

  private List<String> parsePath(String text, long line) {
    List<String> path = new ArrayList<>();
    int from = 0;
    while (true) {
      int to = text.indexOf(separator, from);
      String name = (to < 0 ? text.substring(from) : text.substring(from, to)).strip();
      if (name.isEmpty()) {
        throw new PathFormatException(line, PATH, text,
            "must be channel names separated by '" + separator + "', with none empty");
      }
      path.add(name);
      if (to < 0) {
        return path;
      }
      from = to + 1;
    }
  }

  private static double number(String text, String field, long line) {
    String trimmed = text.strip();
    BigDecimal decimal;
    try {
      decimal = new BigDecimal(trimmed);
    } catch (NumberFormatException e) {
      throw new PathFormatException(line, field, text, "must be a decimal number such as 12.5");
    }
    double d = decimal.doubleValue();
    if (!Double.isFinite(d)) {
      throw new PathFormatException(line, field, text, "must be a finite number");
    }
    if (d < 0) {
      throw new PathFormatException(line, field, text, "must not be negative");
    }
    return d;
  }
}
