package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.attribution.journey.ToyPaths.toy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.junit.jupiter.api.Test;

class PathFormatTest {
  private static JourneySet read(String text) throws IOException {
    return PathFormat.channelAttribution().read(new StringReader(text));
  }

  @Test
  void readsTheToyDataset() {
    JourneySet set = toy();
    assertThat(set.channels().names()).containsExactly("A", "B", "C");
    assertThat(set.pathCount()).isEqualTo(6);
    assertThat(set.pathNames(1)).containsExactly("A", "A", "B");
    assertThat(set.conversions(1)).isEqualTo(3);
    assertThat(set.value(1)).isEqualTo(45);
    assertThat(set.nulls(1)).isEqualTo(1);
    assertThat(set.totalConversions()).isEqualTo(8);
    assertThat(set.totalValue()).isEqualTo(92);
    assertThat(set.totalNulls()).isEqualTo(16);
    assertThat(set.touchCount()).isEqualTo(3 + 3 + 2 + 1 + 1 + 3);
  }

  @Test
  void trimsChannelNamesAndGroupsEqualPaths() throws IOException {
    JourneySet set = read("path,total_conversions,total_conversion_value,total_null\n"
        + "a>b,1,2,3\n a > b ,1,1,0\n");
    assertThat(set.pathCount()).isEqualTo(1);
    assertThat(set.conversions(0)).isEqualTo(2);
    assertThat(set.value(0)).isEqualTo(3);
    assertThat(set.nulls(0)).isEqualTo(3);
  }

  @Test
  void matchesColumnsByNameInAnyOrderAndCaseWithOptionalColumns() throws IOException {
    JourneySet set = read("\uFEFFTotal_Conversions,extra,PATH\n2.5,x,\"a, inc > b\"\n\n");
    assertThat(set.pathNames(0)).containsExactly("a, inc", "b");
    assertThat(set.conversions(0)).isEqualTo(2.5);
    assertThat(set.value(0)).isZero();
    assertThat(set.nulls(0)).isZero();
  }

  @Test
  void keepsFractionalCountsInsteadOfTruncating() throws IOException {
    assertThat(read("path,total_conversions,total_null\na,1.7,0.25\n").conversions(0)).isEqualTo(1.7);
  }

  @Test
  void readsOtherDelimitersAndSeparators() throws IOException {
    JourneySet set = PathFormat.channelAttribution().withDelimiter(';').withSeparator('|')
        .read(new StringReader("path;total_conversions\na | b;1\n"));
    assertThat(set.pathNames(0)).containsExactly("a", "b");
  }

  private static final String WHOLE = " (1 of 1 rows invalid; a path file is used whole or not at all)";

  @Test
  void namesLineFieldValueAndRuleOfABadRow() {
    assertThatThrownBy(() -> read("path,total_conversions\na,1\nb,-1\n"))
        .isInstanceOfSatisfying(PathFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.field()).isEqualTo("total_conversions");
          assertThat(e.value()).isEqualTo("-1");
          assertThat(e.rule()).isEqualTo("must be a number from 0 to 1000000000000000");
          assertThat(e.invalidRows()).isEqualTo(1);
          assertThat(e.rows()).isEqualTo(2);
        })
        .hasMessage("line 3: column 'total_conversions' value '-1' is invalid: must be a number from 0 to "
            + "1000000000000000 (1 of 2 rows invalid; a path file is used whole or not at all)");
    assertThatThrownBy(() -> read("path,total_conversions\na,x\n"))
        .hasMessage("line 2: column 'total_conversions' value 'x' is invalid: must be a decimal number in ASCII "
            + "digits, such as 12.5" + WHOLE);
    assertThatThrownBy(() -> read("path,total_conversions\na,NaN\n"))
        .hasMessageStartingWith("line 2: column 'total_conversions' value 'NaN' is invalid");
    assertThatThrownBy(() -> read("path,total_conversions\na > > b,1\n"))
        .hasMessage("line 2: column 'path' value 'a > > b' is invalid: must be channel names separated by '>', "
            + "with none empty" + WHOLE);
    assertThatThrownBy(() -> read("path,total_conversions\na,1,2\n"))
        .hasMessage("line 2: record has 3 fields; the header has 2" + WHOLE);
    assertThatThrownBy(() -> read("path,total_conversions\n\"a,1\n"))
        .isInstanceOfSatisfying(PathFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.rule()).contains("stray quote");
        });
    assertThatThrownBy(() -> read("path,total_conversions\na\u0001b,1\n"))
        .isInstanceOfSatisfying(PathFormatException.class, e -> {
          assertThat(e.line()).isEqualTo(2);
          assertThat(e.field()).isEqualTo("path");
          assertThat(e.value()).isEqualTo("a\\u0001b");
          assertThat(e.getMessage()).doesNotContain("\u0001");
        });
  }

  @Test
  void readsEveryRowBeforeRefusingAndNamesTheFile() {
    String text = "path,total_conversions\na,1\n\"b,1\nc,１\nd,2\ne,1e999\n";
    assertThatThrownBy(() -> PathFormat.channelAttribution().read(new StringReader(text), "paths.csv"))
        .isInstanceOfSatisfying(PathFormatException.class, e -> {
          assertThat(e.invalidRows()).isEqualTo(3);
          assertThat(e.rows()).isEqualTo(5);
        })
        .hasMessageStartingWith("paths.csv:3: column 'path' value 'b,1' is invalid: opens a quote")
        .hasMessageEndingWith("(3 of 5 rows invalid; a path file is used whole or not at all)");
  }

  @Test
  void aFileThatIsNotUtf8SaysWhereFromBytes() {
    byte[] bytes = "path,total_conversions\ncaf\u00E9,1\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> PathFormat.channelAttribution().read(new java.io.ByteArrayInputStream(bytes), "p.csv"))
        .hasMessage("p.csv:2: column 'path' value 'caf\uFFFD' is invalid: is not valid UTF-8: bad bytes at byte "
            + "offset 26; the file must be UTF-8" + WHOLE);
  }

  /** A stream that says {@code available} bytes are left whatever is, and gives at most 1,000 at a time. */
  private static java.io.InputStream claiming(byte[] bytes, int available) {
    return new java.io.FilterInputStream(new java.io.ByteArrayInputStream(bytes)) {
      @Override
      public int available() {
        return available;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        return super.read(b, off, Math.min(len, 1000));
      }
    };
  }

  @Test
  void readsTheWholeStreamWhateverItSaysIsLeft() throws IOException {
    StringBuilder text = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
    for (int row = 0; row < 20_000; row++) {
      text.append('c').append(row % 7).append(" > d").append(row % 1009).append(',').append(row % 3)
          .append(",1.5,2\n");
    }
    byte[] bytes = text.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    JourneySet expected = read(text.toString());
    for (int available : List.of(0, 1, 70_000, bytes.length - 1, bytes.length, bytes.length + 1, 3 * bytes.length)) {
      assertThat(PathFormat.channelAttribution().read(claiming(bytes, available), "p.csv"))
          .as("available() = %d", available).isEqualTo(expected);
    }
    byte[] broken = (text + "\"x,1\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    assertThatThrownBy(() -> PathFormat.channelAttribution().read(claiming(broken, 0), "p.csv"))
        .hasMessageStartingWith("p.csv:20002: ");
  }

  @Test
  void refusesAnEmptyFileOrAMissingColumn() {
    assertThatThrownBy(() -> read(""))
        .hasMessage("line 1: the file is empty: a header row is required");
    assertThatThrownBy(() -> read("path,conversions\na,1\n"))
        .hasMessage("line 1: the header on line 1 must have columns 'path' and 'total_conversions'; it has "
            + "[conversions, path]");
    assertThatThrownBy(() -> PathFormat.channelAttribution().read(new StringReader("path,path,total_conversions\n"), "p.csv"))
        .hasMessage("p.csv:1: header column 'path' appears twice (columns 1 and 2)");
  }

  /** A file read with the wrong delimiter has one column that lists as if it held every column needed. */
  @Test
  void saysWhichDelimiterAHeaderOfOneColumnSeemsToUse() {
    String commas = "path,total_conversions\nA > B,1\n";
    assertThatThrownBy(() -> PathFormat.channelAttribution().withDelimiter(';').read(new StringReader(commas), "p.csv"))
        .hasMessage("p.csv:1: the header on line 1 must have columns 'path' and 'total_conversions'; it has "
            + "[path,total_conversions], one column read with the delimiter ';'; the file seems to use ','");
    assertThatThrownBy(() -> PathFormat.channelAttribution().read(new StringReader("path;total_conversions\n"), "p.csv"))
        .hasMessageEndingWith("it has [path;total_conversions], one column read with the delimiter ','; the file "
            + "seems to use ';'");
    assertThatThrownBy(() -> PathFormat.channelAttribution().withDelimiter(';').read(
            new ByteArrayInputStream(commas.getBytes(StandardCharsets.UTF_8)), "p.csv"))
        .hasMessageEndingWith("one column read with the delimiter ';'; the file seems to use ','");
    assertThatThrownBy(() -> PathFormat.channelAttribution().read(new StringReader("route\n"), "p.csv"))
        .hasMessageEndingWith("it has [route]");
  }

  @Test
  void writesTheChannelAttributionFormat() throws IOException {
    StringWriter out = new StringWriter();
    JourneySet set = JourneySet.builder()
        .add(List.of("A", "B"), 2, 20.5, 3)
        .add(List.of("x,y", "q\"z"), 0.25, 0, 1)
        .add(List.of("A"), 1e-7, 1e20, 0)
        .build();
    PathFormat.channelAttribution().write(set, out);
    assertThat(out.toString()).isEqualTo("path,total_conversions,total_conversion_value,total_null\n"
        + "A,0.0000001,100000000000000000000,0\n"
        + "A > B,2,20.5,3\n"
        + "\"x,y > q\"\"z\",0.25,0,1\n");
  }

  @Test
  void refusesUnusableDelimiters() {
    assertThatThrownBy(() -> PathFormat.channelAttribution().withDelimiter('"'))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> PathFormat.channelAttribution().withSeparator(','))
        .isInstanceOf(InvalidFieldException.class);
  }

  /**
   * One journey of 100,000 touches (about 500,000 characters) is a valid path: the path column may be as long as
   * the record limit. With the general field limit of 65,536 it was refused (issue 12's Markov case).
   */
  @Test
  void aPathAsLongAsARecordIsRead() throws IOException {
    StringBuilder path = new StringBuilder("c0");
    for (int i = 1; i < 100_000; i++) {
      path.append(" > c").append(i % 8);
    }
    JourneySet set = read("path,total_conversions,total_null\n" + path + ",1,0\n");
    assertThat(set.touchCount()).isEqualTo(100_000);
    assertThatThrownBy(() -> PathFormat.channelAttribution().withPolicy(CsvPolicy.defaults())
        .read(new StringReader("path,total_conversions\n" + path + ",1\n"), "long.csv"))
        .isInstanceOf(PathFormatException.class).hasMessageContaining("must be at most 65536 characters");
  }
}
