package org.engagement.examples.quickstart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.model.Interaction;

/** The bundled sample interactions, imported: what every quick-start example starts from. */
record BundledSample(List<Interaction> interactions, ImportReport report) {

  /** Imports the bundled sample from the class path. */
  static BundledSample load() {
    try (InputStream csv = BundledSample.class.getResourceAsStream(QuickStart.SAMPLE)) {
      if (csv == null) {
        throw new IllegalStateException("the bundled sample " + QuickStart.SAMPLE + " is missing from the class path");
      }
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
