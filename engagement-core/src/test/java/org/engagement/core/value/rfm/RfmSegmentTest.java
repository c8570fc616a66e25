package org.engagement.core.value.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class RfmSegmentTest {

  /** The grid as a picture: row R = 5 at the top, columns F = 1..5, one letter per segment. */
  @Test
  void theGridMatchesTheDocumentedTable() {
    String[] rows = {
        // F: 1    2    3    4    5
        "N P P C C", // R = 5: New, Potential, Potential, Champions, Champions
        "O P P L L", // R = 4: prOmising, Potential, Potential, Loyal, Loyal
        "S S A L L", // R = 3: about to Sleep x2, need Attention, Loyal x2
        "H H R R K", // R = 2: Hibernating x2, at Risk x2, can't lose (K)
        "X H R R K", // R = 1: lost (X), Hibernating, at Risk x2, can't lose (K)
    };
    Map<Character, RfmSegment> letters = Map.ofEntries(
        Map.entry('C', RfmSegment.CHAMPIONS), Map.entry('L', RfmSegment.LOYAL_CUSTOMERS),
        Map.entry('P', RfmSegment.POTENTIAL_LOYALISTS), Map.entry('N', RfmSegment.NEW_CUSTOMERS),
        Map.entry('O', RfmSegment.PROMISING), Map.entry('A', RfmSegment.NEED_ATTENTION),
        Map.entry('S', RfmSegment.ABOUT_TO_SLEEP), Map.entry('R', RfmSegment.AT_RISK),
        Map.entry('K', RfmSegment.CANT_LOSE_THEM), Map.entry('H', RfmSegment.HIBERNATING),
        Map.entry('X', RfmSegment.LOST));
    Map<RfmSegment, Integer> cells = new EnumMap<>(RfmSegment.class);
    for (int r = 5; r >= 1; r--) {
      String[] row = rows[5 - r].split(" ", -1);
      for (int f = 1; f <= 5; f++) {
        RfmSegment expected = letters.get(row[f - 1].charAt(0));
        assertThat(RfmSegment.of(r, f)).as("R=%d F=%d", r, f).isEqualTo(expected);
        cells.merge(expected, 1, Integer::sum);
      }
    }
    assertThat(cells).hasSize(11);
    assertThat(cells).containsEntry(RfmSegment.HIBERNATING, 3).containsEntry(RfmSegment.LOST, 1)
        .containsEntry(RfmSegment.LOYAL_CUSTOMERS, 4).containsEntry(RfmSegment.CHAMPIONS, 2);
  }

  @Test
  void namesAreTheUsualOnes() {
    assertThat(RfmSegment.values()).extracting(RfmSegment::displayName).containsExactly(
        "Champions", "Loyal Customers", "Potential Loyalists", "New Customers", "Promising",
        "Need Attention", "About to Sleep", "At Risk", "Can't Lose Them", "Hibernating", "Lost");
    assertThat(RfmSegment.CANT_LOSE_THEM).hasToString("Can't Lose Them");
  }

  @Test
  void rejectsScoresOutsideOneToFive() {
    assertThatThrownBy(() -> RfmSegment.of(0, 3)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("recencyScore '0' is invalid: must be between 1 and 5");
    assertThatThrownBy(() -> RfmSegment.of(3, 6)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> RfmSegment.LOST.contains(1, 0)).isInstanceOf(InvalidFieldException.class);
  }
}
