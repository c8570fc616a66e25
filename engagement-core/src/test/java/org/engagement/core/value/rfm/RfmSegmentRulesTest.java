package org.engagement.core.value.rfm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class RfmSegmentRulesTest {
  private final RfmSegmentRules rules = RfmSegmentRules.rPackageExample();

  /**
   * Cells worked through the ordered rules by hand. 555: Champions, the first rule. 545: misses Champions
   * (F 4), is Potential Loyalist (R 3-5, F 3-5, M 2-5). 333: Potential Loyalist too, because that rule
   * comes before Loyal Customers. 222: Loyal Customers. 431: misses Potential Loyalist, Loyal Customers
   * and Promising on M 1, is New Customers (R 4-5, F 1-3). 144: misses the first five rules on R, is
   * Can't Lose Them. 125: F 2 is outside Can't Lose Them's 3-4, so At Risk. 111: Lost. 211: About To Sleep
   * (R 2-3, F 1-3, M 1-4). 251: Loyal Customers and About To Sleep fail on F 5, At Risk and Need Attention
   * on M 1, Lost on R 2, so the fallback Others.
   */
  @Test
  void firstMatchingRuleWinsAndTheRestIsTheFallback() {
    assertThat(rules.segmentOf(new RfmScore(5, 5, 5))).isEqualTo("Champions");
    assertThat(rules.segmentOf(new RfmScore(5, 4, 5))).isEqualTo("Potential Loyalist");
    assertThat(rules.segmentOf(new RfmScore(3, 3, 3))).isEqualTo("Potential Loyalist");
    assertThat(rules.segmentOf(new RfmScore(2, 2, 2))).isEqualTo("Loyal Customers");
    assertThat(rules.segmentOf(new RfmScore(4, 3, 1))).isEqualTo("New Customers");
    assertThat(rules.segmentOf(new RfmScore(1, 4, 4))).isEqualTo("Can't Lose Them");
    assertThat(rules.segmentOf(new RfmScore(1, 2, 5))).isEqualTo("At Risk");
    assertThat(rules.segmentOf(new RfmScore(1, 1, 1))).isEqualTo("Lost");
    assertThat(rules.segmentOf(new RfmScore(2, 1, 1))).isEqualTo("About To Sleep");
    assertThat(rules.segmentOf(new RfmScore(2, 5, 1))).isEqualTo("Others");
  }

  @Test
  void countsListEveryRuleThenTheFallback() {
    RfmScores scores = RfmScores.of(new long[] {1, 500}, new long[] {9, 1}, new double[] {100, 1});
    // n = 2: the better customer has b = 1 on each score, 1 + floor(5 * 1 / 2) = 3, so (3, 3, 3).
    assertThat(scores.score(0)).isEqualTo(new RfmScore(3, 3, 3));
    assertThat(scores.score(1)).isEqualTo(new RfmScore(1, 1, 1));
    assertThat(rules.counts(scores)).containsExactly(
        entry("Champions", 0), entry("Potential Loyalist", 1), entry("Loyal Customers", 0),
        entry("Promising", 0), entry("New Customers", 0), entry("Can't Lose Them", 0), entry("At Risk", 0),
        entry("Need Attention", 0), entry("About To Sleep", 0), entry("Lost", 1), entry("Others", 0));
  }

  private static Map.Entry<String, Integer> entry(String name, int count) {
    return Map.entry(name, count);
  }

  @Test
  void rejectsBadRules() {
    assertThatThrownBy(() -> new RfmSegmentRule("x", 4, 3, 1, 5, 1, 5))
        .isInstanceOf(InvalidFieldException.class).hasMessage("recencyHigh '3' is invalid: must not be below recencyLow (4)");
    assertThatThrownBy(() -> new RfmSegmentRule("x", 0, 3, 1, 5, 1, 5)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new RfmSegmentRule(" ", 1, 3, 1, 5, 1, 5)).isInstanceOf(InvalidFieldException.class);
    RfmSegmentRule a = new RfmSegmentRule("a", 1, 5, 1, 5, 1, 5);
    assertThatThrownBy(() -> new RfmSegmentRules(List.of(a, a), "Others"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> new RfmSegmentRules(List.of(a), "a")).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new RfmSegmentRules(List.of(), "Others")).isInstanceOf(InvalidFieldException.class);
  }
}
