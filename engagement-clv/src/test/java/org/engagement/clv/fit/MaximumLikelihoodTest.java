package org.engagement.clv.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import org.engagement.clv.internal.fit.Domain;
import org.engagement.clv.internal.fit.LogLikelihood;
import org.engagement.clv.internal.fit.MaximumLikelihood;
import org.engagement.clv.internal.fit.Parameter;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The search on problems with closed-form answers. Two Poisson samples: {@code n1 = 10} counts summing to
 * 30 and {@code n2 = 40} summing to 20; {@code LL = s1 ln(l1) - n1 l1 + s2 ln(l2) - n2 l2}, maximised at
 * the sample means {@code l1 = 3}, {@code l2 = 0.5}, with Fisher information {@code n / l}, so {@code
 * se(l1) = sqrt(3 / 10) = 0.5477} and {@code se(l2) = sqrt(0.5 / 40) = 0.1118}.
 */
class MaximumLikelihoodTest {
  private static final LogLikelihood TWO_POISSONS =
      p -> 30 * Math.log(p[0]) - 10 * p[0] + 20 * Math.log(p[1]) - 40 * p[1];
  private static final List<Parameter> RATES =
      List.of(Parameter.positive("l1", 1), Parameter.positive("l2", 1));

  @Test
  void findsTheClosedFormMaximumAndStandardErrors() {
    FitResult fit = MaximumLikelihood.fit(RATES, TWO_POISSONS, FitOptions.defaults());
    assertThat(fit.status()).isEqualTo(FitStatus.CONVERGED);
    assertThat(fit.estimate("l1")).isCloseTo(3.0, within(1e-7));
    assertThat(fit.estimate("l2")).isCloseTo(0.5, within(1e-7));
    assertThat(fit.logLikelihood())
        .isCloseTo(30 * Math.log(3) - 30 + 20 * Math.log(0.5) - 20, within(1e-10));
    assertThat(fit.standardError("l1")).isCloseTo(Math.sqrt(0.3), within(1e-5));
    assertThat(fit.standardError("l2")).isCloseTo(Math.sqrt(0.5 / 40), within(1e-5));
    assertThat(fit.covariance()[0][1]).isCloseTo(0.0, within(1e-6));
    assertThat(fit.iterations()).isPositive();
    assertThat(fit.evaluations()).isGreaterThan(fit.iterations());
    assertThat(fit.requireConverged()).isSameAs(fit);
  }

  /** One parameter (simplex only) in the unit interval: binomial 7 of 20, p = 0.35, se = sqrt(pq/n). */
  @Test
  void fitsAProbabilityOnTheLogitScale() {
    LogLikelihood binomial = p -> 7 * Math.log(p[0]) + 13 * Math.log1p(-p[0]);
    FitResult fit = MaximumLikelihood.fit(
        List.of(new Parameter("p", Domain.UNIT_INTERVAL, 0.5)), binomial, FitOptions.defaults());
    assertThat(fit.converged()).isTrue();
    assertThat(fit.estimate("p")).isCloseTo(0.35, within(1e-5));
    assertThat(fit.standardError("p")).isCloseTo(Math.sqrt(0.35 * 0.65 / 20), within(1e-5));
  }

  @Test
  void anIterationCapIsReportedNotHidden() {
    FitResult fit = MaximumLikelihood.fit(RATES, TWO_POISSONS, FitOptions.defaults().withMaxIterations(3));
    assertThat(fit.status()).isEqualTo(FitStatus.ITERATION_LIMIT);
    assertThat(fit.converged()).isFalse();
    assertThat(fit.hasStandardErrors()).isFalse();
    assertThatThrownBy(fit::requireConverged)
        .isInstanceOfSatisfying(FitNotConvergedException.class,
            e -> assertThat(e.status()).isEqualTo(FitStatus.ITERATION_LIMIT))
        .hasMessageContaining("ITERATION_LIMIT").hasMessageContaining("l1=");
    assertThatThrownBy(() -> fit.standardError("l1")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void anEvaluationCapIsReported() {
    FitResult fit = MaximumLikelihood.fit(RATES, TWO_POISSONS, FitOptions.defaults().withMaxEvaluations(12));
    assertThat(fit.status()).isEqualTo(FitStatus.EVALUATION_LIMIT);
  }

  @Test
  void aLikelihoodThatIsNotFiniteAtTheStartIsReported() {
    FitResult fit = MaximumLikelihood.fit(RATES, p -> Double.NaN, FitOptions.defaults());
    assertThat(fit.status()).isEqualTo(FitStatus.NOT_FINITE);
    assertThatThrownBy(fit::requireConverged).isInstanceOf(FitNotConvergedException.class);
  }

  /** A ridge (only l1 + l2 matters): converges, but the Hessian is singular, so no standard errors. */
  @Test
  void aFlatDirectionGivesNoStandardErrors() {
    LogLikelihood ridge = p -> 30 * Math.log(p[0] + p[1]) - 10 * (p[0] + p[1]);
    FitResult fit = MaximumLikelihood.fit(RATES, ridge, FitOptions.defaults());
    assertThat(fit.estimate("l1") + fit.estimate("l2")).isCloseTo(3.0, within(1e-5));
    assertThat(fit.hasStandardErrors()).isFalse();
  }

  @Test
  void rejectsBadParameterLists() {
    assertThatThrownBy(() -> MaximumLikelihood.fit(List.of(), TWO_POISSONS, FitOptions.defaults()))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> MaximumLikelihood.fit(
        List.of(Parameter.positive("x", 1), Parameter.positive("x", 2)), TWO_POISSONS, FitOptions.defaults()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("twice");
    assertThatThrownBy(() -> Parameter.positive("x", -1)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> new FitOptions(0, 100, 1e-8)).isInstanceOf(InvalidFieldException.class);
  }
}
