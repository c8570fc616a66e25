package org.engagement.core.channel;

import java.util.Optional;
import org.engagement.core.domain.ChannelGroup;

/**
 * One custom classification rule: it either claims a touch for a group or lets the next rule
 * decide.
 *
 * <p>Businesses tag links their own way ({@code utm_source=partner-portal}, a campaign naming
 * convention, an in-house medium); a rule maps such a convention to a group ahead of the
 * {@linkplain ChannelClassifier#defaultRules() default rules}. Register rules with {@link
 * ChannelClassifier.Builder#rule(ClassificationRule)}, or use the builder's ready-made forms such
 * as {@link ChannelClassifier.Builder#sourceIs(String, ChannelGroup)}.
 *
 * <p>A rule sees the {@linkplain TrafficSource normalised} fields with their original case, so it
 * should compare case-insensitively (with {@link String#equalsIgnoreCase(String)} or {@link
 * java.util.Locale#ROOT}). Rules are called concurrently and for every distinct touch, so they must
 * be thread-safe, free of side effects and cheap.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ClassificationRule {

  /**
   * Decides the group of {@code traffic}, or declines.
   *
   * @param traffic the touch to classify
   * @return the group, or {@link Optional#empty()} to let the next rule decide; never {@code null}
   */
  Optional<ChannelGroup> classify(TrafficSource traffic);
}
