package org.engagement.clv.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;

/**
 * Recognises a converged search that ran to a boundary of the parameter space, which {@link ModelFit}
 * then reports as {@link FitStatus#DEGENERATE}. The models' heterogeneity comes from mixing
 * distributions; when the data show no heterogeneity, the likelihood keeps rising as a mixing
 * distribution narrows to one value, so its shapes run towards infinity with their ratio fixed (the
 * bundled world's BG/NBD fit ended at {@code a} 564,157 and {@code b} 8,334,060). The unconstrained
 * log-scale search has no bound to stop at; it stops where the likelihood no longer changes, and the
 * Hessian there is near-singular, so its standard errors are noise.
 *
 * <p>The rules: a gamma mixture whose shape exceeds {@value #SHAPE_LIMIT} (coefficient of variation below 1
 * %), a beta mixture whose shapes sum to more than {@value #SHAPE_LIMIT} (standard deviation below 0.005),
 * and any parameter above {@value #RUNAWAY} or below {@value #VANISHING}.
 *
 * <p>Immutable and thread-safe.
 */
final class Boundaries {
  /** A mixing shape beyond which the mixture is one value for all practical purposes. */
  static final double SHAPE_LIMIT = 1e4;
  /** A parameter beyond which it has run off towards infinity. */
  static final double RUNAWAY = 1e8;
  /** A parameter below which it has run off towards 0. */
  static final double VANISHING = 1e-6;

  private final List<String> names;
  private final List<Rule> rules;

  private Boundaries(List<String> names, List<Rule> rules) {
    this.names = List.copyOf(names);
    this.rules = List.copyOf(rules);
  }

  /** The rules for a model with parameters {@code names}, in order; add mixtures with the methods below. */
  static Boundaries of(String... names) {
    return new Boundaries(List.of(names), List.of());
  }

  /**
   * With a gamma mixture of shape {@code shape} and scale {@code scale}: collapsed, its mean {@code shape /
   * scale} is {@code what}, shared by every customer.
   */
  Boundaries gamma(String shape, String scale, String what, String meaning) {
    return with((v, out) -> {
      double k = v[names.indexOf(shape)];
      if (k > SHAPE_LIMIT) {
        out.add(String.format(Locale.ROOT, "%s ran to %.6g and %s to %.6g: %s is pinned at %s/%s = %.4g with no"
            + " heterogeneity across customers; the data cannot tell %s", shape, k, scale, v[names.indexOf(scale)],
            what, shape, scale, k / v[names.indexOf(scale)], meaning));
      }
    });
  }

  /** With a beta mixture of shapes {@code first, second}: collapsed, its mean {@code first / (first + second)}. */
  Boundaries beta(String first, String second, String what, String meaning) {
    return with((v, out) -> {
      double a = v[names.indexOf(first)];
      double b = v[names.indexOf(second)];
      if (a + b > SHAPE_LIMIT) {
        out.add(String.format(Locale.ROOT, "%s ran to %.6g and %s to %.6g: %s %s/(%s+%s) is pinned near %.4g with"
            + " no heterogeneity across customers; the data cannot tell %s", first, a, second, b, what, first,
            first, second, a / (a + b), meaning));
      }
    });
  }

  private Boundaries with(Rule rule) {
    List<Rule> more = new ArrayList<>(rules);
    more.add(rule);
    return new Boundaries(names, more);
  }

  /** {@code result} marked degenerate with the reasons, if it converged at a boundary; else unchanged. */
  FitResult check(FitResult result) {
    if (!result.converged()) {
      return result;
    }
    double[] v = result.estimates();
    List<String> reasons = new ArrayList<>();
    for (Rule rule : rules) {
      rule.apply(v, reasons);
    }
    for (int i = 0; i < names.size(); i++) {
      if (v[i] > RUNAWAY || v[i] < VANISHING) {
        reasons.add(String.format(Locale.ROOT, "%s ran to %.6g, towards %s: the likelihood is flat there and the"
            + " value means only 'as far as the data allow'", names.get(i), v[i], v[i] > RUNAWAY ? "infinity" : "0"));
      }
    }
    return reasons.isEmpty() ? result : result.degenerate(String.join("; ", reasons));
  }

  /** One rule: appends a reason to {@code out} when the estimates {@code v} are at its boundary. */
  @FunctionalInterface
  private interface Rule {
    void apply(double[] v, List<String> out);
  }
}
