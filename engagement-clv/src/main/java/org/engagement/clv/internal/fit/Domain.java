package org.engagement.clv.internal.fit;

/**
 * Where a parameter lives, which fixes the transform the optimiser works on: unconstrained search over
 * a transformed value keeps every trial point legal and makes the likelihood surface rounder.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum Domain {
  /** {@code (0, inf)}, searched as {@code log(theta)}: the shape and scale parameters of the models. */
  POSITIVE {
    @Override
    double toSearch(double natural) {
      return Math.log(natural);
    }

    @Override
    double toNatural(double search) {
      return Math.exp(search);
    }

    @Override
    double derivative(double search) {
      return Math.exp(search);
    }
  },
  /** {@code (0, 1)}, searched as {@code logit(theta)}: probabilities. */
  UNIT_INTERVAL {
    @Override
    double toSearch(double natural) {
      return Math.log(natural / (1 - natural));
    }

    @Override
    double toNatural(double search) {
      return 1 / (1 + Math.exp(-search));
    }

    @Override
    double derivative(double search) {
      double p = toNatural(search);
      return p * (1 - p);
    }
  },
  /** The whole real line, searched as is. */
  REAL {
    @Override
    double toSearch(double natural) {
      return natural;
    }

    @Override
    double toNatural(double search) {
      return search;
    }

    @Override
    double derivative(double search) {
      return 1;
    }
  };

  abstract double toSearch(double natural);

  abstract double toNatural(double search);

  /** {@code d natural / d search} at {@code search}: the delta-method factor for standard errors. */
  abstract double derivative(double search);

  /** Whether {@code value} lies strictly inside this domain. */
  public boolean contains(double value) {
    return switch (this) {
      case POSITIVE -> value > 0 && value < Double.POSITIVE_INFINITY;
      case UNIT_INTERVAL -> value > 0 && value < 1;
      case REAL -> Double.isFinite(value);
    };
  }
}
