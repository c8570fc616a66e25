package org.engagement.attribution.markov;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.IntStream;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Markov-chain attribution of order k with removal effects computed exactly from the absorbing chain, not by
 * random simulation (attribution reference, section 2.4, "Exact equivalent").
 *
 * <p>The chain is built as ChannelAttribution's {@code markov_model} builds it ({@link MarkovChain}: sliding
 * windows of k touches, consecutive identical states collapsed by default, {@code (start)},
 * {@code (conversion)}, {@code (null)}, converting and non-converting journeys weighted by their possibly
 * fractional counts). Then:
 *
 * <ul>
 *   <li>{@code P} = probability of absorption in {@code (conversion)} from {@code (start)};
 *   <li>removing channel {@code c}: every state containing {@code c} becomes absorbing in {@code (null)}
 *       (all traffic into it goes to {@code (null)}), giving {@code P(-c)}; the removal effect is
 *       {@code RE_c = 1 - P(-c) / P}, which equals ChannelAttribution's simulated
 *       {@code P(visit c | conversion)} in the limit;
 *   <li>value: {@code V} = expected value absorbed, each absorption from last state {@code s} worth
 *       {@link MarkovChain#meanValue(int)}; {@code RE^V_c = 1 - V(-c) / V};
 *   <li>credit: {@code conversions_c = RE_c / sum RE * total conversions} and
 *       {@code value_c = RE^V_c / sum RE^V * total value}.
 * </ul>
 *
 * <p>If no value reaches a conversion ({@code V = 0}) while the set has value (all of it on paths without
 * conversions), the value is split by the conversion removal effects so the credits still add up. A set
 * without conversions gives every channel zero credit and zero removal effect.
 *
 * <p>Each absorption value is the solution of a linear system over the transient states, solved by
 * Gauss–Seidel sweeps on the sparse rows (compressed sparse rows, primitive arrays) until no entry changes
 * by more than the relative {@linkplain #tolerance() tolerance} (default {@value #DEFAULT_TOLERANCE}) in one
 * sweep; more than {@linkplain #maxIterations() max-iterations} sweeps (default
 * {@value #DEFAULT_MAX_ITERATIONS}) is an {@link ArithmeticException}. The state space has no cap: order 6
 * and beyond on hundreds of thousands of states only cost memory proportional to the observed transitions.
 *
 * <p>The removal of each channel is an independent solve; when the chain is large (transitions times
 * channels at least 200,000) they run in parallel on the common fork-join pool. Results do not depend on
 * it: every solve is deterministic and writes only its own channel's entry.
 *
 * <p>Instances are immutable and thread-safe: the configuration is final and every call builds its own
 * chain and work arrays.
 *
 * @since 0.1.0
 */
public final class MarkovModel implements AttributionModel {
  /** The registry name. */
  public static final String NAME = "markov";
  /** The largest order accepted. */
  public static final int MAX_ORDER = 32;
  /** The default relative tolerance of the solver. */
  public static final double DEFAULT_TOLERANCE = 1e-14;
  /** The default sweep limit of the solver. */
  public static final int DEFAULT_MAX_ITERATIONS = 100_000;

  /** The parameter {@code order}: the order k, a whole number from 1 to {@value #MAX_ORDER}, default 1. */
  public static final ModelParameter<Long> ORDER = ModelParameter.optional("order", ParameterType.integer(), 1L,
      "the order k: how many past touches a state of the chain holds")
      .withRule("must be a whole number from 1 to " + MAX_ORDER, k -> k >= 1 && k <= MAX_ORDER);
  /** The parameter {@code collapse}: whether consecutive identical states are merged, default true. */
  public static final ModelParameter<Boolean> COLLAPSE = ModelParameter.optional("collapse", ParameterType.bool(),
      true, "whether consecutive identical states are merged (ChannelAttribution's default)");
  /**
   * The parameter {@code tolerance}: the solver's relative tolerance, in {@code (0, 0.001]}, default
   * {@value #DEFAULT_TOLERANCE}.
   */
  public static final ModelParameter<Double> TOLERANCE = ModelParameter.optional("tolerance",
      ParameterType.decimal(), DEFAULT_TOLERANCE, "the relative change per sweep below which a solve stops")
      .withRule("must be greater than 0 and at most 0.001", t -> t > 0 && t <= 1e-3);
  /**
   * The parameter {@code max-iterations}: the solver's sweep limit, at least 1, default
   * {@value #DEFAULT_MAX_ITERATIONS}.
   */
  public static final ModelParameter<Long> MAX_ITERATIONS = ModelParameter.optional("max-iterations",
      ParameterType.integer(), (long) DEFAULT_MAX_ITERATIONS, "the most Gauss-Seidel sweeps per solve")
      .withRule("must be a whole number from 1 to " + Integer.MAX_VALUE, n -> n >= 1 && n <= Integer.MAX_VALUE);

  /** The parameters of the registry's factory, in order. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(ORDER, COLLAPSE, TOLERANCE, MAX_ITERATIONS);

  private static final long PARALLEL_THRESHOLD = 200_000;

  private final int order;
  private final boolean collapse;
  private final double tolerance;
  private final int maxIterations;

  private MarkovModel(int order, boolean collapse, double tolerance, int maxIterations) {
    this.order = order;
    this.collapse = collapse;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
  }

  /** Order 1 with ChannelAttribution's defaults (consecutive identical states collapsed). */
  public static MarkovModel firstOrder() {
    return of(1, true);
  }

  /**
   * The model of order {@code order}.
   *
   * @param collapse whether consecutive identical states are merged (ChannelAttribution's default: true)
   * @throws InvalidFieldException if {@code order} is not in {@code 1 .. MAX_ORDER}
   */
  public static MarkovModel of(int order, boolean collapse) {
    if (order < 1 || order > MAX_ORDER) {
      throw new InvalidFieldException(ORDER.name(), order, ORDER.rule());
    }
    return new MarkovModel(order, collapse, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS);
  }

  /**
   * This model with other solver settings.
   *
   * @param tolerance the relative change per sweep below which a solve stops: in {@code (0, 1e-3]}
   * @param maxIterations the most sweeps per solve: at least 1
   * @throws InvalidFieldException if a setting breaks its rule
   */
  public MarkovModel withSolver(double tolerance, int maxIterations) {
    if (!(tolerance > 0 && tolerance <= 1e-3)) {
      throw new InvalidFieldException(TOLERANCE.name(), tolerance, TOLERANCE.rule());
    }
    if (maxIterations < 1) {
      throw new InvalidFieldException(MAX_ITERATIONS.name(), maxIterations, "must be at least 1");
    }
    return new MarkovModel(order, collapse, tolerance, maxIterations);
  }

  /** The model configured from resolved {@link #PARAMETERS}. */
  static MarkovModel fromParameters(ModelParameters parameters) {
    return of(Math.toIntExact(parameters.get(ORDER)), parameters.get(COLLAPSE))
        .withSolver(parameters.get(TOLERANCE), Math.toIntExact(parameters.get(MAX_ITERATIONS)));
  }

  /** The order k. */
  public int order() {
    return order;
  }

  /** Whether consecutive identical states are merged. */
  public boolean collapse() {
    return collapse;
  }

  /** The solver's relative tolerance per sweep. */
  public double tolerance() {
    return tolerance;
  }

  /** The solver's sweep limit per solve. */
  public int maxIterations() {
    return maxIterations;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelParameters parameters() {
    ModelParameters parameters = ModelParameters.none().with(ORDER, (long) order).with(COLLAPSE, collapse);
    if (tolerance != DEFAULT_TOLERANCE) {
      parameters = parameters.with(TOLERANCE, tolerance);
    }
    if (maxIterations != DEFAULT_MAX_ITERATIONS) {
      parameters = parameters.with(MAX_ITERATIONS, (long) maxIterations);
    }
    return parameters;
  }

  @Override
  public AttributionResult attribute(JourneySet journeys) {
    return analyse(journeys).result();
  }

  /**
   * Builds the chain of {@code journeys} and computes the removal effects and credits.
   *
   * @throws ArithmeticException if a solve does not converge within the sweep limit
   */
  public MarkovAnalysis analyse(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    MarkovChain chain = MarkovChain.of(journeys, order, collapse);
    int n = chain.stateCount();
    int channels = journeys.channels().size();
    double[] bConv = new double[n];
    double[] bValue = new double[n];
    for (int s = 0; s < n; s++) {
      double p = chain.probability(s, MarkovChain.CONVERSION);
      bConv[s] = p;
      bValue[s] = p * chain.meanValue(s);
    }
    boolean[] none = new boolean[n];
    double[] baseConv = new double[n];
    double[] baseValue = new double[n];
    int baseSweeps = AbsorptionSolver.solve(chain, bConv, baseConv, none, tolerance, maxIterations)
        + AbsorptionSolver.solve(chain, bValue, baseValue, none, tolerance, maxIterations);
    double p = baseConv[MarkovChain.START];
    double v = baseValue[MarkovChain.START];
    double[] re = new double[channels];
    double[] reValue = new double[channels];
    // The removals are independent solves on the shared read-only chain, each with its own work arrays;
    // large chains run them in parallel (the results do not depend on it).
    IntStream range = IntStream.range(0, channels);
    if ((long) chain.transitionCount() * channels >= PARALLEL_THRESHOLD) {
      range = range.parallel();
    }
    int removalSweeps = range.map(c -> {
      boolean[] removed = new boolean[n];
      boolean any = false;
      for (int s = 0; s < n; s++) {
        removed[s] = chain.contains(s, c);
        any |= removed[s];
      }
      int done = 0;
      if (!any) {
        return done;
      }
      double[] x = new double[n];
      if (p > 0) {
        System.arraycopy(baseConv, 0, x, 0, n);
        done += AbsorptionSolver.solve(chain, bConv, x, removed, tolerance, maxIterations);
        re[c] = clamp(1 - x[MarkovChain.START] / p);
      }
      if (v > 0) {
        System.arraycopy(baseValue, 0, x, 0, n);
        done += AbsorptionSolver.solve(chain, bValue, x, removed, tolerance, maxIterations);
        reValue[c] = clamp(1 - x[MarkovChain.START] / v);
      }
      return done;
    }).sum();
    int sweeps = baseSweeps + removalSweeps;
    double[] conv = shares(re, journeys.totalConversions());
    double[] value = sum(reValue) > 0 ? shares(reValue, journeys.totalValue()) : shares(re, journeys.totalValue());
    AttributionResult result = AttributionResult.of(NAME, journeys.channels(), conv, value,
        journeys.totalConversions(), journeys.totalValue(), true);
    return new MarkovAnalysis(chain, p, v, re, reValue, result, sweeps);
  }

  private static double clamp(double effect) {
    return Math.min(1, Math.max(0, effect));
  }

  private static double sum(double[] xs) {
    double s = 0;
    for (double x : xs) {
      s += x;
    }
    return s;
  }

  private static double[] shares(double[] weights, double total) {
    double[] out = new double[weights.length];
    double s = sum(weights);
    if (s > 0) {
      for (int c = 0; c < weights.length; c++) {
        out[c] = weights[c] / s * total;
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return NAME + parameters();
  }
}
