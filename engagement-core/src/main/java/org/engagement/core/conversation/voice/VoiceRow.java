package org.engagement.core.conversation.voice;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Share of voice in one period, on one channel or on all. Immutable and thread-safe.
 *
 * @param channel the channel, or {@code null} for all channels together
 * @param periodStart the first day of the period
 * @param brands one entry per brand, ours first, then the competitors in their given order
 * @since 0.1.0
 */
public record VoiceRow(@Nullable Channel channel, LocalDate periodStart, List<BrandVoice> brands) {
  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if there is no brand
   */
  public VoiceRow {
    requireNonNull(periodStart, "periodStart");
    brands = List.copyOf(brands);
    if (brands.isEmpty()) {
      throw new InvalidFieldException("brands", "[]", "must hold at least our brand");
    }
  }

  /** Our brand's entry. */
  public BrandVoice ours() {
    return brands.get(0);
  }

  /** Mentions of every brand counted. */
  public long total() {
    return brands.stream().mapToLong(BrandVoice::mentions).sum();
  }

  /** Our mentions over all brands' mentions, in [0, 1]; 0 when nobody was mentioned. */
  public double shareOfVoice() {
    long total = total();
    return total == 0 ? 0.0 : (double) ours().mentions() / total;
  }

  /** The share of voice of the brand at {@code index} in {@link #brands()}. */
  public double shareOf(int index) {
    long total = total();
    return total == 0 ? 0.0 : (double) brands.get(index).mentions() / total;
  }

  /** Our net sentiment (see {@link BrandVoice#netSentiment()}). */
  public double netSentiment() {
    return ours().netSentiment();
  }

  /** Our reputation index by {@code index}. */
  public double reputation(ReputationIndex index) {
    return index.of(shareOfVoice(), netSentiment());
  }
}
