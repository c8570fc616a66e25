package org.engagement.examples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.simulator.SampleWorld;

/**
 * The bundled sample world's interactions, imported: what every quick-start example starts from, the same
 * world the command-line tool's {@code report} analyses and the README quotes.
 */
record BundledSample(List<Interaction> interactions, ImportReport report) {

  /** Imports the bundled sample world's interactions ({@link SampleWorld}). */
  static BundledSample load() {
    try (InputStream csv = SampleWorld.open("interactions.csv")) {
      return read(csv);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Imports interactions from the CSV in {@code csv}. */
  static BundledSample read(InputStream csv) throws IOException {
    List<Interaction> interactions = new ArrayList<>();
    ImportReport report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), csv, interactions::add);
    return new BundledSample(List.copyOf(interactions), report);
  }
}
