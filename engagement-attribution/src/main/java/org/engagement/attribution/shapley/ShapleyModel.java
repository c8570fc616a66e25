package org.engagement.attribution.shapley;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelLimitException;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The general Shapley value of the conversion-rate game, registered as {@code shapley}.
 *
 * <h2>The game</h2>
 * The players are the {@code n} channels of the journey set. The worth function is chosen with the parameter
 * {@code worth} ({@link #WORTH}, {@link CoalitionWorth}); by default ({@code exact}) the worth of a coalition
 * {@code S} is the conversion rate of the journeys exposed to <em>exactly</em> the channels of {@code S}:
 * {@code v(S) = C(S) / (C(S) + N(S))}, where {@code C(S)} and {@code N(S)} are the conversions and the
 * non-conversions ({@link JourneySet#nulls(int)}) of the paths whose set of distinct channels equals
 * {@code S}. As in DP6's {@code attribution_shapley} (attribution reference, section 3) and Dalessandro et
 * al. (2012), {@code v} is <strong>not</strong> cumulative over subsets: journeys exposed to a proper subset
 * of {@code S} do not count towards {@code v(S)}. A set with no journeys (zero conversions and
 * non-conversions), and the empty set, are worth {@code 0}. So {@code 0 <= v(S) <= 1}.
 *
 * <p>With {@code worth=subsets} the worth of {@code S} is the conversion rate of the journeys whose channel
 * set is a <em>subset</em> of {@code S}: {@code v(S) = Σ_{T⊆S} C(T) / Σ_{T⊆S} (C(T) + N(T))}, {@code 0} when
 * there are none. It answers "what would the conversion rate be if only the channels of {@code S} existed",
 * with the journeys that needed another channel gone rather than converted into journeys without it. Every
 * coalition that contains an observed channel set has a worth, so with many channels the game is no longer
 * dominated by unseen coalitions worth 0 (in the exact game, most marginal contributions of a channel then
 * run from or to an unseen set, and channels that mostly appear alongside others come out negative). It is
 * still a rate and not monotone: a channel that brings many journeys converting below the rest lowers
 * {@code v}, however many conversions it adds, so reach channels can still be clamped to zero (on the sample
 * world it lowers the error only from about 0.050 to 0.044; {@link ShaoLiModel} does much better there).
 * Its worths are weighted means of exact-set rates, so {@link #maxWorth(JourneySet)} bounds both games.
 *
 * <p>The Shapley value is {@code φ_c = Σ_{S ⊆ N∖{c}} |S|! (n−|S|−1)! / n! · (v(S∪{c}) − v(S))}
 * ({@link #shapleyValues(JourneySet)}). The {@code φ_c} add up to {@code v(N)}; they are in conversion-rate
 * units and may be negative, because {@code v} is not monotone (adding a channel to a set can lower the
 * conversion rate of the exact set).
 *
 * <h2>From Shapley values to credits</h2>
 * By default ({@code negative=clamp}, {@link #NEGATIVE}, {@link NegativeValues}) negative Shapley values are
 * <strong>clamped to zero</strong>: a channel whose presence lowers the
 * conversion rate on balance gets no credit rather than negative credit. The default is clamp because credits
 * are read as shares of conversions that happened and split as money, which a negative share cannot be; but
 * a negative value is often an artefact of the worth rather than harm (with eight channels that each raise
 * the conversion probability, the exact-set game gives several of them negative values, and clamping takes
 * their credit away), so {@code negative=keep} returns the signed shares {@code φ_c / Σ_d φ_d × total} for a
 * host that wants to see them, and {@code worth=subsets} is the worth to choose when channels mostly appear
 * together. The clamped values are then
 * scaled so that the conversion credits add up to {@link JourneySet#totalConversions()} and the value
 * credits to {@link JourneySet#totalValue()}: {@code credit_c = max(φ_c, 0) / Σ_d max(φ_d, 0) × total}
 * (the same shares for conversions and value). Shapley values within {@value #NOISE} of zero count as zero,
 * so that rounding noise in a value that is zero in exact arithmetic cannot take a share (they are
 * conversion rates, at most 1 in magnitude). If no channel has a positive Shapley value (for example when
 * no journey converted), the game does not say how to split the totals and the credits are those of the
 * simplified Shapley value ({@link SimplifiedShapleyModel}), so they still add up to the totals.
 *
 * <p>A channel that is on no converting path has {@code v(S∪{c}) = 0} for every {@code S} in the exact
 * game, and {@code v(S∪{c}) <= v(S)} in the subsets game (it only adds non-conversions), hence
 * {@code φ_c <= 0} and zero credit. Channels that are interchangeable in the data get equal credit. Because
 * of the clamping, a channel on converting paths can also get zero credit, when the conversion rate of the
 * sets it joins is on balance lower than without it.
 *
 * <p>This is one game over all the channels of the set. DP6 instead plays a separate game over the channels
 * of each converting set and weights the results by journeys; that is a different allocation and is not
 * what this model computes.
 *
 * <h2>Exact and sampled computation</h2>
 * With at most {@link #exactUpTo()} channels (default and maximum {@value #MAX_EXACT}) the sum above is
 * computed exactly by enumerating the {@code 2^n} coalitions as bitmasks ({@code O(n · 2^n)} time,
 * {@code O(2^n)} memory: two {@code double}s per coalition, 16 MB at 20 channels); the subsets worth first
 * sums the conversions and exposures of each mask over its submasks with a subset-sum (zeta) transform, also
 * {@code O(n · 2^n)}. With more channels it
 * is estimated by permutation sampling: {@code m} = {@link #samples()} uniformly random orders of the
 * channels are drawn from a {@link SplittableRandom} seeded with {@link #seed()}, and {@code φ_c} is
 * estimated by the mean marginal contribution {@code v(P_c ∪ {c}) − v(P_c)} of {@code c} over the channels
 * {@code P_c} preceding it. Each order costs {@code n} hash look-ups (exact: a hit is verified member by
 * member), whatever the number of paths. For the subsets worth a channel set joins the coalition at the
 * position of its last member in the order, so each order costs {@code O(n + Σ_t |t|)} over the distinct
 * channel sets {@code t} of the data (no look-ups): a pass over the distinct sets rather than over paths.
 * The estimates are unbiased, add up to {@code v(N)} (each order's
 * contributions telescope), and the same seed gives the same result.
 *
 * <p><strong>Bounded work.</strong> The exact computation is bounded by {@link #MAX_EXACT} channels (at most
 * {@code 20 · 2^20} steps and 16 MB). Sampling takes memory linear in the touches, and time counted in steps
 * of roughly 1 ns: {@code samples × n} coalition look-ups for the exact-set worth, each
 * {@value #LOOKUP_STEPS} steps (a hash probe and a check of the set's members, mostly cache misses), and
 * {@code samples × (n + Σ_t |t|)} steps for the subsets worth (a pass over the members of the distinct
 * channel sets {@code t} per sample). The steps may be at most {@linkplain #maxWork() max-work} (default
 * {@value #DEFAULT_MAX_WORK}, a minute or two: 20,000 samples of one journey of 100,000 channels, 6.4 · 10^10
 * steps, took 56 s in one whole-process run on a loaded 2-core machine). A set that needs more is refused before sampling
 * starts, with a {@link ModelLimitException} naming {@code max-work}: fewer samples (a wider error bound), a
 * larger max-work, or grouping channels are the ways out. A set with conversions but no journey that did
 * not convert is refused too ({@link #attribute}).
 *
 * <p><strong>Error bound.</strong> Every marginal contribution lies in {@code [−w, w]}, where
 * {@code w = max_S v(S) <= 1}. By Hoeffding's inequality and a union bound over the {@code n} channels,
 * with probability at least {@code 1 − δ} every estimate is within
 * {@code ε = w · sqrt(2 ln(2n/δ) / m)} of the exact Shapley value ({@link #errorBound(int, long, double,
 * double)}); conversely {@code m = ⌈2 w² ln(2n/δ) / ε²⌉} samples suffice for a chosen {@code ε}
 * ({@link #samplesFor(int, double, double, double)}). With the default 20,000 samples, 50 channels and
 * {@code δ = 0.05}, {@code ε <= 0.029 w}. The bound is on the Shapley values in conversion-rate units,
 * before clamping and scaling.
 *
 * <p>Instances are immutable and thread-safe (configuration only; each call allocates its own arrays and
 * random generator).
 *
 * @since 0.1.0
 */
public final class ShapleyModel implements AttributionModel {
  /** The registry name. */
  public static final String NAME = "shapley";
  /** The largest number of channels the exact computation accepts. */
  public static final int MAX_EXACT = 20;
  /** The default number of sampled permutations. */
  public static final long DEFAULT_SAMPLES = 20_000;
  /** The default work limit of sampling, in steps as the class comment counts them. */
  public static final long DEFAULT_MAX_WORK = 100_000_000_000L;
  /** The steps a coalition look-up of the exact-set worth counts for. */
  public static final int LOOKUP_STEPS = 32;

  private static final long MAX_SAMPLES = 1_000_000_000L;

  /** The parameter {@code samples}: the number of sampled permutations, 1 to 10^9, default 20,000. */
  public static final ModelParameter<Long> SAMPLES = ModelParameter.optional("samples", ParameterType.integer(),
      DEFAULT_SAMPLES, "permutations sampled when there are more channels than exact-up-to")
      .withRule("must be from 1 to " + MAX_SAMPLES, m -> m >= 1 && m <= MAX_SAMPLES);
  /** The parameter {@code seed}: the seed of the sampling, any long integer, default 0. */
  public static final ModelParameter<Long> SEED = ModelParameter.optional("seed", ParameterType.integer(), 0L,
      "the seed of the sampling");
  /** The parameter {@code exact-up-to}: the largest number of channels computed exactly, 0 to 20, default 20. */
  public static final ModelParameter<Long> EXACT_UP_TO = ModelParameter.optional("exact-up-to",
      ParameterType.integer(), (long) MAX_EXACT, "the largest number of channels computed exactly (0 always samples)")
      .withRule("must be from 0 to " + MAX_EXACT, n -> n >= 0 && n <= MAX_EXACT);
  /** The parameter {@code worth}: the worth function, {@code exact} (the default) or {@code subsets}. */
  public static final ModelParameter<CoalitionWorth> WORTH = ModelParameter.optional("worth",
      ParameterType.choice(CoalitionWorth.class), CoalitionWorth.EXACT,
      "the worth of a coalition: the conversion rate of the journeys on exactly its channels, or on a subset");

  /**
   * The parameter {@code max-work}: the most steps of sampling (about 1 ns each: {@code 32 × samples ×
   * channels} for the exact-set worth, {@code samples × (channels + channel-set members)} for the subsets
   * worth), at least 1, default {@value #DEFAULT_MAX_WORK}.
   */
  public static final ModelParameter<Long> MAX_WORK = ModelParameter.optional("max-work", ParameterType.integer(),
      DEFAULT_MAX_WORK, "the most steps of sampling, about 1 ns each (32 per coalition look-up of the exact worth)")
      .withRule("must be a whole number of at least 1", n -> n >= 1);

  /**
   * The parameter {@code negative}: what negative Shapley values become, {@code clamp} (zero credit, the
   * default) or {@code keep} (signed credit); see {@link NegativeValues}.
   */
  public static final ModelParameter<NegativeValues> NEGATIVE = ModelParameter.optional("negative",
      ParameterType.choice(NegativeValues.class), NegativeValues.CLAMP,
      "what negative Shapley values become: zero credit (clamp) or signed credit (keep)");

  /** The parameters of the registry's factory, in order. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(SAMPLES, SEED, EXACT_UP_TO, WORTH, MAX_WORK, NEGATIVE);

  /** Shapley values at most this far from zero are rounding noise and get no credit. */
  public static final double NOISE = 1e-12;

  private final long samples;
  private final long seed;
  private final int exactUpTo;
  private final CoalitionWorth worth;
  private final long maxWork;
  private final NegativeValues negative;

  private ShapleyModel(long samples, long seed, int exactUpTo, CoalitionWorth worth, long maxWork,
      NegativeValues negative) {
    this.samples = samples;
    this.seed = seed;
    this.exactUpTo = exactUpTo;
    this.worth = worth;
    this.maxWork = maxWork;
    this.negative = negative;
  }

  /**
   * The model with its defaults: the exact-set worth, exact up to 20 channels, else 20,000 permutations with
   * seed 0.
   */
  public static ShapleyModel create() {
    return new ShapleyModel(DEFAULT_SAMPLES, 0, MAX_EXACT, CoalitionWorth.EXACT, DEFAULT_MAX_WORK,
        NegativeValues.CLAMP);
  }

  /** This model with another worth function and the same computation settings. */
  public ShapleyModel withWorth(CoalitionWorth worth) {
    return new ShapleyModel(samples, seed, exactUpTo, requireNonNull(worth, "worth"), maxWork, negative);
  }

  /** This model with another treatment of negative Shapley values and the same other settings. */
  public ShapleyModel withNegative(NegativeValues negative) {
    return new ShapleyModel(samples, seed, exactUpTo, worth, maxWork, requireNonNull(negative, "negative"));
  }

  /**
   * This model with another work limit for sampling.
   *
   * @throws InvalidFieldException if {@code maxWork} is below 1
   */
  public ShapleyModel withMaxWork(long maxWork) {
    if (maxWork < 1) {
      throw new InvalidFieldException(MAX_WORK.name(), maxWork, MAX_WORK.rule());
    }
    return new ShapleyModel(samples, seed, exactUpTo, worth, maxWork, negative);
  }

  /**
   * The model with explicit settings.
   *
   * @param samples permutations sampled when there are more than {@code exactUpTo} channels, 1 to 10^9
   * @param seed the seed of the sampling
   * @param exactUpTo the largest number of channels computed exactly, 0 to {@value #MAX_EXACT} (0 always
   *     samples, which is useful to check the sampler against the exact value)
   * @throws InvalidFieldException if a setting is out of range
   */
  public static ShapleyModel of(long samples, long seed, int exactUpTo) {
    if (samples < 1 || samples > MAX_SAMPLES) {
      throw new InvalidFieldException(SAMPLES.name(), samples, SAMPLES.rule());
    }
    if (exactUpTo < 0 || exactUpTo > MAX_EXACT) {
      throw new InvalidFieldException(EXACT_UP_TO.name(), exactUpTo, EXACT_UP_TO.rule());
    }
    return new ShapleyModel(samples, seed, exactUpTo, CoalitionWorth.EXACT, DEFAULT_MAX_WORK, NegativeValues.CLAMP);
  }

  /** The model configured from resolved {@link #PARAMETERS}. */
  static ShapleyModel fromParameters(ModelParameters parameters) {
    return of(parameters.get(SAMPLES), parameters.get(SEED), Math.toIntExact(parameters.get(EXACT_UP_TO)))
        .withWorth(parameters.get(WORTH)).withMaxWork(parameters.get(MAX_WORK))
        .withNegative(parameters.get(NEGATIVE));
  }

  /**
   * The error bound of the sampled estimate: with probability at least {@code 1 − delta}, every channel's
   * estimated Shapley value is within the returned distance of the exact one.
   *
   * @param channels the number of channels {@code n}, at least 1
   * @param samples the number of sampled permutations {@code m}, at least 1
   * @param maxWorth the largest worth {@code w} of a coalition, in {@code [0, 1]} (1 is always safe)
   * @param delta the failure probability, in {@code (0, 1)}
   * @return {@code w · sqrt(2 ln(2n/δ) / m)}
   * @throws InvalidFieldException if an argument is out of range
   */
  public static double errorBound(int channels, long samples, double maxWorth, double delta) {
    checkBoundArguments(channels, maxWorth, delta);
    if (samples < 1) {
      throw new InvalidFieldException(SAMPLES.name(), samples, "must be at least 1");
    }
    return maxWorth * Math.sqrt(2 * Math.log(2.0 * channels / delta) / samples);
  }

  /**
   * The number of sampled permutations that makes {@link #errorBound(int, long, double, double)} at most
   * {@code epsilon}: {@code ⌈2 w² ln(2n/δ) / ε²⌉}, at least 1.
   *
   * @throws InvalidFieldException if an argument is out of range
   */
  public static long samplesFor(int channels, double epsilon, double maxWorth, double delta) {
    checkBoundArguments(channels, maxWorth, delta);
    if (!(epsilon > 0) || !Double.isFinite(epsilon)) {
      throw new InvalidFieldException("epsilon", epsilon, "must be a positive finite number");
    }
    double m = Math.ceil(2 * maxWorth * maxWorth * Math.log(2.0 * channels / delta) / (epsilon * epsilon));
    return Math.max(1, (long) Math.min(m, Long.MAX_VALUE));
  }

  private static void checkBoundArguments(int channels, double maxWorth, double delta) {
    if (channels < 1) {
      throw new InvalidFieldException("channels", channels, "must be at least 1");
    }
    if (!(maxWorth >= 0 && maxWorth <= 1)) {
      throw new InvalidFieldException("maxWorth", maxWorth, "must be in [0, 1]");
    }
    if (!(delta > 0 && delta < 1)) {
      throw new InvalidFieldException("delta", delta, "must be in (0, 1)");
    }
  }

  /** Permutations sampled beyond {@link #exactUpTo()} channels. */
  public long samples() {
    return samples;
  }

  /** The seed of the sampling. */
  public long seed() {
    return seed;
  }

  /** The largest number of channels computed exactly. */
  public int exactUpTo() {
    return exactUpTo;
  }

  /** The worth function of the game. */
  public CoalitionWorth worth() {
    return worth;
  }

  /** The work limit of sampling. */
  public long maxWork() {
    return maxWork;
  }

  /** What negative Shapley values become. */
  public NegativeValues negative() {
    return negative;
  }

  /** Whether a journey set with {@code channels} channels is computed exactly rather than sampled. */
  public boolean isExact(int channels) {
    return channels <= exactUpTo;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelParameters parameters() {
    ModelParameters parameters = ModelParameters.none().with(SAMPLES, samples).with(SEED, seed)
        .with(EXACT_UP_TO, (long) exactUpTo).with(WORTH, worth);
    if (maxWork != DEFAULT_MAX_WORK) {
      parameters = parameters.with(MAX_WORK, maxWork);
    }
    return negative == NegativeValues.CLAMP ? parameters : parameters.with(NEGATIVE, negative);
  }

  /**
   * The Shapley values {@code φ_c} of the conversion-rate game with this model's {@link #worth()}, by
   * channel id, before clamping and scaling (exact or sampled, as {@link #isExact(int)} says). They add up to
   * {@code v(N)}.
   *
   * @throws ModelLimitException if sampling would take more than {@link #maxWork()} steps
   */
  public double[] shapleyValues(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int n = journeys.channels().size();
    if (isExact(n)) {
      return ExactShapley.values(journeys, n, worth);
    }
    ChannelSetGame game = ChannelSetGame.of(journeys);
    requireWork(n, game);
    return worth == CoalitionWorth.SUBSETS ? game.sampledSubsets(n, samples, seed) : game.sampled(n, samples, seed);
  }

  /** The steps sampling takes on {@code game}, saturating at {@link Long#MAX_VALUE}. */
  private long work(int n, ChannelSetGame game) {
    long perSample = worth == CoalitionWorth.SUBSETS ? (long) n + game.members.length : (long) LOOKUP_STEPS * n;
    return Math.multiplyHigh(samples, perSample) == 0 && samples * perSample >= 0 ? samples * perSample
        : Long.MAX_VALUE;
  }

  private void requireWork(int n, ChannelSetGame game) {
    long needed = work(n, game);
    if (needed > maxWork) {
      throw new ModelLimitException(NAME, MAX_WORK.name(), maxWork, String.format(Locale.ROOT,
          "shapley: %,d channels are more than exact-up-to (%d), and sampling %,d permutations of them takes %,d"
              + " steps, more than max-work (%,d); lower the parameter samples (the error bound widens as"
              + " 1/sqrt(samples)), raise max-work, group rare channels, or choose shapley-simplified (exact for any"
              + " number of channels)", n, exactUpTo, samples, needed, maxWork));
    }
  }

  /**
   * The largest worth {@code w = max_S v(S)} of the exact-set conversion-rate game of {@code journeys}: the
   * largest conversion rate of an exact channel set, as used by the error bound. It also bounds the subsets
   * game, whose worths are weighted means of these rates.
   */
  public static double maxWorth(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    return ChannelSetGame.of(journeys).maxWorth();
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidFieldException if the journeys have conversions but none that did not convert (field
   *     {@code totalNulls}): the conversion-rate game then only says which channel sets were seen
   * @throws ModelLimitException if sampling would pass {@link #maxWork()}
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    RateGame.requireNonConversions(NAME, journeys);
    double[] phi = shapleyValues(journeys);
    double[] weights = new double[phi.length];
    double sum = 0;
    for (int c = 0; c < phi.length; c++) {
      weights[c] = weight(phi[c]);
      sum += weights[c];
    }
    if (!(sum > NOISE)) {
      AttributionResult fallback = SimplifiedShapleyModel.create().attribute(journeys);
      double[] conv = new double[phi.length];
      double[] value = new double[phi.length];
      for (int c = 0; c < phi.length; c++) {
        conv[c] = fallback.conversions(c);
        value[c] = fallback.value(c);
      }
      List<String> note = journeys.totalConversions() > 0
          ? List.of("shapley: the Shapley values add up to " + sum + " (negative=" + label(negative)
              + "), which cannot be split; the credits are those of shapley-simplified")
          : List.of();
      return AttributionResult.of(NAME, journeys, conv, value, true).withNotes(note);
    }
    double[] conv = new double[phi.length];
    double[] value = new double[phi.length];
    for (int c = 0; c < phi.length; c++) {
      double share = weights[c] / sum;
      conv[c] = share * journeys.totalConversions();
      value[c] = share * journeys.totalValue();
    }
    return AttributionResult.of(NAME, journeys, conv, value, true).withNotes(clampNote(journeys, phi));
  }

  /**
   * A note naming the channels on converting paths whose negative value was clamped to no credit, so that
   * the clamp is never a surprise; empty when there are none or values are kept.
   */
  private List<String> clampNote(JourneySet journeys, double[] phi) {
    if (negative == NegativeValues.KEEP) {
      return List.of();
    }
    boolean[] converting = new boolean[phi.length];
    for (int p = 0; p < journeys.pathCount(); p++) {
      if (journeys.conversions(p) > 0) {
        for (int i = journeys.start(p); i < journeys.end(p); i++) {
          converting[journeys.channelAt(i)] = true;
        }
      }
    }
    List<String> clamped = new java.util.ArrayList<>();
    for (int c = 0; c < phi.length; c++) {
      if (converting[c] && phi[c] < -NOISE) {
        clamped.add(journeys.channels().name(c));
      }
    }
    if (clamped.isEmpty()) {
      return List.of();
    }
    return List.of("shapley: " + clamped.size() + " channel(s) on converting paths had a negative Shapley value"
        + " and got no credit (negative=clamp): " + String.join(", ", clamped) + "; a negative value of the"
        + " " + label(worth) + " game is often an artefact of the worth rather than harm (try worth=subsets, or"
        + " negative=keep to see the signed shares)");
  }

  private static String label(Enum<?> choice) {
    return choice.name().toLowerCase(Locale.ROOT);
  }

  /** The weight of a Shapley value in the split: within {@link #NOISE} of zero is zero, then clamped or kept. */
  private double weight(double phi) {
    if (Math.abs(phi) <= NOISE) {
      return 0;
    }
    return negative == NegativeValues.KEEP ? phi : Math.max(phi, 0);
  }

  @Override
  public String toString() {
    return NAME + parameters();
  }
}
