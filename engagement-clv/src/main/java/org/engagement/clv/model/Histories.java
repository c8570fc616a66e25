package org.engagement.clv.model;

import org.engagement.core.domain.InvalidFieldException;

/** Argument checks shared by the models' prediction methods. */
final class Histories {
  private Histories() {}

  static void check(int frequency, double recency, double age) {
    if (frequency < 0) {
      throw new InvalidFieldException("frequency", frequency, "must not be negative");
    }
    if (!Double.isFinite(age) || age < 0) {
      throw new InvalidFieldException("age", age, "must be finite and not negative");
    }
    if (!(recency >= 0 && recency <= age)) {
      throw new InvalidFieldException("recency", recency, "must be in [0, age]");
    }
  }

  static void checkHorizon(double t) {
    if (!Double.isFinite(t) || t < 0) {
      throw new InvalidFieldException("t", t, "must be finite and not negative");
    }
  }

  static void checkCount(int n) {
    if (n < 0) {
      throw new InvalidFieldException("n", n, "must not be negative");
    }
  }

  static void checkPositive(String field, double value) {
    if (!(value > 0 && value < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException(field, value, "must be positive and finite");
    }
  }

  /** Checks that {@code out} has room for one value per horizon. */
  static void checkOutput(double[] horizons, double[] out) {
    if (out.length < horizons.length) {
      throw new InvalidFieldException(
          "out", out.length, "must have room for every horizon (" + horizons.length + ")");
    }
  }
}
