package org.engagement.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.BitSet;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class PhraseAutomatonTest {

  private static BitSet scan(PhraseAutomaton automaton, String text) {
    BitSet found = new BitSet();
    automaton.scanner().scan(text, found);
    return found;
  }

  private static PhraseAutomaton oneGroupEach(String... phrases) {
    int[] groups = new int[phrases.length];
    for (int i = 0; i < groups.length; i++) {
      groups[i] = i;
    }
    return PhraseAutomaton.of(List.of(phrases), groups);
  }

  @Test
  void matchesIgnoringCaseAndAccentsPrecomposedOrNot() {
    PhraseAutomaton automaton = oneGroupEach("café crème");
    assertThat(scan(automaton, "Un CAFE CREME, s'il vous plaît").get(0)).isTrue();
    assertThat(scan(automaton, "un cafe\u0301 cre\u0300me").get(0)).isTrue();
    assertThat(scan(automaton, "un café").get(0)).isFalse();
  }

  @Test
  void matchesWholeWordsOnly() {
    PhraseAutomaton automaton = oneGroupEach("car", "#launch", "c++");
    assertThat(scan(automaton, "my cart, my scar")).isEqualTo(bits());
    assertThat(scan(automaton, "my car.")).isEqualTo(bits(0));
    assertThat(scan(automaton, "#launchday is not #launch!").get(1)).isTrue();
    assertThat(scan(automaton, "#launchday only").get(1)).isFalse();
    assertThat(scan(automaton, "I write c++code").get(2)).isTrue(); // '+' is not a word char, no right boundary needed
    assertThat(scan(automaton, "abc++").get(2)).isFalse(); // 'c' would continue the word "ab"
  }

  @Test
  void collapsesWhiteSpaceInPhrasesAndTexts() {
    PhraseAutomaton automaton = oneGroupEach("new   model");
    assertThat(scan(automaton, "the New\n\tModel is here").get(0)).isTrue();
  }

  @Test
  void foldsUnderRootRulesWhateverTheDefaultLocale() {
    // The tests run under a Turkish default locale, where "I".toLowerCase() would be dotless "ı".
    PhraseAutomaton automaton = oneGroupEach("istanbul");
    assertThat(scan(automaton, "ISTANBUL").get(0)).isTrue();
    assertThat(scan(automaton, "İstanbul").get(0)).isTrue(); // İ = I + combining dot above
    assertThat(TextFolding.fold("  Straße  ΣΊΣΥΦΟΣ ")).isEqualTo("straße σισυφοσ");
  }

  @Test
  void findsOverlappingAndNestedPhrasesInOnePass() {
    // The classic Aho–Corasick example, with spaces so that each is a word: "he", "she", "his", "hers".
    PhraseAutomaton automaton = oneGroupEach("she said", "he said", "said hers", "his");
    assertThat(scan(automaton, "she said hers")).isEqualTo(bits(0, 2));
    assertThat(scan(automaton, "so he said hers, not his")).isEqualTo(bits(1, 2, 3));
  }

  @Test
  void reportsGroupsNotPhrases() {
    PhraseAutomaton automaton = PhraseAutomaton.of(List.of("alpha", "beta", "gamma"), new int[] {0, 0, 5});
    assertThat(automaton.groupCount()).isEqualTo(6);
    assertThat(scan(automaton, "beta and gamma")).isEqualTo(bits(0, 5));
  }

  @Test
  void rejectsPhrasesThatFoldToNothing() {
    assertThatThrownBy(() -> oneGroupEach("ok", " \u0301 "))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("phrase");
  }

  private static BitSet bits(int... indexes) {
    BitSet bits = new BitSet();
    for (int i : indexes) {
      bits.set(i);
    }
    return bits;
  }
}
