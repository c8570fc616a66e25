package org.engagement.core.churn;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.segment.Segment;

class ChurnPropertiesTest {
  private static final Instant START = Instant.parse("2023-01-01T00:00:00Z");
  private static final ZoneId ZONE = ZoneId.of("Pacific/Chatham");

  static List<Interaction> interactions(int n, int customers, long seed) {
    Random random = new Random(seed);
    List<Interaction> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant at = START.plusSeconds(random.nextInt(2 * 365 * 86_400));
      list.add(ChurnFixture.touch("c" + random.nextInt(customers), at.toString(), InteractionType.OPEN));
    }
    return list;
  }

  @Property
  void churnRatesAreInZeroOneAndCountsAreConsistent(@ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 40) int customers, @ForAll @IntRange(min = 1, max = 120) int days,
      @ForAll long seed) {
    InactivityChurn churn = new InactivityChurn(Duration.ofDays(days), ZONE);
    List<ChurnPeriod> months = churn.monthly(ActivityHistory.of(interactions(n, customers, seed)),
        YearMonth.of(2023, 1), YearMonth.of(2025, 2));
    assertThat(months).hasSize(26);
    for (int k = 0; k < months.size(); k++) {
      ChurnPeriod p = months.get(k);
      assertThat(p.rate()).isBetween(0.0, 1.0);
      assertThat(p.activeAtEnd()).isLessThanOrEqualTo(customers);
      if (k > 0) {
        assertThat(p.activeAtStart()).isEqualTo(months.get(k - 1).activeAtEnd());
      }
    }
  }

  /** A segment and its complement add up to everyone, month by month. */
  @Property
  void segmentAndComplementAddUp(@ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 40) int customers, @ForAll long seed) {
    ActivityHistory history = ActivityHistory.of(interactions(n, customers, seed));
    Map<String, CustomerProfile> profiles = new HashMap<>();
    for (String id : history.customers()) {
      profiles.put(id, new CustomerProfile(Customer.of(id, START), Map.of("even", (double) (id.hashCode() & 1))));
    }
    Segment even = Segment.metricAtLeast("even", 1);
    InactivityChurn churn = new InactivityChurn(Duration.ofDays(60), ZONE);
    YearMonth from = YearMonth.of(2023, 3);
    YearMonth to = YearMonth.of(2024, 12);
    List<ChurnPeriod> all = churn.monthly(history, from, to);
    List<ChurnPeriod> in = churn.monthly(history, from, to, even, profiles);
    List<ChurnPeriod> out = churn.monthly(history, from, to, even.not(), profiles);
    for (int k = 0; k < all.size(); k++) {
      assertThat(in.get(k).activeAtStart() + out.get(k).activeAtStart()).isEqualTo(all.get(k).activeAtStart());
      assertThat(in.get(k).churned() + out.get(k).churned()).isEqualTo(all.get(k).churned());
      assertThat(in.get(k).rate()).isBetween(0.0, 1.0);
    }
  }

  @Property
  void retentionIsInZeroOneWithAFirstColumnOfOne(@ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 40) int customers, @ForAll long seed) {
    CohortRetention matrix = CohortRetention.of(ActivityHistory.of(interactions(n, customers, seed)), ZONE,
        YearMonth.of(2024, 6));
    double[][] values = matrix.matrix();
    int members = 0;
    for (int row = 0; row < values.length; row++) {
      assertThat(values[row][0]).isEqualTo(1.0);
      for (double v : values[row]) {
        assertThat(v).isBetween(0.0, 1.0);
      }
      assertThat(values[row]).hasSize(matrix.columns(row));
      members += matrix.cohortSize(row);
    }
    assertThat(members).isLessThanOrEqualTo(customers);
  }

  /** Shuffling the interactions or splitting them into merged partitions changes nothing. */
  @Property
  void orderAndPartitioningAreIrrelevant(@ForAll @IntRange(min = 0, max = 300) int n,
      @ForAll @IntRange(min = 1, max = 40) int customers, @ForAll @IntRange(min = 0, max = 300) int split,
      @ForAll long seed) {
    List<Interaction> list = interactions(n, customers, seed);
    List<Interaction> shuffled = new ArrayList<>(list);
    Collections.shuffle(shuffled, new Random(seed ^ 42));
    int cut = Math.min(split, n);
    ActivityHistory whole = ActivityHistory.of(list);
    ActivityHistory parts = ActivityHistory.of(shuffled.subList(cut, n)).merge(ActivityHistory.of(shuffled.subList(0, cut)));
    InactivityChurn churn = new InactivityChurn(Duration.ofDays(45), ZONE);
    YearMonth from = YearMonth.of(2023, 1);
    YearMonth to = YearMonth.of(2024, 12);
    assertThat(churn.monthly(parts, from, to)).isEqualTo(churn.monthly(whole, from, to));
    assertThat(CohortRetention.of(parts, ZONE, to).matrix()).isDeepEqualTo(CohortRetention.of(whole, ZONE, to).matrix());
    Instant t = START.plus(Duration.ofDays(400));
    assertThat(churn.churnMetric(parts, t)).isEqualTo(churn.churnMetric(whole, t));
  }

  /**
   * Interactions split at random into three partitions (a customer's activity often across several):
   * the laws of {@link org.engagement.core.aggregate.Mergeable} hold, the merged partitions equal the
   * history built whole, and the churn and cohort figures of the merged history are the whole's.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(@ForAll @IntRange(min = 0, max = 200) int n,
      @ForAll @IntRange(min = 1, max = 30) int customers, @ForAll long seed) {
    List<Interaction> list = interactions(n, customers, seed);
    List<List<Interaction>> parts = Partitions.ofItems(list, seed ^ 7);
    ActivityHistory a = ActivityHistory.of(parts.get(0));
    ActivityHistory b = ActivityHistory.of(parts.get(1));
    ActivityHistory c = ActivityHistory.of(parts.get(2));

    MergeableLaws.check(ActivityHistory.empty(), a, b, c);
    ActivityHistory whole = ActivityHistory.of(list);
    ActivityHistory merged = c.merge(b).merge(a);
    assertThat(merged).isEqualTo(whole);
    assertThat(merged.merge(a)).isEqualTo(whole);
    YearMonth to = YearMonth.of(2024, 12);
    assertThat(CohortRetention.of(merged, ZONE, to).matrix()).isDeepEqualTo(CohortRetention.of(whole, ZONE, to).matrix());
  }
}
