package org.engagement.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/**
 * The {@code engagement} command-line tool: {@code java -jar engagement.jar <command>}. Each
 * subcommand is a thin shell over the library; the exit code is 0 on success, 1 when the input had
 * problems, 2 on a usage error.
 */
@Command(
    name = "engagement",
    mixinStandardHelpOptions = true,
    version = "engagement 0.1.0-SNAPSHOT",
    description = "What your customer relationships are worth.",
    subcommands = {ImportCommand.class, WorldCommand.class, ValueCommand.class, AttributeCommand.class,
        CompareCommand.class, ReportCommand.class, ClvCommand.class})
public final class EngagementCli implements Callable<Integer> {

  @CommandLine.Spec
  @SuppressWarnings("NullAway.Init")
  private CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return 2;
  }

  /** The exit code of running the tool with {@code args}. */
  public static int execute(String... args) {
    return new CommandLine(new EngagementCli()).execute(args);
  }

  /**
   * Runs the tool.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(execute(args));
  }
}
