package org.engagement.roi.mix.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The penalised least-squares problem of the marketing mix model on a normalised scale: the outcome divided by
 * its mean, each channel's spend by its mean. Given the non-linear parameters (per channel: carry-over
 * half-life or width, delayed peak, Hill half-saturation and shape, all mapped from the unit cube), the linear
 * coefficients (intercept, trend, Fourier seasonality, controls, one maximum effect per channel) are solved
 * exactly by bounded least squares (media effects not negative, within a lift test's interval where one is
 * given), so the search only sees the non-linear parameters (variable projection).
 *
 * <p>Without lift tests the objective is the profile negative log-likelihood {@code n/2 · ln(RSS / n)} plus the
 * priors; with lift tests the noise level is fixed from the uncalibrated fit and each test adds a Gaussian
 * term with its own standard error, as a prior on the channel's effect over the test period. Regularisation:
 * a ridge penalty on the media effects, Gaussian priors on {@code ln K} (sd 0.5 around the mean spend), on
 * the Hill shape (sd 0.4 around 1) and on the log half-life (sd 1.2 around two periods). Immutable and thread-safe.
 */
public final class MixProblem {
  private static final double MIN_HALF_LIFE = 0.1;
  private static final double MIN_HALF_SATURATION = 0.2;
  private static final double MAX_HALF_SATURATION = 5;
  private static final double MIN_SHAPE = 0.5;
  private static final double MAX_SHAPE = 3;
  /**
   * The Hill shape prior's centre: 1, a concave curve, as Meridian fixes its slope and Jin et al. 2017 prefer
   * (the reference, §3-4: very different {@code (β, K, S)} give near-identical curves over the observed range).
   * Against 1.5, on the simulated worlds (issue 14, 20 resamples): ROI coverage 0.781 -> 0.797 and cautious gain
   * +0.047 -> +0.080 of the optimum's (seeds 1-8), 0.750 -> 0.797 and +0.178 -> +0.181 (9-16). On a world whose
   * every channel is S-shaped (shapes 2.0-2.8, {@code MixWorldSpec.sCurves}), where this prior is wrong for every
   * channel, coverage is the same over seeds 1-16 (0.758 at both centres) and the cautious gain +0.42 -> +0.45, at
   * the price of the plan without caution (+0.01 -> -0.10) and of larger ROI errors (mean relative error 0.32 ->
   * 0.37): it does not merely suit the default world's concave channels, but it is not free where the truth is
   * S-shaped.
   */
  private static final double SHAPE_PRIOR_MEAN = 1.0;
  private static final double SHAPE_PRIOR_SD = 0.4;
  private static final double LOG_HALF_SATURATION_PRIOR_SD = 0.5;
  private static final double LOG_HALF_LIFE_PRIOR_MEAN = Math.log(2);
  private static final double LOG_HALF_LIFE_PRIOR_SD = 1.2;
  private static final double BASE_RIDGE = 1e-6;
  private static final double LIMIT = 1e-3;

  /**
   * The model's settings.
   *
   * @param maxLag the delayed carry-over's lags, 0 for geometric carry-over
   * @param maxHalfLife the longest carry-over half-life (or width) searched, in periods
   * @param seasonLength periods per year
   * @param fourierOrder the number of Fourier harmonics of the season
   * @param ridge the ridge penalty on the media effects (normalised scale)
   */
  public record Settings(int maxLag, double maxHalfLife, int seasonLength, int fourierOrder, double ridge) {}

  /**
   * A lift test in period indices and outcome units.
   *
   * @param channel the channel's index
   * @param from the first period, included
   * @param to the last period, included
   * @param value the incremental outcome measured
   * @param low the interval's lower bound
   * @param high the interval's upper bound
   * @param z the interval's half-width in standard errors: the two-sided standard normal quantile of its level
   *     (1.645 at 90 %), worked out once by the caller rather than on every evaluation of the objective
   */
  public record Lift(int channel, int from, int to, double value, double low, double high, double z) {}

  /**
   * A Gaussian prior on a channel's ROI over the whole series (contribution per unit spent), the quadratic
   * stand-in for Meridian's ROI prior: it keeps the linear part exact and pulls a channel the data cannot see
   * towards the prior mean instead of towards zero as a ridge does.
   *
   * @param channel the channel's index
   * @param mean the prior mean of the ROI
   * @param sd the prior standard deviation of the ROI, positive
   */
  public record RoiPrior(int channel, double mean, double sd) {}

  /**
   * A log-normal prior on a channel's carry-over half-life (or delayed width), in place of the default
   * (median two periods, log-sd 1.2): what an analyst knows of the medium, as Robyn's per-channel ranges and
   * Meridian's per-channel priors carry it.
   *
   * @param channel the channel's index
   * @param median the prior median in periods, positive
   * @param logSd the prior standard deviation of the log half-life, positive
   */
  public record HalfLifePrior(int channel, double median, double logSd) {}

  /** One evaluation: the objective, the linear coefficients and the fit. Immutable. */
  public static final class Evaluation {
    private final double objective;
    private final double[] coefficients;
    private final double[] fitted;
    private final double rss;

    Evaluation(double objective, double[] coefficients, double[] fitted, double rss) {
      this.objective = objective;
      this.coefficients = coefficients;
      this.fitted = fitted;
      this.rss = rss;
    }

    /** The value minimised. */
    public double objective() {
      return objective;
    }

    /** Base coefficients, then one maximum effect per channel (normalised scale). */
    public double[] coefficients() {
      return coefficients.clone();
    }

    /** The fitted outcome (normalised). */
    public double[] fitted() {
      return fitted.clone();
    }

    /** The residual sum of squares (normalised). */
    public double rss() {
      return rss;
    }
  }

  private final double[][] spend;
  private final double[] spendScale;
  private final double yScale;
  private final double[] y;
  private final double[][] base;
  private final double[][] baseGram;
  private final Settings settings;
  private final List<Lift> lifts;
  private final List<RoiPrior> roiPriors;
  private final double sigma;
  private final double[] logHalfLifeMean;
  private final double[] logHalfLifeSd;
  private final int heldChannel;
  private final double heldRoi;
  private final int unregularised;

  private MixProblem(double[][] spend, double[] spendScale, double yScale, double[] y, double[][] base,
      double[][] baseGram, Settings settings, List<Lift> lifts, List<RoiPrior> roiPriors, double sigma,
      double[] logHalfLifeMean, double[] logHalfLifeSd, int heldChannel, double heldRoi, int unregularised) {
    this.spend = spend;
    this.spendScale = spendScale;
    this.yScale = yScale;
    this.y = y;
    this.base = base;
    this.baseGram = baseGram;
    this.settings = settings;
    this.lifts = List.copyOf(lifts);
    this.roiPriors = List.copyOf(roiPriors);
    this.sigma = sigma;
    this.logHalfLifeMean = logHalfLifeMean;
    this.logHalfLifeSd = logHalfLifeSd;
    this.heldChannel = heldChannel;
    this.heldRoi = heldRoi;
    this.unregularised = unregularised;
  }

  /**
   * The problem of raw series.
   *
   * @param rawSpend spend per channel and period, each channel with a positive total
   * @param outcome the outcome per period, with a positive mean
   * @param controls control series per control and period
   * @param settings the settings
   * @return the uncalibrated problem
   */
  public static MixProblem of(double[][] rawSpend, double[] outcome, double[][] controls, Settings settings) {
    int n = outcome.length;
    double yScale = mean(outcome);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = outcome[t] / yScale;
    }
    double[][] spend = new double[rawSpend.length][n];
    double[] spendScale = new double[rawSpend.length];
    for (int c = 0; c < rawSpend.length; c++) {
      spendScale[c] = mean(rawSpend[c]);
      for (int t = 0; t < n; t++) {
        spend[c][t] = rawSpend[c][t] / spendScale[c];
      }
    }
    double[][] base = baseColumns(n, n, controls, settings);
    double[][] gram = new double[base.length][base.length];
    for (int i = 0; i < base.length; i++) {
      for (int j = 0; j < base.length; j++) {
        gram[i][j] = dot(base[i], base[j]) + (i == j ? BASE_RIDGE * n : 0);
      }
    }
    double[] logMean = new double[spend.length];
    double[] logSd = new double[spend.length];
    java.util.Arrays.fill(logMean, LOG_HALF_LIFE_PRIOR_MEAN);
    java.util.Arrays.fill(logSd, LOG_HALF_LIFE_PRIOR_SD);
    return new MixProblem(spend, spendScale, yScale, y, base, gram, settings, List.of(), List.of(), Double.NaN,
        logMean, logSd, -1, 0, -1);
  }

  /** This problem calibrated by lift tests, with the noise level (normalised) of the uncalibrated fit. */
  public MixProblem calibrated(List<Lift> tests, double noise) {
    return calibrated(tests, List.of(), noise);
  }

  /**
   * This problem calibrated by lift tests and ROI priors, with the noise level (normalised) of the
   * uncalibrated fit: the objective becomes the negative log-posterior at that noise level.
   */
  public MixProblem calibrated(List<Lift> tests, List<RoiPrior> priors, double noise) {
    return new MixProblem(spend, spendScale, yScale, y, base, baseGram, settings, tests, priors, noise,
        logHalfLifeMean, logHalfLifeSd, heldChannel, heldRoi, unregularised);
  }

  /**
   * This problem with every lift test as it might have come out: each test's value and interval moved by its
   * standard error times a standard normal draw, so that a bootstrap refit carries the experiment's noise.
   */
  public MixProblem withLiftsRedrawn(RandomGenerator random) {
    if (lifts.isEmpty()) {
      return this;
    }
    List<Lift> drawn = new ArrayList<>(lifts.size());
    for (Lift lift : lifts) {
      double shift = standardError(lift) * random.nextGaussian();
      drawn.add(new Lift(lift.channel(), lift.from(), lift.to(), lift.value() + shift, lift.low() + shift,
          lift.high() + shift, lift.z()));
    }
    return calibrated(drawn, roiPriors, sigma);
  }

  /** This problem with other priors on some channels' half-lives. */
  public MixProblem withHalfLifePriors(List<HalfLifePrior> priors) {
    double[] logMean = logHalfLifeMean.clone();
    double[] logSd = logHalfLifeSd.clone();
    for (HalfLifePrior prior : priors) {
      logMean[prior.channel()] = Math.log(prior.median());
      logSd[prior.channel()] = prior.logSd();
    }
    return new MixProblem(spend, spendScale, yScale, y, base, baseGram, settings, lifts, roiPriors, sigma,
        logMean, logSd, heldChannel, heldRoi, unregularised);
  }

  /**
   * This problem with channel {@code c}'s ROI over the series held at {@code roi}: its effect is no longer
   * solved for but set, at each point, to the value that returns that ROI, and every other linear
   * coefficient is solved around it. How much the best objective rises is the profile of the channel's ROI.
   *
   * @param c the channel's index
   * @param roi the ROI held, not negative
   * @return the problem
   */
  public MixProblem withRoiHeld(int c, double roi) {
    return new MixProblem(spend, spendScale, yScale, y, base, baseGram, settings, lifts, roiPriors, sigma,
        logHalfLifeMean, logHalfLifeSd, c, roi, unregularised);
  }

  /**
   * This problem without channel {@code c}'s priors on its carry-over, half-saturation and shape (the ROI
   * priors and lift tests stay): those priors keep the point search well posed and are no knowledge of the
   * channel, so a profile interval of its ROI should not rule a value out only because it needs a carry-over
   * longer than the default prior's two periods.
   *
   * @param c the channel's index
   * @return the problem
   */
  public MixProblem withoutShapePriors(int c) {
    return new MixProblem(spend, spendScale, yScale, y, base, baseGram, settings, lifts, roiPriors, sigma,
        logHalfLifeMean, logHalfLifeSd, heldChannel, heldRoi, c);
  }

  /** The number of non-linear parameters of each channel, laid out channel after channel in the unit cube. */
  public int parametersPerChannel() {
    return perChannel();
  }

  /**
   * How much of channel {@code c}'s media column at a point of the unit cube the other columns explain: the
   * R² of its least-squares regression on the intercept, trend, season, controls and the other channels'
   * media columns. The variance inflation factor of its effect is {@code 1 / (1 - R²)}.
   *
   * @param unit the non-linear parameters in the unit cube
   * @param c the channel's index
   * @return the R², between 0 and 1; 1 for a column without variation
   */
  public double collinearity(double[] unit, int c) {
    double[][] media = mediaColumns(unit);
    int pb = base.length;
    int p = pb + media.length - 1;
    double[][] others = new double[p][];
    System.arraycopy(base, 0, others, 0, pb);
    for (int d = 0, k = pb; d < media.length; d++) {
      if (d != c) {
        others[k++] = media[d];
      }
    }
    double[] column = media[c];
    double[][] gram = new double[p][p];
    double[] rhs = new double[p];
    for (int i = 0; i < p; i++) {
      rhs[i] = dot(others[i], column);
      for (int j = i; j < p; j++) {
        gram[i][j] = dot(others[i], others[j]) + (i == j ? BASE_RIDGE * y.length : 0);
        gram[j][i] = gram[i][j];
      }
    }
    double[] coefficients = new org.hipparchus.linear.CholeskyDecomposition(
        org.hipparchus.linear.MatrixUtils.createRealMatrix(gram), 1e-9, 1e-14).getSolver()
        .solve(new org.hipparchus.linear.ArrayRealVector(rhs, false)).toArray();
    double m = mean(column);
    double total = dot(column, column) - y.length * m * m;
    double explained = dot(coefficients, rhs);
    double residual = Math.max(0, dot(column, column) - explained);
    return total <= 1e-12 * Math.max(1, dot(column, column)) ? 1 : Math.min(1, Math.max(0, 1 - residual / total));
  }

  /**
   * The base columns over {@code length} periods, normalised on the first {@code n}: the trend runs on past
   * {@code n} at the same slope, each control is centred and scaled by its first {@code n} values.
   */
  private static double[][] baseColumns(int n, int length, double[][] controls, Settings settings) {
    int harmonics = settings.fourierOrder();
    double[][] columns = new double[2 + 2 * harmonics + controls.length][length];
    for (int t = 0; t < length; t++) {
      columns[0][t] = 1;
      columns[1][t] = n == 1 ? 0 : (double) t / (n - 1) - 0.5;
      for (int k = 1; k <= harmonics; k++) {
        double angle = 2 * Math.PI * k * t / settings.seasonLength();
        columns[2 * k][t] = Math.sin(angle);
        columns[2 * k + 1][t] = Math.cos(angle);
      }
    }
    for (int j = 0; j < controls.length; j++) {
      // in units of the control's largest value: a control near 1e300 or 1e-300 (a price in another unit) would
      // otherwise square to infinity or to 0 and drop out of the fit without a word
      double unit = 0;
      for (int t = 0; t < n; t++) {
        unit = Math.max(unit, Math.abs(controls[j][t]));
      }
      double m = 0;
      double sd = 0;
      if (unit > 0) {
        for (int t = 0; t < n; t++) {
          m += controls[j][t] / unit / n;
        }
        for (int t = 0; t < n; t++) {
          double d = controls[j][t] / unit - m;
          sd += d * d;
        }
        sd = Math.sqrt(sd / n);
      }
      for (int t = 0; t < length; t++) {
        columns[2 + 2 * harmonics + j][t] = sd > 0 ? (controls[j][t] / unit - m) / sd : 0;
      }
    }
    return columns;
  }

  /**
   * The outcome a solution of this problem forecasts for series that begin with this problem's periods and may
   * run on past them: each channel's curve applied to its whole spend series, and the baseline with its trend and
   * season carried on (a time-series validation's forecast of the periods after a fit's).
   *
   * @param unit the non-linear parameters in the unit cube
   * @param coefficients the linear coefficients solved there
   * @param rawSpend spend per channel and period, in this problem's channel order, at least this problem's periods
   * @param rawControls control series per control and period, as long as {@code rawSpend}'s
   * @return the outcome per period of {@code rawSpend}, in outcome units
   */
  public double[] forecast(double[] unit, double[] coefficients, double[][] rawSpend, double[][] rawControls) {
    int length = rawSpend[0].length;
    double[][] columns = baseColumns(y.length, length, rawControls, settings);
    double[] out = new double[length];
    for (int i = 0; i < columns.length; i++) {
      axpy(coefficients[i] * yScale, columns[i], out);
    }
    for (int c = 0; c < spend.length; c++) {
      double[] part = curve(unit, coefficients, c).contributions(rawSpend[c]);
      axpy(1, part, out);
    }
    return out;
  }

  /** The number of non-linear parameters. */
  public int dimension() {
    return spend.length * perChannel();
  }

  private int perChannel() {
    return settings.maxLag() == 0 ? 3 : 4;
  }

  /** The number of periods. */
  public int periods() {
    return y.length;
  }

  /** The number of channels. */
  public int channels() {
    return spend.length;
  }

  /** The outcome on the normalised scale (a copy). */
  public double[] outcome() {
    return y.clone();
  }

  /** The outcome's mean, the normalising scale. */
  public double outcomeScale() {
    return yScale;
  }

  /** The channel's curve at a point of the unit cube with the given coefficients, in outcome units. */
  public ChannelCurve curve(double[] unit, double[] coefficients, int c) {
    int at = c * perChannel();
    double width = halfLife(unit[at]);
    double halfSaturation = Math.exp(Math.log(MIN_HALF_SATURATION)
        + unit[at + 1] * Math.log(MAX_HALF_SATURATION / MIN_HALF_SATURATION));
    double shape = MIN_SHAPE + unit[at + 2] * (MAX_SHAPE - MIN_SHAPE);
    double effect = coefficients[base.length + c] * yScale;
    if (settings.maxLag() == 0) {
      return new ChannelCurve(Math.pow(0.5, 1 / width), 0, 0, halfSaturation, shape, spendScale[c], effect);
    }
    double delay = unit[at + 3] * Math.min(settings.maxLag() - 1, settings.maxHalfLife());
    return new ChannelCurve(Math.pow(0.5, 1 / (width * width)), delay, settings.maxLag(), halfSaturation, shape,
        spendScale[c], effect);
  }

  /**
   * The names of channel {@code c}'s non-linear parameters that lie at a limit of their range at a point of
   * the unit cube (within {@code 1e-3} of it), with the limit: "half-life 52.0 (the most searched)". The least
   * half-life and the least delay are not limits that cut anything (no carry-over, no delay) and are left out.
   */
  public List<String> atLimit(double[] unit, int c) {
    int at = c * perChannel();
    ChannelCurve curve = curve(unit, new double[base.length + spend.length], c);
    String[] names = {settings.maxLag() == 0 ? "half-life" : "width", "half-saturation", "shape", "delay"};
    double[] values = {halfLife(unit[at]), curve.halfSaturation(), curve.shape(), curve.delay()};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < perChannel(); i++) {
      double u = unit[at + i];
      boolean natural = u <= LIMIT && (i == 0 || i == 3);
      if ((u <= LIMIT || u >= 1 - LIMIT) && !natural) {
        out.add(String.format(java.util.Locale.ROOT, "%s %.3g (the %s searched)", names[i], values[i],
            u <= LIMIT ? "least" : "most"));
      }
    }
    return out;
  }

  private double halfLife(double u) {
    return Math.exp(Math.log(MIN_HALF_LIFE) + u * Math.log(settings.maxHalfLife() / MIN_HALF_LIFE));
  }

  /** The baseline (everything but media) per period in outcome units. */
  public double[] baseline(double[] coefficients) {
    double[] out = new double[y.length];
    for (int i = 0; i < base.length; i++) {
      for (int t = 0; t < y.length; t++) {
        out[t] += coefficients[i] * base[i][t] * yScale;
      }
    }
    return out;
  }

  /** The objective at a point of the unit cube for a (normalised) outcome series. */
  public double objective(double[] unit, double[] target) {
    return evaluate(unit, target).objective();
  }

  /**
   * Solves the linear part at a point of the unit cube.
   *
   * @param unit the non-linear parameters in the unit cube
   * @param target the normalised outcome to fit
   * @return the evaluation
   */
  public Evaluation evaluate(double[] unit, double[] target) {
    return solve(mediaColumns(unit), unit, target);
  }

  /**
   * Whether the objective is half a sum of squares ({@link #residuals}): with lift tests or ROI priors, whose
   * noise level is fixed; without them the objective is a profile log-likelihood, not a sum of squares.
   */
  public boolean sumOfSquares() {
    return !lifts.isEmpty() || !roiPriors.isEmpty();
  }

  /**
   * The residuals whose half sum of squares is the objective of a {@link #sumOfSquares()} problem at a point of
   * the unit cube: the fit's residuals and the ridge's terms over the noise level, each lift test's and ROI
   * prior's standardised error, each regularised channel's three prior terms. A least-squares method can then
   * fit the non-linear parameters (still by variable projection: the linear part is solved at each point).
   *
   * @param unit the non-linear parameters in the unit cube
   * @param target the normalised outcome to fit
   * @return the residuals
   * @throws IllegalStateException if the problem is not a sum of squares
   */
  public double[] residuals(double[] unit, double[] target) {
    if (!sumOfSquares()) {
      throw new IllegalStateException("the objective without lift tests or ROI priors is not a sum of squares");
    }
    double[][] media = mediaColumns(unit);
    Evaluation evaluation = solve(media, unit, target);
    double[] beta = evaluation.coefficients;
    int pb = base.length;
    int n = y.length;
    int regularised = unregularised >= 0 ? spend.length - 1 : spend.length;
    double[] out = new double[n + spend.length + lifts.size() + roiPriors.size() + 3 * regularised];
    int i = 0;
    for (int t = 0; t < n; t++) {
      out[i++] = (target[t] - evaluation.fitted[t]) / sigma;
    }
    for (int c = 0; c < spend.length; c++) {
      out[i++] = Math.sqrt(settings.ridge()) * beta[pb + c] / sigma;
    }
    for (Lift lift : lifts) {
      out[i++] = (beta[pb + lift.channel()] * exposure(media[lift.channel()], lift) * yScale - lift.value())
          / standardError(lift);
    }
    for (RoiPrior prior : roiPriors) {
      out[i++] = (beta[pb + prior.channel()] * roiPerEffect(media[prior.channel()], prior.channel())
          - prior.mean()) / prior.sd();
    }
    for (int c = 0; c < spend.length; c++) {
      if (c != unregularised) {
        double[] z = priorTerms(unit, c);
        out[i++] = z[0];
        out[i++] = z[1];
        out[i++] = z[2];
      }
    }
    return out;
  }

  /**
   * The objective as a function of channel {@code c}'s own non-linear parameters alone, the others held at
   * {@code unit}: their media columns are computed once, so each call carries over and saturates one channel's
   * spend instead of every channel's (a profile over one channel costs about one channel's share).
   *
   * @param unit the point whose other channels' parameters are held
   * @param c the channel's index
   * @param target the normalised outcome to fit
   * @return the objective of the channel's {@link #parametersPerChannel()} parameters in the unit cube
   */
  public java.util.function.ToDoubleFunction<double[]> channelObjective(double[] unit, int c, double[] target) {
    double[][] held = mediaColumns(unit);
    int at = c * perChannel();
    return own -> {
      double[] point = unit.clone();
      System.arraycopy(own, 0, point, at, perChannel());
      double[][] media = held.clone();
      media[c] = mediaColumn(point, c);
      return solve(media, point, target).objective();
    };
  }

  private Evaluation solve(double[][] media, double[] unit, double[] target) {
    int n = y.length;
    int pb = base.length;
    int p = pb + spend.length;
    double[][] a = new double[p][p];
    double[] b = new double[p];
    for (int i = 0; i < pb; i++) {
      System.arraycopy(baseGram[i], 0, a[i], 0, pb);
      b[i] = dot(base[i], target);
      for (int c = 0; c < media.length; c++) {
        a[i][pb + c] = dot(base[i], media[c]);
        a[pb + c][i] = a[i][pb + c];
      }
    }
    for (int c = 0; c < media.length; c++) {
      b[pb + c] = dot(media[c], target);
      for (int d = c; d < media.length; d++) {
        a[pb + c][pb + d] = dot(media[c], media[d]) + (c == d ? settings.ridge() : 0);
        a[pb + d][pb + c] = a[pb + c][pb + d];
      }
    }
    double[] lower = new double[p];
    double[] upper = new double[p];
    java.util.Arrays.fill(lower, 0, pb, Double.NEGATIVE_INFINITY);
    java.util.Arrays.fill(upper, Double.POSITIVE_INFINITY);
    addLifts(media, a, b, lower, upper, pb);
    addRoiPriors(media, a, b, pb);
    if (heldChannel >= 0) {
      double perEffect = roiPerEffect(media[heldChannel], heldChannel);
      lower[pb + heldChannel] = perEffect > 0 ? heldRoi / perEffect : 0;
      upper[pb + heldChannel] = lower[pb + heldChannel];
    }
    double[] beta = BoundedLeastSquares.solve(a, b, lower, upper);
    double[] fitted = new double[n];
    for (int i = 0; i < pb; i++) {
      axpy(beta[i], base[i], fitted);
    }
    for (int c = 0; c < media.length; c++) {
      axpy(beta[pb + c], media[c], fitted);
    }
    double rss = 0;
    for (int t = 0; t < n; t++) {
      double r = target[t] - fitted[t];
      rss += r * r;
    }
    double penalised = rss;
    for (int c = 0; c < media.length; c++) {
      penalised += settings.ridge() * beta[pb + c] * beta[pb + c];
    }
    double objective = lifts.isEmpty() && roiPriors.isEmpty()
        ? 0.5 * n * Math.log(penalised / n)
        : (penalised + liftResidual(media, beta, pb) + roiResidual(media, beta, pb)) / (2 * sigma * sigma);
    return new Evaluation(objective + prior(unit), beta, fitted, rss);
  }

  private void addLifts(double[][] media, double[][] a, double[] b, double[] lower, double[] upper, int pb) {
    for (Lift lift : lifts) {
      double exposure = exposure(media[lift.channel()], lift) * yScale;
      if (exposure <= 0) {
        continue;
      }
      int i = pb + lift.channel();
      lower[i] = Math.max(lower[i], lift.low() / exposure);
      upper[i] = Math.min(upper[i], Math.max(lower[i], lift.high() / exposure));
      // (β·s·yScale - value)² σ² / se² on the normalised scale of the least-squares system
      double weight = sigma * yScale / standardError(lift);
      double s = exposure / yScale;
      // products taken in pairs of like size, so that no factor's square overflows or underflows
      double ws = weight * s;
      a[i][i] += ws * ws;
      b[i] += ws * (weight * (lift.value() / yScale));
    }
  }

  private void addRoiPriors(double[][] media, double[][] a, double[] b, int pb) {
    for (RoiPrior prior : roiPriors) {
      int i = pb + prior.channel();
      double g = roiPerEffect(media[prior.channel()], prior.channel());
      double weight = sigma / prior.sd();
      // an ROI's unit is the outcome's over the spend's, 1e-300 to 1e300 for valid series: each ROI taken over
      // its prior's sd before any square
      double wg = weight * g;
      a[i][i] += wg * wg;
      b[i] += wg * (weight * prior.mean());
    }
  }

  private double roiResidual(double[][] media, double[] beta, int pb) {
    double sum = 0;
    for (RoiPrior prior : roiPriors) {
      double roi = beta[pb + prior.channel()] * roiPerEffect(media[prior.channel()], prior.channel());
      double z = (roi - prior.mean()) / prior.sd();
      sum += z * z * sigma * sigma;
    }
    return sum;
  }

  /** The ROI over the series of a unit normalised effect of a channel with this media column. */
  private double roiPerEffect(double[] column, int c) {
    double sum = 0;
    for (double v : column) {
      sum += v;
    }
    return sum / column.length * (yScale / spendScale[c]);
  }

  private double liftResidual(double[][] media, double[] beta, int pb) {
    double sum = 0;
    for (Lift lift : lifts) {
      double predicted = beta[pb + lift.channel()] * exposure(media[lift.channel()], lift) * yScale;
      double z = (predicted - lift.value()) / standardError(lift);
      sum += z * z * sigma * sigma;
    }
    return sum;
  }

  /** The lift test's standard error, at least 1e-9 of its value or of the outcome's mean (its unit). */
  private double standardError(Lift lift) {
    return Math.max((lift.high() - lift.low()) / (2 * lift.z()),
        1e-9 * Math.max(yScale, Math.abs(lift.value())));
  }

  private static double exposure(double[] column, Lift lift) {
    double sum = 0;
    for (int t = lift.from(); t <= lift.to(); t++) {
      sum += column[t];
    }
    return sum;
  }

  private double[][] mediaColumns(double[] unit) {
    double[][] media = new double[spend.length][];
    for (int c = 0; c < spend.length; c++) {
      media[c] = mediaColumn(unit, c);
    }
    return media;
  }

  private double[] mediaColumn(double[] unit, int c) {
    double[] unitCoefficients = new double[base.length + spend.length];
    java.util.Arrays.fill(unitCoefficients, 1 / yScale);
    ChannelCurve curve = curve(unit, unitCoefficients, c);
    double[] carried = curve.carry(spend[c]);
    for (int t = 0; t < carried.length; t++) {
      carried[t] = Carryover.hill(carried[t], curve.halfSaturation(), curve.shape());
    }
    return carried;
  }

  private double prior(double[] unit) {
    double sum = 0;
    for (int c = 0; c < spend.length; c++) {
      if (c == unregularised) {
        continue;
      }
      double[] z = priorTerms(unit, c);
      sum += 0.5 * (z[0] * z[0] + z[1] * z[1] + z[2] * z[2]);
    }
    return sum;
  }

  /** Channel {@code c}'s standardised prior terms: log half-saturation, shape, log half-life. */
  private double[] priorTerms(double[] unit, int c) {
    int k = perChannel();
    double logRange = Math.log(MAX_HALF_SATURATION / MIN_HALF_SATURATION);
    double logK = Math.log(MIN_HALF_SATURATION) + unit[c * k + 1] * logRange;
    double shape = MIN_SHAPE + unit[c * k + 2] * (MAX_SHAPE - MIN_SHAPE);
    return new double[] {logK / LOG_HALF_SATURATION_PRIOR_SD, (shape - SHAPE_PRIOR_MEAN) / SHAPE_PRIOR_SD,
        (Math.log(halfLife(unit[c * k])) - logHalfLifeMean[c]) / logHalfLifeSd[c]};
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double dot(double[] u, double[] v) {
    double sum = 0;
    for (int t = 0; t < u.length; t++) {
      sum += u[t] * v[t];
    }
    return sum;
  }

  private static void axpy(double factor, double[] x, double[] into) {
    for (int t = 0; t < x.length; t++) {
      into[t] += factor * x[t];
    }
  }
}
