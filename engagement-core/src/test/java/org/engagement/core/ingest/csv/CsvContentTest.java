package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class CsvContentTest {
  private static final Channel X = Channel.of("x", ChannelGroup.ORGANIC_SOCIAL);

  @Test
  void readsContentColumns() {
    CsvFixture result = CsvFixture.importText("""
        customer_id,timestamp,type,channel,text,tags,hashtags,links,brand,sentiment,audience,thread_id,owner,resolved
        c-1,2024-03-01T10:00:00Z,mention,x,"  Love it,
        really",product|price,#launch|ev,https://a.example/x,Acme,-0.25,1500,case-1,agent-2,true
        """);
    Content content = result.only().content();
    assertThat(content).isNotNull();
    assertThat(content.text()).isEqualTo("  Love it,\nreally");
    assertThat(content.tags()).containsExactly("product", "price");
    assertThat(content.hashtags()).containsExactly("launch", "ev");
    assertThat(content.links()).containsExactly("https://a.example/x");
    assertThat(content.brand()).isEqualTo("Acme");
    assertThat(content.sentiment()).isEqualTo(-0.25);
    assertThat(content.audience()).isEqualTo(1500L);
    assertThat(content.threadId()).isEqualTo("case-1");
    assertThat(content.owner()).isEqualTo("agent-2");
    assertThat(content.resolved()).isTrue();
  }

  @Test
  void aRowWithEmptyContentColumnsHasNoContent() {
    CsvFixture result = CsvFixture.importText("""
        customer_id,timestamp,type,channel,text,sentiment,resolved
        c-1,2024-03-01T10:00:00Z,mention,x,,,
        """);
    assertThat(result.only().content()).isNull();
  }

  @Test
  void rejectsBadContentWithTheColumnName() {
    CsvFixture result = CsvFixture.importText("""
        customer_id,timestamp,type,channel,sentiment,audience
        c-1,2024-03-01T10:00:00Z,mention,x,1.5,
        c-2,2024-03-01T10:00:00Z,mention,x,,many
        """);
    assertThat(result.interactions()).isEmpty();
    assertThat(result.report().rejections()).extracting(r -> r.field() + " '" + r.value() + "'")
        .containsExactly("sentiment '1.5'", "audience 'many'");
  }

  @Test
  void theWriterWithoutContentWritesWhatItWroteBefore() throws IOException {
    Interaction plain = Interaction.builder().customerId("c-1").channel(X)
        .timestamp(Instant.parse("2024-03-01T10:00:00Z")).type(InteractionType.MENTION).build();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvInteractionWriter writer = CsvInteractionWriter.open(bytes, List.of())) {
      writer.write(plain);
    }
    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
        "customer_id,timestamp,type,direction,channel,channel_name,channel_group,value,currency,source_id\n"
            + "c-1,2024-03-01T10:00:00Z,mention,inbound,x,x,organic_social,,,\n");
  }

  @Test
  void theWriterWithoutContentRefusesContentRatherThanDropIt() {
    Interaction said = Interaction.builder().customerId("c-1").channel(X)
        .timestamp(Instant.parse("2024-03-01T10:00:00Z")).type(InteractionType.MENTION)
        .content(Content.ofText("hi")).build();
    CsvInteractionWriter writer = CsvInteractionWriter.open(new ByteArrayOutputStream(), List.of());
    assertThatThrownBy(() -> writer.write(said)).isInstanceOf(InvalidFieldException.class).hasMessageContaining("openWithContent");
  }

  @Test
  void attributeColumnsMayNotTakeAContentColumnsName() {
    assertThatThrownBy(() -> CsvInteractionWriter.open(new ByteArrayOutputStream(), List.of("text")))
        .isInstanceOf(InvalidFieldException.class);
  }

  @Property(tries = 200)
  void writingWithContentThenParsingGivesTheSameInteractions(@ForAll("interactions") List<Interaction> interactions)
      throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (CsvInteractionWriter writer = CsvInteractionWriter.openWithContent(bytes, List.of())) {
      interactions.forEach(writer::write);
    }
    CsvFixture result = CsvFixture.importBytes(new CsvInteractionAdapter(), bytes.toByteArray());
    assertThat(result.report().rejections()).isEmpty();
    assertThat(result.interactions()).containsExactlyElementsOf(interactions);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<String> words = Arbitraries.strings().withChars("abcé中_-").ofMinLength(1).ofMaxLength(8);
    Arbitrary<Content> contents = Builders.withBuilder(Content::builder)
        .use(Arbitraries.strings().withChars("ab ,\"\n\r\té#|").ofMinLength(1).ofMaxLength(40).injectNull(0.3)).in(Content.Builder::text)
        .use(words.list().ofMaxSize(3)).in(Content.Builder::tags)
        .use(words.list().ofMaxSize(3)).in(Content.Builder::hashtags)
        .use(words.map(w -> "https://" + w + ".example/p?q=1").list().ofMaxSize(2)).in(Content.Builder::links)
        .use(words.injectNull(0.5)).in(Content.Builder::brand)
        .use(Arbitraries.doubles().between(-1, 1).injectNull(0.3)).in(Content.Builder::sentiment)
        .use(Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.3)).in(Content.Builder::audience)
        .use(words.injectNull(0.5)).in(Content.Builder::threadId)
        .use(words.injectNull(0.5)).in(Content.Builder::owner)
        .use(Arbitraries.of(true, false)).in(Content.Builder::resolved)
        .build(Content.Builder::build);
    Arbitrary<Interaction> interaction = contents.injectNull(0.2).map(c -> Interaction.builder().customerId("c")
        .channel(X).timestamp(Instant.parse("2024-03-01T10:00:00Z")).type(InteractionType.SHARE).content(c).build());
    return interaction.list().ofMaxSize(20).map(list -> new ArrayList<>(list));
  }
}
