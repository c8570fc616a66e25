package org.engagement.cli;

import java.io.PrintStream;

/**
 * The check that standard output was written: {@link PrintStream} never throws, it only records a failed
 * write, so a command that printed into a full disk, a closed pipe or {@code /dev/full} would otherwise end
 * with exit code 0 and a lost result.
 */
final class StandardOutput {
  private StandardOutput() {}

  /**
   * {@code code}, or {@link Exit#FAILED} with a line on {@code err} if writing {@code out} failed (a
   * usage error keeps its code).
   */
  static int verify(int code, PrintStream out, PrintStream err) {
    if (!out.checkError()) {
      return code;
    }
    err.println("engagement: cannot write standard output (a full disk, a closed pipe or a device error): "
        + "the output is incomplete");
    err.flush();
    return code == Exit.OK ? Exit.FAILED : code;
  }
}
