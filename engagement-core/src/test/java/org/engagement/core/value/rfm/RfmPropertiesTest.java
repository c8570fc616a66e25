package org.engagement.core.value.rfm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

class RfmPropertiesTest {

  /** Every (R, F, M) satisfies the rule of exactly one named segment, and that is the one assigned. */
  @Property
  void everyScoreIsInExactlyOneSegment(@ForAll @IntRange(min = 1, max = 5) int r,
      @ForAll @IntRange(min = 1, max = 5) int f, @ForAll @IntRange(min = 1, max = 5) int m) {
    List<RfmSegment> matching = Arrays.stream(RfmSegment.values()).filter(s -> s.contains(r, f)).toList();
    assertThat(matching).hasSize(1);
    assertThat(new RfmScore(r, f, m).segment()).isEqualTo(matching.get(0));
  }

  @Property
  void everyCustomerGetsScoresInOneToFiveAndOneSegment(
      @ForAll @Size(min = 1, max = 300) List<@LongRange(min = 0, max = 800) Long> recency,
      @ForAll long seed) {
    int n = recency.size();
    long[] days = recency.stream().mapToLong(Long::longValue).toArray();
    long[] frequency = new long[n];
    double[] monetary = new double[n];
    Random random = new Random(seed);
    for (int i = 0; i < n; i++) {
      frequency[i] = 1L + random.nextInt(random.nextBoolean() ? 3 : 40);
      monetary[i] = Math.round(random.nextDouble() * 100_000) / 100.0;
    }
    RfmScores scores = RfmScores.of(days, frequency, monetary);
    for (int i = 0; i < n; i++) {
      RfmScore s = scores.score(i);
      assertThat(List.of(s.recency(), s.frequency(), s.monetary())).allMatch(x -> x >= 1 && x <= 5);
      assertThat(scores.segment(i)).isEqualTo(s.segment());
    }
    assertThat(scores.segmentCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(n);
  }

  /** Without ties, each quintile holds n/5 customers, rounded down or up. */
  @Property
  void distinctValuesFillEachQuintileWithAFifth(
      @ForAll @Size(min = 5, max = 500) @UniqueElements List<@IntRange(min = -1_000_000, max = 1_000_000) Integer> values) {
    int n = values.size();
    int[] scores = RfmScores.quintiles(values.stream().mapToDouble(Integer::doubleValue).toArray());
    int[] counts = new int[6];
    for (int score : scores) {
      counts[score]++;
    }
    for (int q = 1; q <= 5; q++) {
      assertThat(counts[q]).isBetween(n / 5, (n + 4) / 5);
    }
  }

  /** Scores never decrease as values increase, and equal values get equal scores. */
  @Property
  void scoresAreMonotoneAndTiesShareAScore(
      @ForAll @Size(max = 300) List<@IntRange(min = 0, max = 20) Integer> values) {
    double[] array = values.stream().mapToDouble(Integer::doubleValue).toArray();
    int[] scores = RfmScores.quintiles(array);
    for (int i = 0; i < array.length; i++) {
      assertThat(scores[i]).isBetween(1, 5);
      for (int j = 0; j < array.length; j++) {
        if (array[i] == array[j]) {
          assertThat(scores[i]).isEqualTo(scores[j]);
        } else if (array[i] < array[j]) {
          assertThat(scores[i]).isLessThanOrEqualTo(scores[j]);
        }
      }
    }
  }

  /** Recency is reversed: fewer days since the last purchase never scores lower. */
  @Property
  void moreRecentCustomersNeverScoreLowerOnRecency(
      @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 1000) Long> recency) {
    int n = recency.size();
    long[] days = recency.stream().mapToLong(Long::longValue).toArray();
    long[] ones = new long[n];
    Arrays.fill(ones, 1);
    RfmScores scores = RfmScores.of(days, ones, new double[n]);
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        if (days[i] < days[j]) {
          assertThat(scores.score(i).recency()).isGreaterThanOrEqualTo(scores.score(j).recency());
        }
      }
    }
  }

  /**
   * The scalar rule is the array rule (a customer's score from the count of values strictly below), and it
   * never decreases as that count grows: what lets a distributed engine score from order statistics.
   */
  @Property
  void quintileOfTheCountBelowIsTheScoreAndMonotone(
      @ForAll @Size(min = 1, max = 300) List<@IntRange(min = 0, max = 20) Integer> values) {
    double[] v = values.stream().mapToDouble(Integer::doubleValue).toArray();
    int[] scores = RfmScores.quintiles(v);
    for (int i = 0; i < v.length; i++) {
      double value = v[i];
      long below = Arrays.stream(v).filter(x -> x < value).count();
      assertThat(RfmScores.quintile(below, v.length)).isEqualTo(scores[i]);
    }
    for (long below = 1; below < v.length; below++) {
      assertThat(RfmScores.quintile(below, v.length)).isGreaterThanOrEqualTo(RfmScores.quintile(below - 1, v.length));
    }
  }
}
