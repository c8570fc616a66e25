package org.engagement.clv.internal.fit;

import static java.util.Objects.requireNonNull;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.optim.InitialGuess;
import org.hipparchus.optim.MaxEval;
import org.hipparchus.optim.MaxIter;
import org.hipparchus.optim.SimpleBounds;
import org.hipparchus.optim.SimpleValueChecker;
import org.hipparchus.optim.nonlinear.scalar.GoalType;
import org.hipparchus.optim.nonlinear.scalar.ObjectiveFunction;
import org.hipparchus.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.hipparchus.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.hipparchus.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.jspecify.annotations.Nullable;

/**
 * Maximises a {@link LogLikelihood} over a model's {@link Parameter}s.
 *
 * <p>The search runs on the transformed scale of each parameter's {@link Domain} (log for positive
 * parameters), so every trial point is legal and the surface is closer to quadratic. It has two stages,
 * both from Hipparchus: a Nelder-Mead simplex ({@link SimplexOptimizer}, side 0.5 on the transformed
 * scale), which tolerates a poor start, then a BOBYQA polish ({@link BOBYQAOptimizer}, unbounded, trust
 * region from 0.1 down to {@code 1e-9}), which converges quickly and precisely near the maximum where a
 * simplex stalls. Models with one parameter use the simplex only. A stage stopped by a limit of {@link
 * FitOptions} gives a {@link FitStatus} other than {@link FitStatus#CONVERGED} and the best point
 * evaluated; nothing fails silently. Standard errors come from {@link FitResult}.
 *
 * <p>Stateless and thread-safe; the log-likelihood is only called from the calling thread.
 *
 * @since 0.1.0
 */
public final class MaximumLikelihood {
  private static final double SIMPLEX_SIDE = 0.5;
  private static final double POLISH_START_RADIUS = 0.1;
  private static final double POLISH_STOP_RADIUS = 1e-9;

  private MaximumLikelihood() {}

  /**
   * Fits {@code parameters} by maximising {@code logLikelihood} from their start values.
   *
   * @throws InvalidFieldException if {@code parameters} is empty or names a parameter twice
   */
  public static FitResult fit(List<Parameter> parameters, LogLikelihood logLikelihood, FitOptions options) {
    requireNonNull(logLikelihood, "logLikelihood");
    requireNonNull(options, "options");
    List<Parameter> params = List.copyOf(parameters);
    List<String> names = names(params);
    SearchObjective objective = new SearchObjective(params, logLikelihood);
    if (!Double.isFinite(objective.value(objective.start()))) {
      return result(names, objective, FitStatus.NOT_FINITE, 0, 1);
    }
    SimplexOptimizer simplex = new SimplexOptimizer(
        new SimpleValueChecker(options.relativeTolerance(), Double.MIN_NORMAL));
    try {
      simplex.optimize(new MaxEval(options.maxEvaluations()), new MaxIter(options.maxIterations()),
          new ObjectiveFunction(objective), GoalType.MINIMIZE, new InitialGuess(objective.start()),
          new NelderMeadSimplex(params.size(), SIMPLEX_SIDE));
    } catch (MathIllegalStateException e) {
      FitStatus limit = simplex.getEvaluations() >= options.maxEvaluations()
          ? FitStatus.EVALUATION_LIMIT : FitStatus.ITERATION_LIMIT;
      return result(names, objective, limit, simplex.getIterations(), simplex.getEvaluations());
    }
    int evaluations = simplex.getEvaluations();
    if (params.size() >= BOBYQAOptimizer.MINIMUM_PROBLEM_DIMENSION) {
      int budget = options.maxEvaluations() - evaluations;
      if (budget < 2 * params.size() + 2) {
        return result(names, objective, FitStatus.EVALUATION_LIMIT, simplex.getIterations(), evaluations);
      }
      BOBYQAOptimizer polish =
          new BOBYQAOptimizer(2 * params.size() + 1, POLISH_START_RADIUS, POLISH_STOP_RADIUS);
      try {
        polish.optimize(new MaxEval(budget), new ObjectiveFunction(objective), GoalType.MINIMIZE,
            new InitialGuess(objective.best()), SimpleBounds.unbounded(params.size()));
      } catch (MathIllegalStateException e) {
        return result(names, objective, FitStatus.EVALUATION_LIMIT, simplex.getIterations(),
            evaluations + polish.getEvaluations());
      }
      evaluations += polish.getEvaluations();
    }
    FitStatus status = Double.isFinite(objective.bestValue()) ? FitStatus.CONVERGED : FitStatus.NOT_FINITE;
    return result(names, objective, status, simplex.getIterations(), evaluations);
  }

  private static FitResult result(List<String> names, SearchObjective objective, FitStatus status,
      int iterations, int evaluations) {
    double[] best = objective.best();
    double value = objective.bestValue();
    double @Nullable [][] covariance = null;
    if (status == FitStatus.CONVERGED) {
      covariance = naturalCovariance(objective, best);
    }
    return FitResult.of(names, objective.toNatural(best), -value, status, iterations, evaluations,
        covariance);
  }

  /** The inverse Hessian on the search scale, carried to the natural scale: {@code D H^-1 D}. */
  private static double @Nullable [][] naturalCovariance(SearchObjective objective, double[] best) {
    double[][] inverse = Hessians.inverseIfPositiveDefinite(Hessians.of(objective, best));
    if (inverse == null) {
      return null;
    }
    double[] d = objective.derivatives(best);
    for (int i = 0; i < d.length; i++) {
      for (int j = 0; j < d.length; j++) {
        inverse[i][j] *= d[i] * d[j];
      }
    }
    return inverse;
  }

  private static List<String> names(List<Parameter> params) {
    if (params.isEmpty()) {
      throw new InvalidFieldException("parameters", params, "must not be empty");
    }
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>(params.size());
    for (Parameter p : params) {
      if (!seen.add(p.name())) {
        throw new InvalidFieldException("parameters", p.name(), "must not name a parameter twice");
      }
      names.add(p.name());
    }
    return names;
  }
}
