package org.engagement.core.conversation.voice;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collector;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.conversation.MentionKind;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.internal.column.Dictionary;
import org.engagement.core.internal.text.NameMemo;
import org.engagement.core.internal.time.PeriodStarts;
import org.jspecify.annotations.Nullable;

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
 * <p>State is four counts per brand, channel and period, so the result does not depend on the order or
 * partitioning of the interactions.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Counts with equal settings (the {@link Brands} value,
 * granularity, zone and neutral band) {@linkplain #merge merge} into a new count by adding. No state is
 * kept per customer, so how a customer's mentions are split across partitions does not matter: the
 * merged count equals the count built whole. The partitions must hold disjoint interactions (one fed to
 * two partitions counts twice; merging a count with itself doubles it). The empty count of the same
 * settings is the identity. Equality is by content. The serial form is the settings and columns: the
 * channels once, and per (channel, period) cell its channel's number, its day and its counts, all
 * primitives.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class ShareOfVoice implements Mergeable<ShareOfVoice> {
  private static final long serialVersionUID = 1L;

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
  /** A brand name's index in {@link Brands#all()} (-1: not counted), remembered; not part of the state. */
  private final transient NameMemo<Integer> brandIndex;
  /** The period of an instant, found once per day met; not part of the state. */
  private final transient PeriodStarts periods;

  private ShareOfVoice(Brands brands, Granularity granularity, ZoneId zone, double neutralBand) {
    this.brands = brands;
    this.granularity = granularity;
    this.zone = zone;
    this.neutralBand = neutralBand;
    this.brandIndex = new NameMemo<>(brands::indexOf);
    this.periods = new PeriodStarts(granularity, zone);
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
    return Collector.of(() -> of(brands, granularity, zone, neutralBand), ShareOfVoice::add, ShareOfVoice::absorb,
        Collector.Characteristics.UNORDERED);
  }

  /** Counts one interaction. @return this */
  public ShareOfVoice add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    if (MentionKind.of(interaction) == null) {
      return this;
    }
    Content content = interaction.content();
    String name = content == null ? null : content.brand();
    int brand = name == null ? 0 : brandIndex.of(name);
    if (brand < 0) {
      return this;
    }
    LocalDate period = periods.of(interaction.timestamp());
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
   * The count of this count's interactions and {@code other}'s together, as a new count; neither changes.
   * The two must have counted disjoint interactions.
   *
   * @throws InvalidFieldException if {@code other} has other brands, granularity, zone or band
   */
  @Override
  public ShareOfVoice merge(ShareOfVoice other) {
    requireNonNull(other, "other");
    requireSameSettings(other);
    return new ShareOfVoice(brands, granularity, zone, neutralBand).absorb(this).absorb(other);
  }

  /** Adds {@code other}'s counts into these: the in-place merge behind the collector's combiner. */
  private ShareOfVoice absorb(ShareOfVoice other) {
    requireSameSettings(other);
    other.cells.forEach((cell, counts) -> {
      long[] mine = cells.computeIfAbsent(cell, c -> new long[counts.length]);
      for (int i = 0; i < counts.length; i++) {
        mine[i] += counts[i];
      }
    });
    return this;
  }

  private void requireSameSettings(ShareOfVoice other) {
    if (!other.brands.equals(brands)) {
      throw new InvalidFieldException("other.brands", other.brands, "must equal " + brands);
    }
    if (other.granularity != granularity) {
      throw new InvalidFieldException("other.granularity", other.granularity, "must equal " + granularity);
    }
    if (!other.zone.equals(zone)) {
      throw new InvalidFieldException("other.zone", other.zone, "must equal " + zone);
    }
    if (Double.compare(other.neutralBand, neutralBand) != 0) {
      throw new InvalidFieldException("other.neutralBand", other.neutralBand, "must equal " + neutralBand);
    }
  }

  /** The report: one row per channel and period with mentions, and one per period for all channels. */
  public VoiceReport report() {
    return VoiceReport.of(brands, granularity, zone, cells);
  }

  /** Whether {@code o} is a count with equal settings and the same counts in every cell. */
  @Override
  public boolean equals(@Nullable Object o) {
    if (!(o instanceof ShareOfVoice other)) {
      return false;
    }
    if (!other.brands.equals(brands) || other.granularity != granularity || !other.zone.equals(zone)
        || Double.compare(other.neutralBand, neutralBand) != 0 || other.cells.size() != cells.size()) {
      return false;
    }
    for (Map.Entry<Cell, long[]> e : cells.entrySet()) {
      if (!Arrays.equals(e.getValue(), other.cells.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int hash = Objects.hash(brands, granularity, zone, neutralBand);
    for (Map.Entry<Cell, long[]> e : cells.entrySet()) {
      hash += e.getKey().hashCode() ^ Arrays.hashCode(e.getValue());
    }
    return hash;
  }

  @Override
  public String toString() {
    return "ShareOfVoice[brands=" + brands.all() + ", granularity=" + granularity + ", zone=" + zone
        + ", cells=" + cells.size() + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a ShareOfVoice is read through its serial form");
  }

  /**
   * Where counts belong. Hashed by mixing the channel's hash with the period's epoch day: {@link LocalDate#hashCode()}
   * of month starts differs only in bits 6 and up, so a map of a few channels over two years of months put its cells
   * in a handful of buckets that turned into trees searched on every mention (issue 16).
   */
  record Cell(Channel channel, LocalDate period) {
    @Override
    public int hashCode() {
      long h = channel.hashCode() * 0x9E3779B97F4A7C15L + period.toEpochDay();
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }

    /** Written out: the record's own equals goes through method handles that the profile showed uninlined. */
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Cell other && other.channel.equals(channel) && other.period.equals(period);
    }
  }

  /**
   * The serial form: the settings, the channels, and per cell (sorted by channel, then period) the
   * number of its channel, its day and its {@code FIELDS} counts per brand.
   */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Brands brands;
    private final Granularity granularity;
    private final ZoneId zone;
    private final double neutralBand;
    private final Channel[] channels;
    private final int[] cellChannel;
    private final long[] cellDay;
    private final long[] counts;

    Form(ShareOfVoice voice) {
      brands = voice.brands;
      granularity = voice.granularity;
      zone = voice.zone;
      neutralBand = voice.neutralBand;
      List<Cell> keys = new ArrayList<>(voice.cells.keySet());
      keys.sort(Comparator.comparing(Cell::channel, Channel.ORDER).thenComparing(Cell::period));
      Dictionary<Channel> dictionary = Dictionary.of(keys.stream().map(Cell::channel).toList(), Channel.ORDER);
      channels = dictionary.toArray(Channel[]::new);
      int width = FIELDS * brands.all().size();
      cellChannel = new int[keys.size()];
      cellDay = new long[keys.size()];
      counts = new long[keys.size() * width];
      for (int i = 0; i < keys.size(); i++) {
        Cell cell = keys.get(i);
        cellChannel[i] = dictionary.numberOf(cell.channel());
        cellDay[i] = cell.period().toEpochDay();
        System.arraycopy(voice.cells.get(cell), 0, counts, i * width, width);
      }
    }

    private Object readResolve() {
      ShareOfVoice voice = new ShareOfVoice(brands, granularity, zone, neutralBand);
      int width = FIELDS * brands.all().size();
      for (int i = 0; i < cellDay.length; i++) {
        Cell cell = new Cell(channels[cellChannel[i]], LocalDate.ofEpochDay(cellDay[i]));
        voice.cells.put(cell, Arrays.copyOfRange(counts, i * width, i * width + width));
      }
      return voice;
    }
  }
}
