package org.engagement.benchmarks.attribution;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;

/**
 * Writes the journeys of {@link JourneyGenerator} as a ChannelAttribution path file ({@code path,
 * total_conversions,total_conversion_value,total_null}, channels joined by {@code " > "}), the input the
 * whole-process harness gives the tool and ChannelAttribution alike.
 *
 * <p>{@code java -cp benchmarks.jar org.engagement.benchmarks.attribution.PathFileWriter FILE [journeys]
 * [seed] [shape]}: 1,000,000 journeys with the default seed make a 14.9 MB file of 149,388 distinct paths;
 * with the shape {@code issue} ({@link JourneyGenerator#issueShaped(long)}) the file is like the one of
 * issue 16 (up to 20 touches, shorter channel names).
 * Stateless; each call writes its own file.
 */
public final class PathFileWriter {
  private PathFileWriter() {}

  /**
   * Writes the generated path file.
   *
   * @param args the file to write, optionally the number of journeys (default 1,000,000), the seed and the
   *     shape ({@code default} or {@code issue})
   * @throws IOException if the file cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 4) {
      throw new IllegalArgumentException("usage: PathFileWriter FILE [journeys] [seed] [default|issue]");
    }
    Path file = Path.of(args[0]);
    int journeys = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : JourneyGenerator.DEFAULT_SEED;
    String shape = args.length > 3 ? args[3] : "default";
    JourneySet set = switch (shape) {
      case "default" -> JourneyGenerator.withSeed(seed).generate(journeys);
      case "issue" -> JourneyGenerator.issueShaped(seed).generate(journeys);
      default -> throw new IllegalArgumentException("shape must be default or issue, was " + shape);
    };
    try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      PathFormat.channelAttribution().write(set, writer);
    }
    System.out.printf(Locale.ROOT, "%s: %,d journeys on %,d distinct paths, %,d touches on them, %,.0f conversions, "
        + "%,d bytes%n", file, journeys, set.pathCount(), set.touchCount(), set.totalConversions(), Files.size(file));
  }
}
