package org.engagement.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the summary and its compression over random transaction lists. */
class RepeatBuyingSummariesPropertiesTest {
  private static final LocalDate START = LocalDate.of(2020, 1, 1);
  private static final LocalDate CAL_END = START.plusDays(60);
  private static final LocalDate OBS_END = START.plusDays(100);

  @Provide
  Arbitrary<List<Transaction>> transactions() {
    Arbitrary<Transaction> one = Combinators.combine(
        Arbitraries.of("a", "b", "c", "d", "e"),
        Arbitraries.integers().between(0, 120),
        Arbitraries.integers().between(0, 10_000))
        .as((id, day, cents) -> new Transaction(id, START.plusDays(day), cents / 100.0));
    return one.list().ofMaxSize(40);
  }

  @Property(tries = 200)
  void frequencyAndRecencyAreBounded(@ForAll("transactions") List<Transaction> transactions,
      @ForAll PeriodUnit unit, @ForAll FirstPurchase convention) {
    SummaryOptions options = SummaryOptions.of(unit, CAL_END).withObservationEnd(OBS_END)
        .withFirstPurchase(convention);
    Map<String, Long> counts = transactions.stream()
        .filter(t -> !t.date().isAfter(CAL_END))
        .collect(Collectors.groupingBy(Transaction::customerId, Collectors.counting()));
    for (RepeatBuyingSummary s : RepeatBuyingSummaries.summarize(transactions, options)) {
      long n = counts.get(s.customerId());
      long bound = convention == FirstPurchase.EXCLUDED ? n - 1 : n;
      assertThat((long) s.frequency()).isLessThanOrEqualTo(bound);
      assertThat(s.recency()).isBetween(0.0, s.age());
      if (convention == FirstPurchase.EXCLUDED && s.frequency() == 0) {
        assertThat(s.recency()).isZero();
        assertThat(s.meanSpend()).isZero();
      }
    }
  }

  @Property(tries = 200)
  void compressionPreservesTotals(@ForAll("transactions") List<Transaction> transactions) {
    List<RepeatBuyingSummary> rows = RepeatBuyingSummaries.summarize(
        transactions, SummaryOptions.of(PeriodUnit.WEEK, CAL_END));
    List<WeightedSummary> compressed = WeightedSummary.compress(rows);
    assertThat(compressed.stream().mapToLong(WeightedSummary::weight).sum()).isEqualTo(rows.size());
    assertThat(compressed.stream().mapToLong(w -> w.frequency() * w.weight()).sum())
        .isEqualTo(rows.stream().mapToLong(RepeatBuyingSummary::frequency).sum());
    assertThat(compressed.stream().map(w -> List.of(w.frequency(), w.recency(), w.age())).distinct().count())
        .isEqualTo(compressed.size());
    Map<List<Object>, Long> expected = rows.stream().collect(Collectors.groupingBy(
        s -> List.<Object>of(s.frequency(), s.recency(), s.age()), Collectors.counting()));
    assertThat(compressed.stream().collect(Collectors.toMap(
        w -> List.<Object>of(w.frequency(), w.recency(), w.age()), WeightedSummary::weight)))
        .isEqualTo(expected);
  }
}
