package org.engagement.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.CsvRows;
import org.engagement.simulator.GroundTruth;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.engagement.simulator.mix.MixWorldWriter;

/**
 * {@code world --format json}: what the command wrote, as one JSON object:
 * <pre>{@code
 * {"directory": "/abs/world", "customers": 5000, "seed": 20240101, "mechanism": "additive",
 *  "holdouts": [{"channel", "share"}], "first_purchases": 763,
 *  "files": [{"name": "interactions.csv", "rows": 27050}, ...]}
 * }</pre>
 * {@code rows} counts each file's records after its header, as the SDK's CSV reader reads them (a quoted field
 * may span lines), in the order of {@link WorldWriter#FILES}, then with {@code --mix} of {@link
 * MixWorldWriter#FILES}; files the world has not (no holdout) are left out.
 * Stateless.
 */
final class WorldJson {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private WorldJson() {}

  /**
   * The document of the world {@code spec} written to {@code directory}.
   *
   * @throws IOException if a written file cannot be read back to count its rows
   */
  static JsonNode of(WorldSpec spec, Path directory, GroundTruth truth, boolean mix) throws IOException {
    ObjectNode json = NODES.objectNode();
    json.put("directory", directory.toAbsolutePath().toString());
    json.put("customers", spec.customers());
    json.put("seed", spec.seed());
    json.put("mechanism", spec.mechanism().id());
    ArrayNode holdouts = json.putArray("holdouts");
    spec.holdouts().forEach(h -> holdouts.addObject().put("channel", h.channel()).put("share", h.share()));
    json.put("first_purchases", truth.firstPurchases());
    ArrayNode files = json.putArray("files");
    List<String> names = new ArrayList<>(WorldWriter.FILES);
    if (mix) {
      names.addAll(MixWorldWriter.FILES);
    }
    for (String name : names) {
      Path file = directory.resolve(name);
      if (Files.isRegularFile(file)) {
        files.addObject().put("name", name).put("rows", rows(file));
      }
    }
    return json;
  }

  /** The records of {@code file} after its header. */
  private static long rows(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file);
        CsvRows rows = CsvRows.open(in, ',', CsvPolicy.defaults())) {
      List<String> row = new ArrayList<>();
      long records = 0;
      while (rows.next(row) >= 0) {
        records++;
      }
      return Math.max(0, records - 1);
    }
  }
}
