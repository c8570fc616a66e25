package org.engagement.attribution.heuristic;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.OptionalDouble;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;

/**
 * Assisted conversions per channel, as web analytics defines them: a channel assists a conversion when it
 * appears on the converting path anywhere but as the last touch. A channel that appears both before the
 * end and as the last touch of one path both assists and closes it (counted once in each). The assist
 * ratio is assisted conversions over last-touch conversions: well above 1 for channels that open and
 * nurture, below 1 for channels that close.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AssistedConversions {
  private final ChannelIndex channels;
  private final double[] assisted;
  private final double[] assistedValue;
  private final double[] lastTouch;
  private final double[] lastTouchValue;

  private AssistedConversions(ChannelIndex channels, double[] assisted, double[] assistedValue,
      double[] lastTouch, double[] lastTouchValue) {
    this.channels = channels;
    this.assisted = assisted;
    this.assistedValue = assistedValue;
    this.lastTouch = lastTouch;
    this.lastTouchValue = lastTouchValue;
  }

  /** Counts assists and last touches over the paths of {@code journeys}. */
  public static AssistedConversions of(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    int n = journeys.channels().size();
    double[] assisted = new double[n];
    double[] assistedValue = new double[n];
    double[] lastTouch = new double[n];
    double[] lastTouchValue = new double[n];
    int[] stamp = new int[n];
    Arrays.fill(stamp, -1);
    for (int p = 0; p < journeys.pathCount(); p++) {
      double c = journeys.conversions(p);
      double v = journeys.value(p);
      if (c == 0 && v == 0) {
        continue;
      }
      int end = journeys.end(p);
      int last = journeys.channelAt(end - 1);
      lastTouch[last] += c;
      lastTouchValue[last] += v;
      for (int i = journeys.start(p); i < end - 1; i++) {
        int ch = journeys.channelAt(i);
        if (stamp[ch] != p) {
          stamp[ch] = p;
          assisted[ch] += c;
          assistedValue[ch] += v;
        }
      }
    }
    return new AssistedConversions(journeys.channels(), assisted, assistedValue, lastTouch, lastTouchValue);
  }

  /** The channels, by id. */
  public ChannelIndex channels() {
    return channels;
  }

  /** Conversions that channel id {@code channel} assisted. */
  public double assisted(int channel) {
    return assisted[channel];
  }

  /** Value of the conversions that channel id {@code channel} assisted. */
  public double assistedValue(int channel) {
    return assistedValue[channel];
  }

  /** Conversions whose last touch was channel id {@code channel}. */
  public double lastTouch(int channel) {
    return lastTouch[channel];
  }

  /** Value of the conversions whose last touch was channel id {@code channel}. */
  public double lastTouchValue(int channel) {
    return lastTouchValue[channel];
  }

  /**
   * Assisted over last-touch conversions of channel id {@code channel}; empty when the channel closed no
   * conversion.
   */
  public OptionalDouble assistRatio(int channel) {
    return lastTouch[channel] == 0 ? OptionalDouble.empty() : OptionalDouble.of(assisted[channel] / lastTouch[channel]);
  }
}
