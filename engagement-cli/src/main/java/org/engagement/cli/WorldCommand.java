package org.engagement.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.ArrayList;
import java.util.List;
import org.engagement.simulator.GroundTruth;
import org.engagement.simulator.Holdout;
import org.engagement.simulator.WorldMechanism;
import org.engagement.simulator.WorldSpec;
import org.engagement.simulator.WorldWriter;
import org.engagement.simulator.mix.MixSimulation;
import org.engagement.simulator.mix.MixWorldSpec;
import org.engagement.simulator.mix.MixWorldWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code engagement world --output DIR [--customers N] [--seed S] [--mechanism NAME] [--holdout CHANNEL=SHARE]...
 * [--mix]}:
 * writes a simulated world with known channel effects (the files {@link WorldWriter} lists) made by one of the
 * {@link WorldMechanism}s, optionally with randomised holdouts, for trying the report and the models at any
 * size; about 180,000 customers make a million interactions, in constant memory. With {@code --format json} it
 * prints what it wrote as one JSON object ({@link WorldJson}: the directory, the seed and settings, and each
 * file with its row count) instead of the line of text. {@code --mix} also writes a marketing-mix world of the
 * seed ({@link MixWorldWriter}: weekly spend and revenue from known curves) for {@code engagement mix}.
 *
 * <p>Exit code 0 when every file was written, 1 when one could not be, 2 on a usage error.
 */
@Command(name = "world", mixinStandardHelpOptions = true,
    customSynopsis = "engagement world --output=DIR [OPTIONS]",
    description = "Write a simulated world (interactions, costs, survey, conversations and the true channel "
        + "effects) into DIR, for the report or your own pipeline to run on.",
    footerHeading = "%nExamples:%n",
    footer = {"  engagement world --output world",
        "  engagement world --output big --customers 50000 --seed 7",
        "  engagement world --output confounded --mechanism confounded \\",
        "      --holdout newsletter=0.1",
        "  engagement world --output world --format json",
        "  engagement world --output world --mix"})
final class WorldCommand implements Callable<Integer> {
  @Option(names = "--output", required = true, paramLabel = "DIR", description = "the directory to write into")
  @SuppressWarnings("NullAway.Init")
  private Path output;

  @Option(names = "--customers", paramLabel = "N", description = "people in the world (default: ${DEFAULT-VALUE})",
      defaultValue = "5000")
  private int customers = 5_000;

  @Option(names = "--seed", paramLabel = "S", description = "the random seed (default: ${DEFAULT-VALUE})",
      defaultValue = "20240101")
  private long seed = 20_240_101L;

  @Option(names = "--mechanism", paramLabel = "NAME",
      description = "how channels cause purchases: additive, synergy, confounded, slow or markov "
          + "(default: ${DEFAULT-VALUE})", defaultValue = "additive")
  private String mechanism = "additive";

  @Option(names = "--holdout", paramLabel = "CHANNEL=SHARE",
      description = "hold a random share of people out of a channel (never touched by it), listed in "
          + "holdout.csv; repeatable, e.g. --holdout newsletter=0.1")
  private List<String> holdouts = new ArrayList<>();

  @Option(names = "--mix",
      description = "also write a marketing-mix world of the seed: three years of weekly spend per channel and "
          + "revenue made from known curves (spend.csv, outcome.csv, and mix-truth.csv with each channel's true "
          + "share, ROI and half-life), for engagement mix to run on")
  private boolean mix;

  @Mixin
  private SummaryFormatOption format = new SummaryFormatOption();

  @Override
  public Integer call() throws Failure {
    boolean json = format.json();
    WorldSpec spec;
    try {
      spec = WorldSpec.builder().customers(customers).seed(seed).mechanism(WorldMechanism.byId(mechanism))
          .holdouts(holdouts()).build();
    } catch (IllegalArgumentException e) {
      throw Failure.usage("world: " + e.getMessage());
    }
    long started = System.nanoTime();
    GroundTruth truth;
    try {
      truth = WorldWriter.write(spec, output);
      if (mix) {
        MixWorldWriter.write(MixSimulation.generate(MixWorldSpec.defaults(seed)), output);
      }
    } catch (IOException e) {
      throw Failure.failed("cannot write the world to " + output + ": " + IoProblem.describe(e), e);
    }
    if (json) {
      try {
        System.out.print(JsonOutput.text(WorldJson.of(spec, output, truth, mix)));
      } catch (IOException e) {
        throw Failure.failed("cannot count the rows written to " + output + ": " + IoProblem.describe(e), e);
      }
      return Exit.OK;
    }
    System.out.printf(Locale.ROOT, "wrote %s in %.1f s: %,d customers, %,d first purchases (%s)%s%n", output,
        (System.nanoTime() - started) / 1e9, customers, truth.firstPurchases(), spec.mechanism().id(),
        mix ? "; and a marketing-mix world: " + String.join(", ", MixWorldWriter.FILES) : "");
    return Exit.OK;
  }

  private List<Holdout> holdouts() {
    List<Holdout> out = new ArrayList<>();
    for (String option : holdouts) {
      String[] parts = option.split("=", 2);
      if (parts.length != 2) {
        throw new IllegalArgumentException("--holdout '" + option + "' must be CHANNEL=SHARE, e.g. newsletter=0.1");
      }
      try {
        out.add(new Holdout(parts[0], Double.parseDouble(parts[1])));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("--holdout '" + option + "': share '" + parts[1] + "' is not a number "
            + "from 0 to 1", e);
      }
    }
    return out;
  }
}
