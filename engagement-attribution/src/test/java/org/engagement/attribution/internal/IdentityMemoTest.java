package org.engagement.attribution.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdentityMemoTest {

  /** One computation per input instance and setting; an equal but distinct input is computed anew. */
  @Test
  void remembersByInstanceAndSetting() {
    IdentityMemo<List<Integer>, String, Integer> memo = IdentityMemo.of(4);
    AtomicInteger computed = new AtomicInteger();
    List<Integer> input = new ArrayList<>(List.of(1, 2));
    assertThat(memo.get(input, "a", computed::incrementAndGet)).isEqualTo(1);
    assertThat(memo.get(input, "a", computed::incrementAndGet)).isEqualTo(1);
    assertThat(memo.get(input, "b", computed::incrementAndGet)).isEqualTo(2);
    assertThat(memo.get(new ArrayList<>(List.of(1, 2)), "a", computed::incrementAndGet)).isEqualTo(3);
    assertThat(computed).hasValue(3);
  }

  /** A computation that throws is not remembered: the next call computes again. */
  @Test
  void aFailedComputationIsNotRemembered() {
    IdentityMemo<Object, String, String> memo = IdentityMemo.of(4);
    Object input = new Object();
    assertThatThrownBy(() -> memo.get(input, "a", () -> {
      throw new IllegalStateException("no");
    })).isInstanceOf(IllegalStateException.class);
    assertThat(memo.get(input, "a", () -> "yes")).isEqualTo("yes");
  }
}
