package org.engagement.cli;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.simulator.SampleWorld;
import org.engagement.simulator.WorldWriter;

/** The report's default input: the sample world bundled with the simulator ({@link SampleWorld}). */
final class BundledWorld {
  /** How the report names this input. */
  static final String SOURCE = "bundled sample world";

  private BundledWorld() {}

  /**
   * The bundled world's interactions and companion files.
   *
   * @throws IOException if reading them fails
   */
  static AnalysisInput input() throws IOException {
    Map<String, ByteSource> files = new TreeMap<>();
    for (String name : WorldWriter.FILES) {
      files.put(name, new ByteSource() {
        @Override
        public InputStream openStream() {
          return SampleWorld.open(name);
        }
      });
    }
    return AnalysisInput.of(SOURCE, files);
  }
}
