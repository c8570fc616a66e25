package org.engagement.clv.prediction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class ForecastBootstrapTest {
  private static final double HORIZON = 39;

  /** BG/NBD refitted on the sample; each customer's expected purchases in the next 39 weeks. */
  private static final ForecastBootstrap.Forecaster BG_NBD = sample -> {
    ModelFit<BgNbdModel> fit = BgNbdModel.fit(WeightedSummary.compress(sample), PeriodUnit.WEEK,
        FitOptions.defaults());
    if (!fit.result().usable()) {
      throw new ArithmeticException("not converged");
    }
    BgNbdModel model = fit.model();
    return customer -> model.conditionalExpectedPurchases(customer, HORIZON);
  };

  @Test
  void theTotalIsTheFullFitsAndTheIntervalHoldsIt() {
    List<RepeatBuyingSummary> customers = Cdnow.summaries();
    ForecastTotal total = ForecastBootstrap.of(30, 7).total(customers, BG_NBD);
    double expected = customers.stream().mapToDouble(c -> Cdnow.bgNbd().conditionalExpectedPurchases(c, HORIZON))
        .sum();
    System.out.printf("CDNOW, BG/NBD, 39 weeks: %.1f [%.1f, %.1f]%n", total.estimate(), total.low(), total.high());
    assertThat(total.estimate()).isCloseTo(expected, within(1e-6 * expected));
    assertThat(total.low()).isLessThan(total.estimate());
    assertThat(total.high()).isGreaterThan(total.estimate());
    assertThat(total.resamples()).isEqualTo(30);
    assertThat(total.failed()).isZero();
    List<RepeatBuyingSummary> some = customers.subList(0, 600);
    ForecastTotal again = ForecastBootstrap.of(10, 7).total(some, BG_NBD);
    assertThat(ForecastBootstrap.of(10, 7).total(some, BG_NBD)).isEqualTo(again);
    assertThat(ForecastBootstrap.of(10, 8).total(some, BG_NBD)).isNotEqualTo(again);
  }

  /**
   * Resamples handed over as counts per customer ({@link ForecastBootstrap#totalOfCounts}) are the draws of {@link
   * ForecastBootstrap#total}: with a forecaster that fits on the counts (each drawn customer's summary repeated as
   * often) and values every customer, the total and interval are equal to the bit, failures included.
   */
  @Test
  void countedResamplesAreTheListedOnesToTheBit() {
    List<RepeatBuyingSummary> customers = Cdnow.summaries().subList(0, 800);
    ForecastBootstrap.CountingForecaster counted = draws -> {
      List<RepeatBuyingSummary> sample = new ArrayList<>();
      for (int i = 0; i < draws.length; i++) {
        for (int n = 0; n < draws[i]; n++) {
          sample.add(customers.get(i));
        }
      }
      ToDoubleFunction<RepeatBuyingSummary> forecast = BG_NBD.fit(sample);
      return customers.stream().mapToDouble(forecast).toArray();
    };
    for (long seed : new long[] {0, 7, 16}) {
      ForecastBootstrap bootstrap = ForecastBootstrap.of(12, seed).withLevel(0.9);
      assertThat(bootstrap.totalOfCounts(customers.size(), counted)).isEqualTo(bootstrap.total(customers, BG_NBD));
    }
    RepeatBuyingSummary first = customers.get(0);
    ForecastTotal listed = ForecastBootstrap.of(10, 3).total(customers, sample -> {
      if (!sample.contains(first)) {
        throw new ArithmeticException("cannot fit without the first customer");
      }
      return BG_NBD.fit(sample);
    });
    ForecastTotal countedWithFailures = ForecastBootstrap.of(10, 3).totalOfCounts(customers.size(), draws -> {
      if (draws[0] == 0) {
        throw new ArithmeticException("cannot fit without the first customer");
      }
      return counted.values(draws);
    });
    assertThat(listed.failed()).isPositive();
    assertThat(countedWithFailures).isEqualTo(listed);
    assertThatThrownBy(() -> ForecastBootstrap.of(10, 3).totalOfCounts(0, counted))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ForecastBootstrap.of(10, 3).totalOfCounts(5, draws -> new double[4]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("valued 4 customers, not 5");
  }

  /**
   * The interval is the parameters' estimation error: with four times as many customers like these (every
   * history four times) the parameters are known twice as well, so the interval is about half as wide.
   */
  @Test
  void fourTimesTheCustomersHalveTheInterval() {
    List<RepeatBuyingSummary> customers = Cdnow.summaries();
    List<RepeatBuyingSummary> fourfold = new ArrayList<>();
    for (int copy = 0; copy < 4; copy++) {
      fourfold.addAll(customers);
    }
    ForecastBootstrap bootstrap = ForecastBootstrap.of(40, 3).withLevel(0.8);
    ForecastTotal once = bootstrap.total(customers, BG_NBD);
    ForecastTotal four = bootstrap.total(fourfold, BG_NBD);
    double ratio = (four.high() - four.low()) / 4 / (once.high() - once.low());
    assertThat(ratio).isBetween(0.3, 0.7);
    assertThat(four.level()).isEqualTo(0.8);
  }

  @Test
  void resamplesThatCannotBeFittedAreCountedAndTooManyRefused() {
    List<RepeatBuyingSummary> customers = Cdnow.summaries().subList(0, 200);
    RepeatBuyingSummary first = customers.get(0);
    long inCustomers = customers.stream().filter(first::equals).count();
    ForecastBootstrap.Forecaster failsWithTheFirst = sample -> {
      if (sample.stream().filter(first::equals).count() > inCustomers) {
        throw new IllegalArgumentException("the first customer twice");
      }
      ToDoubleFunction<RepeatBuyingSummary> frequency = RepeatBuyingSummary::frequency;
      return frequency;
    };
    ForecastTotal total = ForecastBootstrap.of(50, 1).total(customers, failsWithTheFirst);
    assertThat(total.failed()).isPositive().isLessThan(50);
    ForecastBootstrap.Forecaster onlyTheWhole = sample -> {
      if (sample.stream().distinct().count() < sample.size()) {
        throw new ArithmeticException("a resample");
      }
      return RepeatBuyingSummary::frequency;
    };
    assertThatThrownBy(() -> ForecastBootstrap.of(10, 1).total(customers, onlyTheWhole))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("0 of 10");
  }

  @Test
  void badSettingsAreRefused() {
    assertThatThrownBy(() -> ForecastBootstrap.of(1, 0)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("resamples");
    assertThatThrownBy(() -> ForecastBootstrap.of(10, 0).withLevel(1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("level");
    assertThatThrownBy(() -> ForecastBootstrap.of(10, 0).total(List.of(), BG_NBD))
        .isInstanceOf(InvalidFieldException.class);
  }
}
