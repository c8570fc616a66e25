package org.engagement.roi.selfreport;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.engagement.attribution.AttributionResult;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Measured attribution blended with what customers say, by one documented rule.
 *
 * <p>With weight {@code w} (the trust put in the survey), a channel's blended credit is
 *
 * <pre>
 *   blended(c) = (1 − w) · measured(c) + w · share(c) · measuredTotal
 * </pre>
 *
 * where {@code measured(c)} is the channel's credit under the chosen attribution model,
 * {@code share(c)} the share of the mapped survey answers that name it, and {@code measuredTotal} the
 * total the model attributed. The same rule applies to conversions and to value, and the blended
 * credits add up to the measured total when the model is additive. The two terms are kept apart
 * ({@link #measuredValue}, {@link #selfReportedValue}) so a report can show how much of a channel's
 * credit rests on what people said. When no answer named a channel the survey says nothing, and the
 * effective weight is 0 whatever was asked for. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class HybridAttribution {
  private final AttributionResult measured;
  private final SelfReportedAttribution selfReported;
  private final double weight;

  private HybridAttribution(AttributionResult measured, SelfReportedAttribution selfReported, double weight) {
    this.measured = measured;
    this.selfReported = selfReported;
    this.weight = weight;
  }

  /**
   * Blends {@code measured} with {@code selfReported}, trusting the survey with {@code weight}.
   *
   * @throws InvalidFieldException if {@code weight} is not in [0, 1]
   */
  public static HybridAttribution blend(
      AttributionResult measured, SelfReportedAttribution selfReported, double weight) {
    requireNonNull(measured, "measured");
    requireNonNull(selfReported, "selfReported");
    if (!(weight >= 0 && weight <= 1)) {
      throw new InvalidFieldException("weight", weight, "must be in [0, 1]");
    }
    return new HybridAttribution(measured, selfReported, selfReported.mapped() == 0 ? 0 : weight);
  }

  /** Measured attribution alone (weight 0). */
  public static HybridAttribution measuredOnly(AttributionResult measured) {
    return new HybridAttribution(
        requireNonNull(measured, "measured"), SelfReportedAttribution.of(Set.of(), AnswerMapping.builder().build()), 0);
  }

  /** The weight in effect: the one asked for, or 0 when no survey answer was mapped. */
  public double weight() {
    return weight;
  }

  /** The measured attribution result. */
  public AttributionResult measured() {
    return measured;
  }

  /** The survey counts. */
  public SelfReportedAttribution selfReported() {
    return selfReported;
  }

  /** The channels of the measured result and of the survey, in name order. */
  public Set<String> channels() {
    TreeSet<String> channels = new TreeSet<>(measured.channelNames());
    channels.addAll(selfReported.countsByChannel().keySet());
    return Collections.unmodifiableSet(channels);
  }

  /** The measured term of {@code channel}'s value credit: {@code (1 − w) · measured(c)}. */
  public double measuredValue(String channel) {
    return (1 - weight) * measured.value(channel);
  }

  /** The self-reported term of {@code channel}'s value credit: {@code w · share(c) · measuredTotal}. */
  public double selfReportedValue(String channel) {
    return weight * selfReported.share(channel) * measured.totalValue();
  }

  /** The blended value credit of {@code channel}. */
  public double value(String channel) {
    return measuredValue(channel) + selfReportedValue(channel);
  }

  /** The blended conversion credit of {@code channel}, by the same rule. */
  public double conversions(String channel) {
    return (1 - weight) * measured.conversions(channel)
        + weight * selfReported.share(channel) * measured.totalConversions();
  }

  @Override
  public String toString() {
    return "HybridAttribution[" + measured.model() + ", survey weight " + weight + "]";
  }
}
