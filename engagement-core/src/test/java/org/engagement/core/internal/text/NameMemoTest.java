package org.engagement.core.internal.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameMemoTest {

  @Test
  void givesTheFunctionsValueAndAsksOncePerKeptName() {
    List<String> asked = new ArrayList<>();
    NameMemo<String> memo = new NameMemo<>(name -> {
      asked.add(name);
      return TextFolding.fold(name);
    });

    assertThat(memo.of("Élan  Systems")).isEqualTo("elan systems");
    assertThat(memo.of(new String("Élan  Systems"))).isEqualTo("elan systems");
    assertThat(memo.of("ACME")).isEqualTo("acme");
    assertThat(asked).containsExactly("Élan  Systems", "ACME");
  }

  @Test
  void namesBeyondTheCapacityAreAskedEveryTimeAndStillRight() {
    List<String> asked = new ArrayList<>();
    NameMemo<Integer> memo = new NameMemo<>(name -> {
      asked.add(name);
      return name.length();
    });
    for (int i = 0; i < NameMemo.CAPACITY; i++) {
      memo.of("n" + i);
    }
    asked.clear();

    assertThat(memo.of("n0")).isEqualTo(2);
    assertThat(memo.of("beyond")).isEqualTo(6);
    assertThat(memo.of("beyond")).isEqualTo(6);
    assertThat(asked).containsExactly("beyond", "beyond");
  }

  @Test
  void refusesAFunctionThatGivesNull() {
    NameMemo<String> memo = new NameMemo<>(name -> null);

    assertThatThrownBy(() -> memo.of("x")).isInstanceOf(NullPointerException.class);
  }
}
