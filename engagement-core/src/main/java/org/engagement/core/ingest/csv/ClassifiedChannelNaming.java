package org.engagement.core.ingest.csv;

/**
 * How the CSV adapter names the channel of a row that gives UTM fields or a referrer instead of a
 * channel id.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum ClassifiedChannelNaming {
  /**
   * One channel per channel group: id {@code organic_social}, name "Organic Social" (the default, and
   * the level most attribution reports work at).
   */
  GROUP,
  /**
   * One channel per source and medium: id {@code facebook / cpc}, in the group the classifier gives;
   * a row without a source is {@code (direct) / (none)}, one with only a referrer uses the referrer's
   * host as source and {@code referral} as medium.
   */
  SOURCE_MEDIUM
}
