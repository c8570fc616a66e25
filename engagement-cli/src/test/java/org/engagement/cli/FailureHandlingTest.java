package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.cli.AttributeCommandTest.resource;
import static org.engagement.cli.CliRun.run;
import static org.engagement.cli.CliRun.runWithFullDisk;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The rules every command follows (issue 12): exit 0 only when every output was written, one line per
 * problem and no stack trace unless {@code --debug}.
 */
class FailureHandlingTest {

  /** {@code > /dev/full}: every command used to exit 0 with its output lost. */
  @Test
  void aCommandWhoseStandardOutputCannotBeWrittenFails(@TempDir Path dir) throws IOException {
    Path tx = Files.writeString(dir.resolve("tx.csv"), "customer_id,timestamp,amount\na,2024-01-01,10\n");
    Path interactions = Files.writeString(dir.resolve("in.csv"),
        "customer_id,timestamp,type,channel\nc-1,2024-03-01T10:15:30Z,click,web\n");
    String[][] commands = {
        {"attribute", "--model", "linear", "--input", resource("toy-paths.csv")},
        {"compare", "--models", "linear,last-touch", "--input", resource("toy-paths.csv")},
        {"value", "--transactions", tx.toString()},
        {"import", "--input", interactions.toString()},
        {"world", "--output", dir.resolve("world").toString(), "--customers", "5"},
        {"--version"},
    };
    for (String[] command : commands) {
      assertThat(run(command).exit()).as(String.join(" ", command)).isZero();
      CliRun full = runWithFullDisk(command);
      assertThat(full.exit()).as(String.join(" ", command)).isEqualTo(1);
      assertThat(full.err()).as(String.join(" ", command))
          .endsWith("engagement: cannot write standard output (a full disk, a closed pipe or a device error): "
              + "the output is incomplete\n");
    }
    assertThat(runWithFullDisk("attribute", "--model", "nope", "--input", resource("toy-paths.csv")).exit())
        .as("a usage error keeps its code").isEqualTo(2);
  }

  @Test
  void aFailureIsOneLineWithTheStackTraceOnlyUnderDebug(@TempDir Path dir) {
    String missing = dir.resolve("missing.csv").toString();
    CliRun plain = run("value", "--transactions", missing);
    assertThat(plain.exit()).isEqualTo(1);
    assertThat(plain.err()).isEqualTo("cannot read " + missing + ": no such file\n");
    for (String[] args : new String[][] {
        {"value", "--transactions", missing, "--debug"}, {"--debug", "value", "--transactions", missing}}) {
      CliRun debug = run(args);
      assertThat(debug.exit()).isEqualTo(1);
      assertThat(debug.err()).startsWith("cannot read " + missing + ": no such file\n")
          .contains("\tat org.engagement.cli.").contains("Caused by: java.nio.file.NoSuchFileException");
    }
  }

  /** A command that fails in a way no command expects: a fault of the tool. */
  @Command(name = "faulty")
  static final class Faulty implements Callable<Integer> {
    @Option(names = FailureHandler.DEBUG)
    boolean debug;

    @Override
    public Integer call() {
      throw new IllegalStateException("a bug\nwith \u001b[2J a second line");
    }
  }

  @Test
  void anUnexpectedExceptionIsOneEscapedLineAndExitCodeOne() {
    for (boolean debug : new boolean[] {false, true}) {
      StringWriter err = new StringWriter();
      CommandLine cli = new CommandLine(new Faulty()).setErr(new PrintWriter(err, true))
          .setExecutionExceptionHandler(new FailureHandler());
      int exit = debug ? cli.execute(FailureHandler.DEBUG) : cli.execute();
      assertThat(exit).isEqualTo(1);
      String first = err.toString().lines().findFirst().orElseThrow();
      assertThat(first).isEqualTo("engagement faulty: internal error (IllegalStateException: a bug\\nwith "
          + "\\u001B[2J a second line); run again with --debug for the stack trace and report it");
      if (!debug) {
        assertThat(err.toString().lines()).hasSize(1);
      }
      assertThat(err.toString().contains("\tat ")).isEqualTo(debug);
    }
  }

  /**
   * Running out of memory while the JDK links a lambda reaches the tool as an {@link InternalError} whose cause is
   * the {@link OutOfMemoryError} (JDK 17's lambda metafactory wraps it): the tool counts it as running out of
   * memory, with its one-line advice, and lets any other error through as the fault it is.
   */
  @Test
  void anOutOfMemoryErrorTheJdkWrappedIsStillRunningOutOfMemory() {
    assertThat(EngagementCli.outOfMemory(new OutOfMemoryError("Java heap space"))).isTrue();
    assertThat(EngagementCli.outOfMemory(new InternalError(new OutOfMemoryError("Java heap space")))).isTrue();
    assertThat(EngagementCli.outOfMemory(new InternalError(new IllegalStateException(
        new OutOfMemoryError("Metaspace"))))).isTrue();
    assertThat(EngagementCli.outOfMemory(new InternalError("a bug"))).isFalse();
    assertThat(EngagementCli.outOfMemory(new InternalError(new IllegalStateException("a bug")))).isFalse();
  }

  @Test
  void controlCharactersAreShownEscaped() {
    assertThat(OneLine.of("plain")).isEqualTo("plain");
    assertThat(OneLine.of("a\nb\rc\td\u0000e\u0007f\u001b]0;title\u0007\u009b\u202e\u2028"))
        .isEqualTo("a\\nb\\rc\\td\\u0000e\\u0007f\\u001B]0;title\\u0007\\u009B\\u202E\\u2028");
  }
}
