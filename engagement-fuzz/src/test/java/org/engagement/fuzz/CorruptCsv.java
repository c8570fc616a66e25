package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * Builds CSV documents of known good records mixed with corrupted ones, from a seed: the generator behind
 * every fuzz test here. A good record's cells are known, and so is the line it starts on, so a reader can be
 * checked to deliver it unchanged whatever the records around it hold.
 *
 * <p>Valid variations (kept in good records): columns in any order, header names in any case with spaces
 * around, quoted and unquoted fields, spaces around quoted fields, doubled quotes, quoted separators and line
 * breaks where a column allows them, line ends {@code \n}, {@code \r\n} and {@code \r}, blank lines, a
 * byte-order mark. Corruptions (each corrupted record gets one to three): see {@link Corruption}.
 */
final class CorruptCsv {
  /** One column: its name, whether its cells may have spaces around them (trimmed), how valid cells are made. */
  record Column(String name, boolean padded, BiFunction<SplittableRandom, Integer, String> cell) {}

  /** A good record: its index among the rows, the line it starts on, and its cells in schema order. */
  record Good(int index, long line, List<String> cells) {}

  /**
   * A document.
   *
   * @param bytes the UTF-8 bytes (with whatever invalid bytes the corruptions put in)
   * @param good the records no corruption touched, in order
   * @param corrupted how many records were corrupted
   * @param rows how many records were generated
   * @param lines how many lines the text has
   * @param headerRefused whether the header was corrupted so that the file must be refused as a whole
   * @param corruptedLines the lines on which corrupted records start
   */
  @SuppressWarnings("ArrayRecordComponent") // a test document, never compared or hashed
  record Doc(byte[] bytes, List<Good> good, int corrupted, int rows, long lines, boolean headerRefused,
      List<Long> corruptedLines) {
    /** The text around {@code line}, escaped, for failure messages: worked out only when shown. */
    Object around(long line) {
      return new Object() {
        @Override
        public String toString() {
          return lines(line);
        }
      };
    }

    private String lines(long line) {
      String text = new String(bytes, UTF_8);
      String[] split = text.split("\r\n|\r|\n", -1);
      StringBuilder sb = new StringBuilder();
      for (long l = Math.max(1, line - 3); l <= Math.min(split.length, line + 3); l++) {
        sb.append(l).append(": ").append(Messages.visible(split[(int) l - 1])).append('\n');
      }
      return sb.toString();
    }
  }

  /** What can be done to a record. */
  enum Corruption {
    TRUNCATE, STRAY_QUOTE, OPEN_QUOTE, CONTROL, NUL, BAD_UTF8, HUGE_FIELD, HUGE_RECORD, EXTRA_FIELD,
    MISSING_FIELD, NON_ASCII_DIGIT, NON_FINITE, BOM, LINE_BREAK, EMPTY_FIELD
  }

  private static final char[] CONTROLS = {
    0x01, 0x07, 0x08, 0x0B, 0x0C, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9B, 0x9F};
  private static final byte[][] BAD_BYTES = {
    {(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    {(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}, {(byte) 0x80},
    {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}};
  private static final String[] NON_FINITE = {
    "NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-999999999", "0x1F", "1_000", "١٢", "１２", "+-1", "1e",
    ".", "-", "9223372036854775808", "1e308", "2147483648", "1,5", "٫5", "Ⅻ"};
  private static final String[] LINE_BREAKS = {"\n", "\r", "\r\n", "\n\r", "\u2028", "\u0085"};

  private final List<Column> columns;
  private final int maxField;
  private final int maxRecord;
  private final int required;

  /**
   * A generator for a schema.
   *
   * @param columns the columns, the ones the reader under test requires first
   * @param required how many of the columns (the first) the reader requires
   * @param maxField the reader's field limit (a huge field is made longer)
   * @param maxRecord the reader's record limit (a huge record is made longer)
   */
  CorruptCsv(List<Column> columns, int required, int maxField, int maxRecord) {
    this.columns = List.copyOf(columns);
    this.required = required;
    this.maxField = maxField;
    this.maxRecord = maxRecord;
  }

  /** This generator with one more column, optional for the reader (after the ones it requires). */
  CorruptCsv withOptional(Column column) {
    List<Column> more = new ArrayList<>(columns);
    more.add(column);
    return new CorruptCsv(more, required, maxField, maxRecord);
  }

  /** Where column {@code index} stands in the header order. */
  private static int position(int[] order, int index) {
    for (int i = 0; i < order.length; i++) {
      if (order[i] == index) {
        return i;
      }
    }
    throw new IllegalArgumentException("no column " + index);
  }

  /**
   * A document of {@code rows} records, each corrupted with probability {@code percent}/100, and its header
   * corrupted with probability {@code headerPercent}/100.
   */
  Doc build(long seed, int rows, int percent, int headerPercent) {
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = columns.size();
    int[] order = shuffled(rnd, n);
    ByteArrayOutputStream out = new ByteArrayOutputStream(rows * 48 + 64);
    if (rnd.nextInt(5) == 0) {
      out.writeBytes("\uFEFF".getBytes(UTF_8));
    }
    boolean refused = writeHeader(rnd, order, headerPercent, out);
    List<Good> good = new ArrayList<>();
    List<Integer> goodOffsets = new ArrayList<>();
    List<Integer> corruptedOffsets = new ArrayList<>();
    int corrupted = 0;
    for (int i = 0; i < rows; i++) {
      if (rnd.nextInt(40) == 0) {
        out.writeBytes((rnd.nextBoolean() ? "" : " \t ").getBytes(UTF_8));
        out.writeBytes(lineEnd(rnd).getBytes(UTF_8));
      }
      List<String> cells = new ArrayList<>(n);
      for (Column column : columns) {
        cells.add(column.cell().apply(rnd, i));
      }
      if (rnd.nextInt(100) < percent) {
        corrupted++;
        corruptedOffsets.add(out.size());
        writeCorrupted(rnd, cells, order, out);
      } else {
        goodOffsets.add(out.size());
        good.add(new Good(i, 0, List.copyOf(cells)));
        out.writeBytes(render(rnd, cells, order).getBytes(UTF_8));
      }
      if (i < rows - 1 || rnd.nextBoolean()) {
        out.writeBytes(lineEnd(rnd).getBytes(UTF_8));
      }
    }
    byte[] bytes = out.toByteArray();
    long[] goodLines = lines(bytes, goodOffsets);
    List<Good> located = new ArrayList<>(good.size());
    for (int g = 0; g < good.size(); g++) {
      located.add(new Good(good.get(g).index(), goodLines[g], good.get(g).cells()));
    }
    List<Long> corruptedLines = new ArrayList<>();
    for (long line : lines(bytes, corruptedOffsets)) {
      corruptedLines.add(line);
    }
    long total = lines(bytes, List.of(bytes.length))[0];
    return new Doc(bytes, List.copyOf(located), corrupted, rows, total, refused, corruptedLines);
  }

  private boolean writeHeader(SplittableRandom rnd, int[] order, int headerPercent, ByteArrayOutputStream out) {
    List<String> names = new ArrayList<>();
    for (int index : order) {
      String name = columns.get(index).name();
      name = rnd.nextInt(4) == 0 ? name.toUpperCase(Locale.ROOT) : name;
      names.add(rnd.nextInt(6) == 0 ? " " + name + " " : name);
    }
    boolean refused = false;
    if (rnd.nextInt(100) < headerPercent) {
      refused = true;
      switch (rnd.nextInt(3)) {
        case 0 -> names.add(rnd.nextInt(names.size() + 1), columns.get(rnd.nextInt(columns.size())).name());
        case 1 -> names.remove(position(order, rnd.nextInt(required)));
        default -> {
          int at = rnd.nextInt(names.size());
          names.set(at, names.get(at) + CONTROLS[rnd.nextInt(CONTROLS.length)]);
        }
      }
    }
    out.writeBytes((String.join(",", names) + lineEnd(rnd)).getBytes(UTF_8));
    return refused;
  }

  private void writeCorrupted(SplittableRandom rnd, List<String> cells, int[] order, ByteArrayOutputStream out) {
    List<String> fields = new ArrayList<>(cells);
    int[] fieldOrder = order;
    Corruption[] all = Corruption.values();
    int count = 1 + (rnd.nextInt(4) == 0 ? rnd.nextInt(3) : 0);
    List<Corruption> kinds = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      kinds.add(all[rnd.nextInt(all.length)]);
    }
    for (Corruption kind : kinds) {
      int at = rnd.nextInt(fields.size());
      switch (kind) {
        case NON_FINITE -> fields.set(at, NON_FINITE[rnd.nextInt(NON_FINITE.length)]);
        case NON_ASCII_DIGIT -> fields.set(at, nonAsciiDigit(rnd, fields.get(at)));
        case EMPTY_FIELD -> fields.set(at, rnd.nextBoolean() ? "" : "  ");
        case HUGE_FIELD -> fields.set(at, fields.get(at) + "x".repeat(maxField + 1 + rnd.nextInt(maxField)));
        case HUGE_RECORD -> {
          String huge = "\"y,".repeat(maxRecord / 3 + 1 + rnd.nextInt(16));
          int cut = rnd.nextInt(huge.length());
          fields.set(at, fields.get(at) + (rnd.nextInt(4) == 0 ? huge.substring(0, cut) + "\n" + huge.substring(cut)
              : huge));
        }
        case EXTRA_FIELD -> {
          fieldOrder = append(fieldOrder, fields.size());
          fields.add(rnd.nextBoolean() ? "" : "extra");
        }
        case MISSING_FIELD -> fieldOrder = drop(fieldOrder, rnd.nextInt(fieldOrder.length));
        default -> { }
      }
    }
    String text = render(rnd, fields, fieldOrder);
    byte[] bad = null;
    int badAt = 0;
    for (Corruption kind : kinds) {
      int at = text.isEmpty() ? 0 : rnd.nextInt(text.length() + 1);
      switch (kind) {
        case TRUNCATE -> text = text.substring(0, text.isEmpty() ? 0 : rnd.nextInt(text.length()));
        case STRAY_QUOTE -> text = insert(text, at, "\"");
        case OPEN_QUOTE -> text = insert(text, fieldStart(rnd, text), "\"");
        case CONTROL -> text = insert(text, at, String.valueOf(CONTROLS[rnd.nextInt(CONTROLS.length)]));
        case NUL -> text = insert(text, at, "\0");
        case BOM -> text = insert(text, at, "\uFEFF");
        case LINE_BREAK -> text = insert(text, at, LINE_BREAKS[rnd.nextInt(LINE_BREAKS.length)]);
        case BAD_UTF8 -> {
          bad = BAD_BYTES[rnd.nextInt(BAD_BYTES.length)];
          badAt = at;
        }
        default -> { }
      }
    }
    if (bad == null) {
      out.writeBytes(text.getBytes(UTF_8));
    } else {
      badAt = Math.min(badAt, text.length());
      out.writeBytes(text.substring(0, badAt).getBytes(UTF_8));
      out.writeBytes(bad);
      out.writeBytes(text.substring(badAt).getBytes(UTF_8));
    }
  }

  /** The record of {@code cells} in header order, each field quoted where it must be and sometimes anyway. */
  private String render(SplittableRandom rnd, List<String> cells, int[] order) {
    StringBuilder sb = new StringBuilder(64);
    for (int i = 0; i < order.length; i++) {
      if (i > 0) {
        sb.append(',');
      }
      int index = order[i];
      String value = cells.get(index);
      boolean padded = index < columns.size() && columns.get(index).padded();
      boolean needsQuotes = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
          || value.indexOf('\r') >= 0 || (!value.isEmpty() && value.strip().length() != value.length());
      if (needsQuotes || rnd.nextInt(12) == 0) {
        String space = padded && rnd.nextInt(8) == 0 ? " " : "";
        sb.append(space).append('"').append(value.replace("\"", "\"\"")).append('"').append(space);
      } else if (padded && rnd.nextInt(10) == 0) {
        sb.append(' ').append(value).append('\t');
      } else {
        sb.append(value);
      }
    }
    return sb.toString();
  }

  private static String nonAsciiDigit(SplittableRandom rnd, String value) {
    char[] zeros = {'\uFF10', '\u0660', '\u0966', '\u0E50'};
    char zero = zeros[rnd.nextInt(zeros.length)];
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '0' && c <= '9') {
        return value.substring(0, i) + (char) (zero + (c - '0')) + value.substring(i + 1);
      }
    }
    return value + (char) (zero + 1);
  }

  private static int fieldStart(SplittableRandom rnd, String text) {
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == ',') {
        starts.add(i + 1);
      }
    }
    return starts.get(rnd.nextInt(starts.size()));
  }

  private static String insert(String text, int at, String what) {
    int i = Math.min(at, text.length());
    return text.substring(0, i) + what + text.substring(i);
  }

  private static String lineEnd(SplittableRandom rnd) {
    int r = rnd.nextInt(10);
    return r < 6 ? "\n" : r < 9 ? "\r\n" : "\r";
  }

  private static int[] shuffled(SplittableRandom rnd, int n) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    for (int i = n - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  private static int[] append(int[] order, int index) {
    int[] longer = java.util.Arrays.copyOf(order, order.length + 1);
    longer[order.length] = index;
    return longer;
  }

  private static int[] drop(int[] order, int at) {
    if (order.length == 1) {
      return order;
    }
    int[] shorter = new int[order.length - 1];
    for (int i = 0, j = 0; i < order.length; i++) {
      if (i != at) {
        shorter[j++] = order[i];
      }
    }
    return shorter;
  }

  /**
   * The line of each offset (increasing): 1 plus the line breaks before it, where {@code \r\n} is one break and
   * so is a lone {@code \r} or {@code \n} (as CSV readers count them; they are ASCII, so bytes will do).
   */
  private static long[] lines(byte[] bytes, List<Integer> offsets) {
    long[] lines = new long[offsets.size()];
    long line = 1;
    int pos = 0;
    for (int k = 0; k < offsets.size(); k++) {
      int offset = offsets.get(k);
      while (pos < offset) {
        byte b = bytes[pos];
        if (b == '\n') {
          line++;
        } else if (b == '\r') {
          line++;
          if (pos + 1 < bytes.length && bytes[pos + 1] == '\n') {
            pos++;
          }
        }
        pos++;
      }
      lines[k] = line;
    }
    return lines;
  }
}
