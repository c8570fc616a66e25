package org.engagement.examples.adapter;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.testkit.ImportReportAssert;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SocialMentionsJsonLinesAdapterTest {
  private static final String MENTION =
      "{\"id\":\"m-1\",\"network\":\"twitter\",\"author\":\"cust-42\",\"at\":\"2024-05-01T09:30:00Z\","
          + "\"kind\":\"mention\",\"text\":\"Love it\",\"followers\":1200}";

  private final SocialMentionsJsonLinesAdapter adapter = new SocialMentionsJsonLinesAdapter();

  @Nested
  @DisplayName("mapping")
  class Mapping {

    @Test
    @DisplayName("maps every property of a mention")
    void mapsEveryProperty() throws IOException {
      assertThat(interactions(MENTION)).containsExactly(Interaction.builder()
          .sourceId("m-1")
          .channel(Channel.of("x", "X (Twitter)", ChannelGroup.ORGANIC_SOCIAL))
          .customerId("cust-42")
          .timestamp(Instant.parse("2024-05-01T09:30:00Z"))
          .type(InteractionType.MENTION)
          .direction(Direction.INBOUND)
          .attributes(Attributes.builder().put("text", "Love it").put("followers", 1200L).build())
          .build());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"mention, MENTION", "share, SHARE", "reply, REPLY", "like, LIKE", "comment, COMMENT",
        "follow, FOLLOW", "Follow, FOLLOW"})
    @DisplayName("maps each kind to its interaction type")
    void mapsKinds(String kind, InteractionType type) throws IOException {
      assertThat(interactions(MENTION.replace("\"mention\"", "\"" + kind + "\"")))
          .singleElement()
          .extracting(Interaction::type)
          .isEqualTo(type);
    }

    @ParameterizedTest
    @ValueSource(strings = {"twitter", "x", "X", " Twitter "})
    @DisplayName("maps twitter and x, in any case, to one channel")
    void twitterIsX(String network) throws IOException {
      assertThat(interactions(MENTION.replace("\"twitter\"", "\"" + network + "\"")))
          .singleElement()
          .extracting(interaction -> interaction.channel().id())
          .isEqualTo("x");
    }

    @Test
    @DisplayName("puts every default network in Organic Social")
    void defaultNetworksAreOrganicSocial() {
      assertThat(adapter.networks().values()).extracting(Channel::group).containsOnly(ChannelGroup.ORGANIC_SOCIAL);
      assertThat(adapter.networks()).containsKeys("twitter", "x", "linkedin", "facebook", "instagram");
    }

    @Test
    @DisplayName("accepts a network added to the builder")
    void acceptsAnAddedNetwork() throws IOException {
      Channel forum = Channel.of("acme-forum", "Acme forum", ChannelGroup.REFERRAL);
      SocialMentionsJsonLinesAdapter custom =
          SocialMentionsJsonLinesAdapter.builder().network("Acme-Forum", forum).build();
      assertThat(records(custom, MENTION.replace("\"twitter\"", "\"acme-forum\"")))
          .singleElement()
          .isInstanceOfSatisfying(AdapterRecord.Accepted.class,
              accepted -> assertThat(accepted.interaction().channel()).isEqualTo(forum));
    }

    @Test
    @DisplayName("treats null as absent and ignores unknown properties")
    void nullIsAbsent() throws IOException {
      String line = MENTION.replace("\"Love it\"", "null").replace("1200", "null").replace("}", ",\"extra\":[1,{}]}");
      assertThat(interactions(line)).singleElement()
          .extracting(Interaction::attributes)
          .isEqualTo(Attributes.empty());
    }

    @Test
    @DisplayName("numbers records without blank lines, and lines with them")
    void numbersRecordsAndLines() throws IOException {
      List<AdapterRecord> records = records(adapter, "\n" + MENTION + "\r\n  \t \n\n" + MENTION.replace("m-1", "m-2"));
      assertThat(records).extracting(AdapterRecord::position)
          .containsExactly(new SourcePosition(1, 2), new SourcePosition(2, 5));
    }

    @Test
    @DisplayName("gives the id to the importer, which counts a repeat as a duplicate")
    void repeatedIdIsADuplicate() throws IOException {
      ImportReport report = InteractionImporter.defaults()
          .run(adapter, new ByteArrayInputStream((MENTION + "\n" + MENTION).getBytes(UTF_8)), interaction -> {});
      ImportReportAssert.assertThat(report).hasRead(2).hasAccepted(1).hasDuplicates(1);
    }
  }

  @Nested
  @DisplayName("rejections")
  class Rejections {

    @ParameterizedTest
    @ValueSource(strings = {"id", "network", "author", "at", "kind"})
    @DisplayName("a missing required property")
    void missingRequiredProperty(String property) throws IOException {
      String line = MENTION.replaceFirst("\"" + property + "\":\"[^\"]*\",?", "");
      assertThat(rejection(line)).satisfies(r -> {
        assertThat(r.field()).isEqualTo(property);
        assertThat(r.value()).isNull();
        assertThat(r.reason()).isEqualTo("must be present");
      });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "network   | \"myspace\"              | myspace              | must be one of [bluesky, facebook",
        "kind      | \"retweet\"              | retweet              | must be one of [comment, follow, like",
        "id        | 7                        | 7                    | must be a string",
        "author    | \"  \"                   | '  '                 | must not be blank",
        "author    | \"cust\\u0007\"          |                      | must not contain control characters",
        "at        | \"2024-05-01T09:30:00\"  | 2024-05-01T09:30:00  | has no zone offset",
        "at        | \"yesterday\"            | yesterday            | must be an ISO-8601 date-time",
        "text      | 42                       | 42                   | must be a string",
        "followers | -1                       | -1                   | must be a whole number, 0 or more",
        "followers | 12.5                     | 12.5                 | must be a whole number, 0 or more",
        "followers | \"12\"                   | '\"12\"'             | must be a whole number, 0 or more",
        "followers | 99999999999999999999     | 99999999999999999999 | must be a whole number, 0 or more"})
    @DisplayName("a property with a bad value, naming the property, the value and the rule")
    void badValue(String property, String json, @Nullable String value, String reason) throws IOException {
      Rejection rejection = rejection(withProperty(property, json));
      assertThat(rejection.kind()).isEqualTo(Rejection.Kind.INVALID);
      assertThat(rejection.field()).isEqualTo(property);
      if (value != null) {
        assertThat(rejection.value()).isEqualTo(value);
      }
      assertThat(rejection.reason()).startsWith(reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"id\":\"m-1\"", "{id:1}", "not json", "{\"id\":\"m-1\",}", "{\"text\":\"unterminated}"})
    @DisplayName("malformed JSON, showing the line and the parser's complaint")
    void malformedJson(String line) throws IOException {
      Rejection rejection = rejection(line);
      assertThat(rejection.field()).isNull();
      assertThat(rejection.value()).isEqualTo(line);
      assertThat(rejection.reason()).startsWith("line is not valid JSON: ");
      assertThat(rejection.position()).isEqualTo(new SourcePosition(1, 1));
    }

    @Test
    @DisplayName("a property named twice")
    void duplicateProperty() throws IOException {
      assertThat(rejection(MENTION.replace("}", ",\"kind\":\"like\"}")).reason())
          .startsWith("line is not valid JSON: Duplicate field 'kind'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"mention\"", "42", "null"})
    @DisplayName("a line that is not an object")
    void notAnObject(String line) throws IOException {
      assertThat(rejection(line).reason()).startsWith("line must hold one JSON object, not ");
    }

    @Test
    @DisplayName("two objects on one line")
    void twoObjects() throws IOException {
      assertThat(rejection(MENTION + " " + MENTION).reason()).startsWith("line is not valid JSON: Trailing token");
    }

    @Test
    @DisplayName("bytes that are not UTF-8, and only that line")
    void invalidUtf8() throws IOException {
      ByteArrayOutputStream source = new ByteArrayOutputStream();
      source.writeBytes(MENTION.replace("Love it", "Love \u00ff it").getBytes(UTF_8));
      byte[] bad = source.toByteArray();
      int at = MENTION.indexOf("Love it") + 5;
      bad[at] = (byte) 0xFF;
      source.reset();
      source.writeBytes(bad);
      source.writeBytes(("\n" + MENTION.replace("m-1", "m-2")).getBytes(UTF_8));
      List<AdapterRecord> records = records(adapter, source.toByteArray());
      assertThat(records).hasSize(2);
      assertThat(records.get(0)).isInstanceOfSatisfying(AdapterRecord.Rejected.class, r ->
          assertThat(r.rejection().reason()).isEqualTo(
              "line is not valid UTF-8: the byte at column " + (at + 1) + " starts no valid character"));
      assertThat(records.get(1)).isInstanceOf(AdapterRecord.Accepted.class);
    }

    @Test
    @DisplayName("a line over the limit, and only that line")
    void lineTooLong() throws IOException {
      String padding = " ".repeat(SocialMentionsJsonLinesAdapter.MAX_LINE_BYTES);
      List<AdapterRecord> records = records(adapter, MENTION + padding + "\n" + MENTION.replace("m-1", "m-2"));
      assertThat(records).hasSize(2);
      assertThat(records.get(0)).isInstanceOfSatisfying(AdapterRecord.Rejected.class, r ->
          assertThat(r.rejection().reason()).isEqualTo("line is longer than 1048576 bytes"));
      assertThat(records.get(1)).isInstanceOf(AdapterRecord.Accepted.class);
    }
  }

  @Nested
  @DisplayName("long texts")
  class LongTexts {
    private final String longText = "a".repeat(Attributes.MAX_STRING_LENGTH - 1) + "\uD83D\uDC4D tail";

    @Test
    @DisplayName("are rejected by default")
    void areRejected() throws IOException {
      Rejection rejection = rejection(withText(longText));
      assertThat(rejection.field()).isEqualTo("text");
      assertThat(rejection.reason()).startsWith("must be at most 65536 characters");
    }

    @Test
    @DisplayName("are cut, without splitting a character, and marked, when asked")
    void areCutWhenAsked() throws IOException {
      SocialMentionsJsonLinesAdapter cutting = SocialMentionsJsonLinesAdapter.builder().truncateLongText(true).build();
      List<AdapterRecord> records = records(cutting, withText(longText));
      assertThat(records).singleElement().isInstanceOfSatisfying(AdapterRecord.Accepted.class, accepted -> {
        Attributes attributes = accepted.interaction().attributes();
        assertThat(attributes.getString("text")).hasValue("a".repeat(Attributes.MAX_STRING_LENGTH - 1));
        assertThat(attributes.getBoolean("text_truncated")).hasValue(true);
      });
    }

    private String withText(String text) {
      return MENTION.replace("Love it", text);
    }
  }

  @Test
  @DisplayName("the builder refuses a blank network name")
  void refusesBlankNetwork() {
    assertThatThrownBy(() -> SocialMentionsJsonLinesAdapter.builder()
            .network(" ", Channel.of("x", ChannelGroup.ORGANIC_SOCIAL)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("network");
  }

  /** {@link #MENTION} with {@code property} set to the JSON text {@code json}. */
  private static String withProperty(String property, String json) {
    String line = MENTION.replaceFirst("\"" + property + "\":(\"[^\"]*\"|[0-9]+)", "\"" + property + "\":"
        + Matcher.quoteReplacement(json));
    return line.equals(MENTION) ? MENTION.replace("}", ",\"" + property + "\":" + json + "}") : line;
  }

  private Rejection rejection(String line) throws IOException {
    List<AdapterRecord> records = records(adapter, line);
    assertThat(records).singleElement().isInstanceOf(AdapterRecord.Rejected.class);
    return ((AdapterRecord.Rejected) records.get(0)).rejection();
  }

  private List<Interaction> interactions(String source) throws IOException {
    List<Interaction> interactions = new ArrayList<>();
    for (AdapterRecord record : records(adapter, source)) {
      assertThat(record).as("record of %s", source).isInstanceOf(AdapterRecord.Accepted.class);
      interactions.add(((AdapterRecord.Accepted) record).interaction());
    }
    return interactions;
  }

  private static List<AdapterRecord> records(SocialMentionsJsonLinesAdapter adapter, String source) throws IOException {
    return records(adapter, source.getBytes(UTF_8));
  }

  private static List<AdapterRecord> records(SocialMentionsJsonLinesAdapter adapter, byte[] source) throws IOException {
    List<AdapterRecord> records = new ArrayList<>();
    try (RecordReader reader = adapter.open(new ByteArrayInputStream(source))) {
      for (AdapterRecord record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
      }
    }
    return records;
  }
}
