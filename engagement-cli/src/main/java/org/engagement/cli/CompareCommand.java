package org.engagement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.compare.ModelComparison;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement compare --models A,B,... --input PATHS [--output FILE]}: several attribution models
 * side by side on the same path file ({@link ModelComparison}).
 *
 * <p>Input as for {@link AttributeCommand}. Output: CSV
 * {@code channel,<model>_conversions,<model>_value,...}, one column pair per model in the order given and
 * one row per channel in order of first appearance, numbers written like {@link AttributeCommand}'s.
 * Each model runs with its default parameters.
 *
 * <p>Exit code 0 on success; 1 when the input cannot be read, a model cannot attribute it, or the output
 * cannot be written; 2 on a usage error (an unknown model, one named twice).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = "Run several attribution models on the same ChannelAttribution path file and print their "
        + "credits side by side: CSV channel,<model>_conversions,<model>_value,...")
final class CompareCommand implements Callable<Integer> {
  @Option(names = "--models", required = true, split = ",", paramLabel = "NAME",
      description = "the models, separated by commas, for example first-touch,last-touch,linear")
  @SuppressWarnings("NullAway.Init")
  private List<String> models;

  @Mixin
  private PathFileOptions files = new PathFileOptions();

  @Override
  public Integer call() {
    PrintStream err = System.err;
    AttributionModels registry = AttributionModels.defaults();
    List<AttributionModel> compared = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    PathFormat format;
    try {
      for (String name : models) {
        String stripped = name.strip();
        if (!seen.add(stripped)) {
          err.println("--models names " + stripped + " twice");
          return 2;
        }
        compared.add(AttributeCommand.create(registry, stripped, Map.of()));
      }
      format = AttributeCommand.format(files.delimiter);
    } catch (AttributeCommand.UsageException e) {
      err.println(e.getMessage());
      return 2;
    }
    JourneySet journeys;
    try {
      journeys = AttributeCommand.read(files.input, format);
    } catch (AttributeCommand.InputException e) {
      err.println(e.getMessage());
      return 1;
    }
    ModelComparison table;
    try {
      table = ModelComparison.run(journeys, compared);
    } catch (IllegalArgumentException e) {
      err.println("cannot compare on " + files.input + ": " + e.getMessage());
      return 1;
    }
    try {
      AttributeCommand.write(files.output, out -> {
        StringBuilder header = new StringBuilder("channel");
        for (String model : table.models()) {
          header.append(',').append(model).append("_conversions,").append(model).append("_value");
        }
        out.write(header.append('\n').toString());
        for (ModelComparison.Row row : table.rows()) {
          StringBuilder line = new StringBuilder(AttributeCommand.csv(row.channel()));
          for (int m = 0; m < table.models().size(); m++) {
            line.append(',').append(AttributeCommand.number(row.conversions().get(m)))
                .append(',').append(AttributeCommand.number(row.values().get(m)));
          }
          out.write(line.append('\n').toString());
        }
      });
    } catch (IOException e) {
      err.println("cannot write " + files.output + ": " + AttributeCommand.describe(e));
      return 1;
    }
    return 0;
  }
}
