package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class RepeatedValuesTest {

  @Property(tries = 100)
  void alwaysGivesTheTextOfItsCharacters(
      @ForAll @Size(max = 1500) List<@StringLength(max = 80) String> values) {
    RepeatedValues repeated = new RepeatedValues();
    for (String value : values) {
      char[] chars = ("<" + value + ">").toCharArray();
      assertThat(repeated.of(chars, 1, value.length())).isEqualTo(value);
    }
  }

  @Test
  void aRepeatedValueIsOneStringAndItsHashIsTheStringsOwn() {
    RepeatedValues repeated = new RepeatedValues();
    char[] row = "click,visit,click".toCharArray();
    String first = repeated.of(row, 0, 5);
    assertThat(repeated.of(row, 6, 5)).isEqualTo("visit");
    assertThat(repeated.of(row, 12, 5)).isSameAs(first).isEqualTo("click");
    assertThat(repeated.of(row, 0, 0)).isSameAs("");
  }

  @Test
  void valuesThatShareTheirPlacingCharactersStayApart() {
    // same length, same first, middle, quarter and last characters: one pair of slots
    RepeatedValues repeated = new RepeatedValues();
    String[] values = {"aXaYa", "aZaWa", "aQaRa"};
    for (int round = 0; round < 3; round++) {
      for (String value : values) {
        assertThat(repeated.of(value.toCharArray(), 0, 5)).isEqualTo(value);
      }
    }
  }

  @Test
  void aColumnThatDoesNotRepeatIsLeftAloneAfterItsTrialAndStillReadsRight() {
    RepeatedValues repeated = new RepeatedValues();
    for (int i = 0; i < 5_000; i++) {
      char[] id = ("evt-" + i).toCharArray();
      assertThat(repeated.of(id, 0, id.length)).isEqualTo("evt-" + i);
    }
    char[] again = "evt-4999".toCharArray();
    String once = repeated.of(again, 0, again.length);
    assertThat(repeated.of(again, 0, again.length)).isEqualTo(once).isNotSameAs(once);
  }

  @Test
  void aColumnThatRepeatsKeepsSharingAfterItsTrial() {
    RepeatedValues repeated = new RepeatedValues();
    String[] devices = {"web", "ios", "android", "tv"};
    for (int i = 0; i < 5_000; i++) {
      String device = devices[i % devices.length];
      assertThat(repeated.of(device.toCharArray(), 0, device.length())).isEqualTo(device);
    }
    char[] web = "web".toCharArray();
    assertThat(repeated.of(web, 0, 3)).isSameAs(repeated.of(web, 0, 3));
  }
}
