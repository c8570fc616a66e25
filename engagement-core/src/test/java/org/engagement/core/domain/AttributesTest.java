package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributesTest {

  @Test
  void keepsTypedValuesInInsertionOrder() {
    Attributes a = Attributes.builder().put("plan", "pro").put("seats", 12).put("score", 0.5)
        .put("vip", true).put("since", Instant.EPOCH).build();
    assertThat(a.asMap().keySet()).containsExactly("plan", "seats", "score", "vip", "since");
    assertThat(a.getString("plan")).contains("pro");
    assertThat(a.getLong("seats")).contains(12L);
    assertThat(a.getDouble("score")).contains(0.5);
    assertThat(a.getBoolean("vip")).contains(true);
    assertThat(a.getInstant("since")).contains(Instant.EPOCH);
    assertThat(a.getLong("plan")).isEmpty();
  }

  @Test
  void refusesBadKeysAndValuesNamingThem() {
    assertThatThrownBy(() -> Attributes.of("bad key", "x")).hasMessageStartingWith("attribute key 'bad key'");
    assertThatThrownBy(() -> Attributes.of("score", Double.NaN)).hasMessageStartingWith("score 'NaN'");
    assertThatThrownBy(() -> Attributes.of("list", new Object()))
        .hasMessageContaining("must be a String, Long, Integer, Double, Boolean or Instant");
    assertThatThrownBy(() -> Attributes.of("text", "x".repeat(Attributes.MAX_STRING_LENGTH + 1)))
        .hasMessageContaining("at most 65536 characters");
  }

  @Test
  void equalityIsByContent() {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put("a", "1");
    assertThat(Attributes.copyOf(map)).isEqualTo(Attributes.of("a", "1")).hasSameHashCodeAs(Attributes.of("a", "1"));
    assertThat(Attributes.copyOf(Map.of())).isSameAs(Attributes.empty());
  }
}
