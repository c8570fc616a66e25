package org.engagement.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.PathFormat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement attribute --model NAME [--order K] [--param KEY=VALUE ...] (--input PATHS | --interactions
 * FILE [--as-of DATE] [--lookback DAYS] [--conversion-type TYPE,...] [--touch-types TYPE,...]
 * [--collapse-repeats DURATION] [--unknown-channels POLICY] [--per-journey FILE]) [--output FILE] [--raw-csv]}:
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
 *       {@code --lookback} (days, default 90), {@code --conversion-type} (interaction types that convert,
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
 * <p>The result's {@linkplain AttributionResult#notes() notes} go to standard error, one line each starting
 * {@code note: }: what cutting the interactions set aside (interactions after the as-of, of other types,
 * touches outside the lookback, collapsed repeats, conversions without a touch; {@link
 * org.engagement.attribution.journey.SetAside}) and the model's warnings (for one, Markov on paths without a
 * non-converting journey). They do not change the exit code: those rows were read and used by the rules.
 *
 * <p>Example: {@code engagement attribute --model time-decay --param half-life-days=14 --interactions
 * interactions.csv --as-of 2024-06-30 --lookback 30 --per-journey journeys.csv --output channels.csv}.
 *
 * <p>Exit code 0 when every input row was used and every output written; 1 when a row of the interactions
 * was rejected or a duplicate, the input cannot be read (the message names line, field, value and rule), the
 * model cannot attribute it, or an output cannot be written; 2 on a usage error: no input or both, an
 * option that does not fit the input, an unknown model (the message lists the names there are) or a
 * parameter the model refuses.
 */
@Command(name = "attribute", mixinStandardHelpOptions = true,
    description = {"Credit the conversions and value of a ChannelAttribution path file (--input), or of the "
        + "journeys cut from an interactions CSV (--interactions), to their channels with one attribution model; "
        + "prints CSV channel,conversions,value.",
        "With --interactions (which time-decay and w-shaped need: a path file has no touch times or types), "
        + "--as-of, --lookback, --conversion-type, --touch-types and --collapse-repeats set how journeys are cut, "
        + "and --per-journey FILE also writes "
        + "customer_id,conversion_at,channel,conversions,value: each journey's own credits for the heuristics, "
        + "time-decay and w-shaped (they add up to the output exactly), a channel's credit shared over the "
        + "converting journeys that touched it for markov and shapley (conversions equally, value by journey "
        + "value; they add up to the output to rounding).",
        "Example: engagement attribute --model time-decay --interactions in.csv --as-of 2024-06-30 --lookback 30 "
        + "--per-journey journeys.csv"})
final class AttributeCommand implements Callable<Integer> {
  /** The parameter {@code --order} sets. */
  static final String ORDER = "order";

  @Option(names = "--model", required = true, paramLabel = "NAME",
      description = "the model: first-touch, last-touch, linear, linear-unique, position-based, time-decay, "
          + "w-shaped, markov, shapley, ... (an unknown name lists them all)")
  @SuppressWarnings("NullAway.Init")
  private String model;

  @Option(names = "--order", paramLabel = "K", description = "shorthand for --param order=K (Markov order)")
  private @Nullable Integer order;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "a model parameter, for example --param first=0.3 (repeatable)")
  private Map<String, String> params = new LinkedHashMap<>();

  @Option(names = "--per-journey", paramLabel = "FILE",
      description = "with --interactions: also write each journey's credits to FILE as CSV "
          + "customer_id,conversion_at,channel,conversions,value")
  private @Nullable Path perJourney;

  @Mixin
  private PathFileOptions files = new PathFileOptions();

  @Override
  public Integer call() throws Failure {
    Map<String, String> parameters = new LinkedHashMap<>(params);
    if (order != null) {
      if (parameters.containsKey(ORDER)) {
        throw Failure.usage("give the order once: --order " + order + " and --param order=" + parameters.get(ORDER));
      }
      parameters.put(ORDER, Integer.toString(order));
    }
    AttributionModel attribution = create(AttributionModels.defaults(), model, parameters);
    PrintStream err = System.err;
    PathFileOptions.Input input = files.read(perJourney, "--per-journey", err);
    InteractionOptions.Read interactions = input.interactions();
    JourneyCredits credits = null;
    AttributionResult result;
    try {
      if (interactions == null) {
        result = attribution.attribute(input.set());
      } else {
        credits = attribution.creditJourneys(interactions.journeys());
        result = credits.result();
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("model " + model + " cannot attribute " + input.source() + ": " + e.getMessage(), e);
    }
    for (int c = 0; c < result.channels().size(); c++) {
      requireFinite(model, result.channels().name(c), result.conversions(c), result.value(c));
    }
    CsvCells cells = files.csv.cells();
    OutputFile.writeOrPrint(files.output, out -> {
      out.write("channel,conversions,value\n");
      for (int c = 0; c < result.channels().size(); c++) {
        out.write(cells.text(result.channels().name(c)) + "," + CsvCells.number(result.conversions(c)) + ","
            + CsvCells.number(result.value(c)) + "\n");
      }
    });
    if (perJourney != null && credits != null) {
      PerJourneyFile.write(perJourney, credits, cells);
    }
    result.notes().forEach(note -> err.println(OneLine.of("note: " + note)));
    return interactions == null || interactions.checkAllRowsUsed(err) ? Exit.OK : Exit.FAILED;
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
