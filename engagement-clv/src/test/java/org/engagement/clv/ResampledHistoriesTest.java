package org.engagement.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.engagement.clv.summary.CdnowSampleReader;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A bootstrap draw's histories counted per row of the buyers' own ({@link ResampledHistories}) are those compressed
 * from scratch ({@link BuyerHistories#of}): the same rows, weights, order and zero spenders, so the same fit.
 */
class ResampledHistoriesTest {
  private static final LifetimeValueAnalysis ANALYSIS = LifetimeValueAnalysis.defaults();
  private static List<RepeatBuyingSummary> buyers = List.of();

  @BeforeAll
  static void cdnowWithZeroSpenders() throws IOException {
    try (Reader in = new InputStreamReader(Objects.requireNonNull(
        ResampledHistoriesTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")), StandardCharsets.UTF_8)) {
      List<RepeatBuyingSummary> cdnow = ANALYSIS.summaries(CdnowSampleReader.read(in), LocalDate.of(1997, 9, 30));
      List<RepeatBuyingSummary> all = new ArrayList<>(cdnow);
      all.add(new RepeatBuyingSummary("free-1", 2, 10, 30, 0, 0));
      all.add(new RepeatBuyingSummary("free-2", 1, 5, 20, 0, 0));
      buyers = List.copyOf(all);
    }
  }

  @Test
  void aCountedDrawHasTheHistoriesOfTheDrawCompressed() {
    ResampledHistories draws = ResampledHistories.of(buyers);
    SplittableRandom random = new SplittableRandom(7);
    for (int k = 0; k < 20; k++) {
      List<RepeatBuyingSummary> draw = new ArrayList<>();
      int size = k == 0 ? 5 : buyers.size();
      for (int i = 0; i < size; i++) {
        draw.add(buyers.get(random.nextInt(buyers.size())));
      }
      BuyerHistories counted = draws.historiesOf(draw);
      BuyerHistories compressed = BuyerHistories.of(draw);
      assertThat(counted).isEqualTo(compressed);
      assertThat(counted.purchases().rows()).containsExactlyElementsOf(compressed.purchases().rows());
      assertThat(counted.spends().rows()).containsExactlyElementsOf(compressed.spends().rows());
      assertThat(counted.spends().zeroSpendCustomers()).isEqualTo(compressed.spends().zeroSpendCustomers());
    }
    assertThat(draws.historiesOf(buyers)).isEqualTo(BuyerHistories.of(buyers));
    assertThat(draws.historiesOf(buyers).spends().zeroSpendCustomers()).isEqualTo(2);
  }

  /** A draw given as a count per buyer has the histories of the same draw given as a list, zero spenders included. */
  @Test
  void aDrawAsCountsHasTheHistoriesOfTheDrawAsAList() {
    ResampledHistories draws = ResampledHistories.of(buyers);
    SplittableRandom random = new SplittableRandom(16);
    for (int k = 0; k < 20; k++) {
      int[] counts = new int[buyers.size()];
      List<RepeatBuyingSummary> draw = new ArrayList<>();
      int size = k == 0 ? 5 : buyers.size();
      for (int i = 0; i < size; i++) {
        int drawn = k == 1 ? buyers.size() - 1 - random.nextInt(2) : random.nextInt(buyers.size());
        counts[drawn]++;
        draw.add(buyers.get(drawn));
      }
      BuyerHistories counted = draws.historiesOf(counts);
      BuyerHistories compressed = BuyerHistories.of(draw);
      assertThat(counted).isEqualTo(compressed);
      assertThat(counted.spends().rows()).containsExactlyElementsOf(compressed.spends().rows());
      assertThat(counted.spends().zeroSpendCustomers()).isEqualTo(compressed.spends().zeroSpendCustomers());
    }
    int[] everyOnce = new int[buyers.size()];
    Arrays.fill(everyOnce, 1);
    assertThat(draws.historiesOf(everyOnce)).isEqualTo(BuyerHistories.of(buyers));
    assertThat(draws.historiesOf(everyOnce).spends().zeroSpendCustomers()).isEqualTo(2);
    assertThatThrownBy(() -> draws.historiesOf(new int[3])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("3 counts for " + buyers.size() + " buyers");
    int[] negative = new int[buyers.size()];
    negative[4] = -1;
    assertThatThrownBy(() -> draws.historiesOf(negative)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("count -1 of buyer 4 is negative");
  }

  @Test
  void theFitOnACountedDrawIsTheFitOnTheDrawToTheBit() {
    SplittableRandom random = new SplittableRandom(11);
    List<RepeatBuyingSummary> draw = new ArrayList<>();
    for (int i = 0; i < buyers.size(); i++) {
      draw.add(buyers.get(random.nextInt(buyers.size())));
    }
    LifetimeValueModels counted = ANALYSIS.fitHistories(ResampledHistories.of(buyers).historiesOf(draw));
    LifetimeValueModels compressed = ANALYSIS.fitHistories(BuyerHistories.of(draw));
    assertThat(counted.purchases()).isPresent().isEqualTo(compressed.purchases());
    assertThat(counted.spend()).isPresent().isEqualTo(compressed.spend());
  }

  /** A draw holding a summary that is not one of the buyers is compressed from scratch, with the same result. */
  @Test
  void aDrawWithAStrangerIsCompressedFromScratch() {
    List<RepeatBuyingSummary> draw = new ArrayList<>(buyers.subList(0, 50));
    draw.add(new RepeatBuyingSummary("stranger", 3, 12, 30, 20, 0));
    draw.add(buyers.get(3));
    assertThat(ResampledHistories.of(buyers).historiesOf(draw)).isEqualTo(BuyerHistories.of(draw));
  }
}
