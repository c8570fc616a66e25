package org.engagement.attribution.shapley;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ParameterlessModel;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;

/**
 * The ordered Shapley value of Zhao, Mahboobi and Bagheri (2018), registered as {@code shapley-ordered}:
 * credit per channel <em>and touch position</em>.
 *
 * <p>Following the attribution reference (section 7, "Zhao et al. 2018 (ordered)"), the credit of channel
 * {@code j} at position {@code i} is {@code φ_j^(i) = Σ_{S ∋ j} (1/|S|) · R_S(j at touch i)}, where a
 * path's conversions are first split equally among its {@code |S|} distinct channels (the simplified
 * Shapley value) and a channel's share is then divided equally among its occurrences on the path, each
 * occurrence crediting the position it is at. So on a converting path of {@code U} distinct channels, with
 * channel {@code j} touched {@code k_j} times, every touch of {@code j} gets {@code c / (U · k_j)} of the
 * path's {@code c} conversions (and likewise of its value). Positions count raw touches from 1, repeats
 * included.
 *
 * <p>This is the variant the reference recommends: summing over positions gives back the simplified
 * Shapley value ({@code Σ_i φ_j^(i) = φ_j}), so efficiency holds and {@link #attribute(JourneySet)}
 * returns exactly the credits of {@link SimplifiedShapleyModel}; the positional split is
 * {@link #byPosition(JourneySet)}. (The other published variant credits every occurrence in full, so its
 * positional credits can exceed the channel's; it is not implemented.) Non-converting journeys are ignored.
 *
 * <p>Instances are immutable and thread-safe (the model has no state; each call allocates its own arrays).
 *
 * @since 0.1.0
 */
public final class OrderedShapleyModel extends ParameterlessModel {
  /** The registry name. */
  public static final String NAME = "shapley-ordered";

  private static final OrderedShapleyModel INSTANCE = new OrderedShapleyModel();

  private OrderedShapleyModel() {
    super(NAME);
  }

  /** The model (it has no parameters). */
  public static OrderedShapleyModel create() {
    return INSTANCE;
  }

  /** Credit per channel: the positional credits summed over positions (the simplified Shapley value). */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    ByPosition positions = byPosition(journeys);
    int channelCount = journeys.channels().size();
    double[] conv = new double[channelCount];
    double[] value = new double[channelCount];
    for (int ch = 0; ch < channelCount; ch++) {
      for (int i = 1; i <= positions.positions(); i++) {
        conv[ch] += positions.conversions(ch, i);
        value[ch] += positions.value(ch, i);
      }
    }
    return AttributionResult.of(NAME, journeys.channels(), conv, value, journeys.totalConversions(),
        journeys.totalValue(), true);
  }

  /** Credit per channel and touch position, as defined above. */
  public ByPosition byPosition(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int channelCount = journeys.channels().size();
    int positions = 0;
    for (int p = 0; p < journeys.pathCount(); p++) {
      if (journeys.conversions(p) != 0 || journeys.value(p) != 0) {
        positions = Math.max(positions, journeys.length(p));
      }
    }
    double[] conv = new double[channelCount * positions];
    double[] value = new double[channelCount * positions];
    int[] stamp = new int[channelCount];
    Arrays.fill(stamp, -1);
    int[] occurrences = new int[channelCount];
    for (int p = 0; p < journeys.pathCount(); p++) {
      double c = journeys.conversions(p);
      double v = journeys.value(p);
      if (c == 0 && v == 0) {
        continue;
      }
      int start = journeys.start(p);
      int end = journeys.end(p);
      int unique = 0;
      for (int i = start; i < end; i++) {
        int ch = journeys.channelAt(i);
        if (stamp[ch] != p) {
          stamp[ch] = p;
          occurrences[ch] = 0;
          unique++;
        }
        occurrences[ch]++;
      }
      for (int i = start; i < end; i++) {
        int ch = journeys.channelAt(i);
        double share = 1.0 / ((double) unique * occurrences[ch]);
        int cell = ch * positions + (i - start);
        conv[cell] += c * share;
        value[cell] += v * share;
      }
    }
    return new ByPosition(journeys.channels(), positions, conv, value);
  }


  /**
   * Ordered Shapley credits by channel id and touch position (from 1). Immutable and thread-safe: the
   * arrays are private and never handed out.
   *
   * @since 0.1.0
   */
  public static final class ByPosition {
    private final ChannelIndex channels;
    private final int positions;
    private final double[] conversions;
    private final double[] values;

    private ByPosition(ChannelIndex channels, int positions, double[] conversions, double[] values) {
      this.channels = channels;
      this.positions = positions;
      this.conversions = conversions;
      this.values = values;
    }

    /** The channels, by id. */
    public ChannelIndex channels() {
      return channels;
    }

    /** The largest position with credit: the length of the longest path with conversions or value. */
    public int positions() {
      return positions;
    }

    /**
     * Conversion credit of channel id {@code channel} at touch position {@code position}.
     *
     * @param position from 1 to {@link #positions()}
     * @throws IndexOutOfBoundsException if the channel or position is out of range
     */
    public double conversions(int channel, int position) {
      return conversions[cell(channel, position)];
    }

    /**
     * Value credit of channel id {@code channel} at touch position {@code position}.
     *
     * @param position from 1 to {@link #positions()}
     * @throws IndexOutOfBoundsException if the channel or position is out of range
     */
    public double value(int channel, int position) {
      return values[cell(channel, position)];
    }

    private int cell(int channel, int position) {
      if (channel < 0 || channel >= channels.size() || position < 1 || position > positions) {
        throw new IndexOutOfBoundsException("channel " + channel + ", position " + position + " (channels: "
            + channels.size() + ", positions: 1.." + positions + ")");
      }
      return channel * positions + position - 1;
    }
  }
}
