package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

/**
 * A model's refusal to attribute a journey set that needs more work or memory than one of its documented
 * limits allows (for example Markov's {@code max-work} on thousands of channels): the message says what the
 * set needs, the limit, and the parameter that changes it, so a user can raise it knowingly or reduce the
 * data. Thrown before the work starts where the need can be told in advance, otherwise when the limit is
 * reached; either way the work done is bounded by the limit.
 *
 * <p>It is an {@link IllegalArgumentException} (the journey set is too large for the model as configured),
 * so a caller that reports bad input catches it with the rest.
 *
 * <p>Instances are immutable once thrown and safe to share.
 *
 * @since 0.1.0
 */
public final class ModelLimitException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String model;
  private final String parameter;
  private final long limit;

  /**
   * The refusal.
   *
   * @param model the model's registry name
   * @param parameter the name of the model parameter that sets the limit
   * @param limit the limit's value
   * @param message what the journey set needs and what to do, in sentences
   */
  public ModelLimitException(String model, String parameter, long limit, String message) {
    super(requireNonNull(message, "message"));
    this.model = requireNonNull(model, "model");
    this.parameter = requireNonNull(parameter, "parameter");
    this.limit = limit;
  }

  /** The registry name of the model that refused. */
  public String model() {
    return model;
  }

  /** The name of the parameter that changes the limit, for example {@code max-work}. */
  public String parameter() {
    return parameter;
  }

  /** The limit that was in force. */
  public long limit() {
    return limit;
  }
}
