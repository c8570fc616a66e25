package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Tag;
import net.jqwik.api.statistics.Statistics;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The fast byte-level path of {@link PathFormat#read(java.io.InputStream, String)} against the general reader
 * ({@link PathFormat#readGeneral}) on generated path files, plain and corrupted: the same set or the same
 * refusal, message for message.
 */
class PlainPathReaderTest {
  private static final String[] CHANNELS = {"a", "b", "Paid Search", "日本", "ıİ", "café", " x ", "e\u2003", "a|b",
      "\uFFFD", "x\u0085", "q\"q"};
  private static final String[] NUMBERS = {"0", "1", "12", "2.5", "0.05", "20.00", "1e3", "+4", "-0", "007", ".5",
      "3.", "123456789012345", "1234567890123456789", "0.1234567890123456789012345", "1e16", "-1", "x", "", " 3 ",
      "1000000000000000", "1000000000000001", "٣", "1.2.3", "0.1"};
  private static final String[] HEADERS = {"path", "total_conversions", "total_conversion_value", "total_null",
      "extra"};
  private static final byte[] NOISE = {0, 1, '"', ',', ';', '\n', '\r', (byte) 0xFF, (byte) 0xC3, (byte) 0x80, '>',
      ' ', '\t', 0x7F, '|', 'z', '1', '.'};

  /** One generated case: the file's bytes and the format that reads it. */
  private static final class Case {
    private final byte[] bytes;
    private final char delimiter;
    private final char separator;
    private final CsvPolicy policy;
    private final String text;

    Case(byte[] bytes, char delimiter, char separator, CsvPolicy policy, String text) {
      this.bytes = bytes;
      this.delimiter = delimiter;
      this.separator = separator;
      this.policy = policy;
      this.text = text;
    }

    byte[] bytes() {
      return bytes;
    }

    char delimiter() {
      return delimiter;
    }

    char separator() {
      return separator;
    }

    CsvPolicy policy() {
      return policy;
    }

    PathFormat format() {
      return PathFormat.channelAttribution().withDelimiter(delimiter).withSeparator(separator).withPolicy(policy);
    }

    @Override
    public String toString() {
      return text.replace("\r", "\\r").replace("\n", "\\n\n");
    }
  }

  /** What a read gave: a set or a refusal. */
  private record Outcome(@Nullable JourneySet set, @Nullable String refusal) {}

  private static Outcome outcome(PathFormat format, byte[] bytes, boolean general) {
    try {
      JourneySet set = general ? format.readGeneral(new ByteArrayInputStream(bytes), "f.csv")
          : format.read(new ByteArrayInputStream(bytes), "f.csv");
      return new Outcome(set, null);
    } catch (IOException | RuntimeException e) {
      return new Outcome(null, e.getClass().getName() + ": " + e.getMessage());
    }
  }

  @Property(tries = 2000)
  void fastAndGeneralReadersAgree(@ForAll long seed) {
    Case c = generate(new Random(seed));
    Outcome fast = outcome(c.format(), c.bytes(), false);
    Outcome general = outcome(c.format(), c.bytes(), true);
    JourneySet plain = PlainPathReader.read(c.bytes(), c.bytes().length, c.delimiter(), c.separator(),
        c.policy());
    Statistics.label("fast path").collect(plain != null);
    Statistics.label("outcome").collect(general.set() != null ? "read" : "refused");
    Statistics.label("fast path").coverage(coverage -> coverage.check(true).percentage(p -> p > 15));
    Statistics.label("outcome").coverage(coverage -> coverage.check("refused").percentage(p -> p > 15));
    assertThat(fast).as("%s", c).isEqualTo(general);
    if (plain != null) {
      assertThat(plain).as("%s", c).isEqualTo(general.set());
    }
  }

  @Property(tries = 1000)
  void readingInTwoHalvesAtOnceGivesTheSameSetBitForBit(@ForAll long seed) {
    Case c = generate(new Random(seed));
    JourneySet alone = PlainPathReader.read(c.bytes(), c.bytes().length, c.delimiter(), c.separator(), c.policy(),
        Integer.MAX_VALUE);
    JourneySet halves = PlainPathReader.read(c.bytes(), c.bytes().length, c.delimiter(), c.separator(), c.policy(),
        1);
    assertThat(halves).as("%s", c).isEqualTo(alone);
  }

  @Test
  void aPathRepeatedInTheSecondHalfIsSummedAsOneReaderSumsIt() {
    // 0.1 + 0.2 + 0.3 is not 0.1 + (0.2 + 0.3) in binary: the halves must not be summed apart.
    StringBuilder text = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
    text.append("a > b,1,0.1,0\n").append("c,1,1,1\n".repeat(40));
    text.append("a > b,1,0.2,0\n").append("a > b,1,0.3,0\n");
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    JourneySet halves = PlainPathReader.read(bytes, bytes.length, ',', '>', PathFormat.DEFAULT_POLICY, 1);
    assertThat(halves).isNotNull().isEqualTo(
        PlainPathReader.read(bytes, bytes.length, ',', '>', PathFormat.DEFAULT_POLICY, Integer.MAX_VALUE));
    int ab = Objects.requireNonNull(halves).length(0) == 2 ? 0 : 1;
    assertThat(halves.value(ab)).isEqualTo((0.1 + 0.2) + 0.3).isNotEqualTo(0.1 + (0.2 + 0.3));
  }

  @Test
  void readsAPlainFileOnTheFastPath() throws IOException {
    String text = "\uFEFF\n  \nPath ,\"TOTAL_CONVERSIONS\",total_null,extra\r\n"
        + "a > b,1,2,x\r\n\"日本>café\",0.05, 3. ,\"y, z\"\r\n  \t\n a>b ,20.00,1e3,\r\b,2,0,\n";
    byte[] bytes = text.replace("\b", "b").getBytes(StandardCharsets.UTF_8);
    PathFormat format = PathFormat.channelAttribution();
    JourneySet plain = PlainPathReader.read(bytes, bytes.length, ',', '>', PathFormat.DEFAULT_POLICY);
    assertThat(plain).isNotNull().isEqualTo(format.readGeneral(new ByteArrayInputStream(bytes), "f"));
    assertThat(Objects.requireNonNull(plain).pathCount()).isEqualTo(3);
    assertThat(plain.channels().names()).containsExactly("a", "b", "café", "日本");
    assertThat(plain.conversions(0)).isEqualTo(21);
    assertThat(plain.nulls(0)).isEqualTo(1002);
  }

  @Test
  void leavesQuotesInsideFieldsAndBadRowsToTheGeneralReader() {
    for (String row : List.of("\"a\"\"b\",1", "a,1\u0001", "a>>b,1", "a,-1", "a\"b,1", "a,1,2", "\"a\nb\",1")) {
      byte[] bytes = ("path,total_conversions\n" + row + "\n").getBytes(StandardCharsets.UTF_8);
      assertThat(PlainPathReader.read(bytes, bytes.length, ',', '>', PathFormat.DEFAULT_POLICY)).as(row).isNull();
    }
  }

  private static Case generate(Random rnd) {
    char delimiter = pick(rnd, new Character[] {',', ',', ',', ';', '\t'});
    char separator = delimiter == ';' && rnd.nextBoolean() ? '|' : '>';
    CsvPolicy policy = rnd.nextInt(4) == 0 ? new CsvPolicy(30, 60) : PathFormat.DEFAULT_POLICY;
    StringBuilder text = new StringBuilder();
    String[] eol = {"\n", "\r\n", "\r"};
    String lineEnd = pick(rnd, eol);
    if (rnd.nextInt(5) == 0) {
      text.append('\uFEFF');
    }
    int columns = 2 + rnd.nextInt(4);
    String[] header = new String[columns];
    header[0] = "path";
    header[1] = "total_conversions";
    for (int i = 2; i < columns; i++) {
      // Mostly distinct optional columns; now and then one named twice, which refuses the file.
      header[i] = rnd.nextInt(10) == 0 ? HEADERS[2 + rnd.nextInt(HEADERS.length - 2)] : HEADERS[i];
    }
    for (int i = columns - 1; i > 0; i--) {
      int j = rnd.nextInt(i + 1);
      String t = header[i];
      header[i] = header[j];
      header[j] = t;
    }
    for (int i = 0; i < columns; i++) {
      String name = rnd.nextInt(6) == 0 ? header[i].toUpperCase(java.util.Locale.ROOT) : header[i];
      text.append(i > 0 ? String.valueOf(delimiter) : "").append(quoteMaybe(rnd, name));
    }
    text.append(lineEnd);
    int rows = rnd.nextInt(8);
    for (int r = 0; r < rows; r++) {
      if (rnd.nextInt(6) == 0) {
        text.append(rnd.nextBoolean() ? "" : " \t").append(pick(rnd, eol));
      }
      for (int i = 0; i < columns; i++) {
        text.append(i > 0 ? String.valueOf(delimiter) : "").append(quoteMaybe(rnd, cell(rnd, header[i], separator)));
      }
      text.append(rnd.nextInt(8) == 0 ? pick(rnd, eol) : lineEnd);
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
    int corruptions = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(3) : 0;
    for (int k = 0; k < corruptions && bytes.length > 0; k++) {
      bytes = corrupt(rnd, bytes);
    }
    return new Case(bytes, delimiter, separator, policy, new String(bytes, StandardCharsets.UTF_8) + " [delimiter '"
        + delimiter + "', separator '" + separator + "', " + policy + "]");
  }

  private static String cell(Random rnd, String column, char separator) {
    if (column.equals("path")) {
      StringBuilder path = new StringBuilder();
      int touches = 1 + rnd.nextInt(4);
      for (int t = 0; t < touches; t++) {
        String name = rnd.nextInt(8) == 0 ? pick(rnd, CHANNELS) : pick(rnd, new String[] {"a", "b", "c"});
        path.append(t > 0 ? (rnd.nextBoolean() ? " " + separator + " " : String.valueOf(separator)) : "").append(name);
      }
      return path.toString();
    }
    if (column.equals("extra")) {
      return pick(rnd, new String[] {"", "x", "y z", "é", "\"", "a,b"});
    }
    return rnd.nextInt(8) == 0 ? pick(rnd, NUMBERS) : rnd.nextInt(100) + (rnd.nextBoolean() ? "" : ".25");
  }

  private static String quoteMaybe(Random rnd, String text) {
    if (rnd.nextInt(5) != 0) {
      return text;
    }
    return (rnd.nextBoolean() ? " " : "") + "\"" + text.replace("\"", "\"\"") + "\"" + (rnd.nextBoolean() ? "\t" : "");
  }

  private static byte[] corrupt(Random rnd, byte[] bytes) {
    int at = rnd.nextInt(bytes.length);
    switch (rnd.nextInt(3)) {
      case 0 -> {
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = NOISE[rnd.nextInt(NOISE.length)];
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
      }
      case 1 -> {
        byte[] out = new byte[bytes.length - 1];
        System.arraycopy(bytes, 0, out, 0, at);
        System.arraycopy(bytes, at + 1, out, at, bytes.length - at - 1);
        return out;
      }
      default -> {
        byte[] out = bytes.clone();
        out[at] = NOISE[rnd.nextInt(NOISE.length)];
        return out;
      }
    }
  }

  private static <T> T pick(Random rnd, T[] values) {
    return values[rnd.nextInt(values.length)];
  }
}
