package org.engagement.cli;

/**
 * The tool's exit codes, the contract scripts rely on: {@link #OK} only when every input row was used and
 * every output was written.
 */
final class Exit {
  /** Every input row was used and every output written. */
  static final int OK = 0;
  /**
   * Something was not done: an input row was rejected, an input could not be read, a computation was
   * refused or an output could not be written. Standard error says what, in one line per problem.
   */
  static final int FAILED = 1;
  /** The command line itself is wrong: an unknown option, model or unit, a missing or malformed value. */
  static final int USAGE = 2;

  private Exit() {}
}
