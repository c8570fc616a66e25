package org.engagement.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.Callable;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement attribute --model NAME [--order K] [--param KEY=VALUE ...] --input PATHS
 * [--output FILE] [--raw-csv]}: credits the conversions and value of a path file to its channels with one
 * model.
 *
 * <p>Input: the ChannelAttribution path format read by {@link PathFormat#channelAttribution()}: UTF-8,
 * a header naming {@code path} and {@code total_conversions} (and optionally
 * {@code total_conversion_value}, {@code total_null}), one row per distinct path, channels joined by
 * {@code >}. {@code --delimiter} reads files with another field delimiter (the Python edition's example
 * uses {@code ;}).
 *
 * <p>Output: CSV {@code channel,conversions,value}, one row per channel in order of first appearance in
 * the input, lines ending in {@code \n}, to {@code --output} (checked writable before the model runs) or
 * standard output. Numbers are written as the shortest plain decimal that reads back to the same double
 * ({@link CsvCells#number(double)}: no exponent, no trailing zeros, {@code .} as decimal point whatever the
 * locale), so they are exact to the double the model computed. A channel name that holds a comma, a quote or
 * a line break is quoted (RFC 4180), and one that a spreadsheet would run as a formula is neutralised unless
 * {@code --raw-csv} is given ({@link CsvCells}).
 *
 * <p>Models are those of {@link AttributionModels#defaults()}; {@code --param} passes
 * {@link ModelParameters} and {@code --order K} is shorthand for {@code --param order=K}, so a model
 * without an {@code order} refuses it.
 *
 * <p>The result's {@linkplain AttributionResult#notes() notes} (for one, Markov on paths without a
 * non-converting journey) go to standard error, one line each starting {@code note: }; they do not change the
 * exit code, because every row was used.
 *
 * <p>Exit code 0 on success; 1 when the input cannot be read (the message names line, field, value and
 * rule), the model cannot attribute it, or the output cannot be written; 2 on a usage error: an unknown
 * model (the message lists the names there are) or a parameter the model refuses.
 */
@Command(name = "attribute", mixinStandardHelpOptions = true,
    description = "Credit the conversions and value of a ChannelAttribution path file to its channels with "
        + "one attribution model; prints CSV channel,conversions,value.")
final class AttributeCommand implements Callable<Integer> {
  /** The parameter {@code --order} sets. */
  static final String ORDER = "order";

  @Option(names = "--model", required = true, paramLabel = "NAME",
      description = "the model: first-touch, last-touch, linear, linear-unique, position-based, markov, shapley, ... "
          + "(an unknown name lists them all)")
  @SuppressWarnings("NullAway.Init")
  private String model;

  @Option(names = "--order", paramLabel = "K", description = "shorthand for --param order=K (Markov order)")
  private @Nullable Integer order;

  @Option(names = "--param", paramLabel = "KEY=VALUE",
      description = "a model parameter, for example --param first=0.3 (repeatable)")
  private Map<String, String> params = new LinkedHashMap<>();

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
    PathFormat format = files.format();
    files.checkOutput();
    JourneySet journeys = files.journeys(format);
    AttributionResult result;
    try {
      result = attribution.attribute(journeys);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("model " + model + " cannot attribute " + files.input + ": " + e.getMessage(), e);
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
    result.notes().forEach(note -> System.err.println(OneLine.of("note: " + note)));
    return Exit.OK;
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
