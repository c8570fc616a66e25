package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.core.model.InvalidFieldException;

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
 * as in RFC 4180 (but may not span lines). Counts are decimal numbers and are kept as they are:
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
    BufferedReader in = reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    String header = in.readLine();
    if (header == null) {
      throw new PathFormatException(1, "header", null, "must be present: the file is empty");
    }
    if (!header.isEmpty() && header.charAt(0) == '\uFEFF') {
      header = header.substring(1);
    }
    List<String> names = split(header, 1);
    int pathColumn = -1;
    int convColumn = -1;
    int valueColumn = -1;
    int nullColumn = -1;
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i).strip().toLowerCase(Locale.ROOT);
      int previous;
      switch (name) {
        case PATH: previous = pathColumn; pathColumn = i; break;
        case CONVERSIONS: previous = convColumn; convColumn = i; break;
        case VALUE: previous = valueColumn; valueColumn = i; break;
        case NULLS: previous = nullColumn; nullColumn = i; break;
        default: previous = -1; break;
      }
      if (previous >= 0) {
        throw new PathFormatException(1, "header", header, "must name column '" + name + "' only once");
      }
    }
    if (pathColumn < 0 || convColumn < 0) {
      throw new PathFormatException(1, "header", header,
          "must have columns '" + PATH + "' and '" + CONVERSIONS + "'");
    }
    JourneySet.Builder builder = JourneySet.builder();
    long lineNumber = 1;
    String line;
    while ((line = in.readLine()) != null) {
      lineNumber++;
      if (line.isEmpty()) {
        continue;
      }
      List<String> fields = split(line, lineNumber);
      if (fields.size() != names.size()) {
        throw new PathFormatException(lineNumber, "row", line,
            "must have " + names.size() + " fields like the header, not " + fields.size());
      }
      List<String> path = parsePath(fields.get(pathColumn), lineNumber);
      double conversions = number(fields.get(convColumn), CONVERSIONS, lineNumber);
      double value = valueColumn < 0 ? 0 : number(fields.get(valueColumn), VALUE, lineNumber);
      double nulls = nullColumn < 0 ? 0 : number(fields.get(nullColumn), NULLS, lineNumber);
      try {
        builder.add(path, conversions, value, nulls);
      } catch (InvalidFieldException e) {
        throw PathFormatException.at(lineNumber, e);
      }
    }
    return builder.build();
  }

  /**
   * Writes {@code set}: a header and one row per distinct path, in the set's order.
   *
   * @throws IOException if {@code writer} fails
   */
  public void write(JourneySet set, Writer writer) throws IOException {
    requireNonNull(set, "set");
    requireNonNull(writer, "writer");
    StringBuilder sb = new StringBuilder(256);
    sb.append(PATH).append(delimiter).append(CONVERSIONS).append(delimiter).append(VALUE)
        .append(delimiter).append(NULLS).append('\n');
    writer.write(sb.toString());
    String join = " " + separator + " ";
    for (int p = 0; p < set.pathCount(); p++) {
      sb.setLength(0);
      StringBuilder path = new StringBuilder();
      for (int i = set.start(p); i < set.end(p); i++) {
        if (i > set.start(p)) {
          path.append(join);
        }
        path.append(set.channels().name(set.channelAt(i)));
      }
      appendField(sb, path.toString());
      sb.append(delimiter).append(format(set.conversions(p)))
          .append(delimiter).append(format(set.value(p)))
          .append(delimiter).append(format(set.nulls(p))).append('\n');
      writer.write(sb.toString());
    }
    writer.flush();
  }

  private void appendField(StringBuilder sb, String text) {
    if (text.indexOf(delimiter) < 0 && text.indexOf('"') < 0) {
      sb.append(text);
      return;
    }
    sb.append('"').append(text.replace("\"", "\"\"")).append('"');
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

  private List<String> split(String line, long lineNumber) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    int i = 0;
    int n = line.length();
    while (true) {
      field.setLength(0);
      if (i < n && line.charAt(i) == '"') {
        i++;
        while (true) {
          if (i >= n) {
            throw new PathFormatException(lineNumber, "row", line, "must close every quoted field on its line");
          }
          char ch = line.charAt(i++);
          if (ch == '"') {
            if (i < n && line.charAt(i) == '"') {
              field.append('"');
              i++;
            } else {
              break;
            }
          } else {
            field.append(ch);
          }
        }
        if (i < n && line.charAt(i) != delimiter) {
          throw new PathFormatException(lineNumber, "row", line,
              "must have a delimiter right after a closing quote");
        }
      } else {
        while (i < n && line.charAt(i) != delimiter) {
          field.append(line.charAt(i++));
        }
      }
      fields.add(field.toString());
      if (i >= n) {
        return fields;
      }
      i++;
    }
  }
}
