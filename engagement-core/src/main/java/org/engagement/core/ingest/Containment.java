package org.engagement.core.ingest;

/**
 * Which throwables from adapter code the library contains and which it lets through: the one rule the
 * {@link InteractionImporter} and the {@link ChannelAdapters} registry share.
 *
 * <p>Contained: every exception, checked or not, and every error that speaks of the adapter rather than of
 * the JVM or the thread. That includes {@link AssertionError} (a failed check in the adapter),
 * {@link LinkageError} ({@link NoClassDefFoundError}, {@link ExceptionInInitializerError}: a broken or
 * incomplete adapter jar, which affects only the classes the adapter uses) and {@link StackOverflowError} (a
 * recursion too deep for its input; the stack has unwound by the time the error is caught, and the reader
 * that overflowed is abandoned).
 *
 * <p>Let through: the other {@link VirtualMachineError}s ({@link OutOfMemoryError}, {@link InternalError},
 * {@link UnknownError}), because the JVM as a whole may be unable to go on and the error may have struck an
 * innocent allocation, so only the host can decide; and {@link ThreadDeath}, because the thread is being
 * stopped and must be allowed to stop. Stateless.
 */
final class Containment {
  private Containment() {}

  /** Whether {@code failure} must reach the host as it is, whoever threw it. */
  static boolean isFatal(Throwable failure) {
    return (failure instanceof VirtualMachineError && !(failure instanceof StackOverflowError))
        || failure instanceof ThreadDeath;
  }

  /** Throws {@code failure} if it {@linkplain #isFatal is fatal}, and returns otherwise. */
  static void propagateIfFatal(Throwable failure) {
    if (isFatal(failure)) {
      throw (Error) failure;
    }
  }

  /**
   * What a report or a log may say of {@code failure}: the name of its class, never its message, which may
   * quote the record that caused it.
   */
  static String describe(Throwable failure) {
    return failure.getClass().getName();
  }
}
