package org.engagement.core.ingest.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The one-pass reading of plain records in {@link CsvRows} against the character-by-character loop it
 * shortcuts: on documents mixing plain lines with every kind of record that is not plain (quotes, stray quotes,
 * line breaks inside quotes, carriage returns, control characters, C1 controls, U+FFFD, bytes that are not
 * UTF-8, blank lines, the wrong number of fields, fields and records over small limits, no final line break),
 * both give the same lines, cells and problems record for record. Whole quoted fields on one line with no quote
 * inside ({@code "Partner referrals"}) are read in the one pass too, so the pieces hold some.
 */
class CsvRowsPlainPassTest {
  private static final String[] PIECES = {
      "a", "bc", "customer-1", "2024-03-01T10:15:30Z", " ", "\t", ",", ",", ",", "\"", "\"\"", "\n", "\n", "\n",
      "\r\n", "\r", "\u0001", "\u0085", "\u007F", "é", "\u00A7", "\uFFFD", "\uFEFF", "x;y", "😀",
      "\"Partner referrals\"", "\"a,b;c\"", "\"\",", ",\"q\"\n"};

  @Property(tries = 600)
  void plainRecordsReadAsTheCharacterLoopReadsThem(@ForAll long seed, @ForAll @IntRange(min = 1, max = 400) int pieces,
      @ForAll @IntRange(min = 0, max = 3) int limits, @ForAll boolean bytes,
      @ForAll @IntRange(min = 0, max = 3) int separatorKind)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    String text = document(random, pieces);
    CsvPolicy policy = switch (limits) {
      case 0 -> CsvPolicy.defaults();
      case 1 -> new CsvPolicy(3, 12);
      case 2 -> new CsvPolicy(8, 8);
      default -> new CsvPolicy(20, 200);
    };
    // tab (also a character the scan lets through inside a field) and a separator outside ASCII too
    char separator = ",;\t\u00A7".charAt(separatorKind);
    byte[] encoded = bytes ? corrupt(text.getBytes(UTF_8), random) : text.getBytes(UTF_8);
    List<String> fast = records(open(encoded, text, bytes, separator, policy, true), new SplittableRandom(seed));
    List<String> reference =
        records(open(encoded, text, bytes, separator, policy, false), new SplittableRandom(seed));

    assertThat(fast).isEqualTo(reference);
  }

  @Test
  void aLongDocumentOfPlainRecordsCrossesBufferRefillsUnchanged() throws IOException {
    StringBuilder text = new StringBuilder("customer_id,timestamp,type\n");
    for (int i = 0; i < 20_000; i++) {
      text.append("c").append(i % 97).append(",2024-03-01T10:15:").append(i % 60)
          .append(i % 5 == 0 ? "Z,\"visit\"" : "Z,visit")
          .append(i % 3 == 0 ? "\r\n" : "\n");
    }
    byte[] encoded = text.toString().getBytes(UTF_8);
    List<String> fast = records(open(encoded, "", true, ',', CsvPolicy.defaults(), true), new SplittableRandom(1));
    List<String> reference =
        records(open(encoded, "", true, ',', CsvPolicy.defaults(), false), new SplittableRandom(1));

    assertThat(fast).isEqualTo(reference);
    assertThat(fast.stream().filter(record -> !record.startsWith("reconsidered"))).hasSize(20_001)
        .last().isEqualTo("20001 [c17, 2024-03-01T10:15:19Z, visit] null");
  }

  private static CsvRows open(byte[] encoded, String text, boolean bytes, char separator, CsvPolicy policy,
      boolean plainPass) {
    CsvRows rows = bytes ? CsvRows.open(new ByteArrayInputStream(encoded), separator, policy)
        : CsvRows.open(new StringReader(text), separator, policy);
    if (!plainPass) {
      rows.readCharacterByCharacter();
    }
    return rows;
  }

  /** Every record as text: its line, cells and problem; the first sets the expected field count. */
  private static List<String> records(CsvRows rows, SplittableRandom random) throws IOException {
    List<String> out = new ArrayList<>();
    List<String> row = new ArrayList<>();
    try (rows) {
      long line;
      while ((line = rows.next(row)) >= 0) {
        CsvRows.Problem problem = rows.problem();
        out.add(line + " " + row + " " + Objects.toString(problem));
        if (out.size() == 1 && !row.isEmpty()) {
          rows.expectFields(row.size());
        } else if (problem == null && random.nextInt(4) == 0) {
          out.add("reconsidered: " + rows.reconsider());
        }
      }
    }
    return out;
  }

  private static String document(SplittableRandom random, int pieces) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < pieces; i++) {
      text.append(random.nextInt(3) == 0 ? "plain,line,here\n" : PIECES[random.nextInt(PIECES.length)]);
    }
    return text.toString();
  }

  /** Puts a few bytes that are not UTF-8 into the text. */
  private static byte[] corrupt(byte[] encoded, SplittableRandom random) {
    if (encoded.length > 0) {
      for (int i = random.nextInt(3); i > 0; i--) {
        encoded[random.nextInt(encoded.length)] = (byte) (0x80 + random.nextInt(0x40));
      }
    }
    return encoded;
  }
}
