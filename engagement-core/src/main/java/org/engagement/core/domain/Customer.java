package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import java.io.Serializable;
import java.time.Instant;

/**
 * A person or organisation the business has a relationship with, whether they have bought yet
 * (a customer) or not (a prospect): whether someone has bought is a fact derived from their
 * interactions, not a flag stored here.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier: not blank, no white space at either end, at most 256 characters, no control
 *     characters
 * @param firstSeen when the business first knew of them
 * @param attributes profile facts (country, plan, company size, ...)
 * @since 0.1.0
 */
public record Customer(String id, Instant firstSeen, Attributes attributes) implements Serializable {

  /**
   * Validates the customer.
   *
   * @throws InvalidFieldException if the id breaks its rule
   */
  public Customer {
    Identifiers.requireCustomerId("customer id", id);
    requirePresent(firstSeen, "firstSeen");
    requirePresent(attributes, "attributes");
  }

  /** A customer without attributes. */
  public static Customer of(String id, Instant firstSeen) {
    return new Customer(id, firstSeen, Attributes.empty());
  }

  /** This customer with {@code attributes} instead of its own. */
  public Customer withAttributes(Attributes attributes) {
    return new Customer(id, firstSeen, attributes);
  }
}
