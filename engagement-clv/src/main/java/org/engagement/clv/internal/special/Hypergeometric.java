package org.engagement.clv.internal.special;

import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.util.ContinuedFraction;

/**
 * The Gauss hypergeometric function {@code 2F1(a, b; c; z)} for real {@code z < 1}: the BG/NBD family
 * evaluates it on {@code [0, 1)} ({@code z = t / (alpha + T + t)}), and the Pareto/NBD likelihood needs
 * {@code 2F1(1, b; c; z)} with {@code z} that can come arbitrarily close to 1 ({@link #gauss2F1UnitA}).
 *
 * <p>It sums the defining power series {@code sum_n (a)_n (b)_n / ((c)_n n!) z^n}, each term obtained
 * from the previous one by the ratio {@code (a + n)(b + n) z / ((c + n)(n + 1))}, until a term no longer
 * changes the sum in double precision (checked on two consecutive terms, so one tiny term in a series
 * whose terms change sign does not stop it early). The series converges for every {@code z < 1}; near
 * 1 it needs about {@code 40 / (1 - z)} terms (4,000 at {@code z = 0.99}), which is still cheap for
 * predictions. Beyond {@value #MAX_TERMS} terms it throws rather than return a truncated sum.
 * Relative accuracy is about {@code 1e-14} when the terms share a sign (all the models' uses: {@code a,
 * b, c > 0}). Negative {@code z} is mapped into {@code [0, 1)} by Pfaff's transformation (Abramowitz
 * and Stegun 15.3.4), {@code 2F1(a, b; c; z) = (1 - z)^-a 2F1(a, c - b; c; z / (z - 1))}, so the series
 * is only ever summed on {@code [0, 1)}; for very negative {@code z} the new argument nears 1 and the
 * series lengthens accordingly (about {@code 40 (1 - z)} terms).
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Hypergeometric {
  /** The most terms summed before giving up (reached only for {@code z} within about 1e-6 of 1). */
  public static final int MAX_TERMS = 50_000_000;

  /** The most continued-fraction steps of {@link #gauss2F1UnitA} (needed near {@code 1 - z = 1e-14}). */
  public static final int MAX_FRACTION_STEPS = 50_000_000;

  private static final double FRACTION_EPSILON = 1e-15;

  private Hypergeometric() {}

  /**
   * {@code 2F1(a, b; c; z)} for {@code z < 1}. For {@code c} a non-positive integer the function
   * is undefined unless the series stops first (when {@code a} or {@code b} is a larger non-positive
   * integer); this method then throws.
   *
   * @throws InvalidFieldException if an argument is not finite, {@code z} is not below 1, or {@code c}
   *     hits a pole of the series
   * @throws ArithmeticException if the series does not settle within {@link #MAX_TERMS} terms
   */
  public static double gauss2F1(double a, double b, double c, double z) {
    requireFinite("a", a);
    requireFinite("b", b);
    requireFinite("c", c);
    if (!(z < 1) || Double.isInfinite(z)) {
      throw new InvalidFieldException("z", z, "must be finite and below 1");
    }
    if (z < 0) {
      return Math.exp(-a * Math.log1p(-z)) * series(a, c - b, c, z / (z - 1));
    }
    return series(a, b, c, z);
  }

  /**
   * {@code 2F1(1, b; c; z)} for {@code 0 <= z < 1} and {@code c > b > 0}, by Gauss's continued fraction
   * (the one behind the incomplete beta function, DLMF 8.17.22, with {@code B_z(p, q) = z^p (1 - z)^q / p
   * 2F1(p + q, 1; p + 1; z)}, {@code p = c - 1}, {@code q = b - c + 1}), evaluated by Hipparchus'
   * {@link ContinuedFraction}. Unlike the power series, which needs about {@code 40 / (1 - z)} terms, it
   * converges in about {@code 10 / sqrt(1 - z)} steps (some 13,000 at {@code 1 - z = 1e-6}), so it
   * stays cheap where a likelihood's argument approaches 1. This is the Pareto/NBD case: {@code
   * 2F1(r + s + x, s + 1; r + s + x + 1; z)} is, by Euler's transformation, {@code (1 - z)^-s 2F1(1, r
   * + x; r + s + x + 1; z)}. Relative accuracy is about {@code 1e-13} for {@code 1 - z >= 1e-4},
   * degrading to about {@code 1e-8} at {@code 1 - z = 1e-8} (checked against mpmath).
   *
   * @throws InvalidFieldException if {@code z} is outside {@code [0, 1)} or not {@code 0 < b < c}
   * @throws ArithmeticException if the fraction does not settle within {@link #MAX_FRACTION_STEPS} steps
   */
  public static double gauss2F1UnitA(double b, double c, double z) {
    if (!(z >= 0 && z < 1)) {
      throw new InvalidFieldException("z", z, "must be in [0, 1)");
    }
    if (!(b > 0 && b < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("b", b, "must be positive and finite");
    }
    if (!(c > b && c < Double.POSITIVE_INFINITY)) {
      throw new InvalidFieldException("c", c, "must be finite and greater than b");
    }
    if (z == 0) {
      return 1;
    }
    try {
      ContinuedFraction reciprocal = new IncompleteBetaFraction(c - 1, b - c + 1);
      return 1 / reciprocal.evaluate(z, FRACTION_EPSILON, MAX_FRACTION_STEPS);
    } catch (MathIllegalStateException e) {
      throw new ArithmeticException(String.format(java.util.Locale.ROOT,
          "2F1(1, %s; %s; %s) did not converge within %d steps", b, c, z, MAX_FRACTION_STEPS));
    }
  }

  private static double series(double a, double b, double c, double z) {
    double sum = 1.0;
    double term = 1.0;
    boolean previousNegligible = false;
    for (int n = 0; n < MAX_TERMS; n++) {
      double denominator = (c + n) * (n + 1);
      if (denominator == 0) {
        if ((a + n) * (b + n) == 0) {
          return sum;
        }
        throw new InvalidFieldException("c", c, "must not be a non-positive integer reached by the series");
      }
      term *= (a + n) * (b + n) / denominator * z;
      double next = sum + term;
      boolean negligible = next == sum || Math.abs(term) <= Math.abs(next) * 1e-17;
      sum = next;
      if (term == 0 || (negligible && previousNegligible)) {
        return sum;
      }
      previousNegligible = negligible;
    }
    throw new ArithmeticException(String.format(java.util.Locale.ROOT,
        "2F1(%s, %s; %s; %s) did not converge within %d terms", a, b, c, z, MAX_TERMS));
  }

  /**
   * {@code 1 + d1 / (1 + d2 / (1 + ...))} with {@code d(2m+1) = -(p + m)(p + q + m) z / ((p + 2m)(p + 2m
   * + 1))} and {@code d(2m) = m (q - m) z / ((p + 2m - 1)(p + 2m))}: the reciprocal of {@code 2F1(p + q,
   * 1; p + 1; z)}.
   */
  private static final class IncompleteBetaFraction extends ContinuedFraction {
    private final double p;
    private final double q;

    IncompleteBetaFraction(double p, double q) {
      this.p = p;
      this.q = q;
    }

    @Override
    protected double getA(int n, double z) {
      return 1;
    }

    @Override
    protected double getB(int n, double z) {
      if (n == 1) {
        return -(p + q) * z / (p + 1);
      }
      if (n % 2 == 1) {
        int m = (n - 1) / 2;
        return -(p + m) * (p + q + m) * z / ((p + 2 * m) * (p + 2 * m + 1));
      }
      int m = n / 2;
      return m * (q - m) * z / ((p + 2 * m - 1) * (p + 2 * m));
    }
  }

  private static void requireFinite(String field, double value) {
    if (!Double.isFinite(value)) {
      throw new InvalidFieldException(field, value, "must be finite");
    }
  }
}
