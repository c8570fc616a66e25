package org.engagement.clv.internal.fit;

import org.engagement.core.domain.InvalidFieldException;

/**
 * One model parameter to estimate: its name as the papers write it, its domain and the starting value of
 * the search.
 *
 * <p>Immutable and thread-safe, being a record of immutable values.
 *
 * @param name the name, e.g. {@code "alpha"}; not blank
 * @param domain where the parameter lives
 * @param start the starting value, inside {@code domain}
 * @since 0.1.0
 */
public record Parameter(String name, Domain domain, double start) {

  /** Validates the fields. */
  public Parameter {
    if (name.isBlank()) {
      throw new InvalidFieldException("name", name, "must not be blank");
    }
    if (!domain.contains(start)) {
      throw new InvalidFieldException("start", start, "must lie inside " + domain + " for " + name);
    }
  }

  /** A positive parameter (log-transformed in the search) starting at {@code start}. */
  public static Parameter positive(String name, double start) {
    return new Parameter(name, Domain.POSITIVE, start);
  }
}
