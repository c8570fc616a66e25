package org.engagement.attribution.markov;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.stream.IntStream;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelLimitException;
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
 * <p>If no journey of the set ended without a conversion ({@link JourneySet#totalNulls()} is 0), every path of
 * the chain converts, {@code P} is 1 and a removal effect only measures how much of the converting traffic
 * passes through the channel. The model still answers (ChannelAttribution does the same on conversion-only
 * data) but says so in the result's {@linkplain AttributionResult#notes() notes}: such a set usually means
 * the journeys that did not convert were left out (see {@link JourneySet#setAside()}).
 *
 * <p>Each absorption value is the solution of a linear system over the transient states (compressed sparse
 * rows, primitive arrays), solved one strongly connected component at a time, each after the components it
 * leads to (Tarjan's order): a state on no cycle takes one update, and a component with cycles takes
 * Gauss–Seidel sweeps until none of its entries changes by more than the relative
 * {@linkplain #tolerance() tolerance} (default {@value #DEFAULT_TOLERANCE}) of its largest entry in one sweep.
 * The sweeps a component needs grow with the expected number of steps around its cycles, which is about the
 * length of the paths: by default ({@linkplain #maxIterations() max-iterations} 0) the limit per component of
 * a solve adapts to the journeys, {@code max(}{@value #MIN_ADAPTIVE_ITERATIONS}{@code , }
 * {@value #ITERATIONS_PER_TOUCH}{@code × the touches of the longest path)}, so a single journey of 100,000
 * touches is solved (in about a second) rather than refused; a positive max-iterations is a fixed limit. A
 * solve that does not settle within its limit is refused with a {@link ModelLimitException} naming
 * {@code max-iterations}.
 *
 * <p><b>Bounded work.</b> Memory is linear in the touches of the set (states, transitions and their
 * channels, each kept once). Time is the transitions visited: each update of a state visits its transitions
 * once, so a solve visits every transition once plus those of the components with cycles once per further
 * sweep; there are two solves for the chain and two per channel for its removal, so the work grows with
 * channels × transitions. All solves of one analysis together may visit at most
 * {@linkplain #maxWork() max-work} transitions (default {@value #DEFAULT_MAX_WORK}, roughly 30 seconds on one
 * core). The removals of 16 channels spread over the ids are solved first; a set whose other removals cannot
 * fit at the visits those took (and any set whose removals cannot fit at one update of every state and two
 * sweeps of every cycle each) is refused before they start, and an analysis that runs over anyway is stopped,
 * both with a {@link ModelLimitException} naming {@code max-work}: for
 * example 10,000 channels over 128,000 transitions need about 1.2 × 10^11 visits (70 seconds on two cores),
 * and are refused unless max-work is raised, while 1,000 channels over 100,000 transitions (about 1.1 ×
 * 10^10 visits, 10 seconds on two cores) are solved. The state space has no cap of its own: order 6 and beyond on
 * hundreds of thousands of states is fine within the work limit.
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
  /**
   * The default sweep limit of the solver: 0, which adapts the limit to the journeys (see the class
   * comment).
   */
  public static final int DEFAULT_MAX_ITERATIONS = 0;
  /** The least sweep limit per component of a solve when it adapts to the journeys. */
  public static final int MIN_ADAPTIVE_ITERATIONS = 100_000;
  /**
   * The sweeps per touch of the longest path allowed per component of a solve when the limit adapts to the
   * journeys.
   */
  public static final int ITERATIONS_PER_TOUCH = 64;
  /** The default work limit: transition visits over all the solves of one analysis. */
  public static final long DEFAULT_MAX_WORK = 30_000_000_000L;

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
   * The parameter {@code max-iterations}: the solver's sweep limit per strongly connected component of each
   * solve, from 0 to 2^31 - 1, default {@value #DEFAULT_MAX_ITERATIONS}: the limit adapts to the journeys.
   */
  public static final ModelParameter<Long> MAX_ITERATIONS = ModelParameter.optional("max-iterations",
      ParameterType.integer(), (long) DEFAULT_MAX_ITERATIONS,
      "the most Gauss-Seidel sweeps per cyclic component of a solve; 0 adapts to the longest path (at least 100,000)")
      .withRule("must be a whole number from 0 (adapt) to " + Integer.MAX_VALUE, n -> n >= 0 && n <= Integer.MAX_VALUE);
  /**
   * The parameter {@code max-work}: the most transition visits of all the solver's sweeps together, at
   * least 1, default {@value #DEFAULT_MAX_WORK}.
   */
  public static final ModelParameter<Long> MAX_WORK = ModelParameter.optional("max-work", ParameterType.integer(),
      DEFAULT_MAX_WORK, "the most transition visits of all solves together (a core makes about 10^9 a second)")
      .withRule("must be a whole number of at least 1", n -> n >= 1);

  /** The parameters of the registry's factory, in order. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(ORDER, COLLAPSE, TOLERANCE, MAX_ITERATIONS, MAX_WORK);

  private static final long PARALLEL_THRESHOLD = 200_000;

  private final int order;
  private final boolean collapse;
  private final double tolerance;
  private final int maxIterations;
  private final long maxWork;

  private MarkovModel(int order, boolean collapse, double tolerance, int maxIterations, long maxWork) {
    this.order = order;
    this.collapse = collapse;
    this.tolerance = tolerance;
    this.maxIterations = maxIterations;
    this.maxWork = maxWork;
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
    return new MarkovModel(order, collapse, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, DEFAULT_MAX_WORK);
  }

  /**
   * This model with other solver settings.
   *
   * @param tolerance the relative change per sweep below which a solve stops: in {@code (0, 1e-3]}
   * @param maxIterations the most sweeps per component of a solve: at least 1, or 0 to adapt to the journeys
   * @throws InvalidFieldException if a setting breaks its rule
   */
  public MarkovModel withSolver(double tolerance, int maxIterations) {
    if (!(tolerance > 0 && tolerance <= 1e-3)) {
      throw new InvalidFieldException(TOLERANCE.name(), tolerance, TOLERANCE.rule());
    }
    if (maxIterations < 0) {
      throw new InvalidFieldException(MAX_ITERATIONS.name(), maxIterations, MAX_ITERATIONS.rule());
    }
    return new MarkovModel(order, collapse, tolerance, maxIterations, maxWork);
  }

  /**
   * This model with another work limit: the most transition visits of all the solver's sweeps together.
   *
   * @throws InvalidFieldException if {@code maxWork} is below 1
   */
  public MarkovModel withMaxWork(long maxWork) {
    if (maxWork < 1) {
      throw new InvalidFieldException(MAX_WORK.name(), maxWork, MAX_WORK.rule());
    }
    return new MarkovModel(order, collapse, tolerance, maxIterations, maxWork);
  }

  /** The model configured from resolved {@link #PARAMETERS}. */
  static MarkovModel fromParameters(ModelParameters parameters) {
    return of(Math.toIntExact(parameters.get(ORDER)), parameters.get(COLLAPSE))
        .withSolver(parameters.get(TOLERANCE), Math.toIntExact(parameters.get(MAX_ITERATIONS)))
        .withMaxWork(parameters.get(MAX_WORK));
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

  /** The solver's sweep limit per component of a solve; 0 when it adapts to the journeys. */
  public int maxIterations() {
    return maxIterations;
  }

  /** The work limit: the most transition visits of all the solver's sweeps together. */
  public long maxWork() {
    return maxWork;
  }

  /**
   * The sweep limit per component of a solve on {@code journeys}: {@link #maxIterations()} if positive, otherwise
   * {@code max(}{@value #MIN_ADAPTIVE_ITERATIONS}{@code , }{@value #ITERATIONS_PER_TOUCH}{@code × the touches
   * of the longest path with conversions or nulls)}.
   */
  public int sweepLimit(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    if (maxIterations > 0) {
      return maxIterations;
    }
    long longest = 0;
    for (int p = 0; p < journeys.pathCount(); p++) {
      if (journeys.conversions(p) + journeys.nulls(p) > 0) {
        longest = Math.max(longest, journeys.length(p));
      }
    }
    return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_ADAPTIVE_ITERATIONS, ITERATIONS_PER_TOUCH * longest));
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
    if (maxWork != DEFAULT_MAX_WORK) {
      parameters = parameters.with(MAX_WORK, maxWork);
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
   * @throws ModelLimitException if the analysis needs more than {@link #maxWork()} transition visits, or a
   *     solve does not settle within its sweep limit ({@link #sweepLimit(JourneySet)})
   */
  public MarkovAnalysis analyse(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    MarkovChain chain = MarkovChain.of(journeys, order, collapse);
    ChannelStates states = ChannelStates.of(chain, journeys.channels().size());
    SolverBudget budget = new SolverBudget(chain, states.removable(), sweepLimit(journeys), maxIterations == 0,
        maxWork, tolerance);
    int n = chain.stateCount();
    double[] bConv = new double[n];
    double[] bValue = new double[n];
    for (int s = 0; s < n; s++) {
      double p = chain.probability(s, MarkovChain.CONVERSION);
      bConv[s] = p;
      bValue[s] = p * chain.meanValue(s);
    }
    ComponentOrder components = ComponentOrder.of(chain);
    budget.requireRoomFor(2, budget.leastVisitsPerSolve(components));
    boolean[] none = new boolean[n];
    double[] baseConv = new double[n];
    double[] baseValue = new double[n];
    long baseSweeps = AbsorptionSolver.solve(chain, components, bConv, baseConv, none, tolerance, budget)
        + (long) AbsorptionSolver.solve(chain, components, bValue, baseValue, none, tolerance, budget);
    double p = baseConv[MarkovChain.START];
    double v = baseValue[MarkovChain.START];
    Removals removals = new Removals(chain, components, states, budget, tolerance, new Base(bConv, baseConv, p),
        new Base(bValue, baseValue, v));
    long removalSweeps = removals.solve();
    double[] re = removals.conversionEffects();
    double[] reValue = removals.valueEffects();
    double[] conv = shares(re, journeys.totalConversions());
    double[] value = sum(reValue) > 0 ? shares(reValue, journeys.totalValue()) : shares(re, journeys.totalValue());
    AttributionResult result = AttributionResult.of(NAME, journeys, conv, value, true).withNotes(notes(journeys));
    int sweeps = (int) Math.min(Integer.MAX_VALUE, baseSweeps + removalSweeps);
    return new MarkovAnalysis(chain, p, v, re, reValue, result, sweeps);
  }

  /** The model's warning when no journey ended without a conversion. */
  private static List<String> notes(JourneySet journeys) {
    if (journeys.totalNulls() > 0 || journeys.totalConversions() == 0) {
      return List.of();
    }
    return List.of("markov: no journey in this set ended without a conversion (total nulls 0), so every path of"
        + " the chain converts and the removal effects only say how much converting traffic passes through each"
        + " channel, not how it changes the chance to convert; include the journeys that did not convert (a"
        + " longer lookback or window) for that");
  }

  /**
   * The right-hand side of a solve and its solution on the whole chain: the start of every removal solve,
   * and {@code atStart}, the value at {@code (start)} the removal effects are relative to.
   */
  private static final class Base {
    private final double[] b;
    private final double[] x;
    private final double atStart;

    Base(double[] b, double[] x, double atStart) {
      this.b = b;
      this.x = x;
      this.atStart = atStart;
    }

    double[] b() {
      return b;
    }

    double[] x() {
      return x;
    }

    double atStart() {
      return atStart;
    }
  }

  /**
   * The removal solves, one per channel in the chain, on the shared read-only chain, each with its own work
   * arrays; large chains run them in parallel (the results do not depend on it: every solve is
   * deterministic and writes only its own channel's entries).
   */
  private static final class Removals {
    /** How many channels' removals are solved first, to estimate the work of the rest. */
    private static final int SAMPLE = 16;

    private final MarkovChain chain;
    private final ComponentOrder components;
    private final ChannelStates states;
    private final SolverBudget budget;
    private final double tolerance;
    private final Base conversions;
    private final Base value;
    private final double[] re;
    private final double[] reValue;

    Removals(MarkovChain chain, ComponentOrder components, ChannelStates states, SolverBudget budget,
        double tolerance, Base conversions, Base value) {
      this.chain = chain;
      this.components = components;
      this.states = states;
      this.budget = budget;
      this.tolerance = tolerance;
      this.conversions = conversions;
      this.value = value;
      this.re = new double[states.channels()];
      this.reValue = new double[states.channels()];
    }

    /**
     * Solves every removal; returns the sweeps done. The removals of up to {@value #SAMPLE} channels spread
     * over the ids come first: from their transition visits the work of the rest is estimated, and an
     * analysis that would pass the work limit is refused then rather than at the limit.
     */
    long solve() {
      int solvesEach = (conversions.atStart() > 0 ? 1 : 0) + (value.atStart() > 0 ? 1 : 0);
      int[] channels = IntStream.range(0, states.channels()).filter(c -> states.count(c) > 0).toArray();
      if (solvesEach == 0 || channels.length == 0) {
        return 0;
      }
      budget.requireRoomFor((long) channels.length * solvesEach, budget.leastVisitsPerSolve(components));
      int sampled = Math.min(SAMPLE, channels.length);
      boolean[] inSample = new boolean[channels.length];
      for (int k = 0; k < sampled; k++) {
        inSample[(int) ((long) k * channels.length / sampled)] = true;
      }
      long before = budget.used();
      long sample = run(IntStream.range(0, channels.length).filter(k -> inSample[k]).map(k -> channels[k]));
      long visitsEach = -Math.floorDiv(-(budget.used() - before), (long) sampled * solvesEach);
      budget.requireRoomFor((long) (channels.length - sampled) * solvesEach, visitsEach);
      return sample + run(IntStream.range(0, channels.length).filter(k -> !inSample[k]).map(k -> channels[k]));
    }

    private long run(IntStream channels) {
      IntStream range = channels;
      if ((long) chain.transitionCount() * states.channels() >= PARALLEL_THRESHOLD) {
        range = range.parallel();
      }
      return range.mapToLong(this::solveOne).sum();
    }

    /** The removal solves of channel {@code c}; returns the sweeps done. */
    private long solveOne(int c) {
      int n = chain.stateCount();
      boolean[] removed = states.mark(c, new boolean[n]);
      double[] x = new double[n];
      long done = 0;
      if (conversions.atStart() > 0) {
        System.arraycopy(conversions.x(), 0, x, 0, n);
        done += AbsorptionSolver.solve(chain, components, conversions.b(), x, removed, tolerance, budget);
        re[c] = clamp(1 - x[MarkovChain.START] / conversions.atStart());
      }
      if (value.atStart() > 0) {
        System.arraycopy(value.x(), 0, x, 0, n);
        done += AbsorptionSolver.solve(chain, components, value.b(), x, removed, tolerance, budget);
        reValue[c] = clamp(1 - x[MarkovChain.START] / value.atStart());
      }
      return done;
    }

    double[] conversionEffects() {
      return re;
    }

    double[] valueEffects() {
      return reValue;
    }
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
