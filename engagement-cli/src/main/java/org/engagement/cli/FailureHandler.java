package org.engagement.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns what a command throws into one line on standard error and an exit code: a {@link Failure} prints
 * its message and ends with its code; anything else is a fault of the tool, printed as one line naming the
 * exception and ending with {@link Exit#FAILED}. The stack trace follows only under {@code --debug}.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  /** The global option that shows stack traces. */
  static final String DEBUG = "--debug";

  @Override
  public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    int code;
    if (exception instanceof Failure failure) {
      err.println(OneLine.of(failure.getMessage()));
      code = failure.exitCode();
    } else {
      err.println(OneLine.of(unexpected(commandLine.getCommandName(), exception)));
      code = Exit.FAILED;
    }
    if (debug(parseResult)) {
      exception.printStackTrace(err);
    }
    err.flush();
    return code;
  }

  /** The line for an exception no command expected: a fault of the tool, not of the input. */
  static String unexpected(String command, Throwable exception) {
    return "engagement " + command + ": internal error (" + exception.getClass().getSimpleName()
        + (exception.getMessage() == null ? "" : ": " + exception.getMessage())
        + "); run again with " + DEBUG + " for the stack trace and report it";
  }

  /** Whether {@value #DEBUG} was given before or after any subcommand. */
  static boolean debug(ParseResult parseResult) {
    for (ParseResult result = parseResult; result != null; result = result.subcommand()) {
      if (result.hasMatchedOption(DEBUG)) {
        return true;
      }
    }
    return false;
  }
}
