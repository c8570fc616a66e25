package org.engagement.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The training run of the class-data-sharing archive the build makes for the launcher: the tool's common
 * commands, run once each in one JVM under {@code -XX:DumpLoadedClassList}, so that the archive holds the
 * classes they load (picocli's, the models', the readers', the report's, Jackson's for {@code --format json}) already parsed and verified.
 *
 * <p>Run by the build as {@code java -XX:DumpLoadedClassList=LIST -cp engagement.jar
 * org.engagement.cli.ArchiveTraining DIR}; it writes its small inputs and every output into {@code DIR} and
 * exits 0 only if every command did, so a broken command breaks the build rather than the archive.
 * Not thread-safe (it replaces the standard streams while it runs); meant for its own JVM only.
 */
final class ArchiveTraining {
  private static final String[] CHANNELS = {"search", "social", "email", "display", "direct", "affiliate"};

  private ArchiveTraining() {}

  /**
   * Runs the training commands.
   *
   * @param args the directory to work in
   * @throws IOException if the inputs cannot be written
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("give the directory to work in, was " + List.of(args));
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    String paths = writePaths(dir.resolve("paths.csv")).toString();
    List<List<String>> commands = List.of(
        List.of("--version"),
        List.of("--help"),
        List.of("attribute", "--model", "markov", "--order", "1", "--input", paths),
        List.of("attribute", "--model", "markov", "--order", "3", "--input", paths,
            "--output", dir.resolve("markov.csv").toString()),
        List.of("compare", "--models", "first-touch,last-touch,linear", "--input", paths),
        List.of("attribute", "--model", "linear", "--input", paths, "--format", "json"),
        List.of("world", "--customers", "50", "--output", dir.resolve("world").toString()),
        List.of("report", "--output", dir.resolve("report.html").toString()));
    PrintStream out = System.out;
    PrintStream err = System.err;
    int failed = 0;
    try (PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8)) {
      System.setOut(sink);
      for (List<String> command : commands) {
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        System.setErr(new PrintStream(messages, true, StandardCharsets.UTF_8));
        if (EngagementCli.execute(command.toArray(String[]::new)) != Exit.OK) {
          err.println("training command failed: engagement " + String.join(" ", command) + "\n"
              + messages.toString(StandardCharsets.UTF_8));
          failed++;
        }
      }
    } finally {
      System.setOut(out);
      System.setErr(err);
    }
    System.exit(failed == 0 ? Exit.OK : Exit.FAILED);
  }

  /**
   * Writes a path file in the ChannelAttribution format, some paths converting: distinct paths (each row's
   * number in base 6, a channel a digit) until the file passes 1.5 MB, so that the reader takes the path of a
   * real file, read in two halves at once (files of 1 MB or more), and the archive holds the classes of that
   * path too (the fork-join and future classes were loaded from the JDK's modules on every such run).
   */
  private static Path writePaths(Path file) throws IOException {
    StringBuilder text = new StringBuilder("path,total_conversions,total_conversion_value,total_null\n");
    for (int row = 0; text.length() < 3 << 19; row++) {
      StringBuilder path = new StringBuilder();
      int code = row;
      do {
        path.append(path.length() == 0 ? "" : " > ").append(CHANNELS[code % CHANNELS.length]);
        code /= CHANNELS.length;
      } while (code > 0);
      int conversions = row % 4 == 0 ? 1 + row % 3 : 0;
      text.append(path).append(',').append(conversions).append(',')
          .append(String.format(Locale.ROOT, "%.2f", conversions * 42.5)).append(',').append(1 + row % 7)
          .append('\n');
    }
    return Files.writeString(file, text, StandardCharsets.UTF_8);
  }
}
