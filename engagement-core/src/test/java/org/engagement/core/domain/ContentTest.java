package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContentTest {
  private static final Channel X = Channel.of("x", ChannelGroup.ORGANIC_SOCIAL);
  private static final Instant T = Instant.parse("2024-03-01T10:15:30Z");

  private static Interaction.Builder mention() {
    return Interaction.builder().customerId("c-1").channel(X).timestamp(T).type(InteractionType.MENTION);
  }

  @Test
  void builderKeepsEveryPartAndStripsHashes() {
    Content content = Content.builder().text("Love the new model").tags(List.of("product")).hashtags(List.of("#Launch", "ev"))
        .links(List.of("https://example.com/a")).brand("Acme").sentiment(0.8).audience(1200L).threadId("case-7")
        .owner("agent-3").resolved(true).build();
    assertThat(content.hashtags()).containsExactly("Launch", "ev");
    assertThat(content.toBuilder().build()).isEqualTo(content);
    assertThat(content.isEmpty()).isFalse();
  }

  /** Emptiness checked part by part is equality with the empty content: any one part makes a content non-empty. */
  @Test
  void anyOnePartMakesAContentNonEmpty() {
    List<Content> single = List.of(Content.ofText("t"), Content.builder().tags(List.of("a")).build(),
        Content.builder().hashtags(List.of("#a")).build(), Content.builder().links(List.of("https://a")).build(),
        Content.builder().brand("Acme").build(), Content.builder().sentiment(0.0).build(),
        Content.builder().audience(0L).build(), Content.builder().threadId("t-1").build(),
        Content.builder().owner("o").build(), Content.builder().resolved(true).build());
    for (Content content : single) {
      assertThat(content.isEmpty()).as(content.toString()).isFalse().isEqualTo(content.equals(Content.empty()));
    }
    assertThat(Content.builder().build().isEmpty()).isTrue();
    assertThat(Content.empty().isEmpty()).isTrue();
  }

  @Test
  void interactionsStoreNoContentRatherThanAnEmptyOne() {
    Interaction withEmpty = mention().content(Content.empty()).build();
    assertThat(withEmpty.content()).isNull();
    assertThat(withEmpty.hasContent()).isFalse();
    assertThat(withEmpty).isEqualTo(mention().build());
    Interaction withText = mention().content(Content.ofText("hello")).build();
    assertThat(withText.toBuilder().build()).isEqualTo(withText);
    assertThat(withText).isNotEqualTo(mention().build());
  }

  @Test
  void theConstructorWithoutContentStillWorks() {
    Interaction old = new Interaction("c-1", X, T, InteractionType.MENTION, Direction.INBOUND, null, null, Attributes.empty());
    assertThat(old).isEqualTo(mention().build());
    assertThat(old.content()).isNull();
  }

  @ParameterizedTest
  @ValueSource(doubles = {-1.0001, 1.5, Double.NaN, Double.POSITIVE_INFINITY})
  void refusesSentimentOutsideMinusOneToOne(double score) {
    assertThatThrownBy(() -> Content.builder().sentiment(score).build())
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("sentiment '")
        .hasMessageContaining("from -1 to 1");
  }

  @Test
  void acceptsTheEndsOfTheSentimentScale() {
    assertThat(Content.builder().sentiment(-1.0).build().sentiment()).isEqualTo(-1.0);
    assertThat(Content.builder().sentiment(1.0).build().sentiment()).isEqualTo(1.0);
  }

  @Test
  void refusesBadParts() {
    assertThatThrownBy(() -> Content.builder().audience(-1L).build()).hasMessageStartingWith("audience '-1'");
    assertThatThrownBy(() -> Content.builder().tags(List.of("a|b")).build()).hasMessageContaining("'|'");
    assertThatThrownBy(() -> Content.builder().hashtags(List.of("two words")).build()).hasMessageStartingWith("hashtags '");
    assertThatThrownBy(() -> Content.builder().links(List.of(" ")).build()).hasMessageStartingWith("links '");
    assertThatThrownBy(() -> Content.builder().text("").build()).hasMessageStartingWith("text ''");
    assertThatThrownBy(() -> Content.builder().text("a\u0007b").build()).hasMessageContaining("control characters");
    assertThatThrownBy(() -> Content.builder().threadId(" case").build()).hasMessageStartingWith("threadId '");
    assertThatThrownBy(() -> Content.builder().brand("").build()).hasMessageStartingWith("brand ''");
  }

  @Test
  void textMayHoldLineBreaksAndTabs() {
    assertThat(Content.ofText("line one\r\n\tline two").text()).contains("\t");
  }
}
