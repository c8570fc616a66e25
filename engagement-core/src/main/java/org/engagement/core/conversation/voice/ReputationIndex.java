package org.engagement.core.conversation.voice;

import org.engagement.core.domain.InvalidFieldException;

/**
 * A reputation index from 0 to 100 that weighs how much of the conversation is ours against how
 * favourable it is:
 *
 * <pre>  index = 100 · (w · shareOfVoice + (1 − w) · (netSentiment + 1) / 2)</pre>
 *
 * <p>Share of voice is in [0, 1] and net sentiment in [−1, 1], mapped onto [0, 1]; {@code w} is the weight
 * of share of voice. With the default {@code w = 0.5}, parity with one competitor in a neutral tone scores
 * 50, owning the whole conversation with every scored mention positive scores 100, and silence scores 25
 * (no voice, neutral tone). The index is a documented convention for tracking one brand over time, not a
 * calibrated measure to compare across markets. Immutable and thread-safe.
 *
 * @param voiceWeight the weight {@code w} of share of voice: from 0 to 1
 * @since 0.1.0
 */
public record ReputationIndex(double voiceWeight) {
  /**
   * Validates the weight.
   *
   * @throws InvalidFieldException if the weight is not in [0, 1]
   */
  public ReputationIndex {
    if (!(voiceWeight >= 0 && voiceWeight <= 1)) {
      throw new InvalidFieldException("voiceWeight", voiceWeight, "must be a number from 0 to 1");
    }
  }

  /** Equal weight to share of voice and sentiment. */
  public static ReputationIndex defaults() {
    return new ReputationIndex(0.5);
  }

  /**
   * The index for {@code shareOfVoice} in [0, 1] and {@code netSentiment} in [−1, 1].
   *
   * @throws InvalidFieldException if an argument is out of its range
   */
  public double of(double shareOfVoice, double netSentiment) {
    if (!(shareOfVoice >= 0 && shareOfVoice <= 1)) {
      throw new InvalidFieldException("shareOfVoice", shareOfVoice, "must be a number from 0 to 1");
    }
    if (!(netSentiment >= -1 && netSentiment <= 1)) {
      throw new InvalidFieldException("netSentiment", netSentiment, "must be a number from -1 to 1");
    }
    return 100 * (voiceWeight * shareOfVoice + (1 - voiceWeight) * (netSentiment + 1) / 2);
  }
}
