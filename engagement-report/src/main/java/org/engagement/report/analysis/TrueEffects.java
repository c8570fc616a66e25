package org.engagement.report.analysis;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;

/**
 * The true channel effects of a simulated world, read from {@value AnalysisInput#TRUTH}
 * ({@code channel,true_incremental_conversions,true_share}, as the simulator writes it): what the attribution
 * and ROI sections measure their figures against. Only a generated world has such a file; real data never
 * does, which is why the comparison is shown only when the file is there.
 *
 * <p>Immutable and thread-safe.
 *
 * @param incrementalConversions per channel, in file order: the conversions it caused, negative for a channel
 *     that prevented conversions
 * @param shares per channel, in file order: its signed share of all channels' absolute incremental conversions
 * @since 0.1.0
 */
public record TrueEffects(Map<String, Double> incrementalConversions, Map<String, Double> shares) {
  private static final List<String> COLUMNS = List.of("channel", "true_incremental_conversions", "true_share");

  /**
   * Copies the maps.
   *
   * @throws InvalidFieldException if the two maps do not name the same channels
   */
  public TrueEffects {
    incrementalConversions = Collections.unmodifiableMap(new LinkedHashMap<>(incrementalConversions));
    shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    if (!incrementalConversions.keySet().equals(shares.keySet())) {
      throw new InvalidFieldException("shares", shares.keySet(), "must name the channels of the conversions "
          + incrementalConversions.keySet());
    }
  }

  /**
   * Reads the UTF-8 bytes {@code input} (closed at the end); a row with a blank channel, a channel seen
   * before or a number that is not finite (a share outside [-1, 1]) is rejected with its line.
   *
   * @throws org.engagement.core.ingest.InvalidSourceException if the input is empty or lacks a column
   * @throws IOException if reading fails
   */
  static CsvImport<Row> read(InputStream input) throws IOException {
    requireNonNull(input, "input");
    Set<String> seen = new HashSet<>();
    return CsvTable.read(input, AnalysisInput.TRUTH, COLUMNS, row -> {
      Row read = new Row(row.require("channel"),
          row.number("true_incremental_conversions", Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY),
          row.number("true_share", -1, 1));
      if (!seen.add(read.channel())) {
        throw new InvalidFieldException("channel", read.channel(), "must appear once; an earlier row has it");
      }
      return read;
    });
  }

  /**
   * The effects of {@code rows}, as {@link #read} accepts them (each channel once); were a channel given twice,
   * its first row would count.
   */
  static TrueEffects of(List<Row> rows) {
    Map<String, Double> conversions = new LinkedHashMap<>();
    Map<String, Double> shares = new LinkedHashMap<>();
    for (Row row : rows) {
      if (conversions.putIfAbsent(row.channel(), row.conversions()) == null) {
        shares.put(row.channel(), row.share());
      }
    }
    return new TrueEffects(conversions, shares);
  }

  /** One row of the file. */
  record Row(String channel, double conversions, double share) {}
}
