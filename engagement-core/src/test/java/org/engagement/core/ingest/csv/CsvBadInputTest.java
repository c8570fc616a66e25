package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every kind of bad input named in the foundation issue gives a clear error or a rejection with reason. */
class CsvBadInputTest {
  private static final String HEADER = "customer_id,timestamp,type,channel,value,currency,source_id\n";
  private static final String GOOD = "c-1,2024-03-01T10:15:30Z,click,web,,,s-1\n";

  /** The bad row sits between two good ones: it is rejected with the reason, and the others pass. */
  private static Rejection rejectedBetweenGoodRows(String badRow) {
    CsvFixture result = CsvFixture.importText(HEADER + GOOD + badRow + "\n" + GOOD.replace("s-1", "s-3"));
    assertThat(result.report().read()).isEqualTo(3);
    assertThat(result.report().accepted()).isEqualTo(2);
    assertThat(result.report().rejected()).isEqualTo(1);
    Rejection rejection = result.report().rejections().get(0);
    assertThat(rejection.position().record()).isEqualTo(2);
    assertThat(rejection.position().line()).isEqualTo(3);
    assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
    return rejection;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "missing customer id | ,2024-03-01T10:15:30Z,click,web,,,s-2 | customer_id | | must not be empty",
      "blank customer id |    ,2024-03-01T10:15:30Z,click,web,,,s-2 | customer_id | | must not be empty",
      "unparseable timestamp | c-2,01/03/2024 10:15,click,web,,,s-2 | timestamp | 01/03/2024 10:15 | ISO-8601",
      "zone-less timestamp | c-2,2024-03-01T10:15:30,click,web,,,s-2 | timestamp | 2024-03-01T10:15:30 | has no zone offset",
      "missing timestamp | c-2,,click,web,,,s-2 | timestamp | | must not be empty",
      "negative value | c-2,2024-03-01T10:15:30Z,purchase,web,-5.00,EUR,s-2 | value | -5.00 EUR | must not be negative",
      "NaN value | c-2,2024-03-01T10:15:30Z,purchase,web,NaN,EUR,s-2 | value | NaN | must be a decimal number",
      "infinite value | c-2,2024-03-01T10:15:30Z,purchase,web,Infinity,EUR,s-2 | value | Infinity | must be a decimal number",
      "too precise value | c-2,2024-03-01T10:15:30Z,purchase,web,1.005,EUR,s-2 | value | 1.005 | at most 2 decimal places",
      "value without currency | c-2,2024-03-01T10:15:30Z,purchase,web,10,,s-2 | currency | | required when value is given",
      "huge exponent | c-2,2024-03-01T10:15:30Z,purchase,web,1E+2147483647,EUR,s-2 | value | 1E+2147483647 | too large",
      "tiny exponent | c-2,2024-03-01T10:15:30Z,purchase,web,1E-2147483647,EUR,s-2 | value | 1E-2147483647 | at most 30 decimal places",
      "year beyond 9999 | c-2,+999999999-12-31T23:59:59-18:00,click,web,,,s-2 | timestamp | +1000000000-01-01T17:59:59Z | between years 0001 and 9999",
      "unknown currency | c-2,2024-03-01T10:15:30Z,purchase,web,10,EURO,s-2 | currency | EURO | ISO 4217",
      "unknown type | c-2,2024-03-01T10:15:30Z,retweet,web,,,s-2 | type | retweet | must be one of",
      "bad channel id | c-2,2024-03-01T10:15:30Z,click,a > b,,,s-2 | channel | a > b | must not contain '>'",
  })
  void rejectsTheRecordNamingFieldValueAndRule(String label, String row, String field, String value, String rule) {
    Rejection rejection = rejectedBetweenGoodRows(row);
    assertThat(rejection.field()).isEqualTo(field);
    assertThat(rejection.value()).isEqualTo(value);
    assertThat(rejection.reason()).contains(rule);
  }

  @Test
  void rejectsRowsWithMoreOrFewerFieldsThanTheHeader() {
    assertThat(rejectedBetweenGoodRows("c-2,2024-03-01T10:15:30Z,click,web,,,s-2,extra").reason())
        .isEqualTo("record has 8 fields; the header has 7");
    assertThat(rejectedBetweenGoodRows("c-2,2024-03-01T10:15:30Z,click").reason())
        .isEqualTo("record has 3 fields; the header has 7");
  }

  @Test
  void unknownChannelsAreUnassignedRejectedOrClassifiedAsConfigured() {
    String csv = "customer_id,timestamp,type,channel\nc-1,2024-03-01T10:15:30Z,click,linkedin\n";
    assertThat(CsvFixture.importText(csv).only().channel().group()).isEqualTo(ChannelGroup.UNASSIGNED);
    CsvFixture rejected = CsvFixture.importText(
        CsvInteractionAdapter.builder().unknownChannels(UnknownChannelPolicy.REJECT).build(), csv);
    assertThat(rejected.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.field()).isEqualTo("channel");
      assertThat(r.value()).isEqualTo("linkedin");
      assertThat(r.reason()).contains("must be a known channel");
    });
    assertThat(CsvFixture.importText(
        CsvInteractionAdapter.builder().unknownChannels(UnknownChannelPolicy.CLASSIFY).build(), csv)
        .only().channel().group()).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);
  }

  @Test
  void duplicateSourceIdsAreCountedNotImportedTwice() {
    CsvFixture result = CsvFixture.importText(HEADER + GOOD + GOOD + GOOD.replace("c-1", "c-2"));
    assertThat(result.report().accepted()).isEqualTo(1);
    assertThat(result.report().duplicates()).isEqualTo(2);
    assertThat(result.report().rejections()).allSatisfy(r -> {
      assertThat(r.kind()).isEqualTo(Rejection.Kind.DUPLICATE);
      assertThat(r.reason()).isEqualTo("repeats the source id of record 1");
    });
  }

  @Test
  void emptyInputIsAClearErrorButAHeaderWithoutRowsIsAnEmptyImport() {
    assertThatThrownBy(() -> CsvFixture.importText(""))
        .isInstanceOf(ImportException.class)
        .hasCauseInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("input is empty");
    assertThat(CsvFixture.importText(HEADER).report().read()).isZero();
  }

  @Test
  void missingHeaderColumnsAreNamed() {
    assertThatThrownBy(() -> CsvFixture.importText("customer_id,timestamp,channel\nc,2024-03-01T10:15:30Z,web\n"))
        .hasMessageContaining("missing required column(s) 'type'");
    assertThatThrownBy(() -> CsvFixture.importText("customer_id,timestamp,type\nc,2024-03-01T10:15:30Z,click\n"))
        .hasMessageContaining("neither a 'channel' column nor any of 'utm_source'");
    assertThatThrownBy(() -> CsvFixture.importText("c-1,2024-03-01T10:15:30Z,click,web\n"))
        .as("a file without header row").hasMessageContaining("missing required column(s) 'customer_id', 'timestamp', 'type'");
  }

  @Test
  void misspelledHeaderColumnsAreCaughtAndCanBeAllowedOnPurpose() {
    assertThatThrownBy(() -> CsvFixture.importText("custmer_id,timestamp,type,channel\n"))
        .hasMessageContaining("'custmer_id' looks like a misspelling of 'customer_id'");
    assertThatThrownBy(() -> CsvFixture.importText("customer_id,timestamp,type,channel,sorce_id\n"))
        .hasMessageContaining("'sorce_id' looks like a misspelling of 'source_id'");
    String csv = "customer_id,timestamp,type,channel,values\nc,2024-03-01T10:15:30Z,click,web,3\n";
    assertThat(CsvFixture.importText(CsvInteractionAdapter.builder().allowAttributeColumn("values").build(), csv)
        .only().attributes().getString("values")).contains("3");
  }

  @Test
  void repeatedHeaderColumnsAreAnError() {
    assertThatThrownBy(() -> CsvFixture.importText("customer_id,timestamp,type,channel,Channel\n"))
        .hasMessageContaining("'Channel' appears twice (columns 4 and 5)");
  }

  @Test
  void extraColumnsBecomeStringAttributes() {
    CsvFixture result = CsvFixture.importText(
        "customer_id,timestamp,type,channel,campaign,post_id\nc,2024-03-01T10:15:30Z,click,web,spring,\n");
    assertThat(result.only().attributes().asMap()).containsExactly(java.util.Map.entry("campaign", "spring"));
  }

  @Test
  void quotedFieldsMayHoldSeparatorsQuotesAndNewlines() {
    String csv = "customer_id,timestamp,type,channel,note\n"
        + "c-1,2024-03-01T10:15:30Z,comment,web,\"line one,\nline \"\"two\"\"\"\n"
        + "c-2,2024-03-01T10:15:30Z,click,web\n";
    CsvFixture result = CsvFixture.importText(csv);
    assertThat(result.interactions().get(0).attributes().getString("note")).contains("line one,\nline \"two\"");
    assertThat(result.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.position().record()).isEqualTo(2);
      assertThat(r.position().line()).as("the record after a two-line field starts on line 4").isEqualTo(4);
    });
  }

  @Test
  void anUnterminatedQuoteRejectsItsRecordAndTheImportGoesOnWithTheNextLine() {
    String csv = HEADER + GOOD + "c-2,\"2024-03-01T10:15:30Z,click,web,,,s-2\n" + GOOD.replace("s-1", "s-3");
    CsvFixture result = CsvFixture.importText(csv);
    assertThat(result.report().read()).isEqualTo(3);
    assertThat(result.report().accepted()).isEqualTo(2);
    assertThat(result.report().isComplete()).isTrue();
    assertThat(result.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.position()).isEqualTo(new org.engagement.core.ingest.SourcePosition(2, 3));
      assertThat(r.field()).isEqualTo("timestamp");
      assertThat(r.reason()).contains("opens a quote that is not closed on its line", "cut at the end of line 3");
    });
  }

  @Test
  void aQuotedFieldEndingInABareCarriageReturnKeepsItsContentAndRecordBoundary() {
    // The case that ruled FastCSV out: it lost "b\r" and merged the next record into this one.
    String csv = "customer_id,timestamp,type,channel,note\n"
        + "c-1,2024-03-01T10:15:30Z,click,web,\"b\r\"\n"
        + "c-2,2024-03-01T10:15:30Z,click,web,x\n";
    CsvFixture result = CsvFixture.importText(csv);
    assertThat(result.report().isClean()).isTrue();
    assertThat(result.interactions()).extracting(i -> i.attributes().getString("note").orElseThrow())
        .containsExactly("b\r", "x");
  }

  @Test
  void blankLinesAreNotRecordsAndDoNotShiftLineNumbers() {
    CsvFixture result = CsvFixture.importText(HEADER + "\n" + GOOD + "   \n\nc-2,bad,click,web,,,s-2\n");
    assertThat(result.report().read()).isEqualTo(2);
    assertThat(result.report().rejections()).singleElement()
        .satisfies(r -> assertThat(r.position()).hasToString("record 2 (line 6)"));
  }

  @Test
  void invalidUtf8IsRejectedNamingTheFieldTheByteOffsetAndThatTheFileMustBeUtf8() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes((HEADER + GOOD + "c-").getBytes(StandardCharsets.UTF_8));
    bytes.writeBytes(new byte[] {(byte) 0xC3, (byte) 0x28});
    bytes.writeBytes((",2024-03-01T10:15:30Z,click,web,,,s-2\n" + GOOD.replace("s-1", "s-3")).getBytes(StandardCharsets.UTF_8));
    CsvFixture result = CsvFixture.importBytes(new CsvInteractionAdapter(), bytes.toByteArray());
    assertThat(result.report().accepted()).isEqualTo(2);
    int offset = (HEADER + GOOD + "c-").length();
    assertThat(result.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.field()).isEqualTo("customer_id");
      assertThat(r.reason()).contains("not valid UTF-8")
          .isEqualTo("is not valid UTF-8: bad bytes at byte offset " + offset + "; the file must be UTF-8");
      assertThat(r.message("in.csv")).startsWith("in.csv:3: column 'customer_id' value 'c-\uFFFD(' is invalid");
    });
  }

  @Test
  void controlCharactersAreNeverStrippedSilently() {
    Rejection rejection = rejectedBetweenGoodRows("c1\u0000,2024-03-01T10:15:30Z,click,web,,,s-2");
    assertThat(rejection.field()).isEqualTo("customer_id");
    assertThat(rejection.value()).isEqualTo("c1\\u0000");
    assertThat(rejection.reason()).isEqualTo("must not contain control characters (found U+0000)");
    assertThat(rejection.toString()).doesNotContain("\u0000");
  }

  @Test
  void digitsOfOtherScriptsAreNotNumbers() {
    Rejection rejection = rejectedBetweenGoodRows("c-2,2024-03-01T10:15:30Z,purchase,web,１２,EUR,s-2");
    assertThat(rejection.field()).isEqualTo("value");
    assertThat(rejection.value()).isEqualTo("１２");
    assertThat(rejection.reason()).isEqualTo("must be a decimal number in ASCII digits, such as 12.5");
  }

  @Test
  void aOneMegabyteFieldIsRejectedNamingTheFieldAndItsLength() {
    String huge = "x".repeat(1 << 20);
    Rejection rejection = rejectedBetweenGoodRows("c-2,2024-03-01T10:15:30Z,click," + huge + ",,,s-2");
    assertThat(rejection.field()).isEqualTo("channel");
    assertThat(rejection.value()).endsWith("... (1048576 characters)");
    assertThat(rejection.reason()).isEqualTo("must be at most 65536 characters");
  }

  @Test
  void aByteOrderMarkIsIgnoredAndHeaderCaseDoesNotMatter() {
    CsvFixture result = CsvFixture.importText("\uFEFFCustomer_ID, Timestamp ,TYPE,Channel\nc,2024-03-01T10:15:30Z,Click,web\n");
    assertThat(result.only().customerId()).isEqualTo("c");
  }
}
