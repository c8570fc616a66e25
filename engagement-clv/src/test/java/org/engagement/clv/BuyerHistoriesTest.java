package org.engagement.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.summary.CdnowSampleReader;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummaries;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fit from merged aggregates ({@link LifetimeValueAnalysis#fitHistories}) is the in-process fit: the
 * CDNOW buyers cut into parts, each part's {@link BuyerHistories} merged, give the models of
 * {@link LifetimeValueAnalysis#fitSummaries} on all of them, to the bit.
 */
class BuyerHistoriesTest {
  private static final LifetimeValueAnalysis ANALYSIS = LifetimeValueAnalysis.defaults();
  private static List<RepeatBuyingSummary> summaries = List.of();

  @BeforeAll
  static void cdnow() throws IOException {
    try (Reader in = new InputStreamReader(Objects.requireNonNull(
        BuyerHistoriesTest.class.getResourceAsStream("/cdnow/CDNOW_sample.txt")), StandardCharsets.UTF_8)) {
      summaries = ANALYSIS.summaries(CdnowSampleReader.read(in), LocalDate.of(1997, 9, 30));
    }
  }

  @Test
  void mergedPartsFitTheModelsOfTheWholeToTheBit() {
    BuyerHistories merged = BuyerHistories.empty();
    for (int from = 0; from < summaries.size(); from += 500) {
      merged = merged.merge(BuyerHistories.of(summaries.subList(from, Math.min(summaries.size(), from + 500))));
    }
    LifetimeValueModels models = ANALYSIS.fitHistories(merged);
    FittedLifetimeValue whole = ANALYSIS.fitSummaries(summaries).fitted().orElseThrow();

    assertThat(merged).isEqualTo(BuyerHistories.of(summaries));
    assertThat(models.purchases()).contains(whole.purchases());
    assertThat(models.spend()).contains(whole.spend());
    assertThat(models.buyers()).isEqualTo(2357);
    assertThat(models.repeatBuyers()).isEqualTo(946);
    assertThat(models.zeroSpendBuyers()).isZero();
    assertThat(models.reason()).isEmpty();
    assertThat(models.purchaseSearch().orElseThrow().converged()).isTrue();
  }

  @Test
  void tooFewRepeatBuyersGiveTheInProcessReason() {
    LifetimeValueAnalysis strict =
        LifetimeValueAnalysis.of(LifetimeValueSettings.defaults().withMinimumRepeatBuyers(947));
    LifetimeValueModels models = strict.fitHistories(BuyerHistories.of(summaries));

    assertThat(models.purchases()).isEmpty();
    assertThat(models.purchaseSearch()).isEmpty();
    assertThat(models.reason()).isEqualTo(strict.fitSummaries(summaries).reason());
    assertThat(models.reason()).contains("only 946 customers bought twice; the models need more");
  }

  @Test
  void zeroSpendRepeatBuyersAreCountedAndLeftOutOfTheSpendRows() {
    List<RepeatBuyingSummary> withZero = new ArrayList<>(summaries);
    withZero.add(new RepeatBuyingSummary("free-orders", 2, 10, 30, 0, 0));
    BuyerHistories histories = BuyerHistories.of(withZero);

    assertThat(histories.repeatBuyers()).isEqualTo(947);
    assertThat(histories.spends().customers()).isEqualTo(946);
    assertThat(ANALYSIS.fitHistories(histories).zeroSpendBuyers()).isEqualTo(1);
  }

  @Test
  void spendRowsThatDoNotAccountForTheRepeatBuyersAreRefused() {
    WeightedSummaries purchases = WeightedSummaries.of(summaries);
    SpendSummaries half = SpendSummaries.leavingOutZeroSpend(summaries.subList(0, summaries.size() / 2));

    assertThatThrownBy(() -> new BuyerHistories(purchases, half)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("spends").hasMessageContaining("946 repeat buyers");
  }

  @Test
  void aShippedAggregateEqualsTheOriginal() throws IOException, ClassNotFoundException {
    BuyerHistories histories = BuyerHistories.of(summaries);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(histories);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertThat(in.readObject()).isEqualTo(histories);
    }
  }
}
