package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.mix.LiftTest;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixCsv;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixPriors;
import org.engagement.roi.mix.MixSettings;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement mix --spend FILE --outcome FILE [--controls FILE] [--lift FILE] [--budget N]
 * [--min CHANNEL=SPEND]... [--max CHANNEL=SPEND]... [--target-roi X] [--no-caution] [--outcome-kind revenue|kpi]
 * [--per-period FILE] [--format csv|text|json]}: a marketing mix model ({@link MarketingMix}) of spend per channel and period against
 * an outcome per period, with each channel's contribution, ROI and marginal ROI (90 % bootstrap intervals),
 * carry-over half-life and a recommended spend per period.
 *
 * <p>Inputs ({@link MixCsv}): {@code period,channel,spend} and {@code period,outcome}, periods as the ISO
 * date a week or month starts; a channel without a row in a period spent nothing then. Controls:
 * {@code period,control,value}, a value of each control in every period. Lift tests:
 * {@code channel,from,to,incremental,low,high[,level]} (the interval's level, 0.9 without it). Periods a week
 * apart or less are weeks (a 52-period season), otherwise months (12). Bad rows are reported one line each
 * ({@code file:line: column 'x' value 'v' is invalid: rule}) and left out; a lift row naming a channel without
 * spend is reported and not used.
 *
 * <p>With {@code --format csv} one row per channel:
 * {@code channel,spend,contribution,contribution_share,roi,roi_low,roi_high,marginal_roi,carryover_half_life,
 * recommended_spend}: spend and contribution summed over the input, half-life in periods, recommended spend per
 * period at the current total per period or {@code --budget}. {@code --per-period FILE} also writes the
 * contributions per period ({@link PerPeriodFile}), checked writable before the fit. Text output adds the budget
 * section: the expected gain per period with its interval. {@code --format json} prints both as one object ({@link MixJson}).
 *
 * <p>The recommendation keeps each channel between half and twice its current spend per period unless
 * {@code --min}/{@code --max} bound it (repeatable, {@code CHANNEL=SPEND} per period, picocli's map options);
 * {@code --target-roi X} makes the budget a ceiling and recommends the split with the largest expected outcome
 * whose expected outcome per unit spent is at least X. The recommendation is cautious ({@link BudgetRequest}): a
 * channel whose ROI the fit cannot pin down keeps its current spend unless {@code --lift} tests it or
 * {@code --min}/{@code --max} bound it, and moves must gain in most bootstrap draws; {@code --no-caution} asks
 * for the split with the largest expected outcome instead. The fit's warnings (a channel estimated at zero, an
 * estimate at a limit of its range, a channel whose spend never varies, a channel the data cannot pin down) go
 * to stderr as {@code warning: ...} lines and do not change the exit code.
 *
 * <p>Exit code 0 when every row was used; 1 when a row was rejected or not used, or the series cannot be
 * fitted; 2 on a usage error.
 */
@Command(name = "mix", mixinStandardHelpOptions = true,
    customSynopsis = "engagement mix --spend=FILE --outcome=FILE [OPTIONS]",
    description = {"Marketing mix model: contribution, ROI, marginal ROI and carry-over per channel from "
        + "period,channel,spend and period,outcome CSVs, and a budget recommendation.",
        "With --format csv, one row per channel with the columns channel, spend, contribution, "
        + "contribution_share, roi, roi_low, roi_high, marginal_roi, carryover_half_life and recommended_spend "
        + "(spend and contribution summed over the input, the half-life in periods, the recommended spend per "
        + "period)."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement mix --spend spend.csv --outcome outcome.csv",
        "  engagement mix --spend spend.csv --outcome outcome.csv --lift lift.csv \\",
        "      --budget 25000 --format csv",
        "  engagement mix --spend spend.csv --outcome outcome.csv --budget 60000 \\",
        "      --min tv=10000 --max search=5000 --target-roi 1.5"})
final class MixCommand implements Callable<Integer> {
  private static final int WEEK_DAYS = 8;

  @Option(names = "--spend", required = true, paramLabel = "FILE", description = "the spend CSV (UTF-8, header period,channel,spend)")
  @SuppressWarnings("NullAway.Init")
  private Path spend;

  @Option(names = "--outcome", required = true, paramLabel = "FILE", description = "the outcome CSV (UTF-8, header period,outcome)")
  @SuppressWarnings("NullAway.Init")
  private Path outcome;

  @Option(names = "--lift", paramLabel = "FILE",
      description = "lift tests to calibrate by: a CSV with the columns channel, from, to, incremental, low and high"
          + " (and optionally level, the interval's, 0.9 without it)")
  private @Nullable Path lift;

  @Option(names = "--controls", paramLabel = "FILE",
      description = "what else moves the outcome (price, promotions, a competitor's activity): a CSV with the "
          + "columns period, control and value, a value of each control in every period")
  private @Nullable Path controls;

  @Option(names = "--per-period", paramLabel = "FILE",
      description = "also write each period's outcome, fitted outcome, baseline and every channel's contribution "
          + "to FILE (CSV: period, outcome, fitted, baseline, then one column per channel)")
  private @Nullable Path perPeriod;

  @Option(names = "--budget", paramLabel = "N", description = "the total spend per period to allocate (default: the current total)")
  private @Nullable Double budget;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "csv, text or json (default: ${DEFAULT-VALUE})")
  @SuppressWarnings("NullAway.Init")
  private String format;

  @Option(names = "--min", paramLabel = "CHANNEL=SPEND",
      description = "the least spend per period of a channel in the recommendation (repeatable; default: half "
          + "its current spend)")
  private java.util.Map<String, String> least = new java.util.TreeMap<>();

  @Option(names = "--max", paramLabel = "CHANNEL=SPEND",
      description = "the most spend per period of a channel in the recommendation (repeatable; default: twice "
          + "its current spend)")
  private java.util.Map<String, String> most = new java.util.TreeMap<>();

  @Option(names = "--target-roi", paramLabel = "X",
      description = "recommend the split with the largest expected outcome whose expected outcome per unit "
          + "spent is at least X, spending at most the budget")
  private @Nullable Double targetRoi;

  @Option(names = "--no-caution",
      description = "recommend the split with the largest expected outcome, moving channels whose ROI the fit "
          + "cannot pin down too (default: such channels keep their spend unless a lift test or a bound backs "
          + "them, and moves must gain in 90%% of the bootstrap draws)")
  private boolean noCaution;

  @Option(names = "--outcome-kind", defaultValue = "revenue", paramLabel = "KIND",
      description = "revenue (the default: revenue in the spend's currency, under Meridian's ROI prior) or kpi "
          + "(conversions, sign-ups or revenue in other units: every channel's prior set so that the media bring "
          + "40%% ± 20%% of the outcome, so the answer does not depend on the units)")
  @SuppressWarnings("NullAway.Init")
  private String outcomeKind;

  @Option(names = "--resamples", defaultValue = "50", paramLabel = "N",
      description = "bootstrap resamples for the intervals (default: ${DEFAULT-VALUE})")
  private int resamples;

  @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "the seed of the fit (default: ${DEFAULT-VALUE})")
  private long seed;

  @Mixin
  @SuppressWarnings("NullAway.Init")
  private CsvOptions csv;

  /** Whether every row read so far was used: the exit code's 0 or 1. */
  private boolean allUsed = true;

  @Override
  public Integer call() throws Failure {
    String output = checkOptions();
    MixPriors priors = priors();
    Path perPeriodFile = checkPerPeriod();
    PrintStream err = System.err;
    MixData data = data(read(spend, err, MixCsv::readSpend).values(), read(outcome, err, MixCsv::readOutcome)
        .values(), controls == null ? List.of() : read(controls, err, MixCsv::readControls).values());
    BudgetRequest request = request(data, budget != null ? budget : currentPerPeriod(data));
    List<LiftTest> lifts = lifts(data, err);
    MixModel model;
    BudgetPlan plan;
    try {
      model = MarketingMix.fit(data, settings(data).withResamples(resamples).withSeed(seed), lifts, priors);
    } catch (InvalidFieldException e) {
      throw Failure.failed("cannot fit the mix model: " + e.getMessage(), e);
    }
    try {
      plan = model.recommend(request);
    } catch (InvalidFieldException e) {
      throw Failure.failed("cannot recommend a budget: " + inOptions(e), e);
    }
    model.warnings().forEach(w -> err.println(OneLine.of("warning: " + w.message())));
    System.out.print(switch (output) {
      case "csv" -> csvTable(model, plan);
      case "json" -> MixJson.text(model, plan);
      default -> text(model, plan, request.minimumRoi());
    });
    if (perPeriodFile != null) {
      PerPeriodFile.write(perPeriodFile, model, csv.cells());
    }
    return allUsed ? Exit.OK : Exit.FAILED;
  }

  /** Checks the options that need no file; returns the output format. */
  private String checkOptions() throws Failure {
    String output = format.toLowerCase(Locale.ROOT);
    if (!List.of("csv", "text", "json").contains(output)) {
      throw Failure.usage("--format must be csv, text or json, not '" + format + "'");
    }
    if (budget != null && !(budget > 0 && budget < Double.POSITIVE_INFINITY)) {
      throw Failure.usage("--budget must be a positive number, not " + budget);
    }
    if (targetRoi != null && !(targetRoi > 0 && targetRoi < Double.POSITIVE_INFINITY)) {
      throw Failure.usage("--target-roi must be a positive number, not " + targetRoi);
    }
    if (resamples < 0 || resamples > 10_000) {
      throw Failure.usage("--resamples must be in [0, 10000], not " + resamples);
    }
    return output;
  }

  /** The {@code --per-period} file, checked writable and not an input before any work; null without one. */
  private @Nullable Path checkPerPeriod() throws Failure {
    Path file = perPeriod;
    if (file != null) {
      for (Path input : java.util.Arrays.asList(spend, outcome, controls, lift)) {
        if (file.equals(input)) {
          throw Failure.usage("--per-period " + file + " is also an input: it would be overwritten");
        }
      }
      OutputFile.check(file);
    }
    return file;
  }

  /** The lift tests of {@code --lift}; a row naming a channel without spend is reported and not used. */
  private List<LiftTest> lifts(MixData data, PrintStream err) throws Failure {
    List<LiftTest> lifts = new ArrayList<>();
    Path liftFile = lift;
    if (liftFile != null) {
      for (LiftTest test : read(liftFile, err, MixCsv::readLifts).values()) {
        if (data.channels().contains(test.channel())) {
          lifts.add(test);
        } else {
          allUsed = false;
          err.println(OneLine.of(liftFile + ": channel '" + test.channel() + "' has no spend in " + spend
              + "; its row was not used"));
        }
      }
    }
    return lifts;
  }


  /** The library's refusal in the command line's words: its minimum ROI is what {@code --target-roi} gave. */
  private String inOptions(InvalidFieldException e) {
    Double target = targetRoi;
    return target != null && e.field().equals("minimumRoi")
        ? "--target-roi " + CsvCells.number(target) + " " + e.rule() : String.valueOf(e.getMessage());
  }

  /** Reads one file of the command. */
  private interface Reader<T> {
    CsvImport<T> read(InputStream in, String source) throws IOException;
  }

  /** Reads one file of the command, its rejected rows reported on {@code err} and counted against the exit. */
  private <T> CsvImport<T> read(Path file, PrintStream err, Reader<T> reader) throws Failure {
    CsvImport<T> read;
    try (InputStream in = InputFile.openBytes(file)) {
      read = reader.read(in, file.toString());
    } catch (org.engagement.core.ingest.InvalidSourceException e) {
      throw Failure.failed("cannot read " + file + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(file, e);
    }
    RejectionLines.print(file.toString(), read.report(), err);
    read.report().failureReason().ifPresent(reason ->
        err.println(OneLine.of(file + ": could not be read in full: " + reason)));
    allUsed &= read.report().isClean();
    return read;
  }

  private MixData data(List<MixCsv.SpendRow> spendRows, List<MixCsv.OutcomeRow> outcomeRows,
      List<MixCsv.ControlRow> controlRows) throws Failure {
    try {
      MixData.Builder builder = MixData.builder();
      outcomeRows.forEach(row -> builder.outcome(row.period(), row.outcome()));
      spendRows.forEach(row -> builder.spend(row.period(), row.channel(), row.spend()));
      controlRows.forEach(row -> builder.control(row.period(), row.control(), row.value()));
      return builder.build();
    } catch (InvalidFieldException e) {
      throw Failure.failed(filesOf(e) + ": " + e.getMessage(), e);
    }
  }

  /**
   * The input a refusal of the series is about: the spend file for its spend and channels, the outcome file for
   * its outcome, every input for what they share (the periods).
   */
  private String filesOf(InvalidFieldException e) {
    return switch (e.field()) {
      case "spend", "channel", "channels" -> spend.toString();
      case "outcome" -> outcome.toString();
      default -> spend + ", " + outcome + (controls == null ? "" : ", " + controls);
    };
  }

  /**
   * The optimiser's question: the budget, each channel between half and twice its current spend unless
   * {@code --min} or {@code --max} says otherwise (a default bound gives way to a given one it would contradict:
   * {@code --max tv=0} alone takes tv out), and the target ROI.
   */
  private BudgetRequest request(MixData data, double perPeriod) throws Failure {
    double current = currentPerPeriod(data);
    BudgetRequest request = BudgetRequest.of(perPeriod);
    java.util.Set<String> named = new java.util.TreeSet<>(least.keySet());
    named.addAll(most.keySet());
    for (String channel : named) {
      if (!data.channels().contains(channel)) {
        throw Failure.usage("--min/--max name channel '" + OneLine.of(channel) + "', which has no spend in "
            + spend + " (channels: " + String.join(", ", data.channels()) + ")");
      }
      double share = data.totalSpend(channel) / data.periods().size() * perPeriod / current;
      double high = bound("--max", channel, most.get(channel), Double.POSITIVE_INFINITY);
      double low = bound("--min", channel, least.get(channel), Math.min(request.lowFactor() * share, high));
      if (most.get(channel) == null) {
        high = Math.max(low, request.highFactor() * share);
      }
      if (low > high) {
        throw Failure.usage("--min " + channel + "=" + CsvCells.number(low) + " is above its most spend "
            + CsvCells.number(high));
      }
      request = request.withBounds(channel, low, high);
    }
    BudgetRequest asked = targetRoi != null ? request.withMinimumRoi(targetRoi) : request;
    return noCaution ? asked.withoutCaution() : asked;
  }

  private static double bound(String option, String channel, @Nullable String given, double fallback)
      throws Failure {
    if (given == null) {
      return fallback;
    }
    try {
      double value = Double.parseDouble(given.trim());
      if (value >= 0 && value < Double.POSITIVE_INFINITY) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below with the option's shape
    }
    throw Failure.usage(option + " " + OneLine.of(channel) + "=" + OneLine.of(given)
        + ": the spend must be a number, not negative");
  }

  private MixPriors priors() throws Failure {
    return switch (outcomeKind.toLowerCase(Locale.ROOT)) {
      case "revenue" -> MixPriors.defaults();
      case "kpi" -> MixPriors.kpi();
      default -> throw Failure.usage("--outcome-kind must be revenue or kpi, not '" + OneLine.of(outcomeKind) + "'");
    };
  }

  private static MixSettings settings(MixData data) {
    List<LocalDate> periods = data.periods();
    long days = ChronoUnit.DAYS.between(periods.get(0), periods.get(periods.size() - 1));
    return days / (periods.size() - 1.0) <= WEEK_DAYS ? MixSettings.weekly() : MixSettings.monthly();
  }

  private static double currentPerPeriod(MixData data) {
    double total = 0;
    for (String channel : data.channels()) {
      total += data.totalSpend(channel);
    }
    return total / data.periods().size();
  }

  private String csvTable(MixModel model, BudgetPlan plan) {
    StringBuilder out = new StringBuilder("channel,spend,contribution,contribution_share,roi,roi_low,roi_high,"
        + "marginal_roi,carryover_half_life,recommended_spend\n");
    for (ChannelEffect e : model.effects()) {
      out.append(csv.cells().text(e.channel()));
      for (double v : new double[] {e.spend(), e.contribution(), e.share(), e.roi(), e.roiInterval().lower(),
          e.roiInterval().upper(), e.marginalRoi(), e.halfLife(),
          plan.allocation(e.channel()).recommended()}) {
        out.append(',').append(number(v));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /**
   * An amount for the text: two decimals at the sizes budgets come in, otherwise four significant digits, so that
   * a series counted in tiny or huge units prints neither 0.00 nor some 300 digits (the CSV and JSON carry the
   * exact values).
   */
  private static String money(double amount) {
    double size = Math.abs(amount);
    return size == 0 || (size >= 0.01 && size < 1e15) ? String.format(Locale.ROOT, "%.2f", amount)
        : String.format(Locale.ROOT, "%.4g", amount);
  }

  private static String text(MixModel model, BudgetPlan plan, double minimumRoi) {
    StringBuilder out = new StringBuilder();
    // returns to three significant digits: an outcome counted in conversions returns a few hundredths per unit
    out.append(String.format(Locale.ROOT, "%-20s %14s %14s %6s %8s %19s %9s %9s%n", "channel", "spend",
        "contribution", "share", "roi", "roi 90%", "mroi", "half-life"));
    for (ChannelEffect e : model.effects()) {
      out.append(String.format(Locale.ROOT, "%-20s %14s %14s %6.3f %8.3g %9.3g-%-9.3g %9.3g %9.1f%n",
          OneLine.of(e.channel()), money(e.spend()), money(e.contribution()), e.share(), e.roi(),
          e.roiInterval().lower(),
          e.roiInterval().upper(), e.marginalRoi(), e.halfLife()));
    }
    out.append(String.format(Locale.ROOT, "%nbudget: %s per period%s%n", money(plan.budget()),
        minimumRoi > 0 ? String.format(Locale.ROOT, " (minimum ROI %.2f)", minimumRoi) : ""));
    out.append(String.format(Locale.ROOT, "%-20s %14s %14s%n", "channel", "current", "recommended"));
    plan.allocations().forEach(a -> out.append(String.format(Locale.ROOT, "%-20s %14s %14s%n",
        OneLine.of(a.channel()), money(a.current()), money(a.recommended()))));
    out.append(String.format(Locale.ROOT, "expected gain per period: %s (90%% interval %s to %s, %d resamples)%n",
        money(plan.gain()), money(plan.gainInterval().lower()), money(plan.gainInterval().upper()),
        model.resamples()));
    if (plan.gain() < plan.gainInterval().lower() || plan.gain() > plan.gainInterval().upper()) {
      out.append("note: the expected gain lies outside its refits' interval: each refit is drawn again towards the"
          + " ROI prior, so the gain is less settled than the interval says\n");
    }
    return out.toString();
  }

  /**
   * The shortest plain decimal that reads back to the same double, as every other CSV of the command line: six
   * fixed decimals wrote a plan for spends near 1e-290 as all zeros.
   */
  private static String number(double value) {
    return CsvCells.number(value);
  }
}
