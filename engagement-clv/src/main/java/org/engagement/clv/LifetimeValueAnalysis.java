package org.engagement.clv;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.ModelFit;
import org.engagement.clv.model.SpendSummaries;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.clv.summary.Transaction;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.Money;

/**
 * The customer-lifetime-value pipeline with its {@link LifetimeValueSettings}: purchases to repeat-buying
 * summaries, summaries to a BG/NBD and Gamma-Gamma fit, the fit to a value per customer.
 *
 * <pre>{@code
 * LifetimeValueOutcome outcome = LifetimeValueAnalysis.defaults()
 *     .fit(interactions, ConversionRule.purchases(), Currency.getInstance("EUR"), asOf);
 * outcome.fitted().ifPresentOrElse(
 *     clv -> clv.predictions().forEach(host::store),
 *     () -> host.warn(outcome.reason().orElseThrow()));
 * }</pre>
 *
 * <p>Summaries follow the CDNOW convention ({@link RepeatBuyingSummaries}): purchases counted by distinct
 * UTC day, the first purchase excluded, the calibration period ending on the as-of date (no holdout). The
 * models are fitted only when at least {@link LifetimeValueSettings#minimumRepeatBuyers()} customers bought
 * again, and a value is given only when both searches converged or settled at a boundary ({@link
 * org.engagement.clv.fit.FitStatus#DEGENERATE}: a value from the collapsed model, with {@link
 * LifetimeValueOutcome#degeneracies()} saying so, which a page must show beside it).
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class LifetimeValueAnalysis {
  private final LifetimeValueSettings settings;

  private LifetimeValueAnalysis(LifetimeValueSettings settings) {
    this.settings = settings;
  }

  /** The pipeline with {@link LifetimeValueSettings#defaults()}. */
  public static LifetimeValueAnalysis defaults() {
    return of(LifetimeValueSettings.defaults());
  }

  /** The pipeline with {@code settings}. */
  public static LifetimeValueAnalysis of(LifetimeValueSettings settings) {
    return new LifetimeValueAnalysis(requireNonNull(settings, "settings"));
  }

  /** The settings. */
  public LifetimeValueSettings settings() {
    return settings;
  }

  /**
   * The purchases among {@code interactions} as transactions: the conversions of {@code rule} at or before
   * {@code asOf} valued in {@code currency} (one without a value counts with amount 0), in input order, on
   * their UTC day. Conversions valued in another currency are left out: a sum across currencies needs
   * exchange rates.
   *
   * <p>From {@link InteractionColumns} under a rule of types ({@link ConversionRule.OfTypes}, the default
   * {@link ConversionRule#purchases()}), only the rows of those types are made into interactions ({@link
   * InteractionColumns#ofTypes}, one pass over the type column): the same transactions in the same order, without
   * an object per interaction of ten million (issue 16).
   */
  public static List<Transaction> transactions(Iterable<Interaction> interactions, ConversionRule rule,
      Currency currency, Instant asOf) {
    requireNonNull(interactions, "interactions");
    requireNonNull(rule, "rule");
    requireNonNull(currency, "currency");
    requireNonNull(asOf, "asOf");
    Iterable<Interaction> candidates = interactions instanceof InteractionColumns columns
        && rule instanceof ConversionRule.OfTypes types ? columns.ofTypes(types.types()) : interactions;
    List<Transaction> out = new ArrayList<>();
    for (Interaction i : candidates) {
      Money value = i.value();
      boolean inCurrency = value == null || value.currency().equals(currency);
      if (!i.timestamp().isAfter(asOf) && rule.isConversion(i) && inCurrency) {
        out.add(Transaction.at(i.customerId(), i.timestamp(), value == null ? 0 : value.amount().doubleValue()));
      }
    }
    return out;
  }

  /**
   * Each buyer's repeat-buying summary in the settings' unit, calibration ending on {@code asOf} (inclusive),
   * in the order customers first appear.
   */
  public List<RepeatBuyingSummary> summaries(Iterable<Transaction> transactions, LocalDate asOf) {
    requireNonNull(asOf, "asOf");
    return RepeatBuyingSummaries.summarize(requireNonNull(transactions, "transactions"),
        SummaryOptions.of(settings.unit(), asOf));
  }

  /** Fits the models on the purchases among {@code interactions} (see {@link #transactions}) up to {@code asOf}. */
  public LifetimeValueOutcome fit(Iterable<Interaction> interactions, ConversionRule rule, Currency currency,
      Instant asOf) {
    return fit(transactions(interactions, rule, currency, asOf), asOf.atOffset(ZoneOffset.UTC).toLocalDate());
  }

  /** Fits the models on {@code transactions} up to {@code asOf} (inclusive). */
  public LifetimeValueOutcome fit(Iterable<Transaction> transactions, LocalDate asOf) {
    return fitSummaries(summaries(transactions, asOf));
  }

  /**
   * Fits the models on ready-made summaries whose times are in the settings' unit (one per buyer, as
   * {@link #summaries} makes them): {@link #fitHistories} on their {@link BuyerHistories}, with the
   * summaries kept for the predictions.
   */
  public LifetimeValueOutcome fitSummaries(List<RepeatBuyingSummary> summaries) {
    requireNonNull(summaries, "summaries");
    LifetimeValueModels models = fitHistories(BuyerHistories.of(summaries));
    Optional<String> reason = models.reason();
    if (reason.isPresent()) {
      return LifetimeValueOutcome.unavailable(reason.get(), models.purchaseSearch().orElse(null),
          models.spendSearch().orElse(null));
    }
    FittedLifetimeValue fitted = new FittedLifetimeValue(settings, models.purchases().orElseThrow(),
        models.spend().orElseThrow(), summaries, Math.toIntExact(models.repeatBuyers()));
    return LifetimeValueOutcome.fitted(fitted, models.purchaseSearch().orElseThrow(),
        models.spendSearch().orElseThrow(), models.zeroSpendBuyers());
  }

  /**
   * Fits BG/NBD and Gamma-Gamma on the buyers' compressed histories (summarised in the settings' unit), the
   * one fit of this pipeline: the models are fitted only when at least {@link
   * LifetimeValueSettings#minimumRepeatBuyers()} customers bought again (and as many with a positive spend),
   * and given only when both searches are {@linkplain org.engagement.clv.fit.FitResult#usable() usable}.
   * A distributed engine calls it on the merge of its partitions' {@link BuyerHistories}.
   */
  public LifetimeValueModels fitHistories(BuyerHistories histories) {
    requireNonNull(histories, "histories");
    return fitHistories(histories, rows -> BgNbdModel.fit(rows, settings.unit(), settings.fitOptions()),
        rows -> GammaGammaModel.fit(rows, settings.fitOptions()));
  }

  private LifetimeValueModels fitHistories(BuyerHistories histories,
      Function<List<WeightedSummary>, ModelFit<BgNbdModel>> purchaseFit,
      Function<List<SpendSummary>, ModelFit<GammaGammaModel>> spendFit) {
    long repeat = histories.repeatBuyers();
    if (repeat < settings.minimumRepeatBuyers()) {
      return LifetimeValueModels.unavailable(settings,
          "only " + repeat + " customers bought twice; the models need more", null, null, histories);
    }
    ModelFit<BgNbdModel> purchases = purchaseFit.apply(histories.purchases().rows());
    SpendSummaries spends = histories.spends();
    if (spends.customers() < settings.minimumRepeatBuyers()) {
      return LifetimeValueModels.unavailable(settings, "only " + spends.customers() + " customers bought twice"
          + " with a positive spend (" + spends.zeroSpendCustomers() + " spent 0); the spend model needs more",
          null, null, histories);
    }
    ModelFit<GammaGammaModel> spend = spendFit.apply(spends.rows());
    if (!purchases.result().usable() || !spend.result().usable()) {
      return LifetimeValueModels.unavailable(settings, "the model fit did not converge (BG/NBD "
          + purchases.result().status() + ", Gamma-Gamma " + spend.result().status() + ")", purchases.result(),
          spend.result(), histories);
    }
    return LifetimeValueModels.fitted(settings, purchases.model(), spend.model(), purchases.result(),
        spend.result(), histories);
  }

  /**
   * {@link #fitHistories} on {@code histories} with the searches started from {@code purchases} and {@code spend}, a
   * fit on similar data (the fit on all the buyers when {@code histories} are a bootstrap resample of them), and run
   * by Newton's method on the likelihoods' analytic gradients ({@link BgNbdModel#fitNear}, {@link
   * GammaGammaModel#fitNear}): the same checks, and the likelihoods' maxima to about {@code 1e-10} where {@link
   * #fitHistories}' derivative-free searches stop within about {@code 1e-6} of them, in far fewer evaluations.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if {@code purchases} is not in the settings' unit
   */
  public LifetimeValueModels fitHistoriesNear(BuyerHistories histories, BgNbdModel purchases, GammaGammaModel spend) {
    requireNonNull(histories, "histories");
    requireNonNull(purchases, "purchases");
    requireNonNull(spend, "spend");
    return fitHistories(histories,
        rows -> BgNbdModel.fitNear(rows, settings.unit(), settings.fitOptions(), purchases),
        rows -> GammaGammaModel.fitNear(rows, settings.fitOptions(), spend));
  }

  @Override
  public String toString() {
    return "LifetimeValueAnalysis[" + settings + "]";
  }
}
