package org.engagement.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code engagement} command-line tool: {@code java -jar engagement.jar <command>}. Each subcommand is
 * a thin shell over the library.
 *
 * <p>The exit code ({@link Exit}) is 0 only when every input row was used and every output was written
 * (standard output included: a full disk or a closed pipe is a failure); otherwise 1, with a one-line
 * message per problem on standard error naming the file, line, field and rule where there are such; 2 on a
 * usage error. No stack trace is shown unless {@code --debug} is given (anywhere on the command line).
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

  @Option(names = FailureHandler.DEBUG, scope = ScopeType.INHERIT,
      description = "on a failure, also print the stack trace (for reporting a fault of the tool)")
  @SuppressWarnings("UnusedVariable") // read from the parse result by FailureHandler, wherever it was given
  private boolean debug;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Exit.USAGE;
  }

  /** The exit code of running the tool with {@code args}. */
  public static int execute(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    int code;
    try {
      CommandLine cli = new CommandLine(new EngagementCli());
      cli.setExecutionExceptionHandler(new FailureHandler());
      code = cli.execute(args);
      cli.getOut().flush();
      cli.getErr().flush();
    } catch (OutOfMemoryError | StackOverflowError e) {
      err.println("engagement: out of " + (e instanceof OutOfMemoryError ? "memory" : "stack")
          + "; give Java more, for example java -Xmx4g -Xss8m -jar engagement.jar ...");
      if (Arrays.asList(args).contains(FailureHandler.DEBUG)) {
        e.printStackTrace(err);
      }
      return Exit.FAILED;
    }
    return StandardOutput.verify(code, out, err);
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
