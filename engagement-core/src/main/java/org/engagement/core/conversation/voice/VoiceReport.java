package org.engagement.core.conversation.voice;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import org.engagement.core.conversation.Periods;
import org.engagement.core.domain.Channel;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.Trend;
import org.engagement.core.engagement.TrendRule;
import org.jspecify.annotations.Nullable;

/**
 * Share of voice, net sentiment and reputation per channel and period, with their trends. Rows for a
 * channel come for each period it had mentions, ordered by channel id then period; rows for all channels
 * together ({@code channel == null}) come first, one for every period of the axis. Immutable and
 * thread-safe.
 *
 * @param brands the brands compared
 * @param periods the period axis, from the first to the last period with mentions; {@code null} if none
 * @param rows the rows
 * @since 0.1.0
 */
public record VoiceReport(Brands brands, @Nullable Periods periods, List<VoiceRow> rows) {
  /** Copies the rows. */
  public VoiceReport {
    requireNonNull(brands, "brands");
    rows = List.copyOf(rows);
  }

  static VoiceReport of(Brands brands, Granularity granularity, ZoneId zone, Map<ShareOfVoice.Cell, long[]> cells) {
    int width = brands.all().size() * ShareOfVoice.FIELDS;
    TreeMap<LocalDate, long[]> overall = new TreeMap<>();
    List<Map.Entry<ShareOfVoice.Cell, long[]>> entries = new ArrayList<>(cells.entrySet());
    entries.sort(Map.Entry.comparingByKey(
        Comparator.comparing(ShareOfVoice.Cell::channel, Channel.ORDER).thenComparing(ShareOfVoice.Cell::period)));
    List<VoiceRow> channelRows = new ArrayList<>();
    for (Map.Entry<ShareOfVoice.Cell, long[]> entry : entries) {
      ShareOfVoice.Cell cell = entry.getKey();
      long[] counts = entry.getValue();
      long[] sum = overall.computeIfAbsent(cell.period(), p -> new long[width]);
      for (int i = 0; i < width; i++) {
        sum[i] += counts[i];
      }
      channelRows.add(row(brands, cell.channel(), cell.period(), counts));
    }
    if (overall.isEmpty()) {
      return new VoiceReport(brands, null, List.of());
    }
    Periods periods = new Periods(granularity, zone, overall.firstKey(), overall.lastKey());
    List<VoiceRow> rows = new ArrayList<>();
    for (LocalDate start : periods.starts()) {
      rows.add(row(brands, null, start, overall.getOrDefault(start, new long[width])));
    }
    rows.addAll(channelRows);
    return new VoiceReport(brands, periods, rows);
  }

  private static VoiceRow row(Brands brands, @Nullable Channel channel, LocalDate period, long[] counts) {
    List<String> names = brands.all();
    List<BrandVoice> voices = new ArrayList<>(names.size());
    for (int b = 0; b < names.size(); b++) {
      int at = b * ShareOfVoice.FIELDS;
      voices.add(new BrandVoice(names.get(b), counts[at + ShareOfVoice.MENTIONS], counts[at + ShareOfVoice.SCORED],
          counts[at + ShareOfVoice.POSITIVE], counts[at + ShareOfVoice.NEGATIVE]));
    }
    return new VoiceRow(channel, period, voices);
  }

  /** The rows of {@code channel}, or of all channels together for {@code null}, oldest first. */
  public List<VoiceRow> rows(@Nullable Channel channel) {
    return rows.stream().filter(r -> Objects.equals(r.channel(), channel)).toList();
  }

  /** The trend of our share of voice on {@code channel} (or all, for {@code null}); a period without mentions counts as 0. */
  public Trend shareOfVoiceTrend(@Nullable Channel channel, TrendRule rule) {
    Periods axis = periods;
    return axis == null ? Trend.STABLE : axis.trend(values(axis, channel, VoiceRow::shareOfVoice, 0), rule);
  }

  /**
   * The trend of our net sentiment on {@code channel} (or all), with {@code rule}'s threshold in sentiment
   * points (see {@link Periods#levelTrend}); a period without mentions counts as neutral, 0.
   */
  public Trend netSentimentTrend(@Nullable Channel channel, TrendRule rule) {
    Periods axis = periods;
    return axis == null ? Trend.STABLE : axis.levelTrend(values(axis, channel, VoiceRow::netSentiment, 0), rule);
  }

  /** The trend of our reputation index on {@code channel} (or all); a period without mentions scores as silence. */
  public Trend reputationTrend(@Nullable Channel channel, ReputationIndex index, TrendRule rule) {
    requireNonNull(index, "index");
    Periods axis = periods;
    return axis == null ? Trend.STABLE : axis.trend(values(axis, channel, r -> r.reputation(index), index.of(0, 0)), rule);
  }

  private double[] values(Periods axis, @Nullable Channel channel, ToDoubleFunction<VoiceRow> metric, double empty) {
    double[] values = new double[axis.starts().size()];
    java.util.Arrays.fill(values, empty);
    for (VoiceRow row : rows(channel)) {
      values[axis.indexOf(row.periodStart())] = metric.applyAsDouble(row);
    }
    return values;
  }
}
