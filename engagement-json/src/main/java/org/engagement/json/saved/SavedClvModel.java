package org.engagement.json.saved;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Locale;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.model.BgBbModel;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.MbgNbdModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.ParetoNbdModel;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * A fitted CLV model as it is saved: which model, the unit of its times, the whole search outcome (estimates,
 * log-likelihood, status with any degeneracy reason, counts, covariance and so standard errors) and a brief of
 * the data ({@link ClvFitData}). Saved as JSON by {@link org.engagement.json.EngagementJson} in the envelope
 * {@code {"format": "engagement-clv-model", "version": 1, ...}}; a loaded model predicts exactly as the fitted
 * one did (its parameters are the same doubles), so a host fits once and predicts many times.
 *
 * <p>A model is made from the estimates only when the search was usable (converged, or degenerate with its
 * reason), as {@link ModelFit#model()} does; a saved failed search keeps its estimates for diagnosis.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class SavedClvModel {
  /** The envelope's {@code format}. */
  public static final String FORMAT = "engagement-clv-model";
  /** The version this library writes. */
  public static final int VERSION = 1;
  /** The versions this library reads. */
  public static final List<Integer> SUPPORTED_VERSIONS = List.of(1);

  /** The models that can be saved, by the names the command line uses. */
  @SuppressWarnings("ImmutableEnumChecker") // the parameter lists are List.of, unmodifiable
  public enum Kind {
    /** BG/NBD (Fader, Hardie and Lee 2005). */
    BGNBD(List.of("r", "alpha", "a", "b")),
    /** MBG/NBD (Batislam, Denizel and Filiztekin 2007). */
    MBGNBD(List.of("r", "alpha", "a", "b")),
    /** Pareto/NBD (Schmittlein, Morrison and Colombo 1987). */
    PARETONBD(List.of("r", "alpha", "s", "beta")),
    /** Gamma-Gamma spend (Fader, Hardie and Lee 2005, "RFM and CLV"). */
    GAMMAGAMMA(List.of("p", "q", "gamma")),
    /**
     * BG/BB (Fader, Hardie and Shang 2010): purchases at discrete opportunities, whose times count
     * opportunities and so have no unit.
     */
    BGBB(List.of("alpha", "beta", "gamma", "delta"));

    private final List<String> parameters;

    Kind(List<String> parameters) {
      this.parameters = parameters;
    }

    /** The parameter names, in the model's order. */
    public List<String> parameters() {
      return parameters;
    }

    /** The name in the saved form and on the command line: {@code bgnbd}, {@code gammagamma}, ... */
    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }

    /**
     * Whether it models purchases in continuous time (a {@link RepeatBuyingModel}, whose times have a unit),
     * rather than spend (Gamma-Gamma) or purchases at discrete opportunities (BG/BB).
     */
    public boolean purchases() {
      return this != GAMMAGAMMA && this != BGBB;
    }
  }

  private final Kind kind;
  private final @Nullable PeriodUnit unit;
  private final FitResult fit;
  private final ClvFitData data;

  private SavedClvModel(Kind kind, @Nullable PeriodUnit unit, FitResult fit, ClvFitData data) {
    this.kind = kind;
    this.unit = unit;
    this.fit = fit;
    this.data = data;
  }

  /**
   * A saved model.
   *
   * @param kind which model
   * @param unit the time unit of a purchase model's scale and times; {@code null} for Gamma-Gamma and BG/BB
   * @param fit the search outcome ({@link ModelFit#result()})
   * @param data what it was fitted on
   * @throws InvalidFieldException if a purchase model has no unit or Gamma-Gamma or BG/BB has one, or the fit's
   *     parameter names are not the model's
   */
  public static SavedClvModel of(Kind kind, @Nullable PeriodUnit unit, FitResult fit, ClvFitData data) {
    requireNonNull(kind, "kind");
    requireNonNull(fit, "fit");
    requireNonNull(data, "data");
    if (kind.purchases() != (unit != null)) {
      throw new InvalidFieldException("unit", unit, kind.purchases() ? "is required by " + kind.label()
          : "must be absent for " + kind.label() + ", whose times have no unit");
    }
    if (!fit.parameterNames().equals(kind.parameters())) {
      throw new InvalidFieldException("parameters", fit.parameterNames(),
          "must be those of " + kind.label() + ": " + kind.parameters());
    }
    return new SavedClvModel(kind, unit, fit, data);
  }

  /** Which model. */
  public Kind kind() {
    return kind;
  }

  /** The time unit of a purchase model; {@code null} for Gamma-Gamma and BG/BB. */
  public @Nullable PeriodUnit unit() {
    return unit;
  }

  /** The search outcome. */
  public FitResult fit() {
    return fit;
  }

  /** What the model was fitted on. */
  public ClvFitData data() {
    return data;
  }

  /**
   * The purchase model at the estimates.
   *
   * @throws IllegalStateException if this is a spend model or BG/BB ({@link #discreteModel()})
   * @throws org.engagement.clv.fit.FitNotConvergedException if the search was not usable
   */
  public RepeatBuyingModel purchaseModel() {
    PeriodUnit in = unit;
    if (in == null) {
      throw new IllegalStateException(kind == Kind.BGBB
          ? "bgbb is a discrete-time purchase model: use discreteModel()"
          : kind.label() + " is a spend model, not a purchase model");
    }
    double[] p = fit.requireUsable().estimates();
    return switch (kind) {
      case BGNBD -> new BgNbdModel(p[0], p[1], p[2], p[3], in);
      case MBGNBD -> new MbgNbdModel(p[0], p[1], p[2], p[3], in);
      case PARETONBD -> new ParetoNbdModel(p[0], p[1], p[2], p[3], in);
      case GAMMAGAMMA, BGBB -> throw new IllegalStateException("unreachable: " + kind.label() + " has no unit");
    };
  }

  /**
   * The BG/BB model at the estimates.
   *
   * @throws IllegalStateException if this is another model
   * @throws org.engagement.clv.fit.FitNotConvergedException if the search was not usable
   */
  public BgBbModel discreteModel() {
    if (kind != Kind.BGBB) {
      throw new IllegalStateException(kind.label() + " is not the discrete-time BG/BB model");
    }
    double[] p = fit.requireUsable().estimates();
    return new BgBbModel(p[0], p[1], p[2], p[3]);
  }

  /**
   * The Gamma-Gamma spend model at the estimates.
   *
   * @throws IllegalStateException if this is a purchase model
   * @throws org.engagement.clv.fit.FitNotConvergedException if the search was not usable
   */
  public GammaGammaModel spendModel() {
    if (kind != Kind.GAMMAGAMMA) {
      throw new IllegalStateException(kind.label() + " is a purchase model, not a spend model");
    }
    double[] p = fit.requireUsable().estimates();
    return new GammaGammaModel(p[0], p[1], p[2]);
  }

  @Override
  public String toString() {
    return "SavedClvModel[" + kind.label() + (unit == null ? "" : ", " + unit) + ", " + fit + ", " + data + "]";
  }
}
