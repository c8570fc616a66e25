package org.engagement.roi.mix;

/**
 * The shape of a channel's carry-over. Thread-safe.
 *
 * @since 0.1.0
 */
public enum Adstock {
  /** Geometric decay from the period of spend: most channels. */
  GEOMETRIC,
  /** A delayed peak with a symmetric decay around it (Jin et al. 2017): events, slow relationships. */
  DELAYED
}
