package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import org.jspecify.annotations.Nullable;

/** The validation rules for the identifiers and names shared by several model types. */
final class Identifiers {
  /** The longest identifier accepted (customer ids, source ids). */
  static final int MAX_ID_LENGTH = 256;

  /**
   * The customer id accepted last, so that the same instance given again is not scanned again (issue 16: the
   * columns hand every row of a customer the one interned id, and re-checking it was 8 % of a report's samples;
   * source ids, one per row, have no slot, so they do not push it out).
   * Read and written without synchronisation on purpose: a thread sees either {@code null} or an instance some
   * thread accepted, and a {@code String} is immutable (its contents are safely published by its final fields), so
   * an identity hit is exactly an instance that passed every rule below.
   */
  @SuppressWarnings("NonFinalStaticField")
  private static @Nullable String lastAccepted;

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

  /**
   * {@link #requireId}, for customer ids: the instance accepted last (by any thread) is not checked again, the
   * rules being the same whatever the field's name.
   */
  @SuppressWarnings("ReferenceEquality") // the same instance, not an equal one, is what was checked
  static String requireCustomerId(String field, String value) {
    if (value == lastAccepted && value != null) {
      return value;
    }
    requireId(field, value);
    lastAccepted = value;
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
