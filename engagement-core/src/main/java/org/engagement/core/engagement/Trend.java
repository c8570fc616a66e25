package org.engagement.core.engagement;

/**
 * Which way engagement is heading, as a {@link TrendRule} classifies an {@link EngagementSeries}.
 * Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum Trend {
  /** The latest period is clearly above the periods before it. */
  RISING,
  /** The latest period is within the threshold of the periods before it, or there is nothing to compare with. */
  STABLE,
  /** The latest period is clearly below the periods before it. */
  FALLING
}
