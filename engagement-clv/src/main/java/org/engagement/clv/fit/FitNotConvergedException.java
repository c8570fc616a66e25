package org.engagement.clv.fit;

/**
 * Thrown when estimates are asked of a fit that did not converge: using them would give predictions from
 * an arbitrary point of the search.
 *
 * <p>Thread-safe: it carries only immutable values.
 *
 * @since 0.1.0
 */
public final class FitNotConvergedException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final FitStatus status;

  /** Creates the exception for {@code status} with a message describing the search. */
  public FitNotConvergedException(FitStatus status, String message) {
    super(message);
    this.status = status;
  }

  /** Why the search ended; never {@link FitStatus#CONVERGED}. */
  public FitStatus status() {
    return status;
  }
}
