package org.engagement.clv.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvRows;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * BG/BB on the donations data of Fader, Hardie and Shang (2010), Marketing Science 29(6), against the
 * published parameters, the BTYD walkthrough's LL and the spreadsheet values asserted in lifetimes @
 * 4f2833f4 {@code tests/} (see {@code src/test/resources/donations/README.md}).
 */
class BgBbModelTest {
  /** The BTYD walkthrough's estimates. */
  static final BgBbModel WALKTHROUGH = new BgBbModel(1.203507, 0.7497667, 0.6567568, 2.783887);

  private static List<DiscreteSummary> donations = List.of();
  private static ModelFit<BgBbModel> fit;

  @BeforeAll
  static void fitDonations() {
    donations = readDonations();
    fit = BgBbModel.fit(donations, FitOptions.defaults());
  }

  /** FHS 2010: alpha 1.204, beta 0.750, gamma 0.657, delta 2.783; BTYD walkthrough LL -33225.58. */
  @Test
  void reproducesThePublishedFit() {
    FitResult result = fit.result();
    assertThat(result.status()).isEqualTo(FitStatus.CONVERGED);
    BgBbModel model = fit.model();
    assertThat(model.alpha()).isCloseTo(1.204, within(1e-3));
    assertThat(model.beta()).isCloseTo(0.750, within(1e-3));
    assertThat(model.gamma()).isCloseTo(0.657, within(1e-3));
    assertThat(model.delta()).isCloseTo(2.783, within(2e-3));
    assertThat(result.logLikelihood()).isCloseTo(-33225.58, within(5e-3));
    assertThat(WALKTHROUGH.logLikelihood(donations)).isCloseTo(-33225.58, within(5e-3));
    assertThat(model.parameters()).containsOnlyKeys("alpha", "beta", "gamma", "delta");
    assertThat(result.hasStandardErrors()).isTrue();
  }

  /**
   * Hardie's BG/BB spreadsheet (lifetimes tests, 2 dp): P(alive in 2002) for (0, 0), (2, 4), (6, 6) of
   * n = 6 is 0.11, 0.59, 0.93 (0.1081, 0.5897, 0.9304 here).
   */
  @Test
  void probabilityAlive() {
    BgBbModel model = fit.model();
    assertThat(model.probabilityAlive(0, 0, 6)).isCloseTo(0.11, within(5e-3));
    assertThat(model.probabilityAlive(2, 4, 6)).isCloseTo(0.59, within(5e-3));
    assertThat(model.probabilityAlive(6, 6, 6)).isCloseTo(0.93, within(5e-3))
        .isEqualTo(model.probabilityAlive(new DiscreteSummary(6, 6, 6, 1)));
  }

  /** Hardie's spreadsheet (lifetimes tests): sum of weights x E[gifts in 2002-2006] = 12884.2 (12884.16 here). */
  @Test
  void conditionalExpectationOverTheCohort() {
    BgBbModel model = fit.model();
    double total = 0;
    for (DiscreteSummary d : donations) {
      total += d.weight() * model.conditionalExpectedPurchases(d, 5);
    }
    assertThat(total).isCloseTo(12884.2, within(0.5));
  }

  /**
   * Hardie's spreadsheet (lifetimes tests): 11,104 P(X(6) = 0) = 3454.9 and 11,104 P(X(6) = 6) = 1253.1;
   * the pmf sums to 1 and has mean E[X(6)].
   */
  @Test
  void distributionOfPurchases() {
    BgBbModel model = fit.model();
    assertThat(11_104 * model.probabilityOfPurchases(0, 6)).isCloseTo(3454.9, within(0.1));
    assertThat(11_104 * model.probabilityOfPurchases(6, 6)).isCloseTo(1253.1, within(0.1));
    double total = 0;
    double mean = 0;
    for (int x = 0; x <= 6; x++) {
      total += model.probabilityOfPurchases(x, 6);
      mean += x * model.probabilityOfPurchases(x, 6);
    }
    assertThat(total).isCloseTo(1, within(1e-12));
    assertThat(mean).isCloseTo(model.expectedPurchases(6), withinPercentage(1e-10));
    assertThat(model.probabilityOfPurchases(7, 6)).isZero();
  }

  /**
   * One opportunity by hand, alpha = beta = gamma = delta = 1: alive with probability E[1 - theta] =
   * 1/2, then buys with E[p] = 1/2, so E[X(1)] = 1/4 and P(X(1) = 1) = 1/4. For the history (0, 0, 1)
   * the likelihood is B(1, 2) B(1, 2) + B(1, 1) B(2, 1) = 1/4 + 1/2 = 3/4 (the two beta functions of the
   * norm are 1), and P(alive at 2) = B(1, 2) B(1, 3) / (3/4) = (1/2)(1/3) / (3/4) = 2/9.
   */
  @Test
  void handWorkedSinglePeriod() {
    BgBbModel flat = new BgBbModel(1, 1, 1, 1);
    assertThat(flat.expectedPurchases(1)).isCloseTo(0.25, within(1e-14));
    assertThat(flat.probabilityOfPurchases(1, 1)).isCloseTo(0.25, within(1e-14));
    assertThat(flat.logLikelihood(List.of(new DiscreteSummary(0, 0, 1, 1))))
        .isCloseTo(Math.log(0.75), within(1e-14));
    assertThat(flat.probabilityAlive(0, 0, 1)).isCloseTo(2.0 / 9, within(1e-14));
    assertThat(flat.expectedPurchases(0)).isZero();
  }

  /** More opportunities never mean fewer expected purchases, and a gamma of exactly 1 is no special case. */
  @Test
  void expectationsGrowWithTheHorizon() {
    BgBbModel atGammaOne = new BgBbModel(1.2, 0.75, 1, 2.8);
    double previous = 0;
    for (int n = 1; n <= 50; n++) {
      double next = atGammaOne.expectedPurchases(n);
      assertThat(next).isGreaterThan(previous);
      assertThat(atGammaOne.conditionalExpectedPurchases(2, 4, 6, n))
          .isGreaterThan(atGammaOne.conditionalExpectedPurchases(2, 4, 6, n - 1));
      previous = next;
    }
  }

  @Test
  void rejectsImpossibleHistories() {
    assertThatThrownBy(() -> new DiscreteSummary(3, 2, 6, 1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("frequency");
    assertThatThrownBy(() -> new DiscreteSummary(0, 2, 6, 1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new DiscreteSummary(1, 7, 6, 1)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("recency");
    assertThatThrownBy(() -> WALKTHROUGH.probabilityAlive(1, 0, 6)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> WALKTHROUGH.conditionalExpectedPurchases(1, 1, 6, -1))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("nStar");
    assertThatThrownBy(() -> BgBbModel.fit(List.of(), FitOptions.defaults()))
        .isInstanceOf(InvalidFieldException.class);
  }

  static List<DiscreteSummary> readDonations() {
    List<DiscreteSummary> rows = new ArrayList<>();
    try (CsvRows csv = CsvRows.open(new InputStreamReader(Objects.requireNonNull(
        BgBbModelTest.class.getResourceAsStream("/donations/donations.csv")), StandardCharsets.UTF_8))) {
      List<String> row = new ArrayList<>();
      csv.next(row);
      while (csv.next(row) >= 0) {
        rows.add(new DiscreteSummary(Integer.parseInt(row.get(0)), Integer.parseInt(row.get(1)),
            Integer.parseInt(row.get(2)), Long.parseLong(row.get(3))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(rows).hasSize(22);
    assertThat(rows.stream().mapToLong(DiscreteSummary::weight).sum()).isEqualTo(11_104);
    return rows;
  }
}
