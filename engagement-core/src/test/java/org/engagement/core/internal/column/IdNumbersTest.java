package org.engagement.core.internal.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Ids are numbered in the order first met, found again by id, and the number gives the id back. */
class IdNumbersTest {

  @Test
  void numbersIdsInTheOrderFirstMetAsAMapWould() {
    IdNumbers numbers = new IdNumbers();
    Map<String, Integer> reference = new HashMap<>();
    List<String> byNumber = new ArrayList<>();
    SplittableRandom random = new SplittableRandom(16);
    for (int k = 0; k < 300_000; k++) {
      // digit ids that differ in their last characters, the case a plain mask of String.hashCode clusters
      String id = random.nextInt(4) == 0 ? "anon-" + random.nextInt(50_000)
          : String.format("c%07d", random.nextInt(150_000));
      Integer expected = reference.get(id);
      if (expected == null) {
        expected = byNumber.size();
        reference.put(id, expected);
        byNumber.add(id);
      }
      assertThat(numbers.numberOf(id)).isEqualTo(expected);
    }
    assertThat(numbers.size()).isEqualTo(byNumber.size());
    for (int n = 0; n < byNumber.size(); n++) {
      assertThat(numbers.id(n)).isEqualTo(byNumber.get(n));
      assertThat(numbers.find(byNumber.get(n))).isEqualTo(n);
    }
    assertThat(numbers.find("c9999999")).isEqualTo(-1);
    assertThat(numbers.size()).isEqualTo(byNumber.size());
    assertThatThrownBy(() -> numbers.id(byNumber.size())).isInstanceOf(IndexOutOfBoundsException.class);
  }
  @Test
  void findsAnIdByItsCharactersInABufferAsByItsString() {
    IdNumbers numbers = new IdNumbers();
    SplittableRandom random = new SplittableRandom(7);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String id = "c" + random.nextInt(20_000) + (i % 3 == 0 ? "é" : "");
      ids.add(id);
      numbers.numberOf(id);
    }
    for (int i = 0; i < 10_000; i++) {
      String id = i < ids.size() ? ids.get(i) : "c" + random.nextInt(40_000);
      char[] buffer = ("ab," + id + ",cd").toCharArray();
      assertThat(numbers.find(buffer, 3, id.length())).as(id).isEqualTo(numbers.find(id));
    }
    assertThat(numbers.find("xc1".toCharArray(), 1, 0)).isEqualTo(numbers.find(""));
  }
}
