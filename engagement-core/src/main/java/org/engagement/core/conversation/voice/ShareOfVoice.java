package org.engagement.core.conversation.voice;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collector;
import org.engagement.core.conversation.MentionKind;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;

/**
 * Counts mentions per brand, channel and period with their tone: the mergeable partial aggregate behind
 * a {@link VoiceReport}.
 *
 * <p>Only inbound mentions and shares count ({@link MentionKind}); each belongs to a brand as
 * {@link Brands} says, or is not counted. Its period is the day, ISO week or month holding its timestamp
 * in {@code zone}. A mention with a sentiment score {@code s} is positive if {@code s > band}, negative if
 * {@code s < −band}, and neutral otherwise; the default band, 0.05, is the cut-off the VADER sentiment
 * tool recommends for its compound score (Hutto and Gilbert, 2014).
 *
 * <p>State is four counts per brand, channel and period, so instances {@linkplain #merge merge} by
 * adding and the result does not depend on the order or partitioning of the interactions. Not
 * thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector} gives
 * each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class ShareOfVoice {
  /** The default neutral band: scores within ±0.05 are neutral. */
  public static final double DEFAULT_NEUTRAL_BAND = 0.05;

  static final int MENTIONS = 0;
  static final int SCORED = 1;
  static final int POSITIVE = 2;
  static final int NEGATIVE = 3;
  static final int FIELDS = 4;

  private final Brands brands;
  private final Granularity granularity;
  private final ZoneId zone;
  private final double neutralBand;
  private final Map<Cell, long[]> cells = new HashMap<>();

  private ShareOfVoice(Brands brands, Granularity granularity, ZoneId zone, double neutralBand) {
    this.brands = brands;
    this.granularity = granularity;
    this.zone = zone;
    this.neutralBand = neutralBand;
  }

  /**
   * An empty count.
   *
   * @param neutralBand scores within ±band are neutral: from 0 (inclusive) to 1 (exclusive)
   * @throws InvalidFieldException if the band is out of range
   */
  public static ShareOfVoice of(Brands brands, Granularity granularity, ZoneId zone, double neutralBand) {
    requireNonNull(brands, "brands");
    requireNonNull(granularity, "granularity");
    requireNonNull(zone, "zone");
    if (!(neutralBand >= 0 && neutralBand < 1)) {
      throw new InvalidFieldException("neutralBand", neutralBand, "must be a number at least 0 and below 1");
    }
    return new ShareOfVoice(brands, granularity, zone, neutralBand);
  }

  /** An empty count with the {@linkplain #DEFAULT_NEUTRAL_BAND default neutral band}. */
  public static ShareOfVoice of(Brands brands, Granularity granularity, ZoneId zone) {
    return of(brands, granularity, zone, DEFAULT_NEUTRAL_BAND);
  }

  /**
   * A collector of interactions into a count; safe for parallel streams.
   *
   * @throws InvalidFieldException if the band is out of range
   */
  public static Collector<Interaction, ?, ShareOfVoice> collector(
      Brands brands, Granularity granularity, ZoneId zone, double neutralBand) {
    of(brands, granularity, zone, neutralBand);
    return Collector.of(() -> of(brands, granularity, zone, neutralBand), ShareOfVoice::add, ShareOfVoice::merge,
        Collector.Characteristics.UNORDERED);
  }

  /** Counts one interaction. @return this */
  public ShareOfVoice add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    if (MentionKind.of(interaction) == null) {
      return this;
    }
    Content content = interaction.content();
    int brand = brands.indexOf(content);
    if (brand < 0) {
      return this;
    }
    LocalDate period = granularity.periodStart(LocalDate.ofInstant(interaction.timestamp(), zone));
    long[] counts = cells.computeIfAbsent(new Cell(interaction.channel(), period), c -> new long[FIELDS * brands.all().size()]);
    int at = brand * FIELDS;
    counts[at + MENTIONS]++;
    Double sentiment = content == null ? null : content.sentiment();
    if (sentiment != null) {
      counts[at + SCORED]++;
      if (sentiment > neutralBand) {
        counts[at + POSITIVE]++;
      } else if (sentiment < -neutralBand) {
        counts[at + NEGATIVE]++;
      }
    }
    return this;
  }

  /** Counts every interaction. @return this */
  public ShareOfVoice addAll(Iterable<Interaction> interactions) {
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  /**
   * Adds {@code other}'s counts into these, leaving {@code other} unchanged. The two must have counted
   * disjoint interactions.
   *
   * @return this
   * @throws InvalidFieldException if {@code other} has other brands, granularity, zone or band, or is this
   */
  public ShareOfVoice merge(ShareOfVoice other) {
    requireNonNull(other, "other");
    if (!other.brands.equals(brands) || other.granularity != granularity || !other.zone.equals(zone)
        || other.neutralBand != neutralBand) {
      throw new InvalidFieldException("other", "ShareOfVoice", "must have the same brands, granularity, zone and neutral band");
    }
    if (other == this) {
      throw new InvalidFieldException("other", "this", "must not be this count (it would count everything twice)");
    }
    other.cells.forEach((cell, counts) -> {
      long[] mine = cells.computeIfAbsent(cell, c -> new long[counts.length]);
      for (int i = 0; i < counts.length; i++) {
        mine[i] += counts[i];
      }
    });
    return this;
  }

  /** The report: one row per channel and period with mentions, and one per period for all channels. */
  public VoiceReport report() {
    return VoiceReport.of(brands, granularity, zone, cells);
  }

  /** Where counts belong. */
  record Cell(Channel channel, LocalDate period) {}
}
