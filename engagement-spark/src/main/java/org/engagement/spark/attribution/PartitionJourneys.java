package org.engagement.spark.attribution;

import java.io.Serializable;
import java.util.Map;
import java.util.TreeMap;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.jspecify.annotations.Nullable;

/**
 * What one partition sends to the driver: its journeys grouped by path (never its events), and, for a
 * model whose credit of a journey depends on that journey alone, the credits it computed, by channel name.
 * Merged in any tree; the empty one is the identity. Immutable and thread-safe.
 */
final class PartitionJourneys implements Serializable {
  private static final long serialVersionUID = 1L;

  private final JourneySet paths;
  /** Channel name to {conversions, value}; null when the model's credits are global. */
  private final @Nullable TreeMap<String, double[]> credits;

  PartitionJourneys(JourneySet paths, @Nullable Map<String, double[]> credits) {
    this.paths = paths;
    this.credits = credits == null ? null : new TreeMap<>(credits);
  }

  static PartitionJourneys empty(boolean local) {
    return new PartitionJourneys(JourneySet.empty(), local ? new TreeMap<>() : null);
  }

  JourneySet paths() {
    return paths;
  }

  @Nullable Map<String, double[]> credits() {
    return credits;
  }

  /** This partition's part with a chunk's journeys and, for a local model, its result. */
  PartitionJourneys plus(JourneySet more, @Nullable AttributionResult result) {
    TreeMap<String, double[]> sum = credits == null ? null : new TreeMap<>(credits);
    if (sum != null && result != null) {
      for (int c = 0; c < result.channels().size(); c++) {
        double[] cell = sum.computeIfAbsent(result.channels().name(c), k -> new double[2]).clone();
        cell[0] += result.conversions(c);
        cell[1] += result.value(c);
        sum.put(result.channels().name(c), cell);
      }
    }
    return new PartitionJourneys(paths.merge(more), sum);
  }

  PartitionJourneys merge(PartitionJourneys other) {
    TreeMap<String, double[]> sum = null;
    if (credits != null && other.credits != null) {
      sum = new TreeMap<>(credits);
      for (Map.Entry<String, double[]> e : other.credits.entrySet()) {
        double[] cell = sum.computeIfAbsent(e.getKey(), k -> new double[2]).clone();
        cell[0] += e.getValue()[0];
        cell[1] += e.getValue()[1];
        sum.put(e.getKey(), cell);
      }
    }
    return new PartitionJourneys(paths.merge(other.paths), sum);
  }
}
