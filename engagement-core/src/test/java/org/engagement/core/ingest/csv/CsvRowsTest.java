package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/** The reading policy as {@link CsvRows} enforces it for every reader. */
class CsvRowsTest {

  /** One record as read: its line, its fields and its problem. */
  record Read(long line, List<String> fields, CsvRows.@Nullable Problem problem) {
    String rule() {
      return problem == null ? "" : problem.rule();
    }
  }

  private static List<Read> readAll(CsvRows rows, int expectedFields) throws IOException {
    List<Read> records = new ArrayList<>();
    List<String> fields = new ArrayList<>();
    try (rows) {
      for (long line = rows.next(fields); line >= 0; line = rows.next(fields)) {
        records.add(new Read(line, List.copyOf(fields), rows.problem()));
        if (records.size() == 1 && expectedFields > 0) {
          rows.expectFields(expectedFields);
        }
      }
    }
    return records;
  }

  private static List<Read> readAll(String text, int expectedFields) throws IOException {
    return readAll(CsvRows.open(new StringReader(text)), expectedFields);
  }

  @Test
  void readsQuotedFieldsLineBreaksAndBlankLinesAsRfc4180Says() throws IOException {
    List<Read> records = readAll("\uFEFFa,b\r\n\"x, \"\"y\"\"\" , \"two\nlines\"\r\n   \n\rc,d", 2);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 6L);
    assertThat(records.get(0).fields()).containsExactly("a", "b");
    assertThat(records.get(1).fields()).containsExactly("x, \"y\"", "two\nlines");
    assertThat(records.get(2).fields()).containsExactly("c", "d");
    assertThat(records).allSatisfy(r -> assertThat(r.problem()).isNull());
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws IOException {
    assertThat(readAll("h,i\n5\" screen,x\n", 2).get(1).fields()).containsExactly("5\" screen", "x");
  }

  @Test
  void controlCharactersRejectTheRecordAndAreShownEscaped() throws IOException {
    List<Read> records = readAll("id,n\nc1\0,1\nc2,\u001B[2J\u0007\nc3,\u0085\nc4,tab\there\n", 2);
    assertThat(records.get(1).problem()).isEqualTo(
        new CsvRows.Problem(0, "c1\\u0000", "must not contain control characters (found U+0000)"));
    assertThat(records.get(2).problem()).isEqualTo(
        new CsvRows.Problem(1, "\\u001B[2J\\u0007", "must not contain control characters (found U+001B)"));
    assertThat(records.get(3).rule()).isEqualTo("must not contain control characters (found U+0085)");
    assertThat(records.get(4).problem()).as("a tab is text").isNull();
  }

  @Test
  void aLineOfOnlyAControlCharacterIsARejectedRecordNotABlankLine() throws IOException {
    List<Read> records = readAll("id,n\n\u001F\na,1\n", 2);
    assertThat(records).hasSize(3);
    assertThat(records.get(1).rule()).contains("control characters");
  }

  @Test
  void moreOrFewerFieldsThanTheHeaderRejectTheRecord() throws IOException {
    List<Read> records = readAll("a,b\n1,2,3\n1\n1,2\n", 2);
    assertThat(records).extracting(Read::rule).containsExactly("",
        "record has 3 fields; the header has 2", "record has 1 fields; the header has 2", "");
  }

  @Test
  void textAfterAClosingQuoteRejectsTheRecordOnly() throws IOException {
    List<Read> records = readAll("a,b\n\"x\"y,1\n2,3\n", 2);
    assertThat(records.get(1).problem()).isEqualTo(new CsvRows.Problem(0, "xy",
        "has text after its closing quote; quote the whole field and double the quotes in it"));
    assertThat(records.get(2).fields()).containsExactly("2", "3");
  }

  @Test
  void aStrayQuoteThatRunsToTheEndIsCutAtItsLineAndTheRestIsReadAgain() throws IOException {
    StringBuilder csv = new StringBuilder("id,x,t\n");
    for (int i = 1; i <= 2000; i++) {
      csv.append(i).append(',').append(i == 6 ? "\"2" : "2").append(",40\n");
    }
    List<Read> records = readAll(csv.toString(), 3);
    assertThat(records).hasSize(2001);
    assertThat(records.get(6).line()).isEqualTo(7);
    assertThat(records.get(6).problem()).isEqualTo(new CsvRows.Problem(1, "2,40",
        "opens a quote that is not closed on its line (a stray quote?): the record was cut at the end of line 7 "
            + "and reading went on with the next line"));
    assertThat(records.stream().filter(r -> r.problem() != null)).hasSize(1);
    assertThat(records.get(2000).fields()).containsExactly("2000", "2", "40");
  }

  @Test
  void twoStrayQuotesThatCloseEachOtherDoNotSwallowTheRowsBetweenOnceTheRecordIsRejected() throws IOException {
    CsvRows rows = CsvRows.open(new StringReader("id,x,t\n1,\"2,40\n2,2,40\n3,2,40\n4,2\",40\n5,2,40\n"));
    List<String> fields = new ArrayList<>();
    assertThat(rows.next(fields)).isEqualTo(1);
    rows.expectFields(3);
    assertThat(rows.next(fields)).isEqualTo(2);
    assertThat(rows.problem()).as("three fields, one of them over four lines").isNull();
    assertThat(fields).containsExactly("1", "2,40\n2,2,40\n3,2,40\n4,2", "40");
    CsvRows.Problem stray = rows.reconsider();
    assertThat(stray).isNotNull();
    assertThat(stray.rule()).contains("stray quote", "end of line 2");
    assertThat(rows.next(fields)).isEqualTo(3);
    assertThat(fields).containsExactly("2", "2", "40");
    assertThat(rows.next(fields)).isEqualTo(4);
    assertThat(rows.next(fields)).isEqualTo(5);
    assertThat(fields).as("a quote inside an unquoted field is text").containsExactly("4", "2\"", "40");
    assertThat(rows.reconsider()).as("no quote spans lines").isNull();
    assertThat(rows.next(fields)).isEqualTo(6);
    assertThat(rows.next(fields)).isEqualTo(-1);
  }

  @Test
  void aRecordWithAnotherFaultWhoseQuoteSpansLinesIsCutAtTheQuotesLine() throws IOException {
    List<Read> nul = readAll("id,word\na,\"x\ngood,1\nc\0\",d\n", 2);
    assertThat(nul).extracting(Read::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(nul.get(1).rule()).contains("stray quote", "end of line 2");
    assertThat(nul.get(2).fields()).containsExactly("good", "1");
    assertThat(nul.get(2).problem()).isNull();
    assertThat(nul.get(3).rule()).isEqualTo("must not contain control characters (found U+0000)");
    List<Read> longField = readAll(CsvRows.open(new StringReader("id,word\na,\"x\ngood,1\n" + "y".repeat(20)
        + "\",d\n"), ',', new CsvPolicy(10, 1_000)), 2);
    assertThat(longField).extracting(Read::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(longField.get(2).fields()).containsExactly("good", "1");
    assertThat(longField.get(3).rule()).isEqualTo("must be at most 10 characters");
  }

  @Test
  void aStrayQuoteIsCutWhenAnyLaterLineOfItsRecordReadsAsARecordNotOnlyTheNext() throws IOException {
    List<Read> records = readAll("id,x,t\n1,\"2,40\n \t\nbroken\n4,2,40\n5,2\",40,extra\n6,2,40\n", 3);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 4L, 5L, 6L, 7L);
    assertThat(records.get(1).rule()).contains("stray quote", "end of line 2");
    assertThat(records.get(2).rule()).isEqualTo("record has 1 fields; the header has 3");
    assertThat(records.get(3).fields()).containsExactly("4", "2", "40");
    assertThat(records.get(3).problem()).isNull();
    assertThat(records.get(4).rule()).isEqualTo("record has 4 fields; the header has 3");
    assertThat(records.get(5).problem()).isNull();
  }

  @Test
  void aRecordOverTheLimitAfterAQuoteSpanningLinesClosedIsCutNotSkipped() throws IOException {
    List<Read> records = readAll(CsvRows.open(new StringReader("id,x\n1,\"a\n2,b\n3,c\"," + "y".repeat(80)
        + "\n4,d\n"), ',', new CsvPolicy(60, 60)), 2);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(records.get(1).rule()).contains("stray quote", "end of line 2");
    assertThat(records.get(2).fields()).containsExactly("2", "b");
    assertThat(records.get(3).rule()).contains("the limit is 60");
    assertThat(records.get(4).fields()).containsExactly("4", "d");
  }

  @Test
  void aQuoteRunningToTheEndIsCutAtTheRecordsFirstStrayQuoteWhenALineAfterItReadsAsARecord()
      throws IOException {
    List<Read> records = readAll("id,x\n1,\"a\n2,b\n3,c\",\"d\ne\n", 2);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 3L, 4L, 5L);
    assertThat(records.get(1).rule()).contains("stray quote", "end of line 2");
    assertThat(records.get(2).fields()).containsExactly("2", "b");
    assertThat(records.get(2).problem()).isNull();
    assertThat(records.get(3).rule()).contains("stray quote", "end of line 4");
    assertThat(records.get(4).rule()).isEqualTo("record has 1 fields; the header has 2");
  }

  @Test
  void aRecordWhoseMultiLineFieldIsRejectedStandsWhenTheNextLineIsNoRecord() throws IOException {
    CsvRows rows = CsvRows.open(new StringReader("id,note\n1,\"Dear all\nsee you\"\n"));
    List<String> fields = new ArrayList<>();
    rows.next(fields);
    rows.expectFields(2);
    assertThat(rows.next(fields)).isEqualTo(2);
    assertThat(rows.reconsider()).isNull();
    assertThat(rows.next(fields)).isEqualTo(-1);
  }

  @Test
  void aStrayQuoteClosedByTextIsCutAtItsLine() throws IOException {
    List<Read> records = readAll("id,x\n1,\"a\n2,\"b\n3,c\n", 2);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 3L, 4L);
    assertThat(records.get(1).rule()).contains("stray quote");
    assertThat(records.get(2).rule()).contains("stray quote");
    assertThat(records.get(3).fields()).containsExactly("3", "c");
  }

  @Test
  void aMultiLineFieldInARecordWithAnExtraFieldIsOneRejectedRecord() throws IOException {
    List<Read> records = readAll("id,note\n1,\"one\ntwo\",extra\n2,x\n", 2);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 4L);
    assertThat(records.get(1).rule()).isEqualTo("record has 3 fields; the header has 2");
  }

  @Test
  void aLongFieldIsCountedNotKeptAndNamedWithItsLength() throws IOException {
    CsvRows rows = CsvRows.open(new GeneratedText("id,amount\n1,", 10_000_000, '9', ",x\n2,5\n"), ',',
        CsvPolicy.defaults());
    List<Read> records = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(20),
        () -> readAll(rows, 2));
    assertThat(records).hasSize(3);
    CsvRows.Problem problem = records.get(1).problem();
    assertThat(problem).isNotNull();
    assertThat(problem.value()).isEqualTo("9".repeat(80) + "... (10000000 characters)");
    assertThat(problem.rule()).isEqualTo("must be at most 65536 characters");
    assertThat(records.get(2).fields()).containsExactly("2", "5");
  }

  @Test
  void aRecordOverTheLimitIsSkippedToItsLineEnd() throws IOException {
    CsvPolicy policy = CsvPolicy.defaults().withMaxFieldLength(10).withMaxRecordLength(100);
    String longLine = "1" + ",x".repeat(200);
    List<Read> records = readAll(CsvRows.open(new StringReader("a,b\n" + longLine + "\n2,y\n"), ',', policy), 2);
    assertThat(records).extracting(Read::line).containsExactly(1L, 2L, 3L);
    assertThat(records.get(1).problem()).isEqualTo(
        new CsvRows.Problem(-1, null, "record is 401 characters long; the limit is 100"));
    assertThat(records.get(2).fields()).containsExactly("2", "y");
  }

  @Test
  void aStrayQuoteSwallowsNoMoreThanTheRecordLimit() throws IOException {
    CsvPolicy policy = CsvPolicy.defaults().withMaxFieldLength(50).withMaxRecordLength(200);
    StringBuilder csv = new StringBuilder("a,b\n1,\"x\n");
    for (int i = 2; i < 100; i++) {
      csv.append(i).append(",y\n");
    }
    csv.append("100,\"z\"\n");
    List<Read> records = readAll(CsvRows.open(new StringReader(csv.toString()), ',', policy), 2);
    assertThat(records).hasSize(101);
    assertThat(records.get(1).rule()).contains("stray quote");
    assertThat(records.subList(2, 101)).allSatisfy(r -> assertThat(r.problem()).isNull());
  }

  @Test
  void bytesThatAreNotUtf8RejectTheRecordWithTheirOffset() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes("id,name\n1,caf".getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // Latin-1 é
    bytes.writeBytes(",x\n2,\uFFFD ok\n".getBytes(StandardCharsets.UTF_8));
    List<Read> records = readAll(
        CsvRows.open(new ByteArrayInputStream(bytes.toByteArray()), ',', CsvPolicy.defaults()), 2);
    assertThat(records.get(1).problem()).isEqualTo(new CsvRows.Problem(1, "caf\uFFFD",
        "is not valid UTF-8: bad bytes at byte offset 13; the file must be UTF-8"));
    assertThat(records.get(2).problem()).as("a U+FFFD written in the file is text").isNull();
  }

  @Test
  void aReaderThatCannotDecodeStopsTheReadingNamingTheLine() throws IOException {
    byte[] bytes = ("id,name\n" + "1,a\n".repeat(10_000) + "2,caf\u00E9\n").getBytes(StandardCharsets.ISO_8859_1);
    Reader strict = new java.io.InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8
        .newDecoder().onMalformedInput(CodingErrorAction.REPORT));
    assertThatThrownBy(() -> readAll(CsvRows.open(strict), 2))
        .isInstanceOfSatisfying(InvalidSourceException.class, e -> {
          assertThat(e.line()).as("a Reader decodes ahead: the line is where reading stopped").isBetween(1L, 10_002L);
          assertThat(e).hasMessage("line " + e.line() + ": the text from here on could not be decoded "
              + "(MalformedInputException; is the file UTF-8?), so the records from line " + e.line()
              + " on were not read; read the file as bytes to have such records rejected one by one");
        });
  }

  @Test
  void aProblemBecomesARejectionNamingTheHeadersColumn() {
    CsvRows.Problem problem = new CsvRows.Problem(1, "x\\u0007", "must not contain control characters");
    Rejection rejection = problem.rejection(new SourcePosition(4, 9), List.of("id", " Name "));
    assertThat(rejection.message("people.csv"))
        .isEqualTo("people.csv:9: column 'Name' value 'x\\u0007' is invalid: must not contain control characters");
    assertThat(new CsvRows.Problem(5, null, "r").rejection(new SourcePosition(1, 2), List.of("a")).field())
        .isEqualTo("column 6");
    assertThat(problem.inHeader(1)).hasMessage(
        "line 1: header column 2 'x\\u0007' is invalid: must not contain control characters");
  }

  /** A prefix, {@code count} copies of one character and a suffix, made as they are read. */
  static final class GeneratedText extends Reader {
    private final String prefix;
    private final long count;
    private final char repeated;
    private final String suffix;
    private long served;

    GeneratedText(String prefix, long count, char repeated, String suffix) {
      this.prefix = prefix;
      this.count = count;
      this.repeated = repeated;
      this.suffix = suffix;
    }

    @Override
    public int read(char[] buffer, int off, int len) {
      long total = prefix.length() + count + suffix.length();
      if (served >= total) {
        return -1;
      }
      int n = 0;
      while (n < len && served < total) {
        long i = served++;
        buffer[off + n++] = i < prefix.length() ? prefix.charAt((int) i)
            : i < prefix.length() + count ? repeated : suffix.charAt((int) (i - prefix.length() - count));
      }
      return n;
    }

    @Override
    public void close() {}
  }
}
