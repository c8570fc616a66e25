package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An import that stopped: in {@linkplain ImportMode#STRICT strict} mode at the first bad record or
 * contained adapter failure (then the cause is what the adapter threw), and in any mode when the source as
 * a whole could not be read (then the cause is an {@link InvalidSourceException}) or the importing thread
 * was interrupted (then the cause is an {@link InterruptedException}, and the thread's interrupt flag is
 * set). It carries the report of what was read up to that point.
 *
 * <p>Instances are immutable once thrown and safe to share.
 *
 * @since 0.1.0
 */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ImportReport report;
  private final @Nullable Rejection rejection;

  /** An import stopped by a bad record. */
  public ImportException(ImportReport report, Rejection rejection) {
    this(report, rejection, null);
  }

  /**
   * An import stopped by a bad record, with what the adapter threw on it.
   *
   * @param cause the adapter's exception, or {@code null} if the adapter threw none
   */
  public ImportException(ImportReport report, Rejection rejection, @Nullable Throwable cause) {
    super(requireNonNull(rejection, "rejection").toString(), cause);
    this.report = requireNonNull(report, "report");
    this.rejection = rejection;
  }

  /**
   * An import stopped by a problem with the source as a whole, with the adapter, or by an interruption.
   *
   * @param cause what stopped it, or {@code null} if nothing was thrown (an adapter that returned no reader)
   */
  public ImportException(ImportReport report, String message, @Nullable Throwable cause) {
    super(message, cause);
    this.report = requireNonNull(report, "report");
    this.rejection = null;
  }

  /** What was read before the import stopped, including the record that stopped it. */
  public ImportReport report() {
    return report;
  }

  /** The record that stopped a strict import, if a record did. */
  public Optional<Rejection> rejection() {
    return Optional.ofNullable(rejection);
  }
}
