package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class JourneySetTest {

  @Test
  void internsChannelsInLexicographicOrderAndGroupsPaths() {
    JourneySet set = JourneySet.builder()
        .add(List.of("b", "a", "b"), 1, 10, 0)
        .add(List.of("c"), 0, 0, 4)
        .add(List.of("b", "a", "b"), 0.5, 2, 1)
        .build();
    assertThat(set.channels().names()).containsExactly("a", "b", "c");
    assertThat(set.channels().id("c")).hasValue(2);
    assertThat(set.channels().id("zz")).isEmpty();
    assertThat(set.pathCount()).isEqualTo(2);
    assertThat(set.path(0)).containsExactly(1, 0, 1);
    assertThat(set.start(1)).isEqualTo(3);
    assertThat(set.end(1)).isEqualTo(4);
    assertThat(set.length(0)).isEqualTo(3);
    assertThat(set.conversions(0)).isEqualTo(1.5);
    assertThat(set.value(0)).isEqualTo(12);
    assertThat(set.nulls(0)).isEqualTo(1);
    assertThat(set.totalConversions()).isEqualTo(1.5);
    assertThat(set.totalValue()).isEqualTo(12);
    assertThat(set.totalNulls()).isEqualTo(5);
  }

  @Test
  void mergeAddsCountsAndReinternsChannels() {
    JourneySet left = JourneySet.builder().add(List.of("a", "b"), 1, 5, 2).build();
    JourneySet right = JourneySet.builder().add(List.of("c"), 1, 1, 0).add(List.of("a", "b"), 2, 3, 1).build();
    JourneySet merged = left.merge(right);
    assertThat(merged.channels().names()).containsExactly("a", "b", "c");
    assertThat(merged.pathCount()).isEqualTo(2);
    assertThat(merged.pathNames(0)).containsExactly("a", "b");
    assertThat(merged.conversions(0)).isEqualTo(3);
    assertThat(merged.value(0)).isEqualTo(8);
    assertThat(merged.nulls(0)).isEqualTo(3);
    assertThat(merged.totalConversions()).isEqualTo(4);
    assertThat(merged.totalValue()).isEqualTo(9);
  }

  @Test
  void refusesBadChannelsAndCounts() {
    JourneySet.Builder builder = JourneySet.builder();
    assertThatThrownBy(() -> builder.add(List.of(), 1, 0, 0))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("path");
    assertThatThrownBy(() -> builder.add(List.of("a>b"), 1, 0, 0))
        .hasMessage("channel 'a>b' is invalid: must not contain '>' (the path separator)");
    assertThatThrownBy(() -> builder.add(List.of(" a"), 1, 0, 0))
        .hasMessage("channel ' a' is invalid: must not start or end with white space");
    assertThatThrownBy(() -> builder.add(List.of(" "), 1, 0, 0))
        .hasMessage("channel ' ' is invalid: must not be blank");
    assertThatThrownBy(() -> builder.add(List.of("a"), -1, 0, 0))
        .hasMessage("total_conversions '-1.0' is invalid: must not be negative");
    assertThatThrownBy(() -> builder.add(List.of("a"), 1, Double.NaN, 0))
        .hasMessage("total_conversion_value 'NaN' is invalid: must be a finite number");
    assertThatThrownBy(() -> builder.add(List.of("a"), 1, 0, Double.POSITIVE_INFINITY))
        .hasMessage("total_null 'Infinity' is invalid: must be a finite number");
    assertThat(builder.build().pathCount()).isZero();
    assertThat(builder.build().channels().size()).isZero();
  }

  @Test
  void growsPastItsInitialCapacity() {
    JourneySet.Builder builder = JourneySet.builder();
    for (int i = 0; i < 1000; i++) {
      builder.add(List.of("c" + (i % 7), "d" + i, "e"), 1, 1, 1);
    }
    JourneySet set = builder.build();
    assertThat(set.pathCount()).isEqualTo(1000);
    assertThat(set.touchCount()).isEqualTo(3000);
    assertThat(JourneySetPropertiesTest.content(set)).containsEntry(List.of("c5", "d999", "e"), List.of(1.0, 1.0, 1.0));
    assertThat(set.totalConversions()).isEqualTo(1000);
  }
}
