package org.engagement.report.analysis;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.engagement.clv.FittedLifetimeValue;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.LifetimeValueModels;
import org.engagement.clv.LifetimeValueOutcome;
import org.engagement.clv.LifetimeValueSettings;
import org.engagement.clv.ResampledHistories;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.prediction.CustomerColumns;
import org.engagement.clv.prediction.CustomerLifetimeValue;
import org.engagement.clv.prediction.DiscountRate;
import org.engagement.clv.prediction.ForecastBootstrap;
import org.engagement.clv.prediction.ForecastTotal;
import org.engagement.clv.prediction.HoldoutCheck;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.clv.summary.Transaction;
import org.engagement.core.domain.ConversionRule;

/**
 * The report's customer-lifetime-value model: the library's CLV pipeline ({@link LifetimeValueAnalysis})
 * run on the analysis's own purchases with the report's {@link #SETTINGS} (BG/NBD in weeks, Gamma-Gamma
 * for the spend of repeat buyers, valued over {@link #HORIZON} discounted at {@link #RATE}), and its
 * description for the page. Either fit may fail to converge (few repeat buyers, for one); then there is no
 * model and the page says why rather than showing numbers from an unconverged search.
 *
 * <p>Immutable and thread-safe.
 *
 * @param fitted the fitted lifetime value
 * @since 0.1.0
 */
public record LifetimeValueFit(FittedLifetimeValue fitted) {
  /** The valuation horizon in years. */
  public static final int YEARS = 3;
  /** Where {@link #description()} turns from words to the raw parameters, which the page folds away. */
  public static final String PARAMETERS = " Parameters: ";
  /** The valuation horizon. */
  public static final Horizon HORIZON = Horizon.years(YEARS);
  /** The yearly discount rate. */
  public static final DiscountRate RATE = DiscountRate.annual(0.10);
  /** The settings of the report's lifetime value: weeks, {@link #HORIZON}, {@link #RATE}, 10 repeat buyers. */
  public static final LifetimeValueSettings SETTINGS = LifetimeValueSettings.defaults().withUnit(PeriodUnit.WEEK)
      .withHorizon(HORIZON).withDiscountRate(RATE).withMinimumRepeatBuyers(10);

  /** The resamples of the total's interval: few, as for the ROI's intervals, to keep the report fast. */
  public static final int INTERVAL_RESAMPLES = 20;
  /** The nominal coverage of the total's interval: 90%, which few resamples estimate more steadily than 95%. */
  public static final double INTERVAL_LEVEL = 0.90;
  /** The length of {@link #holdoutCheck}'s holdout: the last half year. */
  public static final int HOLDOUT_WEEKS = 26;
  /** The holdout check's last bucket of repeat purchases, "7+", as Fader, Hardie and Lee's figure 4. */
  public static final int HOLDOUT_OPEN_BUCKET = 7;

  /** Requires the fit. */
  public LifetimeValueFit {
    requireNonNull(fitted, "fitted");
  }

  /**
   * Fits the models on the purchases of {@code analysis} in its value currency, up to its as-of instant.
   *
   * @return the fit, or why there is none
   */
  static Outcome fit(Analysis analysis) {
    Optional<Currency> currency = analysis.currency();
    if (currency.isEmpty()) {
      return Outcome.none("no purchase carries a value");
    }
    List<RepeatBuyingSummary> summaries = summaries(analysis, currency.get(), SETTINGS.unit());
    analysis.progress().step("fitting BG/NBD and Gamma-Gamma on " + summaries.size() + " buyers");
    LifetimeValueOutcome outcome = LifetimeValueAnalysis.of(SETTINGS).fitSummaries(summaries);
    return new Outcome(outcome.fitted().map(LifetimeValueFit::new), outcome.reason().orElse(""));
  }

  /** Each buyer's repeat-buying summary in {@code unit}, up to the as-of date ({@link LifetimeValueAnalysis}). */
  public static List<RepeatBuyingSummary> summaries(Analysis analysis, Currency currency, PeriodUnit unit) {
    return LifetimeValueAnalysis.of(SETTINGS.withUnit(unit)).summaries(LifetimeValueAnalysis.transactions(
        analysis.input().interactions(), ConversionRule.purchases(), currency, analysis.asOf()), analysis.asOfDate());
  }

  /** The lifetime value of a customer history under the fitted models. */
  public CustomerLifetimeValue lifetimeValue() {
    return fitted.lifetimeValue();
  }

  /** The fitted purchase model. */
  public BgNbdModel transactions() {
    return fitted.purchases();
  }

  /** The fitted spend model. */
  public GammaGammaModel spend() {
    return fitted.spend();
  }

  /** Customers with a purchase in the value currency. */
  public int buyers() {
    return fitted.buyers();
  }

  /** Those with at least one repeat purchase day (the spend model's data). */
  public int repeatBuyers() {
    return fitted.repeatBuyers();
  }

  /**
   * The buyers' total lifetime value with a seeded bootstrap interval ({@link ForecastBootstrap}: buyers
   * resampled, both models refitted with the same settings on each resample, the original buyers valued): the
   * uncertainty of the models' parameters, not of what each buyer will do. A resample whose fit does not
   * converge is left out and counted. The bootstrap's own fit on all the buyers (its point estimate) is this fit:
   * the same deterministic search on the same summaries with the same settings, so it is not run a second time.
   * Each resample is a count per buyer ({@link ForecastBootstrap#totalOfCounts}: the draws of {@link
   * ForecastBootstrap#total}, without a list of the drawn buyers), its histories counted per row of the buyers' own
   * ({@link ResampledHistories}), not compressed again (the same rows, so the same fits); every buyer is valued at
   * once ({@link CustomerLifetimeValue#values}: buyers with the same frequency and age share the alive factor of
   * their discounted purchases, a 10 M-interaction world's 291,796 buyers have 10,337 distinct {@code (x, T)}), the
   * same figure, bit for bit, as {@link CustomerLifetimeValue#value} of the buyer alone. Its models are fitted by Newton's method from this fit's ({@link
   * LifetimeValueAnalysis#fitHistoriesNear}): each resample's maximum-likelihood estimate to about {@code 1e-10},
   * where the derivative-free search from the usual start stopped within about {@code 1e-6} of it. The interval
   * means what it meant (the spread of the total over resamples' maximum-likelihood fits); its ends are the same
   * up to that search tolerance.
   *
   * @throws IllegalStateException if fewer than two resamples could be fitted
   */
  public ForecastTotal totalInterval(int resamples, long seed, double level) {
    LifetimeValueAnalysis analysis = LifetimeValueAnalysis.of(fitted.settings());
    List<RepeatBuyingSummary> buyers = fitted.summaries();
    CustomerColumns columns = CustomerColumns.from(buyers, fitted.settings().unit());
    ResampledHistories draws = ResampledHistories.of(buyers);
    return ForecastBootstrap.of(resamples, seed).withLevel(level).totalOfCounts(buyers.size(), counts -> {
      if (everyOnce(counts)) {
        return fitted.lifetimeValue().values(columns);
      }
      LifetimeValueModels models =
          analysis.fitHistoriesNear(draws.historiesOf(counts), fitted.purchases(), fitted.spend());
      CustomerLifetimeValue refitted = models.lifetimeValue().orElseThrow(() -> new ArithmeticException(
          models.reason().orElse("the models could not be fitted")));
      return refitted.values(columns);
    });
  }

  /** Whether {@code counts} draw every buyer once: the fit on all of them, which is this fit. */
  private static boolean everyOnce(int[] counts) {
    for (int n : counts) {
      if (n != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * The fit's holdout check (issue 13: "a holdout check per fit"): the same models with the same settings fitted
   * again on the purchases up to {@value #HOLDOUT_WEEKS} weeks before the as-of date, and their prediction of each
   * of those buyers' purchases in the weeks that follow set against what the buyers bought then ({@link
   * HoldoutCheck}, Fader, Hardie and Lee 2005, Sec. 7). The check judges the method on this data, not this fit's
   * parameters (they see the holdout's purchases too): a BG/NBD that over-forecasts the last half year by a third
   * would over-forecast the next three years as well. Empty when the calibration period would be shorter than the
   * holdout (too little history to split) or its fit fails.
   */
  public Optional<HoldoutCheck> holdoutCheck(Analysis analysis) {
    Optional<Currency> currency = analysis.currency();
    LocalDate end = analysis.asOfDate();
    LocalDate cut = end.minusWeeks(HOLDOUT_WEEKS);
    List<Transaction> purchases = currency.map(c -> LifetimeValueAnalysis.transactions(analysis.input().interactions(),
        ConversionRule.purchases(), c, analysis.asOf())).orElse(List.of());
    if (purchases.isEmpty() || purchases.stream().map(Transaction::date).min(LocalDate::compareTo).orElseThrow()
        .isAfter(cut.minusWeeks(HOLDOUT_WEEKS))) {
      return Optional.empty();
    }
    List<RepeatBuyingSummary> calibration = RepeatBuyingSummaries.summarize(purchases,
        SummaryOptions.of(fitted.settings().unit(), cut).withObservationEnd(end));
    analysis.progress().step("holdout check: BG/NBD fitted on " + calibration.size() + " buyers to " + cut);
    return LifetimeValueAnalysis.of(fitted.settings()).fitSummaries(calibration).fitted().map(refit ->
        HoldoutCheck.of(refit.purchases(), calibration, Horizon.weeks(HOLDOUT_WEEKS), HOLDOUT_OPEN_BUCKET));
  }

  /** The models and the valuation in a sentence, for the page. */
  public String description() {
    BgNbdModel transactions = transactions();
    GammaGammaModel spend = spend();
    return String.format(Locale.ROOT, "Each buyer's value over the next %d years (discounted at 10%% a year), "
            + "predicted from their own purchase history: how often they buy and whether they are still active "
            + "(BG/NBD, fitted on %,d buyers) and how much they spend (Gamma-Gamma, fitted on the %,d who bought "
            + "again)." + PARAMETERS + "BG/NBD r %.3f, alpha %.3f, a %.3f, b %.3f (weeks); Gamma-Gamma "
            + "p %.3f, q %.3f, gamma %.3f.", YEARS, buyers(), repeatBuyers(), transactions.r(), transactions.alpha(),
        transactions.a(), transactions.b(), spend.p(), spend.q(), spend.gamma());
  }

  /** A fit, or the reason there is none. */
  record Outcome(Optional<LifetimeValueFit> fit, String reason) {
    static Outcome none(String reason) {
      return new Outcome(Optional.empty(), reason);
    }
  }
}
