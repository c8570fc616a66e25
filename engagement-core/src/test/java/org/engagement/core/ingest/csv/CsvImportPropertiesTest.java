package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.Rejection;

class CsvImportPropertiesTest {
  private static final List<String> HEADER = List.of("customer_id", "timestamp", "type", "direction", "channel",
      "channel_group", "value", "currency", "source_id", "note");

  /** How a row is spoiled; {@code NONE} leaves it good. */
  enum Corruption { NONE, BLANK_CUSTOMER, ZONELESS_TIMESTAMP, UNKNOWN_TYPE, NEGATIVE_VALUE,
    VALUE_WITHOUT_CURRENCY, EXTRA_FIELD, UNKNOWN_GROUP, NOT_A_NUMBER }

  @Property(tries = 200)
  void countsAddUpAndEveryGoodRowIsAcceptedExactlyOnce(
      @ForAll("interactions") @Size(max = 40) List<Interaction> interactions,
      @ForAll @Size(max = 40) List<Corruption> corruptions) throws IOException {
    StringWriter text = new StringWriter();
    List<String> goodSourceIds = new ArrayList<>();
    List<Long> badRecords = new ArrayList<>();
    try (CsvGenerator csv = new CsvFactory().createGenerator(text)) {
      writeRow(csv, HEADER);
      for (int i = 0; i < interactions.size(); i++) {
        Corruption corruption = i < corruptions.size() ? corruptions.get(i) : Corruption.NONE;
        String sourceId = "s-" + i;
        writeRow(csv, fields(interactions.get(i), sourceId, corruption));
        if (corruption == Corruption.NONE) {
          goodSourceIds.add(sourceId);
        } else {
          badRecords.add(i + 1L);
        }
      }
    }
    CsvFixture result = CsvFixture.importText(text.toString());

    assertThat(result.report().read()).isEqualTo(interactions.size());
    assertThat(result.report().read())
        .isEqualTo(result.report().accepted() + result.report().rejected() + result.report().duplicates());
    assertThat(result.interactions()).extracting(Interaction::sourceId).containsExactlyElementsOf(goodSourceIds);
    assertThat(result.report().rejections()).extracting(r -> r.position().record()).containsExactlyElementsOf(badRecords);
    assertThat(result.report().rejections()).allSatisfy(r -> {
      assertThat(r.kind()).isEqualTo(Rejection.Kind.INVALID);
      assertThat(r.reason()).isNotBlank();
    });
  }

  @Property(tries = 200)
  void writingThenParsingGivesTheSameInteractions(@ForAll("interactions") List<Interaction> interactions) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvInteractionWriter writer = CsvInteractionWriter.open(bytes, List.of("note"))) {
      interactions.forEach(writer::write);
    }
    CsvFixture result = CsvFixture.importBytes(new CsvInteractionAdapter(), bytes.toByteArray());
    assertThat(result.report().rejections()).isEmpty();
    assertThat(result.interactions()).containsExactlyElementsOf(interactions);
  }

  private static void writeRow(CsvGenerator csv, List<String> row) throws IOException {
    csv.writeStartArray();
    for (String field : row) {
      csv.writeString(field);
    }
    csv.writeEndArray();
  }

  private static List<String> fields(Interaction i, String sourceId, Corruption corruption) {
    List<String> f = new ArrayList<>(List.of(
        i.customerId(), i.timestamp().toString(), i.type().id(), i.direction().name(), i.channel().id(),
        i.channel().group().id(), i.value() == null ? "" : i.value().amount().toPlainString(),
        i.value() == null ? "" : i.value().currency().getCurrencyCode(), sourceId,
        i.attributes().getString("note").orElse("")));
    switch (corruption) {
      case NONE -> { }
      case BLANK_CUSTOMER -> f.set(0, " ");
      case ZONELESS_TIMESTAMP -> f.set(1, i.timestamp().atOffset(ZoneOffset.UTC).toLocalDateTime().toString());
      case UNKNOWN_TYPE -> f.set(2, "retweet");
      case NEGATIVE_VALUE -> { f.set(6, "-1.00"); f.set(7, "EUR"); }
      case VALUE_WITHOUT_CURRENCY -> { f.set(6, "1.00"); f.set(7, ""); }
      case EXTRA_FIELD -> f.add("surplus");
      case UNKNOWN_GROUP -> f.set(5, "television");
      case NOT_A_NUMBER -> { f.set(6, "NaN"); f.set(7, "USD"); }
    }
    return f;
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<String> ids = Arbitraries.strings().withChars("abcXYZ019-_.,;\"'é中")
        .ofMinLength(1).ofMaxLength(20);
    Arbitrary<Channel> channels = Combinators.combine(
        Arbitraries.of("linkedin", "newsletter", "trade-show", "blog", "Google Ads"),
        Arbitraries.of(ChannelGroup.class)).as(Channel::of);
    Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_102_444_800L)
        .flatMap(s -> Arbitraries.integers().between(0, 999_999_999).map(n -> Instant.ofEpochSecond(s, n)));
    Arbitrary<Money> values = Combinators.combine(
        Arbitraries.longs().between(0, 10_000_000), Arbitraries.of("USD", "EUR", "JPY", "KWD"))
        .as((minor, code) -> Money.ofMinor(minor, Money.currency("currency", code)));
    Arbitrary<Attributes> notes = Arbitraries.strings().withChars("ab ,\"\n\r\té")
        .ofMinLength(1).ofMaxLength(30).map(s -> Attributes.of("note", s))
        .injectNull(0.3).map(a -> a == null ? Attributes.empty() : a);
    Arbitrary<Interaction> interaction = Combinators.combine(
        ids.filter(s -> !Character.isWhitespace(s.charAt(0))), channels, instants,
        Arbitraries.of(InteractionType.class), Arbitraries.of(Direction.class),
        values.injectNull(0.5), ids.injectNull(0.3), notes)
        .as(Interaction::new);
    return interaction.list().ofMaxSize(40).map(CsvImportPropertiesTest::uniqueSourceIds);
  }

  /** The importer rightly drops repeated source ids; these properties are about everything else. */
  private static List<Interaction> uniqueSourceIds(List<Interaction> interactions) {
    List<Interaction> unique = new ArrayList<>();
    for (int i = 0; i < interactions.size(); i++) {
      Interaction it = interactions.get(i);
      unique.add(it.sourceId() == null ? it : it.toBuilder().sourceId(it.sourceId() + "#" + i).build());
    }
    return unique;
  }
}
