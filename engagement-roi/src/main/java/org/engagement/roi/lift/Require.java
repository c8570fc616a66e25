package org.engagement.roi.lift;

import org.engagement.core.domain.InvalidFieldException;

/** Argument checks shared by the tests of this package. */
final class Require {
  /** The confidence level used when the caller gives none. */
  static final double DEFAULT_LEVEL = 0.95;

  private Require() {}

  static double level(double level) {
    return openUnit("confidenceLevel", level);
  }

  static double openUnit(String field, double value) {
    if (!(value > 0 && value < 1)) {
      throw new InvalidFieldException(field, value, "must be in (0, 1)");
    }
    return value;
  }

  static double finite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidFieldException(field, value, "must be finite");
    }
    return value;
  }

  static double finiteNonNegative(String field, double value) {
    if (!Double.isFinite(value) || value < 0) {
      throw new InvalidFieldException(field, value, "must be finite and not negative");
    }
    return value;
  }

  static double finitePositive(String field, double value) {
    if (!Double.isFinite(value) || value <= 0) {
      throw new InvalidFieldException(field, value, "must be finite and positive");
    }
    return value;
  }

  static double[] values(String field, double[] values, int minimumCount) {
    if (values.length < minimumCount) {
      throw new InvalidFieldException(field + ".length", values.length,
          "must be at least " + minimumCount);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new InvalidFieldException(field + "[" + i + "]", values[i], "must be finite");
      }
    }
    return values;
  }

  static void sameLength(String field, double[] values, String otherField, double[] other) {
    if (values.length != other.length) {
      throw new InvalidFieldException(field + ".length", values.length,
          "must equal " + otherField + ".length (" + other.length + "): values are paired per customer");
    }
  }
}
