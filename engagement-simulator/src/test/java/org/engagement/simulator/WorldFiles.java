package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.ingest.csv.CsvRows;

/** A world read back from its files with the SDK's own readers, as a host would read it. */
record WorldFiles(List<Interaction> interactions, Map<String, Instant> arrivals, Map<String, Double> trueShares) {

  /** Reads the files that {@code open} opens by name. */
  static WorldFiles read(Function<String, InputStream> open) {
    List<Interaction> interactions = new ArrayList<>();
    try (InputStream in = open.apply(WorldWriter.INTERACTIONS)) {
      ImportReport report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), in, interactions::add);
      assertThat(report.rejections()).as("rejections reading %s", WorldWriter.INTERACTIONS).isEmpty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Instant> arrivals = new LinkedHashMap<>();
    rows(open, WorldWriter.CUSTOMERS).forEach(row -> arrivals.put(row.get(0), Instant.parse(row.get(1))));
    Map<String, Double> shares = new LinkedHashMap<>();
    rows(open, WorldWriter.TRUTH).forEach(row -> shares.put(row.get(0), Double.parseDouble(row.get(2))));
    return new WorldFiles(interactions, arrivals, shares);
  }

  /** The rows of a CSV file after its header. */
  static List<List<String>> rows(Function<String, InputStream> open, String file) {
    List<List<String>> rows = new ArrayList<>();
    try (Reader reader = new InputStreamReader(open.apply(file), StandardCharsets.UTF_8);
        CsvRows csv = CsvRows.open(reader)) {
      List<String> row = new ArrayList<>();
      csv.next(row);
      while (csv.next(row) >= 0) {
        rows.add(List.copyOf(row));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
