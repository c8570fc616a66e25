package org.engagement.core.domain;

import java.util.Locale;

/**
 * Who started an interaction.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum Direction {
  /** The customer reached out to the business (a visit, a reply, a purchase). */
  INBOUND,
  /** The business reached out to the customer (an ad impression, an email sent). */
  OUTBOUND;

  /**
   * Parses {@code inbound} or {@code outbound}, ignoring case and surrounding space.
   *
   * @throws InvalidFieldException naming {@code field} for any other text
   */
  public static Direction parse(String field, String text) {
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "inbound", "in" -> INBOUND;
      case "outbound", "out" -> OUTBOUND;
      default -> throw new InvalidFieldException(field, text, "must be 'inbound' or 'outbound'");
    };
  }
}
