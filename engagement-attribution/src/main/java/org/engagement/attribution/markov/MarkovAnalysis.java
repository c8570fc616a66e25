package org.engagement.attribution.markov;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.engagement.attribution.AttributionResult;

/**
 * Everything {@link MarkovModel} computed on one journey set: the chain, the probability and expected value
 * of conversion from {@code (start)}, the removal effect of every channel for conversions and for value,
 * and the attribution they give.
 *
 * <p>Removal effects are indexed by the channel ids of {@link MarkovChain#channels()}; a channel in no state
 * of the chain (one only on paths without conversions or nulls) has removal effect 0. Instances are
 * immutable and thread-safe: the arrays are private copies that are never written after construction.
 *
 * @since 0.1.0
 */
public final class MarkovAnalysis {
  private final MarkovChain chain;
  private final double conversionProbability;
  private final double conversionValue;
  private final double[] removalEffects;
  private final double[] valueRemovalEffects;
  private final AttributionResult result;
  private final int sweeps;

  MarkovAnalysis(MarkovChain chain, double conversionProbability, double conversionValue,
      double[] removalEffects, double[] valueRemovalEffects, AttributionResult result, int sweeps) {
    this.chain = chain;
    this.conversionProbability = conversionProbability;
    this.conversionValue = conversionValue;
    this.removalEffects = removalEffects.clone();
    this.valueRemovalEffects = valueRemovalEffects.clone();
    this.result = result;
    this.sweeps = sweeps;
  }

  /** The chain, with its transition matrix. */
  public MarkovChain chain() {
    return chain;
  }

  /** The probability that a walk from {@code (start)} is absorbed in {@code (conversion)}. */
  public double conversionProbability() {
    return conversionProbability;
  }

  /**
   * The expected converting value of a walk from {@code (start)}: the sum over the last states {@code s} of
   * the probability of converting from {@code s} times {@link MarkovChain#meanValue(int)}.
   */
  public double conversionValue() {
    return conversionValue;
  }

  /**
   * The conversion removal effect {@code 1 - P(conversion without c) / P(conversion)} of channel id
   * {@code channel}.
   */
  public double removalEffect(int channel) {
    return removalEffects[channel];
  }

  /** The value removal effect {@code 1 - V(without c) / V} of channel id {@code channel}. */
  public double valueRemovalEffect(int channel) {
    return valueRemovalEffects[channel];
  }

  /** The conversion removal effects by channel name, in channel order. */
  public Map<String, Double> removalEffects() {
    return byName(removalEffects);
  }

  /** The value removal effects by channel name, in channel order. */
  public Map<String, Double> valueRemovalEffects() {
    return byName(valueRemovalEffects);
  }

  private Map<String, Double> byName(double[] effects) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int c = 0; c < effects.length; c++) {
      map.put(chain.channels().name(c), effects[c]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The credits: removal effects normalised to sum 1, times the totals. */
  public AttributionResult result() {
    return result;
  }

  /**
   * The Gauss–Seidel sweeps over all the solves together, for diagnostics: each solve counts the most sweeps
   * any of its strongly connected components took (1 for a solve whose chain has no cycle), since the
   * components are solved one after the other.
   */
  public int sweeps() {
    return sweeps;
  }

  @Override
  public String toString() {
    return "MarkovAnalysis[" + chain + ", P(conversion) " + conversionProbability + ", removal effects "
        + removalEffects() + "]";
  }
}
