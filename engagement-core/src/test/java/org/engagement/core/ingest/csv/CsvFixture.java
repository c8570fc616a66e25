package org.engagement.core.ingest.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;

/** Runs the CSV adapter over text or bytes and keeps what came out. */
record CsvFixture(ImportReport report, List<Interaction> interactions) {

  static CsvFixture importText(String csv) {
    return importBytes(new CsvInteractionAdapter(), csv.getBytes(StandardCharsets.UTF_8));
  }

  static CsvFixture importText(ChannelAdapter adapter, String csv) {
    return importBytes(adapter, csv.getBytes(StandardCharsets.UTF_8));
  }

  static CsvFixture importBytes(ChannelAdapter adapter, byte[] bytes) {
    List<Interaction> sink = new ArrayList<>();
    try {
      ImportReport report = InteractionImporter.defaults().run(adapter, new ByteArrayInputStream(bytes), sink::add);
      return new CsvFixture(report, sink);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Interaction only() {
    if (interactions.size() != 1) {
      throw new AssertionError("expected one interaction, got " + interactions + "; " + report.rejections());
    }
    return interactions.get(0);
  }
}
