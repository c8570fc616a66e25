package org.engagement.attribution.heuristic;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The rule-based attribution models, with the semantics of the reference systems. For each distinct path
 * with conversions {@code c} and value {@code v}, touches {@code t1 .. tL} (repeats kept, nothing
 * collapsed):
 *
 * <table>
 * <caption>Credit per touch</caption>
 * <tr><th>name</th><th>factory</th><th>rule</th></tr>
 * <tr><td>{@code first-touch}</td><td>{@link #firstTouch()}</td><td>all to {@code t1}</td></tr>
 * <tr><td>{@code last-touch}</td><td>{@link #lastTouch()}</td><td>all to {@code tL}</td></tr>
 * <tr><td>{@code last-non-direct}</td><td>{@link #lastNonDirect(Set)}</td><td>all to the last touch that is
 *     not a direct channel; to {@code tL} if every touch is direct (GA4's "paid and organic last
 *     click")</td></tr>
 * <tr><td>{@code linear}</td><td>{@link #linear()}</td><td>{@code 1/L} to each touch, so a channel touched
 *     twice gets {@code 2/L} (ChannelAttribution's {@code linear_touch})</td></tr>
 * <tr><td>{@code linear-unique}</td><td>{@link #linearUnique()}</td><td>{@code 1/U} to each of the
 *     {@code U} distinct channels of the path (eeghor/mta {@code share="same"}; equals Zhao's simplified
 *     Shapley)</td></tr>
 * <tr><td>{@code position-based}</td><td>{@link #positionBased(double, double, double)}</td><td>weights
 *     first/middle/last (default 0.4/0.2/0.4) normalised to sum 1 (divided by the largest first, so any
 *     finite weights work, up to {@link Double#MAX_VALUE} each): {@code L = 1}: all to {@code t1};
 *     {@code L = 2}: the middle weight is ignored and first and last are renormalised (Adobe), so 40/20/40
 *     gives 50/50; {@code L >= 3}: first to {@code t1}, last to {@code tL}, middle split equally over
 *     {@code t2 .. t(L-1)}</td></tr>
 * <tr><td>{@code j-shaped}</td><td>{@link #jShaped()}</td><td>position-based 20/20/60 (2 touches 25/75;
 *     Adobe)</td></tr>
 * <tr><td>{@code inverse-j}</td><td>{@link #inverseJ()}</td><td>position-based 60/20/20 (2 touches
 *     75/25; Adobe)</td></tr>
 * <tr><td>{@code custom}</td><td>{@link #custom(double, double, double)}</td><td>position-based with the
 *     caller's first/middle/last weights (Adobe "Custom"), under the name {@code custom}</td></tr>
 * <tr><td>{@code participation}</td><td>{@link #participation()}</td><td>{@code c} and {@code v} in full
 *     to every distinct channel of the path (Adobe). Not additive: a channel's credit is the conversions
 *     and value of the paths it is on, the result's totals are still the set's totals, and the credits
 *     together exceed them ({@link AttributionResult#additive()} is false)</td></tr>
 * </table>
 *
 * <p>Channels on no path with conversions or value get zero credit under every rule. Time decay needs touch
 * times and is {@link TimeDecayModel}; W-shaped needs touch types and is {@link WShapedModel}.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class HeuristicModel implements AttributionModel {
  /** The default direct channels of {@code last-non-direct}: {@code direct}, {@code Direct}, {@code (direct)}. */
  public static final Set<String> DEFAULT_DIRECT =
      Collections.unmodifiableSet(new TreeSet<>(Arrays.asList("direct", "Direct", "(direct)")));

  private static final String WEIGHT_RULE = "must be a finite weight, not negative";

  /**
   * The parameter {@code direct} of {@code last-non-direct}: the names of the direct channels, default
   * {@link #DEFAULT_DIRECT}.
   */
  public static final ModelParameter<List<String>> DIRECT = ModelParameter.optional("direct",
      ParameterType.listOf(ParameterType.text()), List.copyOf(DEFAULT_DIRECT),
      "the direct channels, whose touches take the credit only when the whole path is direct");
  /**
   * The parameter {@code first} of {@code custom}: the weight of the first touch, required ({@code
   * position-based} takes it with default 0.4).
   */
  public static final ModelParameter<Double> FIRST = weight("first", "the weight of the first touch");
  /**
   * The parameter {@code middle} of {@code custom}: the weight of the middle touches together, required
   * ({@code position-based} takes it with default 0.2).
   */
  public static final ModelParameter<Double> MIDDLE = weight("middle", "the weight of the middle touches together");
  /**
   * The parameter {@code last} of {@code custom}: the weight of the last touch, required ({@code
   * position-based} takes it with default 0.4).
   */
  public static final ModelParameter<Double> LAST = weight("last", "the weight of the last touch");

  /** The parameters of {@code last-non-direct}. */
  static final List<ModelParameter<?>> LAST_NON_DIRECT_PARAMETERS = List.of(DIRECT);
  /** The parameters of {@code position-based}: the weights with defaults 40/20/40. */
  static final List<ModelParameter<?>> POSITION_PARAMETERS =
      List.of(FIRST.withDefault(0.4), MIDDLE.withDefault(0.2), LAST.withDefault(0.4));
  /** The parameters of {@code custom}: the weights, all required. */
  static final List<ModelParameter<?>> CUSTOM_PARAMETERS = List.of(FIRST, MIDDLE, LAST);

  private enum Kind { FIRST, LAST, LAST_NON_DIRECT, LINEAR, LINEAR_UNIQUE, POSITION, PARTICIPATION }

  private final String name;
  private final Kind kind;
  private final ModelParameters parameters;
  private final double first;
  private final double middle;
  private final double last;
  private final Set<String> direct;

  private HeuristicModel(String name, Kind kind, ModelParameters parameters, double first, double middle,
      double last, Set<String> direct) {
    this.name = name;
    this.kind = kind;
    this.parameters = parameters;
    this.first = first;
    this.middle = middle;
    this.last = last;
    this.direct = direct;
  }

  private static ModelParameter<Double> weight(String name, String description) {
    return ModelParameter.required(name, ParameterType.decimal(), description).withRule(WEIGHT_RULE, w -> w >= 0);
  }

  private static HeuristicModel simple(String name, Kind kind) {
    return new HeuristicModel(name, kind, ModelParameters.none(), 0, 0, 0, Set.of());
  }

  /** First touch: all credit to the first touch. */
  public static HeuristicModel firstTouch() {
    return simple("first-touch", Kind.FIRST);
  }

  /** Last touch: all credit to the last touch. */
  public static HeuristicModel lastTouch() {
    return simple("last-touch", Kind.LAST);
  }

  /**
   * Last non-direct: all credit to the last touch on a channel not in {@code directChannels}; to the last
   * touch if the whole path is direct.
   *
   * @param directChannels the names of the direct channels, matched exactly
   */
  public static HeuristicModel lastNonDirect(Set<String> directChannels) {
    requireNonNull(directChannels, "directChannels");
    Set<String> copy = Collections.unmodifiableSet(new TreeSet<>(directChannels));
    return new HeuristicModel("last-non-direct", Kind.LAST_NON_DIRECT,
        ModelParameters.none().with(DIRECT, List.copyOf(copy)), 0, 0, 0, copy);
  }

  /** Last non-direct with the ids of those of {@code channels} whose group is {@link ChannelGroup#DIRECT}. */
  public static HeuristicModel lastNonDirectByGroup(Collection<Channel> channels) {
    requireNonNull(channels, "channels");
    Set<String> ids = new TreeSet<>();
    for (Channel channel : channels) {
      if (channel.group() == ChannelGroup.DIRECT) {
        ids.add(channel.id());
      }
    }
    return lastNonDirect(ids);
  }

  /** Linear per touch: equal credit to every touch, repeats included. */
  public static HeuristicModel linear() {
    return simple("linear", Kind.LINEAR);
  }

  /** Linear per unique channel: equal credit to every distinct channel of the path. */
  public static HeuristicModel linearUnique() {
    return simple("linear-unique", Kind.LINEAR_UNIQUE);
  }

  /** Position-based (U-shaped) 40/20/40. */
  public static HeuristicModel positionBased() {
    return positionBased(0.4, 0.2, 0.4);
  }

  /**
   * Position-based with weights for the first touch, the middle touches together and the last touch.
   *
   * @throws InvalidFieldException if a weight is negative or not finite, or all are zero
   */
  public static HeuristicModel positionBased(double first, double middle, double last) {
    return position("position-based", first, middle, last, true);
  }

  /** J-shaped: 20/20/60, 2 touches 25/75. */
  public static HeuristicModel jShaped() {
    return position("j-shaped", 0.2, 0.2, 0.6, false);
  }

  /** Inverse J: 60/20/20, 2 touches 75/25. */
  public static HeuristicModel inverseJ() {
    return position("inverse-j", 0.6, 0.2, 0.2, false);
  }

  /**
   * Custom first/middle/last weights (normalised to sum 1).
   *
   * @throws InvalidFieldException if a weight is negative or not finite, or all are zero
   */
  public static HeuristicModel custom(double first, double middle, double last) {
    return position("custom", first, middle, last, true);
  }

  /** Participation: full credit to every distinct channel of a path (not additive). */
  public static HeuristicModel participation() {
    return simple("participation", Kind.PARTICIPATION);
  }

  private static HeuristicModel position(String name, double first, double middle, double last,
      boolean showParameters) {
    requireWeight(FIRST.name(), first);
    requireWeight(MIDDLE.name(), middle);
    requireWeight(LAST.name(), last);
    // Scaled by the largest weight first, so that the sum cannot overflow (1e308 three times) and the
    // shares are those of the weights however large or small they are.
    double largest = Math.max(first, Math.max(middle, last));
    if (largest <= 0) {
      throw new InvalidFieldException("weights", first + "/" + middle + "/" + last, "must not all be zero");
    }
    double f = first / largest;
    double m = middle / largest;
    double l = last / largest;
    double sum = f + m + l;
    ModelParameters parameters = ModelParameters.none();
    if (showParameters) {
      parameters = ModelParameters.none().with(FIRST, first).with(MIDDLE, middle).with(LAST, last);
    }
    return new HeuristicModel(name, Kind.POSITION, parameters, f / sum, m / sum, l / sum, Set.of());
  }

  private static void requireWeight(String field, double weight) {
    if (!Double.isFinite(weight) || weight < 0) {
      throw new InvalidFieldException(field, weight, WEIGHT_RULE);
    }
  }

  /** {@code last-non-direct} from resolved {@link #LAST_NON_DIRECT_PARAMETERS}. */
  static HeuristicModel lastNonDirect(ModelParameters parameters) {
    return lastNonDirect(new TreeSet<>(parameters.get(DIRECT)));
  }

  /** {@code position-based} from resolved {@link #POSITION_PARAMETERS}. */
  static HeuristicModel positionBased(ModelParameters parameters) {
    return positionBased(parameters.get(FIRST), parameters.get(MIDDLE), parameters.get(LAST));
  }

  /** {@code custom} from resolved {@link #CUSTOM_PARAMETERS}. */
  static HeuristicModel custom(ModelParameters parameters) {
    return custom(parameters.get(FIRST), parameters.get(MIDDLE), parameters.get(LAST));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public ModelParameters parameters() {
    return parameters;
  }

  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int channelCount = journeys.channels().size();
    double[] conv = new double[channelCount];
    double[] value = new double[channelCount];
    Weights weights = new Weights(directFlags(journeys.channels()));
    Touches touches = journeys::channelAt;
    for (int p = 0; p < journeys.pathCount(); p++) {
      double c = journeys.conversions(p);
      double v = journeys.value(p);
      if (c == 0 && v == 0) {
        continue;
      }
      weights.weigh(touches, journeys.start(p), journeys.end(p), p);
      for (int k = 0; k < weights.count; k++) {
        int channel = weights.channels[k];
        conv[channel] += c * weights.weights[k];
        value[channel] += v * weights.weights[k];
      }
    }
    return AttributionResult.of(name, journeys, conv, value, kind != Kind.PARTICIPATION);
  }

  /**
   * {@inheritDoc}
   *
   * <p>These rules credit each journey on its own: a converting journey hands out its one conversion and
   * its value by the rule of its path, so the rows add up to the per-channel result exactly and equal
   * {@link #attribute} of the journeys' set to rounding.
   */
  @Override
  public JourneyCredits creditJourneys(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    JourneyCredits.Builder credits = JourneyCredits.builder(name, journeys, kind != Kind.PARTICIPATION);
    Weights weights = new Weights(directFlags(journeys.channels()));
    Touches touches = journeys::channelAt;
    for (int j = 0; j < journeys.size(); j++) {
      if (journeys.converted(j)) {
        double v = journeys.value(j);
        weights.weigh(touches, journeys.start(j), journeys.end(j), j);
        for (int k = 0; k < weights.count; k++) {
          credits.credit(weights.channels[k], weights.weights[k], v * weights.weights[k]);
        }
      }
      credits.endJourney(j);
    }
    return credits.build();
  }

  private boolean[] directFlags(ChannelIndex channels) {
    boolean[] isDirect = new boolean[channels.size()];
    if (kind == Kind.LAST_NON_DIRECT) {
      for (int ch = 0; ch < isDirect.length; ch++) {
        isDirect[ch] = direct.contains(channels.name(ch));
      }
    }
    return isDirect;
  }

  /** The channel at a flat touch position of a journey set or of journeys. */
  @FunctionalInterface
  private interface Touches {
    int channelAt(int position);
  }

  /**
   * The share of one path's (or journey's) conversion each touch gets under this model's rule, as
   * {@code count} pairs of channel and weight (a channel may appear more than once). Not thread-safe: one
   * per call of the model.
   */
  private final class Weights {
    private final boolean[] isDirect;
    private final int[] stamp;
    private final int[] unique;
    int[] channels = new int[16];
    double[] weights = new double[16];
    int count;

    Weights(boolean[] isDirect) {
      this.isDirect = isDirect;
      this.stamp = new int[isDirect.length];
      Arrays.fill(stamp, -1);
      this.unique = new int[isDirect.length];
    }

    /** Weighs the touches {@code start .. end - 1}; {@code key} differs from the previous call's. */
    void weigh(Touches touches, int start, int end, int key) {
      count = 0;
      int length = end - start;
      if (channels.length < length) {
        channels = new int[length];
        weights = new double[length];
      }
      switch (kind) {
        case FIRST -> add(touches.channelAt(start), 1);
        case LAST -> add(touches.channelAt(end - 1), 1);
        case LAST_NON_DIRECT -> {
          int chosen = touches.channelAt(end - 1);
          for (int i = end - 1; i >= start; i--) {
            int ch = touches.channelAt(i);
            if (!isDirect[ch]) {
              chosen = ch;
              break;
            }
          }
          add(chosen, 1);
        }
        case LINEAR -> {
          double w = 1.0 / length;
          for (int i = start; i < end; i++) {
            add(touches.channelAt(i), w);
          }
        }
        case LINEAR_UNIQUE, PARTICIPATION -> {
          int distinct = 0;
          for (int i = start; i < end; i++) {
            int ch = touches.channelAt(i);
            if (stamp[ch] != key) {
              stamp[ch] = key;
              unique[distinct++] = ch;
            }
          }
          double w = kind == Kind.PARTICIPATION ? 1 : 1.0 / distinct;
          for (int k = 0; k < distinct; k++) {
            add(unique[k], w);
          }
        }
        case POSITION -> position(touches, start, length);
        default -> throw new AssertionError(kind);
      }
    }

    private void position(Touches touches, int start, int length) {
      if (length == 1) {
        add(touches.channelAt(start), 1);
        return;
      }
      if (length == 2) {
        double ends = first + last;
        double wf = ends > 0 ? first / ends : 0.5;
        add(touches.channelAt(start), wf);
        add(touches.channelAt(start + 1), 1 - wf);
        return;
      }
      add(touches.channelAt(start), first);
      add(touches.channelAt(start + length - 1), last);
      double wm = middle / (length - 2);
      for (int i = start + 1; i < start + length - 1; i++) {
        add(touches.channelAt(i), wm);
      }
    }

    private void add(int channel, double weight) {
      channels[count] = channel;
      weights[count] = weight;
      count++;
    }
  }

  @Override
  public String toString() {
    return parameters.isEmpty() ? name : name + parameters;
  }
}
