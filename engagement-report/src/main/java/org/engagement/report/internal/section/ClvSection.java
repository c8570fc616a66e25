package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.engagement.clv.prediction.ForecastTotal;
import org.engagement.clv.prediction.HoldoutCheck;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.LifetimeValueFit;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.Axis;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The distribution of predicted customer lifetime value: one prediction per customer from a
 * {@link ValuePredictor} (the interface the CLV models implement), shown as a histogram with the mean,
 * the median, the total and the share the top 20 % are predicted to bring. With the report's own fitted models
 * the total has a bootstrap interval ({@link LifetimeValueFit#totalInterval}: the models' parameter
 * uncertainty, {@value LifetimeValueFit#INTERVAL_RESAMPLES} resamples of the buyers at
 * {@value LifetimeValueFit#INTERVAL_LEVEL}), on the page and in the summary line.
 *
 * <p>The default report fits BG/NBD and Gamma-Gamma on the input's purchases ({@link #fitted()}); another
 * model plugs in with {@code ReportModel.withBuilder(builders, ClvSection.builder("my-model", predictor))}
 * (and, so that the "grow" tier uses the same predictions, {@code SegmentSection.builder(predictor)}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the name of the model that made the predictions
 * @param currency the currency code of the predictions
 * @param predicted one prediction per customer, each finite and not negative; at least one
 * @param interval the total's bootstrap interval, or null when there is none (a predictor other than the
 *     report's fitted models, or too few resamples could be fitted)
 * @param holdout the fitted models' holdout check ({@link LifetimeValueFit#holdoutCheck}), or null when there is
 *     none (a predictor other than the report's fitted models, too short a history, or a refit that failed)
 * @since 0.1.0
 */
public record ClvSection(String model, String currency, List<Double> predicted, @Nullable ForecastTotal interval,
    @Nullable HoldoutCheck holdout) implements ReportSection {
  /** The id of this section (and of its slot in {@code ReportModel.defaultBuilders()}). */
  public static final String ID = "clv";
  private static final int BINS = 12;
  /** Where a model description's technical parameters start; the page folds them away. */
  static final String PARAMETERS = LifetimeValueFit.PARAMETERS;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if there is no prediction or one is negative or not finite
   */
  public ClvSection {
    requireNonNull(model, "model");
    requireNonNull(currency, "currency");
    predicted = List.copyOf(predicted);
    if (predicted.isEmpty()) {
      throw new InvalidFieldException("predicted", predicted, "must hold at least one prediction");
    }
    for (double v : predicted) {
      if (!(v >= 0) || !Double.isFinite(v)) {
        throw new InvalidFieldException("predicted value", v, "must be finite and not negative");
      }
    }
  }

  /** The section without an interval for the total or a holdout check. */
  public ClvSection(String model, String currency, List<Double> predicted) {
    this(model, currency, predicted, null, null);
  }

  /** The fitted models' holdout check, if there is one. */
  public Optional<HoldoutCheck> holdoutCheck() {
    return Optional.ofNullable(holdout);
  }

  /** The total's bootstrap interval, if there is one. */
  public Optional<ForecastTotal> totalInterval() {
    return Optional.ofNullable(interval);
  }

  /**
   * The builder of this section with the analysis's own fitted lifetime value ({@link LifetimeValueFit}), through
   * {@link Analysis#valuePredictor()}, whose figures the value tiers share: "not available", with the reason, when
   * the models could not be fitted.
   */
  public static SectionBuilder fitted() {
    return WithoutJourneys.of(ID, analysis -> analysis.lifetimeValue()
        .map(fit -> withHoldout(analysis, fit, withInterval(analysis, fit, of(analysis, fit.description(),
            analysis.valuePredictor(), profile -> profile.metric(LifetimeValuePredictor.CUSTOMER_AGE_DAYS).isPresent()))))
        .orElseGet(() -> ReportSection.notAvailable(ID, "Customer lifetime value",
            analysis.lifetimeValueUnavailable())));
  }

  /**
   * {@code section} with the fitted models' total interval, when it is a {@link ClvSection} and enough
   * resamples can be fitted (else as it is).
   */
  private static ReportSection withInterval(Analysis analysis, LifetimeValueFit fit, ReportSection section) {
    if (!(section instanceof ClvSection clv)) {
      return section;
    }
    analysis.progress().step("bootstrap of the lifetime value total (" + LifetimeValueFit.INTERVAL_RESAMPLES
        + " refits)");
    try {
      ForecastTotal total = fit.totalInterval(LifetimeValueFit.INTERVAL_RESAMPLES, 0,
          LifetimeValueFit.INTERVAL_LEVEL);
      return new ClvSection(clv.model(), clv.currency(), clv.predicted(), total, clv.holdout());
    } catch (IllegalStateException | IllegalArgumentException | ArithmeticException e) {
      return clv;
    }
  }

  /**
   * {@code section} with the fitted models' holdout check, when it is a {@link ClvSection} and one can be made (a
   * refit that fails leaves the section as it is, as a failed interval does).
   */
  private static ReportSection withHoldout(Analysis analysis, LifetimeValueFit fit, ReportSection section) {
    if (!(section instanceof ClvSection clv)) {
      return section;
    }
    try {
      return fit.holdoutCheck(analysis).map(check -> (ReportSection) new ClvSection(clv.model(), clv.currency(),
          clv.predicted(), clv.interval(), check)).orElse(clv);
    } catch (IllegalStateException | IllegalArgumentException | ArithmeticException e) {
      return clv;
    }
  }

  /** The builder of this section: {@code predictor}'s prediction for every customer of the analysis. */
  public static SectionBuilder builder(String model, ValuePredictor predictor) {
    requireNonNull(model, "model");
    requireNonNull(predictor, "predictor");
    return WithoutJourneys.of(ID, analysis -> of(analysis, model, predictor));
  }

  /** The section for {@code analysis}; not available without customers. */
  public static ReportSection of(Analysis analysis, String model, ValuePredictor predictor) {
    return of(analysis, model, predictor, profile -> true);
  }

  /**
   * The section over the customers {@code covered} selects (the buyers, for a repeat-buying model): each profile
   * predicted as it is read and not kept (issue 16: the list of the covered profiles, 291,796 buyers at 10 million
   * interactions, each made anew with its map of boxed metrics, was held while the predictions were made).
   */
  private static ReportSection of(Analysis analysis, String model, ValuePredictor predictor,
      Predicate<CustomerProfile> covered) {
    List<CustomerProfile> profiles = analysis.profiles();
    if (profiles.stream().noneMatch(covered)) {
      return ReportSection.notAvailable(ID, "Customer lifetime value", "no customers in the input");
    }
    analysis.progress().step("predicting customer lifetime value with " + model);
    List<Double> predicted = profiles.stream().filter(covered).map(predictor::predict).toList();
    return new ClvSection(model, analysis.currency().map(c -> c.getCurrencyCode()).orElse("none"), predicted);
  }

  /** The mean prediction. */
  public double mean() {
    return total() / predicted.size();
  }

  /** The total of the predictions. */
  public double total() {
    return predicted.stream().mapToDouble(Double::doubleValue).sum();
  }

  /** The median prediction (the mean of the two middle ones for an even count). */
  public double median() {
    double[] sorted = predicted.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  /** The share of the total predicted for the top 20 % of customers ({@link ValueConcentration#topShare}). */
  public double topTwentyShare() {
    return ValueConcentration.of(predicted.stream().mapToDouble(Double::doubleValue).toArray()).topShare(0.20);
  }

  /**
   * How many predictions fall in each of equal-width bins from 0 to the largest prediction, by bin label;
   * each bin holds its lower bound, the last also its upper bound.
   */
  public Map<String, Integer> histogram() {
    double max = predicted.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    double width = Axis.step(max <= 0 ? 1 : max * 5 / BINS);
    int bins = Math.max(1, (int) Math.ceil(max / width));
    int[] counts = new int[bins];
    for (double v : predicted) {
      counts[Math.min(bins - 1, (int) Math.floor(v / width))]++;
    }
    Map<String, Integer> histogram = new LinkedHashMap<>();
    for (int b = 0; b < bins; b++) {
      histogram.put(NumberText.compact(b * width) + "\u2013" + NumberText.compact((b + 1) * width), counts[b]);
    }
    return histogram;
  }

  /**
   * How many predictions fall in each of widening value bands, by band label: a first band below a floor a
   * thousandth of the largest prediction, then bands whose edges step 1, 2, 5, 10, 20, 50, ... up to the
   * largest. Purchase values are skewed, so equal-width bins put most buyers in the first bar; widening
   * bands show where they are. Each band holds its lower edge.
   */
  public Map<String, Integer> bands() {
    double max = predicted.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    List<Double> edges = new ArrayList<>();
    double edge = niceFloor(max / 1000);
    while (edge < max) {
      edges.add(edge);
      edge = nextNice(edge);
    }
    if (edges.isEmpty()) {
      return Map.of("0", predicted.size());
    }
    edges.add(edge);
    int[] counts = new int[edges.size()];
    for (double v : predicted) {
      int band = 0;
      while (band < edges.size() - 1 && v >= edges.get(band)) {
        band++;
      }
      counts[band]++;
    }
    Map<String, Integer> bands = new LinkedHashMap<>();
    bands.put("under " + NumberText.compact(edges.get(0)), counts[0]);
    for (int b = 1; b < edges.size(); b++) {
      bands.put(NumberText.compact(edges.get(b - 1)) + "\u2013" + NumberText.compact(edges.get(b)), counts[b]);
    }
    return bands;
  }

  /** The largest of 1, 2 or 5 times a power of ten that is not above {@code value} (positive). */
  private static double niceFloor(double value) {
    double power = Math.pow(10, Math.floor(Math.log10(Math.max(value, 1e-2))));
    double fraction = Math.max(value, 1e-2) / power;
    return (fraction >= 5 ? 5 : fraction >= 2 ? 2 : 1) * power;
  }

  /** The next edge after {@code edge} in 1, 2, 5, 10, ... */
  private static double nextNice(double edge) {
    double power = Math.pow(10, Math.floor(Math.log10(edge) + 1e-9));
    double fraction = Math.rint(edge / power);
    return (fraction >= 5 ? 10 : fraction >= 2 ? 5 : 2) * power;
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Customer lifetime value";
  }

  @Override
  public void writeHtml(Html html) {
    int parameters = model.indexOf(PARAMETERS);
    html.paragraph(parameters < 0 ? model : model.substring(0, parameters));
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("customers", NumberText.count(predicted.size()));
    figures.put("total predicted", NumberText.money(total(), currency));
    totalInterval().ifPresent(total -> figures.put(intervalName(total), NumberText.money(total.low(), currency)
        + " \u2013 " + NumberText.money(total.high(), currency)));
    figures.put("mean", NumberText.money(mean(), currency));
    figures.put("median", NumberText.money(median(), currency));
    figures.put("top 20% share", NumberText.percent(topTwentyShare()));
    html.figures(figures);
    totalInterval().ifPresent(total -> html.paragraph("The interval of the total is the models' uncertainty:"
        + " the buyers resampled " + total.resamples() + " times and both models fitted again on each (" +
        total.failed() + " could not be fitted); it does not include the chance in what each buyer will do."));
    Map<String, Integer> bands = bands();
    html.chart("Customers by predicted lifetime value (" + currency + "), in bands that widen 1, 2, 5, 10, ...: "
        + "each bar counts the customers whose value falls in its band", BarChart.single(
        "Customers by predicted lifetime value", new ArrayList<>(bands.keySet()),
        bands.values().stream().map(Integer::doubleValue).toList()));
    holdoutCheck().ifPresent(check -> html.paragraph(holdoutSentence(check)));
    if (parameters >= 0) {
      html.details("Model parameters, for an analyst", model.substring(parameters + PARAMETERS.length()));
    }
  }

  /** The holdout check in a sentence: what the method predicted for the last half year against what happened. */
  private static String holdoutSentence(HoldoutCheck check) {
    long buyers = check.buckets().stream().mapToLong(HoldoutCheck.Bucket::customers).sum();
    return String.format(Locale.ROOT, "Holdout check: fitted again on the purchases up to %d weeks before the "
            + "as-of date, the purchase model predicted %s purchases by those %s buyers in the %d weeks after; they "
            + "made %s (%s). By repeat purchases before the cut (%s): predicted against actual purchases per buyer "
            + "%s.", LifetimeValueFit.HOLDOUT_WEEKS, NumberText.number(check.predicted(), 1), NumberText.count(buyers),
        LifetimeValueFit.HOLDOUT_WEEKS, NumberText.number(check.actual(), 0), relative(check),
        check.buckets().stream().map(HoldoutCheck.Bucket::label).collect(Collectors.joining(", ")),
        check.buckets().stream().map(b -> NumberText.number(b.predictedMean(), 2) + " / "
            + NumberText.number(b.actualMean(), 2)).collect(Collectors.joining(", ")));
  }

  private static String relative(HoldoutCheck check) {
    double error = check.totalError();
    return Double.isFinite(error) ? NumberText.percent(Math.abs(error)) + (error < 0 ? " too few" : " too many")
        : "nobody bought in the holdout";
  }

  @Override
  public List<String> summary() {
    return List.of(model.replaceAll("\\.$", "") + ": " + NumberText.count(predicted.size()) + " customers, total "
        + NumberText.number(total(), 2) + " "
        + currency
        + totalInterval().map(total -> " (" + intervalName(total) + " " + NumberText.number(total.low(), 2)
            + " to " + NumberText.number(total.high(), 2) + ")").orElse("")
        + ", mean " + NumberText.number(mean(), 2) + ", median " + NumberText.number(median(), 2)
        + ", top 20% " + NumberText.percent(topTwentyShare())
        + holdoutCheck().map(check -> "; holdout check (last " + LifetimeValueFit.HOLDOUT_WEEKS + " weeks): "
            + "predicted " + NumberText.number(check.predicted(), 1) + " purchases, actual "
            + NumberText.number(check.actual(), 0) + " (" + relative(check) + ")").orElse(""));
  }

  private static String intervalName(ForecastTotal total) {
    return NumberText.percent(total.level()).replace(".0%", "%") + " interval";
  }
}
