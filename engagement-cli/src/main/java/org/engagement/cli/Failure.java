package org.engagement.cli;

/**
 * Why a command stops, as the one line the user sees, with the exit code it ends with: a command throws it
 * and {@link FailureHandler} prints it (with the stack trace only under {@code --debug}).
 */
final class Failure extends Exception {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  private Failure(String message, int exitCode, @org.jspecify.annotations.Nullable Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** A usage error: exit code {@link Exit#USAGE}. */
  static Failure usage(String message) {
    return new Failure(message, Exit.USAGE, null);
  }

  /** Input, computation or output that failed: exit code {@link Exit#FAILED}. */
  static Failure failed(String message) {
    return new Failure(message, Exit.FAILED, null);
  }

  /** As {@link #failed(String)}, keeping {@code cause} for {@code --debug}. */
  static Failure failed(String message, Throwable cause) {
    return new Failure(message, Exit.FAILED, cause);
  }

  /** The exit code the tool ends with. */
  int exitCode() {
    return exitCode;
  }

  @Override
  public String getMessage() {
    return String.valueOf(super.getMessage());
  }
}
