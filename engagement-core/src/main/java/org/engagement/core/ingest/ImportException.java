package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * An import that stopped: at the first bad record in {@linkplain ImportMode#STRICT strict} mode, or
 * in any mode when the source as a whole could not be read (then the cause is an
 * {@link InvalidSourceException}). It carries the report of what was read up to that point.
 *
 * @since 0.1.0
 */
public final class ImportException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ImportReport report;
  private final @Nullable Rejection rejection;

  /** An import stopped by a bad record. */
  public ImportException(ImportReport report, Rejection rejection) {
    super(requireNonNull(rejection, "rejection").toString());
    this.report = requireNonNull(report, "report");
    this.rejection = rejection;
  }

  /** An import stopped by a problem with the source as a whole. */
  public ImportException(ImportReport report, String message, Throwable cause) {
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
