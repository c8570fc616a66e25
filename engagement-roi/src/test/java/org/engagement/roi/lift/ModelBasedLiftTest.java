package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class ModelBasedLiftTest {
  /** A constant-rate baseline: every customer is expected to buy 0.5 times a week. */
  private static final ActivityBaseline HALF_PER_WEEK = (customer, weeks) -> 0.5 * weeks;

  /** Adopters of the new channel. */
  private static final Set<String> TREATED = Set.of("a", "b", "c");

  private static RepeatBuyingSummary customer(String id, int postPeriodCount) {
    return new RepeatBuyingSummary(id, 2, 10, 20, 15.0, postPeriodCount);
  }

  /** Six customers, a 4-week post-period: each is expected to buy 0.5 * 4 = 2 times. */
  private static ModelBasedLift sixCustomers() {
    List<RepeatBuyingSummary> customers = List.of(customer("a", 5), customer("b", 3), customer("c", 4),
        customer("d", 2), customer("e", 1), customer("f", 3));
    return ModelBasedLift.compare(customers, HALF_PER_WEEK, 4);
  }

  /**
   * <pre>
   * actual 5 3 4 2 1 3 = 18; expected 6 * 2 = 12; lift 6 (relative 0.5, 1 per customer)
   * exact Poisson test of 18 against mean 12 (minimum-likelihood two-sided): p = 0.1087886
   * ratio interval = Garwood interval for the mean of 18, divided by 12:
   *   (qgamma(0.025, 18), qgamma(0.975, 19)) / 12 = (10.667941, 28.447760) / 12 = (0.888995, 2.370647)
   * </pre>
   *
   * (SciPy: {@code poisson.pmf} summed over outcomes no more likely than 18; {@code gamma.ppf}.)
   */
  @Test
  void totalsAndTheExactPoissonTestAgainstAConstantRateBaseline() {
    ModelBasedLift lift = sixCustomers();

    assertThat(lift.actualTotal()).isEqualTo(18);
    assertThat(lift.expectedTotal()).isEqualTo(12.0);
    assertThat(lift.absoluteLift()).isEqualTo(6.0);
    assertThat(lift.relativeLift()).isEqualTo(0.5);
    assertThat(lift.liftPerCustomer()).isEqualTo(1.0);
    assertThat(lift.rows()).extracting(ModelBasedLift.Row::lift).containsExactly(3.0, 1.0, 2.0, 0.0, -1.0, 1.0);

    LiftEstimate total = lift.totalTest();
    assertThat(total.scale()).isEqualTo(LiftEstimate.Scale.RATIO);
    assertThat(total.estimate()).isEqualTo(1.5);
    assertThat(total.pValue()).isCloseTo(0.1087886037, within(1e-9));
    assertThat(total.interval().lower()).isCloseTo(0.888995065, within(1e-8));
    assertThat(total.interval().upper()).isCloseTo(2.370646689, within(1e-8));
  }

  /**
   * The example of R's {@code ?poisson.test} (Breslow and Day 1987, vol. 2, table 4.2): 137 deaths observed
   * where 24.19893 were expected. {@code poisson.test(137, 24.19893)}: rate 5.661407, 95 percent CI
   * 4.753125 6.692709, p-value &lt; 2.2e-16. Here ten customers with 137 purchases between them, each
   * expected to make 2.419893.
   */
  @Test
  void totalTestMatchesRsOneSamplePoissonTest() {
    List<RepeatBuyingSummary> customers = new ArrayList<>();
    int[] counts = {20, 15, 10, 12, 18, 9, 14, 11, 13, 15};
    for (int i = 0; i < counts.length; i++) {
      customers.add(customer("c" + i, counts[i]));
    }
    ModelBasedLift lift = ModelBasedLift.compare(customers, (c, t) -> 2.419893, 1);

    LiftEstimate total = lift.totalTest();
    assertThat(lift.actualTotal()).isEqualTo(137);
    assertThat(total.estimate()).isCloseTo(5.661407, within(5e-7));
    assertThat(total.interval().lower()).isCloseTo(4.753125, within(5e-7));
    assertThat(total.interval().upper()).isCloseTo(6.692709, within(5e-7));
    assertThat(total.pValue()).isLessThan(2.2e-16);
  }

  /**
   * <pre>
   * lifts 3 1 2 0 -1 1: mean 1, variance (4 + 0 + 1 + 1 + 4 + 0) / 5 = 2
   * se = sqrt(2 / 6) = 0.577350; t = 1.732051; df = 5; p = 0.1438108 (SciPy t.sf)
   * </pre>
   */
  @Test
  void meanTestIsAPairedTestOfActualAgainstExpected() {
    LiftEstimate mean = sixCustomers().meanTest();
    assertThat(mean.treatment()).isCloseTo(3.0, within(1e-12));
    assertThat(mean.control()).isCloseTo(2.0, within(1e-12));
    assertThat(mean.absoluteLift()).isCloseTo(1.0, within(1e-12));
    assertThat(mean.statistic()).isCloseTo(Math.sqrt(3), within(1e-12));
    assertThat(mean.degreesOfFreedom()).isEqualTo(5.0);
    assertThat(mean.pValue()).isCloseTo(0.1438108087, within(1e-9));
  }

  /**
   * Adopters a, b, c against d, e, f.
   *
   * <pre>
   * adopters' lifts 3 1 2: mean 2, variance 1; others' 0 -1 1: mean 0, variance 1
   * estimate 2 - 0 = 2; se = sqrt(1/3 + 1/3) = 0.816497; t = 2.449490
   * df = (2/3)^2 / ((1/3)^2 / 2 + (1/3)^2 / 2) = 4; p = 0.0704840 (SciPy t.sf)
   * adopters' mean actual 4; counterfactual = their mean expected 2 + the others' mean lift 0 = 2
   * </pre>
   */
  @Test
  void compareGroupsIsADidStyleWelchTestOnLifts() {
    LiftEstimate groups = sixCustomers().compareGroups(TREATED::contains);

    assertThat(groups.absoluteLift()).isCloseTo(2.0, within(1e-12));
    assertThat(groups.treatment()).isCloseTo(4.0, within(1e-12));
    assertThat(groups.control()).isCloseTo(2.0, within(1e-12));
    assertThat(groups.relativeLift()).isCloseTo(1.0, within(1e-12));
    assertThat(groups.statistic()).isCloseTo(Math.sqrt(6), within(1e-12));
    assertThat(groups.degreesOfFreedom()).isCloseTo(4.0, within(1e-12));
    assertThat(groups.pValue()).isCloseTo(0.0704839969, within(1e-9));
    assertThat(groups.interval().upper() - 2).isCloseTo(2.266957936, within(1e-8));
  }

  /** A shared drift (everyone one purchase above the model) cancels out between the groups. */
  @Test
  void compareGroupsIgnoresADriftSharedByEveryone() {
    ModelBasedLift shifted = ModelBasedLift.compare(
        List.of(customer("a", 6), customer("b", 4), customer("c", 5), customer("d", 3), customer("e", 2),
            customer("f", 4)), HALF_PER_WEEK, 4);
    LiftEstimate original = sixCustomers().compareGroups(TREATED::contains);
    LiftEstimate drifted = shifted.compareGroups(TREATED::contains);
    assertThat(drifted.absoluteLift()).isCloseTo(original.absoluteLift(), within(1e-12));
    assertThat(drifted.pValue()).isCloseTo(original.pValue(), within(1e-12));
    assertThat(shifted.absoluteLift()).isEqualTo(12.0);
  }

  /** The baseline sees each customer's pre-period summary and the post-period length. */
  @Test
  void baselineReceivesThePrePeriodSummaryAndPostLength() {
    ActivityBaseline historicalRate = (c, t) -> c.frequency() / c.age() * t;
    ModelBasedLift lift = ModelBasedLift.compare(List.of(customer("a", 1), customer("b", 0)), historicalRate, 5);
    // 2 repeat purchases in 20 weeks = 0.1 a week; over 5 weeks 0.5 each
    assertThat(lift.rows()).extracting(ModelBasedLift.Row::expected).containsExactly(0.5, 0.5);
    assertThat(lift.postLength()).isEqualTo(5.0);
  }

  @Test
  void rejectsBadBaselinesAndArguments() {
    List<RepeatBuyingSummary> two = List.of(customer("a", 1), customer("b", 2));
    assertThatThrownBy(() -> ModelBasedLift.compare(two, (c, t) -> Double.NaN, 1))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> {
          assertThat(e.field()).isEqualTo("expectedCount");
          assertThat(e.rule()).contains("customer a");
        });
    assertThatThrownBy(() -> ModelBasedLift.compare(two, (c, t) -> -1, 1))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("expectedCount"));
    assertThatThrownBy(() -> ModelBasedLift.compare(two, HALF_PER_WEEK, 0))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("postLength"));
    assertThatThrownBy(() -> ModelBasedLift.compare(List.of(), HALF_PER_WEEK, 1))
        .isInstanceOfSatisfying(InvalidFieldException.class, e -> assertThat(e.field()).isEqualTo("customers"));
    ModelBasedLift lift = ModelBasedLift.compare(two, HALF_PER_WEEK, 1);
    assertThatThrownBy(() -> lift.compareGroups("a"::equals))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("treated.size"));
    assertThatThrownBy(() -> lift.totalTest(1.5))
        .isInstanceOfSatisfying(InvalidFieldException.class,
            e -> assertThat(e.field()).isEqualTo("confidenceLevel"));
  }
}
