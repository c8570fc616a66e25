package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidFieldExceptionTest {

  @Test
  void messagesShowControlCharactersEscaped() {
    InvalidFieldException e = new InvalidFieldException("na\u0000me", "\u001B]0;pwned\u0007\u001B[2J\nok",
        "must not be \u202Eevil");
    assertThat(e.getMessage())
        .isEqualTo("na\\u0000me '\\u001B]0;pwned\\u0007\\u001B[2J\\u000Aok' is invalid: must not be \\u202Eevil");
    assertThat(e.getMessage().chars()).noneMatch(c -> c < 0x20);
    assertThat(e.value()).isEqualTo("\\u001B]0;pwned\\u0007\\u001B[2J\\u000Aok");
  }

  @Test
  void escapingKeepsTextAndSurrogatePairsAndIsIdempotent() {
    String text = "é 中 \uD83D\uDE00 a\\b tab\there \u0085 \uD800";
    String escaped = InvalidFieldException.escape(text);
    assertThat(escaped).isEqualTo("é 中 \uD83D\uDE00 a\\b tab\\u0009here \\u0085 \\uD800");
    assertThat(InvalidFieldException.escape(escaped)).isEqualTo(escaped);
  }

  @Test
  void longValuesAreCutBeforeEscapingAndSayTheirLength() {
    String shown = InvalidFieldException.shorten("\u0007".repeat(100));
    assertThat(shown).isEqualTo("\\u0007".repeat(80) + "... (100 characters)");
  }
}
