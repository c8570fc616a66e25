package org.engagement.report.internal.analysis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.engagement.attribution.calibration.LiftCsvReader;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvTable;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.report.internal.text.NumberText;
import org.engagement.roi.io.HoldoutCsvReader;
import org.engagement.roi.lift.HoldoutLift;

/**
 * The experiments of a report's input, as lift results the ROI's credits are calibrated with: the rows of
 * {@value AnalysisInput#LIFT} ({@link LiftCsvReader}) and, for each channel {@value AnalysisInput#HOLDOUT}
 * holds people out of, the lift of that randomised holdout ({@link HoldoutLift}, 95 %). A channel with a row
 * in the lift file takes it rather than its holdout's estimate (the host measured it over the journeys'
 * period on purpose).
 *
 * <p>A holdout's people are everyone in {@value AnalysisInput#CUSTOMERS} when the input has it, otherwise every
 * customer of the interactions; a person converted when they made a purchase in the interactions. Both files are
 * read, and recorded, only when the input has them; a holdout that leaves nobody eligible or holds nobody out of
 * the people is named in the notes and not used.
 *
 * <p>Immutable and thread-safe.
 *
 * @param lifts the lift results, at most one per channel
 * @param notes one sentence per experiment: where it came from and what it measured, or why it is not used
 */
public record Experiments(List<LiftResult> lifts, List<String> notes) {
  /** The level of a holdout's interval. */
  static final double LEVEL = 0.95;

  public Experiments {
    lifts = List.copyOf(lifts);
    notes = List.copyOf(notes);
  }

  /** The experiments of the analysis's input (none when it has neither file). */
  public static Experiments of(Analysis analysis) {
    Map<String, LiftResult> lifts = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    analysis.input().file(AnalysisInput.LIFT).ifPresent(file -> {
      CsvImport<LiftResult> read = CsvFiles.read(analysis, AnalysisInput.LIFT, file,
          in -> LiftCsvReader.read(in, AnalysisInput.LIFT));
      for (LiftResult lift : read.values()) {
        if (lifts.putIfAbsent(lift.channel(), lift) == null) {
          notes.add("experiment on " + lift.channel() + ": " + AnalysisInput.LIFT + ", " + describe(lift));
        }
      }
    });
    analysis.input().file(AnalysisInput.HOLDOUT).ifPresent(file -> {
      CsvImport<HoldoutCsvReader.HeldOut> read = CsvFiles.read(analysis, AnalysisInput.HOLDOUT, file,
          in -> HoldoutCsvReader.read(in, AnalysisInput.HOLDOUT));
      Map<String, List<String>> byChannel = HoldoutCsvReader.byChannel(read.values());
      if (!byChannel.isEmpty()) {
        holdouts(analysis, byChannel, lifts, notes);
      }
    });
    return new Experiments(List.copyOf(lifts.values()), notes);
  }

  /**
   * These experiments without those on channels the journeys do not hold, each named in a note: an experiment
   * on a misspelt channel would otherwise be said to calibrate a channel it does not.
   */
  public Experiments on(ChannelIndex channels) {
    List<String> kept = new ArrayList<>(notes);
    List<LiftResult> usable = new ArrayList<>();
    for (LiftResult lift : lifts) {
      if (channels.id(lift.channel()).isPresent()) {
        usable.add(lift);
      } else {
        kept.add("experiment on " + lift.channel() + " not used: the journeys have no channel '" + lift.channel()
            + "'");
      }
    }
    return new Experiments(usable, kept);
  }

  /** Whether there is no experiment to calibrate with. */
  public boolean isEmpty() {
    return lifts.isEmpty();
  }

  /** The channels tested, in order. */
  public List<String> channels() {
    return lifts.stream().map(LiftResult::channel).toList();
  }

  /** The lift of {@code channel}, if an experiment tested it. */
  public Optional<LiftResult> lift(String channel) {
    return lifts.stream().filter(lift -> lift.channel().equals(channel)).findFirst();
  }

  private static void holdouts(Analysis analysis, Map<String, List<String>> byChannel, Map<String, LiftResult> lifts,
      List<String> notes) {
    Set<String> converted = new HashSet<>();
    ConversionRule purchases = ConversionRule.purchases();
    analysis.input().interactions().stream().filter(purchases::isConversion)
        .forEach(i -> converted.add(i.customerId()));
    Population population = population(analysis);
    byChannel.forEach((channel, held) -> {
      if (lifts.containsKey(channel)) {
        notes.add("experiment on " + channel + ": " + AnalysisInput.HOLDOUT + " not used, " + AnalysisInput.LIFT
            + " gives its lift");
        return;
      }
      try {
        LiftResult lift = HoldoutLift.estimate(population.people(), converted, Map.of(channel, held), LEVEL).get(0);
        lifts.put(channel, lift);
        long heldOut = held.stream().filter(population.people()::contains).count();
        notes.add("experiment on " + channel + ": " + AnalysisInput.HOLDOUT + ", " + NumberText.count(heldOut)
            + " of " + NumberText.count(population.people().size()) + " people (" + population.source()
            + ") held out at random, " + describe(lift) + " (buyers, everyone eligible against the held-out)");
      } catch (IllegalArgumentException e) {
        notes.add("experiment on " + channel + ": " + AnalysisInput.HOLDOUT + " not used: " + e.getMessage());
      }
    });
  }

  /** Who was in the experiments, and where that list came from. */
  private record Population(Set<String> people, String source) {}

  private static Population population(Analysis analysis) {
    Optional<CsvImport<String>> customers = analysis.input().file(AnalysisInput.CUSTOMERS).map(file ->
        CsvFiles.read(analysis, AnalysisInput.CUSTOMERS, file, in -> CsvTable.read(in,
            AnalysisInput.CUSTOMERS, List.of("customer_id"), row -> row.require("customer_id"))));
    if (customers.isPresent() && !customers.get().values().isEmpty()) {
      return new Population(new LinkedHashSet<>(customers.get().values()), "everyone in " + AnalysisInput.CUSTOMERS);
    }
    Set<String> seen = new LinkedHashSet<>();
    analysis.input().interactions().stream().map(Interaction::customerId).forEach(seen::add);
    return new Population(seen, "everyone in " + AnalysisInput.INTERACTIONS
        + "; people never seen there are not counted");
  }

  private static String describe(LiftResult lift) {
    return "incremental conversions " + NumberText.number(lift.incrementalConversions(), 1) + " ["
        + NumberText.number(lift.low(), 1) + ", " + NumberText.number(lift.high(), 1) + "]";
  }
}
