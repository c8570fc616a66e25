package org.engagement.report.analysis;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Suppliers;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.clv.RepeatBuyingMetrics;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTiers;

/**
 * The input of a report with the figures several sections share, each computed once on first use:
 * the as-of instant, the buyers' purchase totals, a profile per customer and the journeys (kept until {@linkplain
 * #releaseJourneys() released}, then cut again if asked for). A section builder added later (relationship ROI, for
 * one, which needs the journeys) reads the same figures.
 *
 * <p>Conventions, stated once for every section: conversions are purchases
 * ({@link ConversionRule#purchases()}); the as-of instant is the latest interaction; dates are UTC;
 * purchase values are in the currency most purchases carry, and purchases in another currency are left
 * out of the value figures and counted in {@link #otherCurrencyPurchases()}.
 *
 * <p>Every file read for the report is accounted for: the interactions by the input's import report, each
 * companion file by the report its section {@linkplain #recordRead records} when it reads it, so {@link
 * #reads()} (and {@link org.engagement.report.ReportModel#reads()}) says whether every row of every file was used.
 *
 * <p>Thread-safe: the shared figures are memoized behind synchronized suppliers and the accounts of the
 * files read are kept under a lock.
 *
 * @since 0.1.0
 */
public final class Analysis {
  private final AnalysisInput input;
  private final Progress progress;
  private final Instant asOf;
  private final Supplier<Purchases> purchases;
  private final Supplier<List<CustomerProfile>> profiles;
  private final Releasable<Journeys> journeys;
  private final Releasable<JourneySet> journeySet;
  private final Supplier<LifetimeValueFit.Outcome> lifetimeValue;
  private final Supplier<ValuePredictor> valuePredictor;
  private final Supplier<ValueTiers> valueTiers;
  private final Supplier<Optional<TrueEffects>> truth;
  private final Supplier<Map<String, String>> channelNames;
  private final Map<String, ImportReport> reads = new LinkedHashMap<>();

  private Analysis(AnalysisInput input, Progress progress) {
    this.input = input;
    this.progress = progress;
    this.asOf = interactions().latest().orElse(Instant.EPOCH);
    this.purchases = Suppliers.memoize(() -> Purchases.of(input.interactions(), ConversionRule.purchases()));
    this.profiles = Suppliers.memoize(this::computeProfiles);
    this.channelNames = Suppliers.memoize(this::computeChannelNames);
    this.journeys = new Releasable<>(this::computeJourneys);
    this.journeySet = new Releasable<>(() -> journeys().toJourneySet());
    this.lifetimeValue = Suppliers.memoize(() -> LifetimeValueFit.fit(this));
    this.valuePredictor = Suppliers.memoize(() -> lifetimeValue().<ValuePredictor>map(
        fit -> LifetimeValuePredictor.of(fit.lifetimeValue().remembering())).orElse(ValuePredictor.none()));
    this.valueTiers = Suppliers.memoize(() -> ValueTiers.of(valuePredictor(), profiles()));
    this.truth = truthOnce();
  }

  /** {@code shared}'s input and figures, with an account of the files read of its own ({@link #apart()}). */
  private Analysis(Analysis shared) {
    this.input = shared.input;
    this.progress = shared.progress;
    this.asOf = shared.asOf;
    this.purchases = shared.purchases;
    this.profiles = shared.profiles;
    this.channelNames = shared.channelNames;
    this.journeys = shared.journeys;
    this.journeySet = shared.journeySet;
    this.lifetimeValue = shared.lifetimeValue;
    this.valuePredictor = shared.valuePredictor;
    this.valueTiers = shared.valueTiers;
    this.truth = truthOnce();
  }

  /**
   * The truth file read once by this analysis, recorded in its own account: every analysis {@linkplain #apart()
   * apart} reads the (small) file for itself, so that each one's account holds what it asked for.
   */
  private Supplier<Optional<TrueEffects>> truthOnce() {
    return Suppliers.memoize(() -> input.file(AnalysisInput.TRUTH).map(file -> TrueEffects.of(
        CsvFiles.read(this, AnalysisInput.TRUTH, file, TrueEffects::read).values())));
  }

  /** An analysis of {@code input} that reports its long steps to {@code progress}. */
  public static Analysis of(AnalysisInput input, Progress progress) {
    return new Analysis(requireNonNull(input, "input"), requireNonNull(progress, "progress"));
  }

  /**
   * An analysis of the same input that shares this one's figures (each still computed once, whichever analysis
   * asks first) but keeps its own {@linkplain #reads() account of the files read}: what a report section built
   * beside others on another thread is given, so that the accounts can be added to this one's in page order
   * ({@link #recordReads}) however the sections' work interleaved.
   */
  public Analysis apart() {
    return new Analysis(this);
  }

  /**
   * Records the accounts of the companion files {@code other} read, in the order it first read them, as {@link
   * #recordRead} would have one at a time: what {@code other}, an analysis {@linkplain #apart() apart}, read
   * becomes part of this one's account.
   */
  public void recordReads(Analysis other) {
    List<ImportReport> read = other.reads();
    read.subList(1, read.size()).forEach(this::recordRead);
  }

  /** The input. */
  public AnalysisInput input() {
    return input;
  }

  /**
   * The input's interactions as the columns they are kept in: read a row at a time, or a customer at a
   * time with {@link InteractionColumns#perCustomer()}, so that no section holds them all as objects.
   */
  public InteractionColumns interactions() {
    return InteractionColumns.of(input.interactions());
  }

  /** The earliest interaction's instant, or {@link #asOf()} without any interaction. */
  public Instant firstInstant() {
    return interactions().earliest().orElse(asOf);
  }

  /**
   * Records the account of reading a companion file, named by its {@linkplain ImportReport#source()
   * source} (the file name); a later account of the same file replaces the earlier one. A section builder
   * that reads a file records it here, including a read that failed (a report with a failure), so that
   * nothing read for the report goes unaccounted.
   */
  public void recordRead(ImportReport report) {
    requireNonNull(report, "report");
    synchronized (reads) {
      reads.put(report.source(), report);
    }
  }

  /**
   * The account of every file read so far: the interactions first (as {@value AnalysisInput#INTERACTIONS}),
   * then each companion file in the order first read.
   */
  public List<ImportReport> reads() {
    List<ImportReport> all = new ArrayList<>();
    all.add(named(AnalysisInput.INTERACTIONS, input.importReport()));
    synchronized (reads) {
      all.addAll(reads.values());
    }
    return List.copyOf(all);
  }

  /** {@code report} with {@code source} as its source. */
  public static ImportReport named(String source, ImportReport report) {
    return new ImportReport(source, report.read(), report.accepted(), report.rejected(), report.duplicates(),
        report.rejections(), report.rejectionsNotRetained(), report.failure());
  }

  /** Where long steps report. */
  public Progress progress() {
    return progress;
  }

  /** The instant the figures describe: the latest interaction ({@link Instant#EPOCH} without any). */
  public Instant asOf() {
    return asOf;
  }

  /** The UTC date of {@link #asOf()}. */
  public LocalDate asOfDate() {
    return asOf.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /** The currency of the value figures; empty when no purchase carries a value. */
  public Optional<Currency> currency() {
    return purchases.get().currency();
  }

  /** Purchases whose value is in another currency than {@link #currency()}, left out of value figures. */
  public long otherCurrencyPurchases() {
    return purchases.get().otherCurrency();
  }

  /** The purchases in the value currency: the buyers, and from them value concentration and RFM. */
  public Purchases purchases() {
    return purchases.get();
  }

  /** Every customer with at least one purchase, ordered by id. */
  public List<Buyer> buyers() {
    return purchases.get().buyers();
  }

  /**
   * A profile per customer seen, ordered by id ({@link CustomerProfiles#defaults()} at the as-of instant),
   * with the metrics {@value MetricNames#VALUE} (purchase value to date), {@value MetricNames#ENGAGEMENT}
   * (the default engagement score at the as-of instant) and {@value MetricNames#RECENCY_DAYS} (whole days
   * from the last interaction to the as-of date); buyers also have the repeat-buying metrics of {@link
   * LifetimeValuePredictor} (in days, {@link RepeatBuyingMetrics}), so the fitted lifetime value can predict
   * from the profile.
   */
  public List<CustomerProfile> profiles() {
    return profiles.get();
  }

  /** The lifetime-value model fitted on the purchases, if the fit converged ({@link LifetimeValueFit}). */
  public Optional<LifetimeValueFit> lifetimeValue() {
    return lifetimeValue.get().fit();
  }

  /** Why there is no {@link #lifetimeValue()}; empty when there is one. */
  public String lifetimeValueUnavailable() {
    return lifetimeValue.get().reason();
  }

  /**
   * The predictor of the value tiers' "grow" rule and of the CLV section: the fitted lifetime value when there is
   * one, otherwise none (only engagement makes a customer "grow"). One predictor per analysis (shared with the
   * analyses {@linkplain #apart() apart}), {@linkplain org.engagement.clv.prediction.CustomerLifetimeValue#remembering()
   * remembering} each purchase history it values: the CLV section, the value tiers of the segments section and
   * those of the ROI section ask about the same buyers, and each history's 156 weekly steps are computed once
   * for the three, with the same figures, bit for bit, as a predictor of its own would give.
   */
  public ValuePredictor valuePredictor() {
    return valuePredictor.get();
  }

  /**
   * The value tiers of every {@linkplain #profiles() profile} with the default rules and {@link #valuePredictor()}:
   * one per analysis (shared with the analyses {@linkplain #apart() apart}), so that the segments section and the
   * ROI section's value tiers rank the population once (issue 16) and put each customer in the same tier.
   */
  public ValueTiers valueTiers() {
    return valueTiers.get();
  }

  /**
   * How far before a purchase (or the as-of) a touch still counts in {@link #journeys()}: from the earliest
   * interaction to {@link #asOf()}, and a day more ({@link JourneyRules#lookbackCovering}, the rule the command
   * line's {@code --interactions} shares), so the lookback sets no touch aside and each journey reaches back to
   * the customer's previous purchase or first touch.
   *
   * <p>Why not the 90-day default of {@link JourneyRules}: the report's ROI rests on {@code recommended}, which
   * fits the hazard in exposure time ({@code exposure-hazard}) only on journeys the lookback did not cut; a journey
   * cut 90 days before its purchase starts in mid-exposure, and the channels that touched before are lost to it.
   * On engagement-simulator's 40 selection worlds (seeds 5 to 9, journeys of every purchase as the report cuts them)
   * {@code exposure-hazard} on journeys that cover the data met issue 13's aim (mean absolute error of the shares at
   * most 0.03, Spearman at least 0.8, better than last touch and Markov) on 33, mean error 0.0198, where the
   * report's former 90-day journeys and the time-free fit {@code recommended} then ran met it on 23 (0.0231); no
   * clock over 90-day journeys did better (at risk from 90 days before the purchase, or from the first touch since
   * the previous one: 4 of 40, 0.048), because a window anchored at the purchase is chosen by the outcome and
   * loses which channels touched before it, not only when the risk began. Confirmed on seeds 20240101 and 1 to 4
   * (notes of issue 13). Every model of the attribution section reads these journeys, so their columns are those
   * of journeys reaching back to the previous purchase; last touch alone is the same whatever the lookback.
   */
  public Duration lookback() {
    return JourneyRules.lookbackCovering(firstInstant(), asOf);
  }

  /**
   * The rules the report cuts its journeys by: {@link JourneyRules#defaults()} with the {@linkplain #lookback()
   * lookback covering the data}, as of {@link #asOf()}. Sections that cut journeys of their own (the ROI's value
   * tiers) use these, so a tier's journeys are everyone's journeys of its members.
   */
  public JourneyRules journeyRules() {
    return JourneyRules.defaults().withLookback(lookback()).withAsOf(asOf);
  }

  /**
   * The journeys of {@linkplain #journeyRules() the report's rules} over the interactions.
   *
   * @throws IllegalArgumentException if the journeys cannot be built (conversion values in several
   *     currencies)
   */
  public Journeys journeys() {
    return journeys.get();
  }

  /**
   * {@link #journeys()} grouped by path ({@link Journeys#toJourneySet()}), grouped once for the sections that
   * attribute them (grouping millions of journeys takes seconds).
   *
   * @throws IllegalArgumentException if the journeys cannot be built
   */
  public JourneySet journeySet() {
    return journeySet.get();
  }

  /**
   * Lets go of {@link #journeys()} and {@link #journeySet()} (shared with every analysis {@linkplain #apart()
   * apart}), so that the heap they take is free for what comes next: the report calls it once no section left to
   * build reads them (issue 16: at 10 million interactions the journeys and their grouping, a touch per
   * interaction, were held through the five sections after the relationship ROI, none of which reads them). A later
   * call of either cuts them again, the same journeys, at the cost of the time it takes; a caller that holds them
   * keeps them.
   *
   * <p>Thread-safe.
   */
  public void releaseJourneys() {
    journeySet.release();
    journeys.release();
  }

  /**
   * The true channel effects of {@value AnalysisInput#TRUTH}, read once (and {@linkplain #recordRead
   * recorded}) when a section first asks; empty when the input has no such file.
   *
   * @throws org.engagement.core.ingest.InvalidSourceException if the file cannot be read as a whole
   */
  public Optional<TrueEffects> truth() {
    return truth.get();
  }

  /**
   * Each channel's display name by id, in the order first seen: the page names channels by these everywhere
   * (a channel's id stays in the CSV downloads' ids and in the code).
   */
  public Map<String, String> channelNames() {
    return channelNames.get();
  }

  private Map<String, String> computeChannelNames() {
    Map<String, String> names = new LinkedHashMap<>();
    interactions().channels().forEach(c -> names.putIfAbsent(c.id(), c.displayName()));
    return java.util.Collections.unmodifiableMap(names);
  }

  private List<CustomerProfile> computeProfiles() {
    progress.step("scoring engagement of every customer");
    return CustomerProfiles.defaults().withMetrics(RepeatBuyingMetrics.inDays()).profiles(input.interactions(), asOf);
  }

  private Journeys computeJourneys() {
    progress.step("building journeys");
    return journeyRules().journeys(input.interactions());
  }
}
