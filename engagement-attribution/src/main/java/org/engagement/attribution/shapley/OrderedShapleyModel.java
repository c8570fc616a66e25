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
      for (int k = positions.channelOffsets[ch]; k < positions.channelOffsets[ch + 1]; k++) {
        conv[ch] += positions.conversions[k];
        value[ch] += positions.values[k];
      }
    }
    return AttributionResult.of(NAME, journeys, conv, value, true);
  }

  /**
   * Credit per channel and touch position, as defined above. Only the cells that get credit are kept, so
   * time and memory are linear in the touches of the converting paths (times a logarithm for sorting),
   * however many channels and positions there are: one journey through 100,000 distinct channels is
   * 100,000 cells, not 10^10.
   */
  public ByPosition byPosition(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int channelCount = journeys.channels().size();
    int positions = 0;
    int touches = 0;
    for (int p = 0; p < journeys.pathCount(); p++) {
      if (journeys.conversions(p) != 0 || journeys.value(p) != 0) {
        positions = Math.max(positions, journeys.length(p));
        touches += journeys.length(p);
      }
    }
    // Each touch of a converting path, in path order: its channel, position and shares.
    int[] touchChannel = new int[touches];
    int[] touchPosition = new int[touches];
    double[] touchConv = new double[touches];
    double[] touchValue = new double[touches];
    int[] stamp = new int[channelCount];
    Arrays.fill(stamp, -1);
    int[] occurrences = new int[channelCount];
    int t = 0;
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
      for (int i = start; i < end; i++, t++) {
        int ch = journeys.channelAt(i);
        double share = 1.0 / ((double) unique * occurrences[ch]);
        touchChannel[t] = ch;
        touchPosition[t] = i - start + 1;
        touchConv[t] = c * share;
        touchValue[t] = v * share;
      }
    }
    return ByPosition.of(journeys.channels(), positions, touchChannel, touchPosition, touchConv, touchValue);
  }

  /**
   * Ordered Shapley credits by channel id and touch position (from 1). Only cells with credit are stored
   * (by channel, then position), so its size is linear in the touches of the converting paths. Immutable
   * and thread-safe: the arrays are private and never handed out.
   *
   * @since 0.1.0
   */
  public static final class ByPosition {
    private final ChannelIndex channels;
    private final int positions;
    private final int[] channelOffsets;
    private final int[] cellPositions;
    private final double[] conversions;
    private final double[] values;

    private ByPosition(ChannelIndex channels, int positions, int[] channelOffsets, int[] cellPositions,
        double[] conversions, double[] values) {
      this.channels = channels;
      this.positions = positions;
      this.channelOffsets = channelOffsets;
      this.cellPositions = cellPositions;
      this.conversions = conversions;
      this.values = values;
    }

    /**
     * The cells of the touches given in path order: grouped by channel (stable), then by position
     * (stable), so that each cell sums its touches in path order.
     */
    static ByPosition of(ChannelIndex channels, int positions, int[] touchChannel, int[] touchPosition,
        double[] touchConv, double[] touchValue) {
      int n = channels.size();
      int[] bucket = new int[n + 1];
      for (int ch : touchChannel) {
        bucket[ch + 1]++;
      }
      for (int ch = 0; ch < n; ch++) {
        bucket[ch + 1] += bucket[ch];
      }
      int[] byChannel = new int[touchChannel.length];
      int[] fill = Arrays.copyOf(bucket, n);
      for (int t = 0; t < touchChannel.length; t++) {
        byChannel[fill[touchChannel[t]]++] = t;
      }
      int[] offsets = new int[n + 1];
      int[] cellPositions = new int[touchChannel.length];
      double[] conv = new double[touchChannel.length];
      double[] value = new double[touchChannel.length];
      int cells = 0;
      for (int ch = 0; ch < n; ch++) {
        long[] keys = new long[bucket[ch + 1] - bucket[ch]];
        for (int k = 0; k < keys.length; k++) {
          keys[k] = ((long) touchPosition[byChannel[bucket[ch] + k]] << 32) | k;
        }
        Arrays.sort(keys);
        for (long key : keys) {
          int t = byChannel[bucket[ch] + (int) key];
          if (cells == offsets[ch] || cellPositions[cells - 1] != touchPosition[t]) {
            cellPositions[cells++] = touchPosition[t];
          }
          conv[cells - 1] += touchConv[t];
          value[cells - 1] += touchValue[t];
        }
        offsets[ch + 1] = cells;
      }
      return new ByPosition(channels, positions, offsets, Arrays.copyOf(cellPositions, cells),
          Arrays.copyOf(conv, cells), Arrays.copyOf(value, cells));
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
      int cell = cell(channel, position);
      return cell < 0 ? 0 : conversions[cell];
    }

    /**
     * Value credit of channel id {@code channel} at touch position {@code position}.
     *
     * @param position from 1 to {@link #positions()}
     * @throws IndexOutOfBoundsException if the channel or position is out of range
     */
    public double value(int channel, int position) {
      int cell = cell(channel, position);
      return cell < 0 ? 0 : values[cell];
    }

    /** The index of the cell, or -1 if it has no credit. */
    private int cell(int channel, int position) {
      if (channel < 0 || channel >= channels.size() || position < 1 || position > positions) {
        throw new IndexOutOfBoundsException("channel " + channel + ", position " + position + " (channels: "
            + channels.size() + ", positions: 1.." + positions + ")");
      }
      int found = Arrays.binarySearch(cellPositions, channelOffsets[channel], channelOffsets[channel + 1], position);
      return found < 0 ? -1 : found;
    }
  }
}
