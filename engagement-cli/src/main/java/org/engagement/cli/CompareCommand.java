package org.engagement.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.compare.ModelComparison;
import org.engagement.json.EngagementJson;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement compare --models A,B,... (--input PATHS | --interactions FILE [journey options]
 * [--per-journey FILE]) [--output FILE] [--raw-csv]}: several attribution models side by side on the same
 * journeys ({@link ModelComparison}).
 *
 * <p>Input as for {@link AttributeCommand}: a path file, or an interactions CSV cut into journeys with {@code
 * --as-of}, {@code --lookback}, {@code --conversion-type}, {@code --touch-types}, {@code --collapse-repeats} and
 * {@code --unknown-channels} ({@link InteractionOptions}), so the time-aware models ({@code time-decay}, {@code
 * w-shaped}) can be compared with the others; its rejected rows are reported and counted as there. Output: CSV
 * {@code channel,<model>_conversions,<model>_value,...}, one column pair per model in the order given and one
 * row per channel in name order, cells written like {@link AttributeCommand}'s. Each model runs with its default
 * parameters. {@code --per-journey FILE} (with {@code --interactions}) writes each journey's credits under every
 * model, {@code customer_id,conversion_at,channel,<model>_conversions,<model>_value,...} ({@link
 * PerJourneyFile}), one row per journey and channel credited by at least one model, built as for {@link
 * AttributeCommand}. With {@code --interactions} the notes of the results (what cutting set aside, the models'
 * warnings) go to standard error, each once, starting {@code note: }.
 *
 * <p>{@code --format json} prints the comparison's documented JSON form ({@link EngagementJson}: the model
 * names and one attribution result per model, each with its channels and notes) instead of the CSV, and writes
 * the {@code --per-journey} file as {@code {"models": [...]}}, each model's journey credits in their form.
 *
 * <p>Example: {@code engagement compare --models last-touch,time-decay,w-shaped,markov --interactions
 * interactions.csv --lookback 30}.
 *
 * <p>Exit code 0 when every input row was used and the output written; 1 when a row of the interactions
 * was rejected or a duplicate, the input cannot be read, a model cannot attribute it, or the output cannot
 * be written; 2 on a usage error (no input or both, an option that does not fit the input, no model, an
 * empty or unknown name, one named twice).
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
    customSynopsis = {"engagement compare --models=NAME[,NAME...] --input=PATHS [OPTIONS]",
        "       engagement compare --models=NAME[,NAME...] --interactions=FILE [OPTIONS]"},
    description = {"Run several attribution models on the same ChannelAttribution path file (--input) or on the "
        + "journeys cut from an interactions CSV (--interactions, with --as-of, --lookback, --conversion-type, "
        + "...) and print their credits side by side: CSV with the column channel, then <model>_conversions and "
        + "<model>_value for each model.",
        "With --interactions, --per-journey FILE also writes each journey's credits under every model: the "
        + "columns customer_id, conversion_at and channel, then <model>_conversions and <model>_value for each "
        + "model."},
    footerHeading = "%nExamples:%n",
    footer = {"  engagement compare --models first-touch,last-touch,linear,markov \\",
        "      --input paths.csv",
        "  engagement compare --models last-touch,time-decay,w-shaped,markov \\",
        "      --interactions interactions.csv --lookback 30"})
final class CompareCommand implements Callable<Integer> {
  @Option(names = "--models", required = true, split = ",", paramLabel = "NAME",
      description = "the models, separated by commas, for example first-touch,last-touch,linear")
  @SuppressWarnings("NullAway.Init")
  private List<String> models;

  @Option(names = "--per-journey", paramLabel = "FILE",
      description = "with --interactions: also write each journey's credits under every model to FILE as CSV "
          + "(columns as above)")
  private @Nullable Path perJourney;

  @Mixin
  private PathFileOptions files = new PathFileOptions();

  @Mixin
  private FormatOption format = new FormatOption();

  @Override
  public Integer call() throws Failure {
    boolean json = format.json();
    List<AttributionModel> compared = models(AttributionModels.defaults());
    PrintStream err = System.err;
    PathFileOptions.Input input = files.read(perJourney, "--per-journey", err);
    InteractionOptions.Read interactions = input.interactions();
    List<JourneyCredits> credits = new ArrayList<>();
    ModelComparison table;
    try {
      if (interactions == null) {
        table = ModelComparison.run(input.set(), compared);
      } else {
        for (AttributionModel model : compared) {
          credits.add(model.creditJourneys(interactions.journeys()));
        }
        table = ModelComparison.of(credits.stream().map(JourneyCredits::result).toList());
      }
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw Failure.failed("cannot compare on " + input.source() + ": " + e.getMessage(), e);
    }
    for (ModelComparison.Row row : table.rows()) {
      for (int m = 0; m < table.models().size(); m++) {
        AttributeCommand.requireFinite(table.models().get(m), row.channel(), row.conversions().get(m),
            row.values().get(m));
      }
    }
    CsvCells cells = files.csv.cells();
    OutputFile.writeOrPrint(files.output, out -> {
      if (json) {
        JsonOutput.write(out, EngagementJson.writeTree(table));
      } else {
        csv(out, table, cells);
      }
    });
    if (interactions == null) {
      return Exit.OK;
    }
    if (perJourney != null && json) {
      PerJourneyFile.writeJson(perJourney, credits);
    } else if (perJourney != null) {
      PerJourneyFile.write(perJourney, credits, cells);
    }
    Set<String> notes = new LinkedHashSet<>();
    table.results().forEach(result -> notes.addAll(result.notes()));
    notes.forEach(note -> err.println(OneLine.of("note: " + note)));
    return interactions.checkAllRowsUsed(err) ? Exit.OK : Exit.FAILED;
  }

  /**
   * The models named, in order.
   *
   * @throws Failure a usage error if there is none, a name is empty, unknown or given twice
   */
  private List<AttributionModel> models(AttributionModels registry) throws Failure {
    List<AttributionModel> compared = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (String name : models) {
      String stripped = name.strip();
      if (stripped.isEmpty()) {
        throw Failure.usage("--models '" + String.join(",", models) + "' has an empty name; give model names "
            + "separated by commas, for example first-touch,last-touch,linear");
      }
      if (!seen.add(stripped)) {
        throw Failure.usage("--models names " + stripped + " twice");
      }
      compared.add(AttributeCommand.create(registry, stripped, Map.of()));
    }
    if (compared.isEmpty()) {
      throw Failure.usage("--models names no model; give model names separated by commas, for example "
          + "first-touch,last-touch,linear");
    }
    return compared;
  }

  /** The table as CSV: {@code channel,<model>_conversions,<model>_value,...}. */
  private static void csv(Writer out, ModelComparison table, CsvCells cells) throws IOException {
    StringBuilder header = new StringBuilder("channel");
    for (String model : table.models()) {
      header.append(',').append(cells.text(model + "_conversions")).append(',').append(cells.text(model + "_value"));
    }
    out.write(header.append('\n').toString());
    for (ModelComparison.Row row : table.rows()) {
      StringBuilder line = new StringBuilder(cells.text(row.channel()));
      for (int m = 0; m < table.models().size(); m++) {
        line.append(',').append(CsvCells.number(row.conversions().get(m)))
            .append(',').append(CsvCells.number(row.values().get(m)));
      }
      out.write(line.append('\n').toString());
    }
  }
}
