package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

/** The validation rules for the identifiers and names shared by several model types. */
final class Identifiers {
  /** The longest identifier accepted (customer ids, source ids). */
  static final int MAX_ID_LENGTH = 256;

  private Identifiers() {}

  /**
   * Checks that {@code value} is a usable identifier: not blank, no white space at either end, at most
   * {@value #MAX_ID_LENGTH} characters, without control characters.
   */
  static String requireId(String field, String value) {
    requirePresent(value, field);
    if (value.isBlank()) {
      throw new InvalidFieldException(field, value, "must not be blank");
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new InvalidFieldException(field, value, "must not start or end with white space");
    }
    if (value.length() > MAX_ID_LENGTH) {
      throw new InvalidFieldException(field, value, "must be at most " + MAX_ID_LENGTH + " characters");
    }
    requireNoControlCharacters(field, value);
    return value;
  }

  static void requireNoControlCharacters(String field, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (Character.isISOControl(value.charAt(i))) {
        throw new InvalidFieldException(
            field, value, "must not contain control characters (found U+"
                + String.format(java.util.Locale.ROOT, "%04X", (int) value.charAt(i)) + ")");
      }
    }
  }
}
