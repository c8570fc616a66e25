package org.engagement.report.internal.memory;

/**
 * Tells whether an error a section or the report's summary threw means that memory ran out, directly, through a
 * class that memory left unusable, or wrapped by the JDK: {@code SectionRun} and {@code ReportModel} leave such a
 * section, or the summary, out for want of memory, and let any other error through.
 *
 * <p>Why the second kind: a class's static initialiser that runs out of memory fails with the {@link
 * OutOfMemoryError} itself (an {@link Error} is not wrapped), and the JVM marks the class as failed for good.
 * Every later use, in any section, throws {@link NoClassDefFoundError} ("Could not initialize class ..."), which is
 * not a bug of that section but the same shortage seen late: a report once crashed so when the attribution section,
 * run out of memory on purpose, was the first to touch a table of Hipparchus's {@code FastMath} and the ROI section
 * after it needed the table too. JDK 17 records the initialiser's original error as the cause: an {@link
 * ExceptionInInitializerError} whose message names the error's class ("Exception java.lang.OutOfMemoryError: Java
 * heap space [in thread ...]"). Any other {@code NoClassDefFoundError} (a class missing from the class path) is a
 * real fault and stays one.
 *
 * <p>Why the third kind: the JDK turns running out of memory while it links a lambda or a method reference into an
 * {@link InternalError} whose cause is the {@code OutOfMemoryError} (JDK 17's {@code
 * InnerClassLambdaMetafactory.generateInnerClass} ends in {@code catch (Throwable t) { throw new InternalError(t);
 * }} around the definition of the lambda's class). A section's lambdas are linked when first run, so the section
 * that runs out of memory may do so there: the CLI's test of a section left out for memory ({@code
 * ReportLeftOutTest}) saw it in 18 of 42 runs of its child on a loaded machine (the attribution's cross-validation
 * linking a lambda), and the report died with the {@code InternalError} instead of leaving the section out. The
 * failed link is not recorded (only a {@link LinkageError} is), so a later section links the lambda afresh. An
 * error is counted when an {@code OutOfMemoryError} is among its causes, at most {@value #CAUSES} deep. Stateless;
 * the check allocates nothing, since the heap may still be full when it runs.
 */
public final class MemoryFailure {
  private static final String RECORDED = "Exception " + OutOfMemoryError.class.getName();
  /** How deep the causes are searched: far deeper than a wrapper's one level, and safe from a cycle of causes. */
  private static final int CAUSES = 8;

  private MemoryFailure() {}

  /**
   * Whether {@code error} is an {@link OutOfMemoryError}, has one among its causes, or is a {@link
   * NoClassDefFoundError} for a class whose initialiser ran out of memory.
   */
  public static boolean ranOutOfMemory(Error error) {
    if (error instanceof OutOfMemoryError || causedByOutOfMemory(error)) {
      return true;
    }
    return error instanceof NoClassDefFoundError
        && error.getCause() instanceof ExceptionInInitializerError failed
        && failed.getMessage() != null && failed.getMessage().startsWith(RECORDED);
  }

  /** Whether an {@link OutOfMemoryError} is among the first {@value #CAUSES} causes of {@code error}. */
  private static boolean causedByOutOfMemory(Throwable error) {
    Throwable cause = error.getCause();
    for (int depth = 0; cause != null && depth < CAUSES; depth++) {
      if (cause instanceof OutOfMemoryError) {
        return true;
      }
      cause = cause.getCause();
    }
    return false;
  }
}
