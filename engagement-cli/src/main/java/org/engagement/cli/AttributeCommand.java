package org.engagement.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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
import org.engagement.attribution.journey.PathFormatException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement attribute --model NAME [--order K] [--param KEY=VALUE ...] --input PATHS
 * [--output FILE]}: credits the conversions and value of a path file to its channels with one model.
 *
 * <p>Input: the ChannelAttribution path format read by {@link PathFormat#channelAttribution()}: UTF-8,
 * a header naming {@code path} and {@code total_conversions} (and optionally
 * {@code total_conversion_value}, {@code total_null}), one row per distinct path, channels joined by
 * {@code >}. {@code --delimiter} reads files with another field delimiter (the Python edition's example
 * uses {@code ;}).
 *
 * <p>Output: CSV {@code channel,conversions,value}, one row per channel in order of first appearance in
 * the input, lines ending in {@code \n}, to {@code --output} or standard output. Numbers are written as
 * the shortest plain decimal that reads back to the same double ({@link #number(double)}: no exponent, no
 * trailing zeros, {@code .} as decimal point whatever the locale), so they are exact to the double the
 * model computed. A channel name that holds a comma, a quote or a line break is quoted (RFC 4180).
 *
 * <p>Models are those of {@link AttributionModels#defaults()}; {@code --param} passes
 * {@link ModelParameters} and {@code --order K} is shorthand for {@code --param order=K}, so a model
 * without an {@code order} refuses it.
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
  public Integer call() {
    PrintStream err = System.err;
    Map<String, String> parameters = new LinkedHashMap<>(params);
    if (order != null) {
      if (parameters.containsKey(ORDER)) {
        err.println("give the order once: --order " + order + " and --param order=" + parameters.get(ORDER));
        return 2;
      }
      parameters.put(ORDER, Integer.toString(order));
    }
    AttributionModel attribution;
    PathFormat format;
    try {
      attribution = create(AttributionModels.defaults(), model, parameters);
      format = format(files.delimiter);
    } catch (UsageException e) {
      err.println(e.getMessage());
      return 2;
    }
    JourneySet journeys;
    try {
      journeys = read(files.input, format);
    } catch (InputException e) {
      err.println(e.getMessage());
      return 1;
    }
    AttributionResult result;
    try {
      result = attribution.attribute(journeys);
    } catch (IllegalArgumentException e) {
      err.println("model " + model + " cannot attribute " + files.input + ": " + e.getMessage());
      return 1;
    }
    try {
      write(files.output, out -> {
        out.write("channel,conversions,value\n");
        for (int c = 0; c < result.channels().size(); c++) {
          out.write(csv(result.channels().name(c)) + "," + number(result.conversions(c)) + ","
              + number(result.value(c)) + "\n");
        }
      });
    } catch (IOException e) {
      err.println("cannot write " + files.output + ": " + describe(e));
      return 1;
    }
    return 0;
  }

  /** A usage error: exit code 2. */
  static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /** Input that cannot be read: exit code 1. */
  static final class InputException extends Exception {
    private static final long serialVersionUID = 1L;

    InputException(String message) {
      super(message);
    }
  }

  /** The model {@code name} of {@code registry} with {@code parameters}; usage errors are explained. */
  static AttributionModel create(AttributionModels registry, String name, Map<String, String> parameters)
      throws UsageException {
    try {
      return registry.create(name, ModelParameters.of(parameters));
    } catch (NoSuchElementException e) {
      throw new UsageException(Objects.requireNonNullElse(e.getMessage(), "no model named " + name));
    } catch (IllegalArgumentException e) {
      throw new UsageException("model " + name + ": " + e.getMessage());
    }
  }

  /** The path format with field delimiter {@code delimiter}. */
  static PathFormat format(char delimiter) throws UsageException {
    try {
      return PathFormat.channelAttribution().withDelimiter(delimiter);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--delimiter: " + e.getMessage());
    }
  }

  /** Reads the path file {@code input}; what goes wrong is explained with the file's name. */
  static JourneySet read(Path input, PathFormat format) throws InputException {
    try (InputStream in = Files.newInputStream(input)) {
      return format.read(in, input.toString());
    } catch (PathFormatException e) {
      throw new InputException(String.valueOf(e.getMessage()));
    } catch (IOException e) {
      throw new InputException("cannot read " + input + ": " + describe(e));
    }
  }

  /** What an I/O failure was, in words. */
  static String describe(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file";
    }
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }

  /** Writes CSV text. */
  @FunctionalInterface
  interface CsvBody {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes {@code body} as UTF-8 to {@code output}, or to standard output when it is {@code null}. */
  static void write(@Nullable Path output, CsvBody body) throws IOException {
    if (output == null) {
      Writer out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
      body.writeTo(out);
      out.flush();
      return;
    }
    try (Writer out = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      body.writeTo(out);
    }
  }

  /**
   * {@code value} as the shortest plain decimal that reads back to the same double: no exponent, no
   * trailing zeros, integers without a fraction ({@code 5}, {@code 2.5}, {@code 40.666666666666664},
   * {@code 0.00001}), independent of the default locale.
   */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /** {@code text} as one CSV field: quoted if it holds a comma, a quote or a line break. */
  static String csv(String text) {
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (ch == ',' || ch == '"' || ch == '\n' || ch == '\r') {
        return '"' + text.replace("\"", "\"\"") + '"';
      }
    }
    return text;
  }
}
