package org.engagement.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class PhraseAutomatonPropertiesTest {

  @Property(tries = 300)
  void findsExactlyWhatANaiveWholeWordSearchFinds(
      @ForAll("phrases") @Size(min = 1, max = 12) List<String> phrases, @ForAll("texts") String text) {
    PhraseAutomaton automaton = PhraseAutomaton.of(phrases, groups(phrases.size()));
    BitSet found = new BitSet();
    automaton.scanner().scan(text, found);
    assertThat(found).isEqualTo(naive(phrases, text));
  }

  @Property(tries = 300)
  void matchingIgnoresCaseAndAccents(
      @ForAll("phrases") @Size(min = 1, max = 12) List<String> phrases, @ForAll("texts") String text,
      @ForAll long seed) {
    PhraseAutomaton automaton = PhraseAutomaton.of(phrases, groups(phrases.size()));
    PhraseAutomaton.Scanner scanner = automaton.scanner();
    BitSet plain = new BitSet();
    scanner.scan(text, plain);
    BitSet disguised = new BitSet();
    scanner.scan(disguise(text, new Random(seed)), disguised);
    assertThat(disguised).isEqualTo(plain);
  }

  /** Changes case and adds accents, precomposed or combining, at random. */
  private static String disguise(String text, Random random) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (random.nextInt(4)) {
        case 0 -> out.append(Character.toUpperCase(c));
        case 1 -> out.append(c == 'e' ? 'É' : c == 'a' ? 'ä' : c);
        case 2 -> out.append(c).append(Character.isLetter(c) ? "\u0301" : "");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static BitSet naive(List<String> phrases, String text) {
    String folded = TextFolding.fold(text);
    BitSet found = new BitSet();
    for (int p = 0; p < phrases.size(); p++) {
      String phrase = TextFolding.fold(phrases.get(p));
      for (int at = folded.indexOf(phrase); at >= 0; at = folded.indexOf(phrase, at + 1)) {
        int end = at + phrase.length();
        boolean left = !TextFolding.isWordChar(phrase.charAt(0)) || at == 0 || !TextFolding.isWordChar(folded.charAt(at - 1));
        boolean right = !TextFolding.isWordChar(phrase.charAt(phrase.length() - 1)) || end == folded.length()
            || !TextFolding.isWordChar(folded.charAt(end));
        if (left && right) {
          found.set(p);
        }
      }
    }
    return found;
  }

  private static int[] groups(int n) {
    int[] groups = new int[n];
    for (int i = 0; i < n; i++) {
      groups[i] = i;
    }
    return groups;
  }

  @Provide
  Arbitrary<List<String>> phrases() {
    return Arbitraries.strings().withChars("abe #").ofMinLength(1).ofMaxLength(5)
        .filter(s -> !s.isBlank()).list();
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("abe #.\n").ofMaxLength(60);
  }
}
