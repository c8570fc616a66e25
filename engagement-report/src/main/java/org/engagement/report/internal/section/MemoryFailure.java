package org.engagement.report.internal.section;

/**
 * Tells whether an error a section threw means that memory ran out, directly or through a class that memory
 * left unusable.
 *
 * <p>Why the second kind: a class's static initialiser that runs out of memory fails with the {@link
 * OutOfMemoryError} itself (an {@link Error} is not wrapped), and the JVM marks the class as failed for good.
 * Every later use, in any section, throws {@link NoClassDefFoundError} ("Could not initialize class ..."), which is
 * not a bug of that section but the same shortage seen late: a report once crashed so when the attribution section,
 * run out of memory on purpose, was the first to touch a table of Hipparchus's {@code FastMath} and the ROI section
 * after it needed the table too. JDK 17 records the initialiser's original error as the cause: an {@link
 * ExceptionInInitializerError} whose message names the error's class ("Exception java.lang.OutOfMemoryError: Java
 * heap space [in thread ...]"). Any other {@code NoClassDefFoundError} (a class missing from the class path) is a
 * real fault and stays one. Stateless.
 */
final class MemoryFailure {
  private static final String RECORDED = "Exception " + OutOfMemoryError.class.getName();

  private MemoryFailure() {}

  /**
   * Whether {@code error} is an {@link OutOfMemoryError}, or a {@link NoClassDefFoundError} for a class whose
   * initialiser ran out of memory.
   */
  static boolean ranOutOfMemory(Error error) {
    if (error instanceof OutOfMemoryError) {
      return true;
    }
    return error instanceof NoClassDefFoundError
        && error.getCause() instanceof ExceptionInInitializerError failed
        && failed.getMessage() != null && failed.getMessage().startsWith(RECORDED);
  }
}
