package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummaries;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The compressed summaries the CLV fits consume follow the mergeable contract, and summaries compressed
 * per partition of the customers and merged, in any order, equal the summaries compressed whole: the same
 * rows, so the same fits.
 */
class CompressedSummariesPropertiesTest {

  /** Per-customer summaries over few distinct values, so that partitions share rows. */
  @Provide
  Arbitrary<List<RepeatBuyingSummary>> summaries() {
    Arbitrary<RepeatBuyingSummary> one = Combinators.combine(
        Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 3),
        Arbitraries.of(0.5, 12.25, 19.99, 40.0))
        .as((x, weeks, extra, spend) -> new RepeatBuyingSummary("c", x, x == 0 ? 0 : weeks / 2.0,
            weeks / 2.0 + extra, x == 0 ? 0 : spend, 0));
    return one.list().ofMaxSize(30);
  }

  @Provide
  Arbitrary<List<DiscreteSummary>> histories() {
    Arbitrary<DiscreteSummary> one = Combinators.combine(
        Arbitraries.integers().between(0, 4),
        Arbitraries.integers().between(0, 2),
        Arbitraries.integers().between(0, 2),
        Arbitraries.longs().between(1, 5))
        .as((x, later, more, weight) -> new DiscreteSummary(x, x == 0 ? 0 : x + later, x + later + more, weight));
    return one.list().ofMaxSize(30);
  }

  @Property(tries = 100)
  void weightedSummariesFollowTheLaws(@ForAll("summaries") List<RepeatBuyingSummary> a,
      @ForAll("summaries") List<RepeatBuyingSummary> b, @ForAll("summaries") List<RepeatBuyingSummary> c) {
    MergeableLaws.check(WeightedSummaries.empty(), WeightedSummaries.of(a), WeightedSummaries.of(b),
        WeightedSummaries.of(c));
  }

  @Property(tries = 100)
  void spendSummariesFollowTheLaws(@ForAll("summaries") List<RepeatBuyingSummary> a,
      @ForAll("summaries") List<RepeatBuyingSummary> b, @ForAll("summaries") List<RepeatBuyingSummary> c) {
    MergeableLaws.check(SpendSummaries.empty(), SpendSummaries.of(a), SpendSummaries.of(b), SpendSummaries.of(c));
  }

  @Property(tries = 100)
  void discreteSummariesFollowTheLaws(@ForAll("histories") List<DiscreteSummary> a,
      @ForAll("histories") List<DiscreteSummary> b, @ForAll("histories") List<DiscreteSummary> c) {
    MergeableLaws.check(DiscreteSummaries.empty(), DiscreteSummaries.of(a), DiscreteSummaries.of(b),
        DiscreteSummaries.of(c));
  }

  @Property(tries = 100)
  void summariesCompressedPerPartitionAndMergedEqualTheWhole(
      @ForAll("summaries") List<RepeatBuyingSummary> summaries, @ForAll("histories") List<DiscreteSummary> histories,
      @ForAll long seed) {
    WeightedSummaries weighted = mergeParts(summaries, seed, WeightedSummaries::of, WeightedSummaries::merge);
    assertThat(weighted).isEqualTo(WeightedSummaries.of(summaries));
    assertThat(weighted.rows()).isEqualTo(WeightedSummary.compress(summaries));
    assertThat(weighted.customers()).isEqualTo(summaries.size());
    SpendSummaries spend = mergeParts(summaries, seed, SpendSummaries::of, SpendSummaries::merge);
    assertThat(spend.rows()).isEqualTo(SpendSummary.compress(summaries));
    assertThat(SpendSummaries.ofRows(spend.rows())).isEqualTo(spend);
    DiscreteSummaries discrete = mergeParts(histories, seed, DiscreteSummaries::of, DiscreteSummaries::merge);
    assertThat(discrete).isEqualTo(DiscreteSummaries.of(histories));
    assertThat(discrete.customers()).isEqualTo(histories.stream().mapToLong(DiscreteSummary::weight).sum());
  }

  /** The CDNOW summaries compressed per partition give the very rows, hence the very fits, of the whole. */
  @Test
  void cdnowCompressedPerPartitionGivesTheRowsOfTheWhole() {
    List<RepeatBuyingSummary> customers = CdnowFixtures.summaryWithSpend();
    WeightedSummaries weighted = mergeParts(customers, 11, WeightedSummaries::of, WeightedSummaries::merge);
    assertThat(weighted.rows()).isEqualTo(WeightedSummary.compress(customers));
    assertThat(weighted.customers()).isEqualTo(2357);
    SpendSummaries spend = mergeParts(customers, 11, SpendSummaries::of, SpendSummaries::merge);
    assertThat(spend.rows()).isEqualTo(SpendSummary.compress(customers));
    assertThat(spend.customers()).isEqualTo(946);
    assertThat(MergeableLaws.roundTrip(weighted)).isEqualTo(weighted);
  }

  /**
   * The donations, one unit-weight history per donor, in three partitions: merged, the 22 rows of the
   * published table; the BG/BB fit on them equals the fit on the table in file order up to rounding.
   */
  @Test
  void donationsPerDonorInPartitionsGiveThePublishedTable() {
    List<DiscreteSummary> table = BgBbModelTest.readDonations();
    List<DiscreteSummary> donors = new ArrayList<>();
    for (DiscreteSummary row : table) {
      for (long i = 0; i < row.weight(); i++) {
        donors.add(new DiscreteSummary(row.frequency(), row.recency(), row.opportunities(), 1));
      }
    }
    DiscreteSummaries merged = mergeParts(donors, 5, DiscreteSummaries::of, DiscreteSummaries::merge);
    assertThat(merged).isEqualTo(DiscreteSummaries.of(table));
    assertThat(merged.rows()).hasSize(22).containsExactlyInAnyOrderElementsOf(table);
    assertThat(BgBbModelTest.WALKTHROUGH.logLikelihood(merged.rows()))
        .isCloseTo(BgBbModelTest.WALKTHROUGH.logLikelihood(table), within(1e-9));
    BgBbModel fromTable = BgBbModel.fit(table, FitOptions.defaults()).model();
    BgBbModel fromMerged = BgBbModel.fit(merged.rows(), FitOptions.defaults()).model();
    assertThat(fromMerged.alpha()).isCloseTo(fromTable.alpha(), within(1e-6));
    assertThat(fromMerged.delta()).isCloseTo(fromTable.delta(), within(1e-6));
  }

  @Test
  void spendSummariesRefuseZeroSpendOfARepeatBuyer() {
    assertThatThrownBy(() -> SpendSummaries.of(List.of(new RepeatBuyingSummary("7", 2, 3, 5, 0, 0))))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("customer 7");
    assertThat(SpendSummaries.of(List.of(new RepeatBuyingSummary("8", 0, 0, 5, 0, 0))))
        .isEqualTo(SpendSummaries.empty());
  }

  /** {@code items} split into three partitions at random, aggregated per partition, merged in random order. */
  private static <T, A extends Mergeable<A>> A mergeParts(List<T> items, long seed,
      Function<List<T>, A> aggregate, BinaryOperator<A> merge) {
    Random random = new Random(seed);
    List<List<T>> parts = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    for (T item : items) {
      parts.get(random.nextInt(3)).add(item);
    }
    List<A> aggregates = new ArrayList<>();
    parts.forEach(part -> aggregates.add(aggregate.apply(part)));
    Collections.shuffle(aggregates, random);
    return random.nextBoolean()
        ? merge.apply(merge.apply(aggregates.get(0), aggregates.get(1)), aggregates.get(2))
        : merge.apply(aggregates.get(0), merge.apply(aggregates.get(1), aggregates.get(2)));
  }
}
