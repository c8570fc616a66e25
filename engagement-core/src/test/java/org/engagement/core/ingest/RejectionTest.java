package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class RejectionTest {

  @Test
  void oneMessageShapeForEveryReader() {
    Rejection bad = Rejection.invalid(new SourcePosition(7, 9), new InvalidFieldException("amount", "1２", "must be x"));
    assertThat(bad).hasToString("line 9: column 'amount' value '1２' is invalid: must be x");
    assertThat(bad.message("costs.csv")).isEqualTo("costs.csv:9: column 'amount' value '1２' is invalid: must be x");
    Rejection missing = Rejection.invalid(new SourcePosition(1, 2), new InvalidFieldException("currency", null, "is required"));
    assertThat(missing.message("costs.csv")).isEqualTo("costs.csv:2: column 'currency' is missing: is required");
    Rejection whole = Rejection.invalid(new SourcePosition(3, 4), "record has 8 fields; the header has 7");
    assertThat(whole.message("costs.csv")).isEqualTo("costs.csv:4: record has 8 fields; the header has 7");
    Rejection lineless = Rejection.invalid(SourcePosition.ofRecord(5), "broken");
    assertThat(lineless).hasToString("record 5: broken");
    assertThat(lineless.message("feed")).isEqualTo("feed: record 5: broken");
  }

  @Test
  void controlCharactersNeverReachTheText() {
    Rejection r = new Rejection(new SourcePosition(1, 2), Rejection.Kind.INVALID, "f\u0007", "\u001B[2J", "why\nnot");
    assertThat(r.value()).isEqualTo("\\u001B[2J");
    assertThat(r.message("a\u001Bb.csv"))
        .isEqualTo("a\\u001Bb.csv:2: column 'f\\u0007' value '\\u001B[2J' is invalid: why\\u000Anot");
  }
}
