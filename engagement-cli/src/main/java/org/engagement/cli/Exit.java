package org.engagement.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

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

  /** What each exit code means, as every command's help lists it. */
  static final Map<String, String> DESCRIPTIONS = descriptions();

  private Exit() {}

  private static Map<String, String> descriptions() {
    Map<String, String> codes = new LinkedHashMap<>();
    codes.put(" " + OK, "every input row was used and every output written");
    codes.put(" " + FAILED, "something was not done: a row rejected, a file unreadable or not written, a "
        + "computation refused; standard error has one line per problem");
    codes.put(" " + USAGE, "the command line is wrong: an unknown option, model or unit, a missing or "
        + "malformed value");
    return Collections.unmodifiableMap(codes);
  }
}
