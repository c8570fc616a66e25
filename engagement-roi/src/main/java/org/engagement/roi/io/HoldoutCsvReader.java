package org.engagement.roi.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * Reads the people of randomised holdouts from CSV ({@code holdout.csv} of a simulated world, or a host's own
 * experiment log): a header row, then one row per person held out of one channel, for
 * {@link org.engagement.roi.lift.HoldoutLift}.
 *
 * <table>
 *   <caption>Columns (names case-insensitive, any order, other columns ignored, none named twice)</caption>
 *   <tr><th>column</th><th>content</th></tr>
 *   <tr><td>{@code customer_id}</td><td>the person held out, as the interactions name them</td></tr>
 *   <tr><td>{@code channel}</td><td>the channel they were held out of, as the journeys name it</td></tr>
 * </table>
 *
 * <p>The file follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader of the
 * SDK; a row that breaks a rule, or repeats an earlier row, is rejected with its position and reason.
 *
 * <p>Stateless and thread-safe: each read keeps its own set of rows seen.
 *
 * @since 0.1.0
 */
public final class HoldoutCsvReader {
  /** The columns the file must have. */
  public static final List<String> COLUMNS = List.of("customer_id", "channel");

  private HoldoutCsvReader() {}

  /**
   * One person held out of one channel: a row of the file.
   *
   * @param customerId the person; not blank
   * @param channel the channel; not blank
   * @since 0.1.0
   */
  public record HeldOut(String customerId, String channel) {
    /**
     * Checks the fields.
     *
     * @throws InvalidFieldException if a field is blank
     */
    public HeldOut {
      requireNonNull(customerId, "customerId");
      requireNonNull(channel, "channel");
      if (customerId.isBlank()) {
        throw new InvalidFieldException("customer_id", customerId, "must not be blank");
      }
      if (channel.isBlank()) {
        throw new InvalidFieldException("channel", channel, "must not be blank");
      }
    }
  }

  /**
   * Reads every row of the UTF-8 bytes {@code input} (closed at the end).
   *
   * @param source the name of the input in the report
   * @throws InvalidSourceException if the input is empty or its header lacks a column or names one twice
   * @throws IOException if reading fails
   */
  public static CsvImport<HeldOut> read(InputStream input, String source) throws IOException {
    requireNonNull(input, "input");
    requireNonNull(source, "source");
    Set<Seen> seen = new HashSet<>();
    return CsvTable.read(input, source, COLUMNS, row -> {
      HeldOut held = new HeldOut(row.require("customer_id"), row.require("channel"));
      if (!seen.add(new Seen(held.customerId(), held.channel()))) {
        throw new InvalidFieldException("customer_id", held.customerId(), "must be held out of channel '"
            + InvalidFieldException.shorten(held.channel()) + "' once; an earlier row has it");
      }
      return held;
    });
  }

  /**
   * A row in the set of rows seen. Comparable, unlike {@link HeldOut}: rows whose hashes collide (a hostile file's
   * "Aa"/"BB" ids) share one bucket, which HashMap keeps as a tree ordered by {@link #compareTo}; without an order
   * it searches the whole bucket, and each row cost a scan of all the rows before it.
   */
  private record Seen(String customerId, String channel) implements Comparable<Seen> {
    @Override
    public int compareTo(Seen other) {
      int byCustomer = customerId.compareTo(other.customerId);
      return byCustomer != 0 ? byCustomer : channel.compareTo(other.channel);
    }
  }

  /** The people held out, by channel in name order, each channel's people in file order. */
  public static Map<String, List<String>> byChannel(List<HeldOut> rows) {
    requireNonNull(rows, "rows");
    Map<String, List<String>> byChannel = new TreeMap<>();
    for (HeldOut row : rows) {
      byChannel.computeIfAbsent(row.channel(), c -> new ArrayList<>()).add(row.customerId());
    }
    byChannel.replaceAll((channel, people) -> List.copyOf(people));
    return Collections.unmodifiableMap(byChannel);
  }
}
