package org.engagement.cli;

import com.google.common.base.Throwables;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ScopeType;

/**
 * The {@code engagement} command-line tool: {@code java -jar engagement.jar <command>}. Each subcommand is
 * a thin shell over the library.
 *
 * <p>The exit code ({@link Exit}) is 0 only when every input row was used and every output was written
 * (standard output included: a full disk or a closed pipe is a failure); otherwise 1, with a one-line
 * message per problem on standard error naming the file, line, field and rule where there are such; 2 on a
 * usage error. No stack trace is shown unless {@code --debug} is given (anywhere on the command line).
 *
 * <p>Start-up: picocli builds a command's model by reflection, so the subcommands are registered only when
 * the command line needs them ({@link #subcommandsFor(String...)}): the one it names, none for the version,
 * all of them otherwise (help, the {@code help} command and usage errors list them). {@code --version} alone
 * does not build the command line at all.
 *
 * <p>Thread-safety: {@link #execute(String...)} keeps no state between runs, but a run writes to the
 * standard streams current when it starts, so concurrent runs share them.
 */
public final class EngagementCli implements Callable<Integer> {
  /** The subcommands' names in the order the help lists them. */
  static final List<String> SUBCOMMANDS =
      List.of("import", "world", "value", "attribute", "compare", "report", "clv", "mix", "help");
  /** The subcommand that shows another one's help: it needs them all. */
  private static final String HELP = "help";
  /** The tool's version line. */
  static final String VERSION = "engagement 0.1.0-SNAPSHOT";
  /** The root options that ask for the version and nothing else a subcommand would answer. */
  private static final Set<String> VERSION_ONLY = Set.of("-V", "--version", FailureHandler.DEBUG);

  private final CommandSpec spec;

  private EngagementCli() {
    spec = rootSpec(this);
  }

  /**
   * The root command's model, built by hand rather than from annotations: picocli reads annotations through
   * reflection and dynamic proxy classes, which a class-data-sharing archive cannot hold and which cost
   * {@code --version} most of its time.
   */
  private static CommandSpec rootSpec(EngagementCli root) {
    CommandSpec spec = CommandSpec.wrapWithoutInspection(root).name("engagement").version(VERSION);
    spec.usageMessage().description("What your customer relationships are worth.")
        .footerHeading("%nExamples:%n")
        .footer("  engagement report", "  engagement help attribute", "  engagement attribute --help");
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
    spec.addOption(OptionSpec.builder(FailureHandler.DEBUG).type(boolean.class).scopeType(ScopeType.INHERIT)
        .description("on a failure, also print the stack trace (for reporting a fault of the tool)").build());
    return spec;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return Exit.USAGE;
  }

  /** The exit code of running the tool with {@code args}. */
  public static int execute(String... args) {
    PrintStream out = System.out;
    PrintStream err = System.err;
    if (versionAlone(args)) {
      out.println(VERSION);
      out.flush();
      return StandardOutput.verify(Exit.OK, out, err);
    }
    int code;
    try {
      CommandLine cli = commandLine(subcommandsFor(args));
      code = cli.execute(args);
      cli.getOut().flush();
      cli.getErr().flush();
    } catch (Error e) {
      if (!outOfMemory(e) && !(e instanceof StackOverflowError)) {
        throw e;
      }
      err.println("engagement: out of " + (e instanceof StackOverflowError ? "stack" : "memory")
          + "; give Java more, for example java -Xmx4g -Xss8m -jar engagement.jar ...");
      if (Arrays.asList(args).contains(FailureHandler.DEBUG)) {
        e.printStackTrace(err);
      }
      return Exit.FAILED;
    }
    return StandardOutput.verify(code, out, err);
  }

  /**
   * Whether memory ran out: an {@link OutOfMemoryError} itself, or one the JDK wrapped (running out while it links
   * a lambda, JDK 17 throws an {@link InternalError} whose cause is the {@code OutOfMemoryError}).
   */
  static boolean outOfMemory(Error error) {
    return Throwables.getCausalChain(error).stream().anyMatch(OutOfMemoryError.class::isInstance);
  }

  /**
   * Whether {@code args} is {@code --version} or {@code -V} alone: answered without picocli, whose command
   * model costs a version line most of its start-up beyond the JVM's own (it prints the same line).
   */
  private static boolean versionAlone(String... args) {
    return args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"));
  }

  /** The tool's command line with the subcommands {@code names}, laid out and ready to execute. */
  static CommandLine commandLine(List<String> names) {
    CommandLine cli = new CommandLine(new EngagementCli().spec);
    for (String name : names) {
      cli.addSubcommand(name, subcommand(name));
    }
    HelpLayout.apply(cli);
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  /**
   * The subcommands {@code args} need: the one named by the first argument that is not an option (the root
   * options take no value), none when the arguments only ask for the version, otherwise all.
   */
  static List<String> subcommandsFor(String... args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return SUBCOMMANDS.contains(arg) && !arg.equals(HELP) ? List.of(arg) : SUBCOMMANDS;
      }
    }
    boolean versionOnly = args.length > 0 && VERSION_ONLY.containsAll(Arrays.asList(args))
        && !Arrays.asList(args).equals(List.of(FailureHandler.DEBUG));
    return versionOnly ? List.of() : SUBCOMMANDS;
  }

  /**
   * A new subcommand named {@code name} (as in its {@link Command#name()}). A switch rather than a map of
   * constructor references, so that no subcommand class is loaded before it is needed.
   */
  static Object subcommand(String name) {
    return switch (name) {
      case "import" -> new ImportCommand();
      case "world" -> new WorldCommand();
      case "value" -> new ValueCommand();
      case "attribute" -> new AttributeCommand();
      case "compare" -> new CompareCommand();
      case "report" -> new ReportCommand();
      case "clv" -> new ClvCommand();
      case "mix" -> new MixCommand();
      case HELP -> new HelpCommand();
      default -> throw new IllegalArgumentException("no subcommand named " + name);
    };
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
