package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class DifferenceInDifferencesTest {

  /**
   * Four treated and four control customers, interactions per month before and after, worked by hand
   * (p-value checked with SciPy {@code t.sf(3, 5.4)}).
   *
   * <pre>
   * treated pre 2 3 1 4, post 5 4 3 6: changes 3 1 2 2, mean 2, variance 2/3
   * control pre 2 2 3 1, post 3 2 4 1: changes 1 0 1 0, mean 0.5, variance 1/3
   * DiD = 2 - 0.5 = 1.5; se = sqrt((2/3) / 4 + (1/3) / 4) = sqrt(0.25) = 0.5; t = 3
   * df = 0.25^2 / ((1/6)^2 / 3 + (1/12)^2 / 3) = 0.0625 / 0.011574 = 5.4; p = 0.0273393
   * treated post mean 4.5; counterfactual = pre mean 2.5 + control change 0.5 = 3; relative lift 1.5 / 3
   * </pre>
   */
  @Test
  void perCustomerDidUsesWelchOnTheChanges() {
    LiftEstimate test = DifferenceInDifferences.perCustomer(new double[] {2, 3, 1, 4},
        new double[] {5, 4, 3, 6}, new double[] {2, 2, 3, 1}, new double[] {3, 2, 4, 1});

    assertThat(test.method()).isEqualTo(DifferenceInDifferences.PER_CUSTOMER_METHOD);
    assertThat(test.absoluteLift()).isCloseTo(1.5, within(1e-12));
    assertThat(test.treatment()).isCloseTo(4.5, within(1e-12));
    assertThat(test.control()).isCloseTo(3.0, within(1e-12));
    assertThat(test.relativeLift()).isCloseTo(0.5, within(1e-12));
    assertThat(test.standardError()).isCloseTo(0.5, within(1e-12));
    assertThat(test.statistic()).isCloseTo(3.0, within(1e-12));
    assertThat(test.degreesOfFreedom()).isCloseTo(5.4, within(1e-12));
    assertThat(test.pValue()).isCloseTo(0.0273393098, within(1e-9));
    assertThat(test.interval().upper() - 1.5).isCloseTo(1.2571760075, within(1e-9));
  }

  /**
   * The 2x2 rate table, worked by hand (p-value from SciPy {@code norm.sf}).
   *
   * <pre>
   * treated: pre 100 / 1000 = 0.10, post 180 / 1000 = 0.18; control: pre 90 / 900 = 0.10, post 110 / 1000 = 0.11
   * DiD = (0.18 - 0.10) - (0.11 - 0.10) = 0.07; counterfactual = 0.10 + 0.01 = 0.11
   * var = 100/1000^2 + 180/1000^2 + 90/900^2 + 110/1000^2 = 5.011111e-4; se = 0.0223855
   * z = 0.07 / 0.0223855 = 3.127023; p = 0.00176586
   * </pre>
   */
  @Test
  void rateTableUsesPoissonVariances() {
    LiftEstimate test = DifferenceInDifferences.rates(Rate.of(100, 1000), Rate.of(180, 1000), Rate.of(90, 900),
        Rate.of(110, 1000));

    assertThat(test.method()).isEqualTo(DifferenceInDifferences.RATES_METHOD);
    assertThat(test.absoluteLift()).isCloseTo(0.07, within(1e-12));
    assertThat(test.treatment()).isCloseTo(0.18, within(1e-12));
    assertThat(test.control()).isCloseTo(0.11, within(1e-12));
    assertThat(test.standardError()).isCloseTo(0.0223855112, within(1e-10));
    assertThat(test.statistic()).isCloseTo(3.127022627, within(1e-8));
    assertThat(test.pValue()).isCloseTo(0.0017658634, within(1e-9));
  }

  /**
   * The 2x2 proportion table, worked by hand.
   *
   * <pre>
   * treated: pre 50 / 500 = 0.10, post 80 / 500 = 0.16; control: pre 60 / 600 = 0.10, post 66 / 600 = 0.11
   * DiD = 0.06 - 0.01 = 0.05
   * var = 0.1*0.9/500 + 0.16*0.84/500 + 0.1*0.9/600 + 0.11*0.89/600 = 7.619667e-4; se = 0.0276037
   * z = 1.811349; p = 0.0700869
   * </pre>
   */
  @Test
  void proportionTableUsesBinomialVariances() {
    LiftEstimate test = DifferenceInDifferences.proportions(Proportion.of(50, 500), Proportion.of(80, 500),
        Proportion.of(60, 600), Proportion.of(66, 600));

    assertThat(test.absoluteLift()).isCloseTo(0.05, within(1e-12));
    assertThat(test.standardError()).isCloseTo(0.0276037437, within(1e-10));
    assertThat(test.statistic()).isCloseTo(1.811348509, within(1e-8));
    assertThat(test.pValue()).isCloseTo(0.0700869212, within(1e-9));
  }

  @Test
  void rejectsUnpairedCustomers() {
    assertThatThrownBy(() -> DifferenceInDifferences.perCustomer(new double[] {1, 2}, new double[] {1, 2},
        new double[] {1, 2, 3}, new double[] {1, 2}))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("controlPost.length"));
  }
}
