package org.engagement.core.conversation.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.text.NameMemo;
import org.junit.jupiter.api.Test;

class KeyMessageTest {

  @Test
  void aMessageWithNoMatcherIsRejectedWithAClearError() {
    assertThatThrownBy(() -> KeyMessage.named("Silent").build())
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("key message 'Silent' matchers 'none' is invalid: must include at least one phrase, hashtag or "
            + "link pattern, or the message could never match");
  }

  @Test
  void matchersThatFoldToNothingAreRejected() {
    assertThatThrownBy(() -> KeyMessage.named("Blank").phrases("  ").build())
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("key message 'Blank' phrases '  '");
    assertThatThrownBy(() -> KeyMessage.named("Hash").hashtags("#").build())
        .hasMessageStartingWith("key message 'Hash' hashtags ''");
  }

  @Test
  void namesMustBeUniqueInAMatcher() {
    KeyMessage a = KeyMessage.ofPhrases("A", "one");
    assertThatThrownBy(() -> MessageMatcher.of(List.of(a, KeyMessage.ofPhrases("A", "two"))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("unique");
  }

  @Test
  void matchesTextTagsHashtagsAndLinks() {
    MessageMatcher matcher = MessageMatcher.of(List.of(
        KeyMessage.named("Fast").phrases("fast charging").build(),
        KeyMessage.named("Tagged").hashtags("#ChargeFast").build(),
        KeyMessage.named("Linked").links("https://Acme.example/quiet").build(),
        KeyMessage.named("Topic").phrases("battery life").build()));
    MessageMatcher.Scanner scanner = matcher.scanner();

    assertThat(match(scanner, Content.ofText("Fäst Charging!"))).isEqualTo(bits(0));
    assertThat(match(scanner, Content.ofText("so #chargefast"))).isEqualTo(bits(1));
    assertThat(match(scanner, Content.builder().hashtags(List.of("CHARGEFAST")).build())).isEqualTo(bits(1));
    assertThat(match(scanner, Content.builder().links(List.of("http://www.acme.example/quiet/page?x=1")).build()))
        .isEqualTo(bits(2));
    assertThat(match(scanner, Content.builder().links(List.of("https://acme.example/loud")).build())).isEqualTo(bits());
    assertThat(match(scanner, Content.builder().tags(List.of("Battery Life")).build())).isEqualTo(bits(3));
  }

  @Test
  void aMatcherWithoutPhrasesStillMatchesLinks() {
    MessageMatcher matcher = MessageMatcher.of(List.of(KeyMessage.named("Linked").links("acme.example/a").build()));
    assertThat(match(matcher.scanner(), Content.builder().text("acme.example/a").links(List.of("acme.example/a/b")).build()))
        .isEqualTo(bits(0));
    assertThat(match(MessageMatcher.of(List.of()).scanner(), Content.ofText("anything"))).isEqualTo(bits());
  }

  @Test
  void aLinkMatchesEveryMessageWithAPatternStartingItWhetherMetFirstOrAgainOrBeyondTheRememberedOnes() {
    MessageMatcher matcher = MessageMatcher.of(List.of(
        KeyMessage.named("Blog").links("acme.example/blog").build(),
        KeyMessage.named("Post").links("https://acme.example/blog/7").build(),
        KeyMessage.named("Shop").links("acme.example/shop").build()));
    MessageMatcher.Scanner scanner = matcher.scanner();
    for (int i = 0; i < 2 * NameMemo.CAPACITY; i++) {
      String link = "https://www.ACME.example/blog/" + i;
      // blog/7, blog/70-79 and blog/700-... start with the post's pattern
      BitSet expected = String.valueOf(i).startsWith("7") ? bits(0, 1) : bits(0);

      assertThat(match(scanner, Content.builder().links(List.of(link)).build())).as(link).isEqualTo(expected);
      assertThat(match(scanner, Content.builder().links(List.of(link)).build())).as(link).isEqualTo(expected);
    }
    assertThat(match(scanner, Content.builder().links(List.of("acme.example/shop/1", "acme.example/blog")).build()))
        .isEqualTo(bits(0, 2));
  }

  @Test
  void emojiAndOtherSupplementaryCharactersAreWordBoundaries() {
    MessageMatcher matcher = MessageMatcher.of(List.of(KeyMessage.ofPhrases("Love", "love it")));
    assertThat(match(matcher.scanner(), Content.ofText("\uD83D\uDE0DLove it\uD83D\uDE0D"))).isEqualTo(bits(0));
  }

  private static BitSet match(MessageMatcher.Scanner scanner, Content content) {
    BitSet found = new BitSet();
    scanner.match(content, found);
    return found;
  }

  private static BitSet bits(int... indexes) {
    BitSet bits = new BitSet();
    for (int i : indexes) {
      bits.set(i);
    }
    return bits;
  }
}
