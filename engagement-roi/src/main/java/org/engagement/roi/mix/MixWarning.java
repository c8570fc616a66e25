package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

/**
 * Something about a fit that a reader of its figures should know before acting on them: a channel the data
 * could not tell apart from nothing, an estimate stopped at the edge of the range searched (so the data would
 * have gone further, and the interval is cut there), or a channel whose spend never varies (so its effect is
 * indistinguishable from the intercept and comes from the priors alone), or a channel whose ROI the data cannot
 * pin down (so a cautious recommendation does not move its money). Immutable and thread-safe.
 *
 * @param channel the channel concerned
 * @param kind what was found
 * @param message one line saying it, naming the channel and the value
 * @since 0.1.0
 */
public record MixWarning(String channel, Kind kind, String message) {

  /**
   * The kinds of warning.
   *
   * @since 0.1.0
   */
  public enum Kind {
    /** The channel's estimated effect is zero: no response could be told apart from the noise. */
    NO_EFFECT,
    /** A non-linear estimate (half-life, delay, half-saturation, shape) stopped at a limit of its range. */
    AT_LIMIT,
    /** The channel's spend is the same in every period. */
    CONSTANT_SPEND,
    /**
     * The data cannot pin the channel's ROI down ({@link ChannelIdentification#pinnedDown()}) and no lift test
     * backs it, so a cautious budget recommendation keeps its spend.
     */
    NOT_IDENTIFIED
  }

  /** Checks for nulls. */
  public MixWarning {
    requireNonNull(channel, "channel");
    requireNonNull(kind, "kind");
    requireNonNull(message, "message");
  }
}
