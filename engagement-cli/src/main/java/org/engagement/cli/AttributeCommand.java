package org.engagement.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.calibration.LiftCsvReader;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.interval.BootstrapIntervals;
import org.engagement.attribution.interval.CreditIntervals;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.PathFormat;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.json.EngagementJson;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement attribute --model NAME [--order K] [--param KEY=VALUE ...] (--input PATHS | --interactions
 * FILE [--as-of DATE] [--lookback DAYS] [--conversion-type TYPE,...] [--touch-types TYPE,...]
 * [--collapse-repeats DURATION] [--unknown-channels POLICY] [--per-journey FILE]) [--lift FILE]
 * [--intervals [N] [--seed S] [--level L]] [--output FILE] [--raw-csv]}:
 * credits the conversions and value of a path file, or of the journeys cut from an interactions CSV, to
 * their channels with one model.
 *
 * <p><b>Input</b>, exactly one of (a usage error otherwise):
 * <ul>
 *   <li>{@code --input PATHS}: the ChannelAttribution path format read by {@link PathFormat#channelAttribution()}:
 *       UTF-8, a header naming {@code path} and {@code total_conversions} (and optionally
 *       {@code total_conversion_value}, {@code total_null}), one row per distinct path, channels joined by
 *       {@code >}. {@code --delimiter} reads files with another field delimiter (the Python edition's
 *       example uses {@code ;}). A path file has no touch times or types, so the time-aware models
 *       ({@code time-decay}, {@code w-shaped}) refuse it.
 *   <li>{@code --interactions FILE}: an interactions CSV in the format of the {@code import} command
 *       ({@link org.engagement.core.ingest.csv.CsvInteractionAdapter}: {@code customer_id,timestamp,type,
 *       channel[,value,currency,...]}), read by the same importer, so a row is rejected for the same reasons
 *       and reported the same way: one line per rejected row on standard error, {@code file:line: column 'x'
 *       value 'v' is invalid: rule} (the first {@value RejectionLines#SHOWN}, then a count), then a line
 *       saying how many rows were not used. The other rows are used and the exit code is 1. The accepted
 *       interactions are cut into journeys by {@link JourneyRules} with the options {@code --as-of} (an ISO
 *       date, the whole day in UTC, or an instant with offset; default: the latest interaction),
 *       {@code --lookback} (days; default: from the earliest interaction to the as-of and a day more, so no
 *       touch is set aside: the report's rule, {@link JourneyRules#lookbackCovering}, so that {@code recommended}
 *       gives the report's credits), {@code --conversion-type} (interaction types that convert,
 *       default {@code purchase}), {@code --touch-types} (default: every other type),
 *       {@code --collapse-repeats} (an ISO-8601 duration) and {@code --unknown-channels} (as for
 *       {@code import}); they are usage errors with {@code --input}. A channel is a channel id of the file;
 *       every model runs, the time-aware ones too.
 * </ul>
 *
 * <p><b>Output</b>: CSV {@code channel,conversions,value}, one row per channel in name order, lines ending in
 * {@code \n}, to {@code --output} (checked writable before the model runs) or standard output. Numbers are
 * written as the shortest plain decimal that reads back to the same double ({@link CsvCells#number(double)}: no
 * exponent, no trailing zeros, {@code .} as decimal point whatever the locale), so they are exact to the double
 * the model computed. A channel name that holds a comma, a quote or a line break is quoted (RFC 4180), and one
 * that a spreadsheet would run as a formula is neutralised unless {@code --raw-csv} is given ({@link CsvCells}).
 *
 * <p><b>{@code --format json}</b> prints the result in the SDK's documented JSON form ({@link EngagementJson}:
 * model, additive, totals, one object per channel, notes; doubles exact), with {@code --intervals} adding the
 * intervals' form under {@code intervals}; to {@code --output} or standard output as CSV would go, and the
 * {@code --per-journey} file in the documented form of the journeys' credits (the journeys that earned a credit,
 * each with its customer, conversion instant, value and credit per channel, and the result they add up to). The notes
 * still go to standard error too. {@code --raw-csv} does not apply to JSON, whose text cells no spreadsheet runs.
 *
 * <p><b>{@code --per-journey FILE}</b> (with {@code --interactions}) also writes each journey's credits,
 * {@code customer_id,conversion_at,channel,conversions,value} ({@link PerJourneyFile}), from
 * {@link AttributionModel#creditJourneys}. For the models that credit journey by journey (first-touch,
 * last-touch, linear, position-based and the other heuristics, time-decay, w-shaped) the rows are each
 * journey's own credits and the per-channel output is their sum, so a channel's rows, added in file order,
 * give its output exactly. For the models that credit channels globally (markov, shapley and its variants)
 * each channel's credit is shared over the converting journeys that touched it: the conversions in equal
 * parts, the value in proportion to the journeys' values (see {@link
 * org.engagement.attribution.JourneyCredits}); the rows add up to the output to rounding.
 *
 * <p>Models are those of {@link AttributionModels#defaults()}; {@code --param} passes
 * {@link ModelParameters} and {@code --order K} is shorthand for {@code --param order=K}, so a model
 * without an {@code order} refuses it.
 *
 * <p><b>{@code --model recommended}</b> runs {@link RecommendedModel}: a documented rule picks
 * {@code markov}, {@code additive-hazard}, {@code interaction-hazard}, {@code exposure-hazard} (journeys from
 * {@code --interactions} whose lookback set no touch aside, as the default lookback sets none), {@code shao-li} or
 * {@code shapley-simplified} after an out-of-sample check and a screen for synergy, and the
 * notes say which and why, with the held-out scores (predictive numbers; the credits are not made causal by
 * them).
 *
 * <p><b>{@code --lift FILE}</b> calibrates the credits with experiments ({@link LiftCalibration#defaults()}):
 * the file is CSV {@code channel,incremental_conversions,low,high[,level]} ({@link LiftCsvReader}), one row per
 * tested channel, over the same period and population as the journeys. A tested channel's conversions become its
 * experiment's estimate (so they lie in its interval); an untested channel's become the model's credit times
 * the tested channels' pooled incrementality (their experiments' conversions per model credit). The credits
 * then estimate incremental conversions and no longer add up to the observed ones: a {@code note:} line gives
 * the observed and credited totals and the baseline between them. <b>Value</b> after calibration is each
 * channel's model value per credited conversion times its calibrated conversions (the input's mean value per
 * conversion for a channel the model credited nothing): the value of the incremental conversions if they are
 * worth what the model's credited ones were. A rejected row of the lift file is shown in one line and the exit
 * code is 1, as for every input; so is a row naming a channel the journeys do not hold ({@code lift.csv:3:
 * column 'channel' value 'x' is invalid: must be a channel of the journeys}), which is left out of the
 * calibration, because a misspelt channel would otherwise silently change every untested channel's factor.
 * The model must be additive ({@code participation}'s credits overlap: a usage error), and {@code
 * --per-journey} does not go with {@code --lift} (the journeys' credits are the model's; a usage error).
 * {@code --untested HOW} ({@link UntestedChannels}) chooses what the untested channels get: {@code SCALED} (the
 * above, the default), {@code REMAINDER} (the model's split of what the experiments leave of the observed
 * conversions) or {@code REFITTED} (the model run again on the journeys without the tested channels' touches,
 * which is what recovers a confounded world where retargeting and navigational channels take credit without
 * causing it); {@code --untested} without {@code --lift} is a usage error.
 *
 * <p><b>{@code --intervals [N]}</b> (default {@value BootstrapIntervals#DEFAULT_RESAMPLES} resamples, 2 to
 * 100,000; {@code --seed S}, default 0; {@code --level L}, default 0.95; seed and level are usage errors
 * without it) adds seeded bootstrap percentile intervals ({@link BootstrapIntervals}: customers resampled with
 * {@code --interactions}, a Poisson bootstrap of the path counts with {@code --input}): the columns become
 * {@code channel,conversions,value,conversions_low,conversions_high,value_low,value_high,share,share_low,
 * share_high} ({@link CreditsCsv}). The same input, model, N and seed give the same output. The intervals are
 * the sampling noise of the model's answer, not a measure of whether it is causally right. For
 * {@code recommended} the rule chooses once on the whole input and the chosen model is run on every resample
 * ({@link RecommendedModel#choose}). With {@code --lift} every resample is calibrated with the same
 * experiments, each resample with its own draw of every experiment's result from its interval
 * ({@link LiftResult#drawn}): a tested channel's interval is its experiment's at the intervals' level, and the
 * untested channels' carry the experiments' uncertainty (a note says so). Work is N + 1 runs of the model.
 *
 * <p>The result's {@linkplain AttributionResult#notes() notes} go to standard error, one line each starting
 one line each starting
 * {@code note: }: what cutting the interactions set aside (interactions after the as-of, of other types,
 * touches outside the lookback, collapsed repeats, conversions without a touch; {@link
 * org.engagement.attribution.journey.SetAside}) and the model's warnings (for one, Markov on paths without a
 * non-converting journey). They do not change the exit code: those rows were read and used by the rules.
 *
 * <p>Example: {@code engagement attribute --model time-decay --param half-life-days=14 --interactions
 * interactions.csv --as-of 2024-06-30 --lookback 30 --per-journey journeys.csv --output channels.csv}; with
 * experiments and intervals: {@code engagement attribute --model recommended --interactions interactions.csv
 * --lift lift.csv --intervals 200 --seed 1 --output channels.csv}.
 *
 * <p>Exit code 0 when every input row was used and every output written; 1 when a row of the interactions
 * was rejected or a duplicate, a row of the lift file was rejected or names a channel the journeys do not hold,
 * an input cannot be read (the message names line, field, value and rule), the model cannot attribute it, or
 * an output cannot be written; 2 on a usage error: no input or both, an option that does not fit the input or
 * another option, an unknown model (the message lists the names there are), a parameter the model refuses,
 * or an {@code --intervals}, {@code --seed} or {@code --level} out of range.
 */
@Command(name = "attribute", mixinStandardHelpOptions = true,
    customSynopsis = {"engagement attribute --model=NAME --input=PATHS [OPTIONS]",
        "       engagement attribute --model=NAME --interactions=FILE [OPTIONS]"},
    description = {"Credit the conversions and value of a ChannelAttribution path file (--input), or of the "
        + "journeys cut from an interactions CSV (--interactions), to their channels with one attribution model; "
        + "prints CSV channel,conversions,value.",
        "With --interactions (which time-decay and w-shaped need: a path file has no touch times or types), "
        + "--as-of, --lookback, --conversion-type, --touch-types and --collapse-repeats set how journeys are cut "
        + "(without --lookback, every touch since the customer's previous conversion counts, as in the report), "
        + "and --per-journey FILE also writes the columns customer_id, conversion_at, channel, conversions and "
        + "value: each journey's own credits for the heuristics, "
        + "time-decay and w-shaped (they add up to the output exactly), a channel's credit shared over the "
        + "converting journeys that touched it for markov and shapley (conversions equally, value by journey "
        + "value; they add up to the output to rounding).",
        "--model recommended picks the model by the SDK's documented rule and says why in note: lines. "
        + "--lift FILE calibrates the credits with experiments (a tested channel gets its experiment's estimate, "
        + "the others the model's credits scaled by the tested channels' incrementality; the credits then "
        + "estimate incremental conversions and a note gives the baseline). --intervals [N] adds bootstrap "
        + "percentile intervals (--seed, --level); with --lift every resample is calibrated."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement attribute --model markov --order 3 --input paths.csv",
        "  engagement attribute --model time-decay --interactions interactions.csv \\",
        "      --as-of 2024-06-30 --lookback 30 --per-journey journeys.csv",
        "  engagement attribute --model recommended --interactions interactions.csv \\",
        "      --lift lift.csv --intervals 200 --seed 1 --output channels.csv"})
final class AttributeCommand implements Callable<Integer> {
  /** The parameter {@code --order} sets. */
  static final String ORDER = "order";

  @Option(names = "--model", required = true, paramLabel = "NAME",
      description = "the model: recommended (the SDK's rule picks markov, additive-hazard, interaction-hazard, "
          + "exposure-hazard, shao-li or shapley-simplified and says why in note: lines), first-touch, last-touch, "
          + "linear, "
          + "linear-unique, position-based, time-decay, w-shaped, markov, shapley, ... (an unknown name lists them "
          + "all)")
  @SuppressWarnings("NullAway.Init")
  private String model;

  @Option(names = "--order", paramLabel = "K", description = "shorthand for --param order=K (Markov order)")
  private @Nullable Integer order;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "a model parameter, for example --param first=0.3 (repeatable)")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--per-journey", paramLabel = "FILE",
      description = "with --interactions: also write each journey's credits to FILE as CSV with the columns "
          + "customer_id, conversion_at, channel, conversions and value")
  private @Nullable Path perJourney;

  @Option(names = "--lift", paramLabel = "FILE",
      description = "calibrate the credits with experiments: a CSV with the columns channel, "
          + "incremental_conversions, low and high (and optionally level, the interval's, 0.95 without it) over "
          + "the same period as the journeys; a tested channel gets its experiment's estimate, the others the "
          + "model's credits times the tested channels' incremental conversions per model credit; value keeps "
          + "each channel's model value per credited conversion")
  private @Nullable Path lift;

  @Option(names = "--untested", paramLabel = "HOW",
      description = "with --lift, what the untested channels get: SCALED (their model credits times the tested "
          + "channels' incrementality), REMAINDER (their model split of what the experiments leave of the "
          + "observed conversions) or REFITTED (the model run again without the tested channels' touches, for "
          + "channels that take credit without causing it, such as retargeting); default SCALED")
  private @Nullable UntestedChannels untested;

  @Mixin
  private IntervalOptions intervals = new IntervalOptions();

  @Mixin
  private PathFileOptions files = new PathFileOptions();

  @Mixin
  private FormatOption format = new FormatOption();

  @Override
  public Integer call() throws Failure {
    boolean json = format.json();
    AttributionModel attribution = create(AttributionModels.defaults(), model, parameters());
    BootstrapIntervals bootstrap = intervals.bootstrap();
    if (lift != null && perJourney != null) {
      throw Failure.usage("--per-journey and --lift do not go together: the journeys' own credits are the "
          + "model's, not calibrated, and would not add up to the output");
    }
    if (untested != null && lift == null) {
      throw Failure.usage("--untested says how to calibrate with experiments: it needs --lift FILE");
    }
    if (lift != null && lift.equals(files.output)) {
      throw Failure.usage("--lift " + lift + " is also the --output: the experiments would be overwritten");
    }
    PrintStream err = System.err;
    if (lift != null) {
      LiftFile.check(lift);
    }
    PathFileOptions.Input input = files.read(perJourney, "--per-journey", err);
    ChosenModel chosen = ChosenModel.of(attribution, input.set(), bootstrap != null);
    InteractionOptions.Read interactions = input.interactions();
    JourneyCredits credits = interactions == null ? null : creditJourneys(chosen.model(), interactions, input);
    AttributionResult result = credits == null ? attribute(chosen.model(), input) : credits.result();
    LiftFile lifts = lift == null ? null : LiftFile.read(lift, result.channels(), err);
    List<LiftResult> usable = lifts == null ? List.of() : lifts.lifts();
    if (lifts != null) {
      result = calibrate(chosen.model(), result, input, usable);
    }
    for (int c = 0; c < result.channels().size(); c++) {
      requireFinite(model, result.channels().name(c), result.conversions(c), result.value(c));
    }
    CreditIntervals spread = bootstrap == null ? null
        : intervals(bootstrap, lifts == null ? chosen.model()
            : calibration().model(chosen.model(), usable), input);
    CsvCells cells = files.csv.cells();
    AttributionResult written = result;
    OutputFile.writeOrPrint(files.output, out -> {
      if (json) {
        JsonOutput.write(out, json(written, spread));
      } else {
        CreditsCsv.write(out, written, spread, cells);
      }
    });
    if (perJourney != null && credits != null && json) {
      PerJourneyFile.writeJson(perJourney, credits);
    } else if (perJourney != null && credits != null) {
      PerJourneyFile.write(perJourney, credits, cells);
    }
    notes(chosen, result, spread, lifts != null).forEach(note -> err.println(OneLine.of("note: " + note)));
    boolean liftUsed = lifts == null || lifts.allRowsAccepted();
    boolean inputUsed = interactions == null || interactions.checkAllRowsUsed(err);
    return liftUsed && inputUsed ? Exit.OK : Exit.FAILED;
  }

  /**
   * The JSON output: the result's documented form ({@link EngagementJson}), with the intervals' form under
   * {@code intervals} when there are some (a reader of the plain form ignores it).
   */
  private static JsonNode json(AttributionResult result, @Nullable CreditIntervals intervals) {
    ObjectNode json = (ObjectNode) EngagementJson.writeTree(result);
    if (intervals != null) {
      json.set("intervals", EngagementJson.writeTree(intervals));
    }
    return json;
  }

  private Map<String, String> parameters() throws Failure {
    Map<String, String> parameters = new LinkedHashMap<>(params);
    if (order != null) {
      if (parameters.containsKey(ORDER)) {
        throw Failure.usage("give the order once: --order " + order + " and --param order=" + parameters.get(ORDER));
      }
      parameters.put(ORDER, Integer.toString(order));
    }
    return parameters;
  }

  private JourneyCredits creditJourneys(AttributionModel chosen, InteractionOptions.Read interactions,
      PathFileOptions.Input input) throws Failure {
    try {
      return chosen.creditJourneys(interactions.journeys());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw cannotAttribute(input, e);
    }
  }

  private AttributionResult attribute(AttributionModel chosen, PathFileOptions.Input input) throws Failure {
    try {
      return chosen.attribute(input.set());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw cannotAttribute(input, e);
    }
  }

  private Failure cannotAttribute(PathFileOptions.Input input, RuntimeException e) {
    return Failure.failed("model " + model + " cannot attribute " + input.source() + ": " + e.getMessage(), e);
  }

  /**
   * {@code result} calibrated with {@code lifts}: by the model's own credits, or, with {@code --untested
   * refitted}, by the model run again on the journeys without the tested channels' touches.
   */
  private AttributionResult calibrate(AttributionModel chosen, AttributionResult result,
      PathFileOptions.Input input, List<LiftResult> lifts) throws Failure {
    if (!result.additive()) {
      throw Failure.usage("--lift needs a model whose credits add up to the conversions; " + model
          + "'s credits overlap (choose, for example, recommended, shao-li or linear)");
    }
    LiftCalibration calibration = calibration();
    if (untested != UntestedChannels.REFITTED) {
      // SCALED and REMAINDER calibrate the model's own credits
      return calibration.calibrate(result, lifts);
    }
    try {
      return calibration.calibrate(chosen, input.set(), lifts);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw cannotAttribute(input, e);
    }
  }

  private LiftCalibration calibration() {
    return LiftCalibration.defaults().withUntested(untested == null ? UntestedChannels.SCALED : untested);
  }

  private CreditIntervals intervals(BootstrapIntervals bootstrap, AttributionModel resampled,
      PathFileOptions.Input input) throws Failure {
    try {
      return bootstrap.compute(resampled, input.set());
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("model " + model + " cannot give intervals on " + input.source() + ": "
          + e.getMessage(), e);
    }
  }

  /**
   * The notes to show, each once: how the model was chosen, the result's (the model's, the calibration's), the
   * intervals' own, and with {@code --lift} what a tested channel's interval means.
   */
  private static Set<String> notes(ChosenModel chosen, AttributionResult result, @Nullable CreditIntervals spread,
      boolean calibrated) {
    Set<String> notes = new LinkedHashSet<>(chosen.notes());
    notes.addAll(result.notes());
    if (spread != null) {
      notes.addAll(spread.notes());
      if (calibrated) {
        notes.add("intervals: each resample was calibrated with its own draw of every experiment's result (a"
            + " normal on each side of the estimate through the experiment's low-high at its level), so a tested"
            + " channel's interval is its experiment's at the intervals' level and the untested channels' carry"
            + " the experiments' uncertainty as well as the journeys'");
      }
    }
    return notes;
  }

  /**
   * The model {@code name} of {@code registry} with {@code parameters}.
   *
   * @throws Failure a usage error naming the models there are, or the parameter refused and why
   */
  static AttributionModel create(AttributionModels registry, String name, Map<String, String> parameters)
      throws Failure {
    try {
      return registry.create(name, ModelParameters.of(parameters));
    } catch (NoSuchElementException e) {
      throw Failure.usage(Objects.requireNonNullElse(e.getMessage(), "no model named " + name));
    } catch (IllegalArgumentException e) {
      throw Failure.usage("model " + name + ": " + e.getMessage());
    }
  }

  /**
   * Checks a channel's credits before they are written.
   *
   * @throws Failure if a credit is not a finite number
   */
  static void requireFinite(String model, String channel, double conversions, double value) throws Failure {
    if (!Double.isFinite(conversions) || !Double.isFinite(value)) {
      throw Failure.failed("model " + model + " gave channel " + channel + " a credit that is not a finite "
          + "number (conversions " + conversions + ", value " + value + "); nothing was written");
    }
  }
}
