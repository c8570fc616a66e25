package org.engagement.report.analysis;

import static java.util.Objects.requireNonNull;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Where the report says what it is doing during its long steps (attribution models, engagement
 * scoring), so a terminal user sees it is working. Implementations must be thread-safe.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface Progress {

  /** Reports that the step described by {@code message} starts. */
  void step(String message);

  /** Progress that is not shown. */
  static Progress none() {
    return message -> {};
  }

  /** Progress printed to {@code out} (standard error, usually), one line per step with the time so far. */
  static Progress to(PrintStream out) {
    requireNonNull(out, "out");
    long start = System.nanoTime();
    return message -> out.println(String.format(Locale.ROOT, "[report %5.1fs] %s",
        (System.nanoTime() - start) / 1e9, message));
  }
}
