package org.engagement.core.conversation.message;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.conversation.Periods;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.Trend;
import org.engagement.core.engagement.TrendRule;
import org.jspecify.annotations.Nullable;

/**
 * Key-message pull-through per message, channel and period, with trends. There is a row for every
 * message on every (channel, period) with brand mentions, zero or not, so that messages line up. Rows
 * are ordered by message (as the matcher numbers them), channel id, then period. Immutable and
 * thread-safe.
 *
 * @param periods the period axis, from the first to the last period with brand mentions; {@code null} if
 *     there were none
 * @param rows the rows
 * @since 0.1.0
 */
public record PullThroughReport(@Nullable Periods periods, List<PullThroughRow> rows) {
  /** Copies the rows. */
  public PullThroughReport {
    rows = List.copyOf(rows);
  }

  /** The rows of the message called {@code message}. */
  public List<PullThroughRow> rows(String message) {
    requireNonNull(message, "message");
    return rows.stream().filter(r -> r.message().equals(message)).toList();
  }

  /**
   * The trend of the number of brand mentions carrying {@code message}, on {@code channel} or, for
   * {@code null}, on all channels together, by {@code rule} (see {@link Periods#trend}).
   *
   * @throws InvalidFieldException if no message of the report has that name
   */
  public Trend trend(String message, @Nullable Channel channel, TrendRule rule) {
    requireNonNull(message, "message");
    requireNonNull(rule, "rule");
    Periods axis = periods;
    if (axis == null) {
      return Trend.STABLE;
    }
    double[] values = new double[axis.starts().size()];
    boolean known = false;
    for (PullThroughRow row : rows) {
      if (row.message().equals(message)) {
        known = true;
        if (channel == null || row.channel().equals(channel)) {
          values[axis.indexOf(row.periodStart())] += row.carrying();
        }
      }
    }
    if (!known) {
      throw new InvalidFieldException("message", message, "must name a key message of the report");
    }
    return axis.trend(values, rule);
  }

  /** Collects cells into a report. */
  static final class Assembly {
    private final List<KeyMessage> messages;
    private final Granularity granularity;
    private final ZoneId zone;
    private final Map<Key, long[]> totals = new HashMap<>();
    private final List<Map<Key, long[]>> byMessage = new ArrayList<>();

    Assembly(List<KeyMessage> messages, Granularity granularity, ZoneId zone) {
      this.messages = messages;
      this.granularity = granularity;
      this.zone = zone;
      for (int m = 0; m < messages.size(); m++) {
        byMessage.add(new HashMap<>());
      }
    }

    void put(int message, Channel channel, LocalDate period, long mentions, long shares, long reach, int amplifiers) {
      Map<Key, long[]> target = message == PullThrough.ALL ? totals : byMessage.get(message);
      target.put(new Key(channel, period), new long[] {mentions, shares, reach, amplifiers});
    }

    PullThroughReport build() {
      List<Map.Entry<Key, long[]>> cells = new ArrayList<>(totals.entrySet());
      cells.sort(Map.Entry.comparingByKey(
          Comparator.comparing(Key::channel, Channel.ORDER).thenComparing(Key::period)));
      List<PullThroughRow> rows = new ArrayList<>();
      for (int m = 0; m < byMessage.size(); m++) {
        for (Map.Entry<Key, long[]> cell : cells) {
          Key key = cell.getKey();
          long[] total = cell.getValue();
          long[] own = byMessage.get(m).getOrDefault(key, new long[4]);
          rows.add(new PullThroughRow(messages.get(m).name(), key.channel(), key.period(), own[0], own[1],
              total[0] + total[1], own[2], (int) own[3]));
        }
      }
      LocalDate first = totals.keySet().stream().map(Key::period).min(Comparator.naturalOrder()).orElse(null);
      LocalDate last = totals.keySet().stream().map(Key::period).max(Comparator.naturalOrder()).orElse(null);
      Periods periods = first == null || last == null ? null : new Periods(granularity, zone, first, last);
      return new PullThroughReport(periods, rows);
    }

    private record Key(Channel channel, LocalDate period) {}
  }
}
