package org.engagement.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InteractionImporter;
import org.junit.jupiter.api.Test;

class WatermarkTest {

  @Property
  void everyWatermarkReadsBackFromItsText(@ForAll long sequence, @ForAll String text, @ForAll int seconds) {
    for (Watermark w : new Watermark[] {Watermark.of(sequence), Watermark.of(text),
        Watermark.of(Instant.ofEpochSecond(seconds, 123_000_000))}) {
      assertThat(Watermark.parse(w.toString())).isEqualTo(w);
    }
  }

  @Test
  void aTextThatIsNoWatermarkIsRefusedNamingTheRule() {
    assertThatThrownBy(() -> Watermark.parse("42")).isInstanceOf(InvalidFieldException.class)
        .hasMessage("watermark '42' is invalid: must be sequence:N, time:ISO-8601-instant or text:VALUE");
    assertThatThrownBy(() -> Watermark.parse("sequence:4x")).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must have a sequence value");
  }

  @Test
  void aSourceIsConfiguredWithinItsRules() {
    assertThatThrownBy(() -> JdbcInteractionSource.builder(" ;").build()).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> JdbcInteractionSource.builder("SELECT 1").watermarkColumn("id; DROP TABLE x"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("plain SQL identifier");
    assertThatThrownBy(() -> JdbcInteractionSource.builder("SELECT 1").fetchSize(0)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> JdbcInteractionSource.builder("SELECT 1").name("CRM")).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> JdbcInteractionSource.builder("SELECT 1").rowLimit(0))
        .isInstanceOf(InvalidFieldException.class).hasMessage("rowLimit '0' is invalid: must be at least 1");
    assertThatThrownBy(() -> JdbcInteractionSource.builder("SELECT 1").build()
        .importAfter(null, null, InteractionImporter.defaults(), i -> {}))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("has no watermark column");
  }
}
