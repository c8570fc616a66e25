package org.engagement.report.internal.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.engagement.attribution.calibration.LiftCsvReader;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
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
import org.jspecify.annotations.Nullable;

/**
 * The experiments of a report's input, as lift results the ROI's credits are calibrated with: the rows of
 * {@value AnalysisInput#LIFT} ({@link LiftCsvReader}) and, for each channel {@value AnalysisInput#HOLDOUT}
 * holds people out of, the lift of that randomised holdout ({@link HoldoutLift}, 95 %). A channel with a row
 * in the lift file takes it rather than its holdout's estimate (the host measured it over the journeys'
 * period on purpose).
 *
 * <p>A holdout's people are everyone in {@value AnalysisInput#CUSTOMERS} when the input has it, otherwise every
 * customer of the interactions; a holdout's lift compares purchases per person in the interactions
 * ({@link HoldoutLift#estimatePurchases}), the unit the journeys count (every purchase). Both files are
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
  /** The largest share error one experiment may allow before it is called too small: issue 13's aim. */
  static final double SHARE_AIM = 0.03;

  public Experiments {
    lifts = List.copyOf(lifts);
    notes = List.copyOf(notes);
  }

  /**
   * The experiments of the analysis's input (none when it has neither file) usable on journeys over
   * {@code channels}. A row of the lift file that names a channel the journeys do not hold is rejected with its
   * line, like a row that breaks a rule, so the report's account shows the file as not fully used (the CLI exits
   * 1); a holdout on such a channel is named in a note and not used.
   */
  public static Experiments of(Analysis analysis, JourneySet journeys) {
    ChannelIndex channels = journeys.channels();
    Map<String, LiftResult> lifts = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>();
    analysis.input().file(AnalysisInput.LIFT).ifPresent(file -> {
      CsvImport<LiftResult> read = CsvFiles.read(analysis, AnalysisInput.LIFT, file,
          in -> LiftCsvReader.read(in, AnalysisInput.LIFT, channels));
      for (LiftResult lift : read.values()) {
        if (lifts.putIfAbsent(lift.channel(), lift) == null) {
          notes.add("experiment on " + lift.channel() + ": " + AnalysisInput.LIFT + ", " + describe(lift));
          tooSmall(lift, journeys.totalConversions(), null).ifPresent(notes::add);
        }
      }
    });
    analysis.input().file(AnalysisInput.HOLDOUT).ifPresent(file -> {
      CsvImport<HoldoutCsvReader.HeldOut> read = CsvFiles.read(analysis, AnalysisInput.HOLDOUT, file,
          in -> HoldoutCsvReader.read(in, AnalysisInput.HOLDOUT));
      Map<String, List<String>> byChannel = HoldoutCsvReader.byChannel(read.values());
      if (!byChannel.isEmpty()) {
        holdouts(analysis, byChannel, lifts, notes, journeys.totalConversions());
      }
    });
    return new Experiments(List.copyOf(lifts.values()), notes).on(channels);
  }

  /**
   * The note saying that {@code lift} is too small to calibrate a channel's share to within
   * {@value #SHARE_AIM}, if it is: its interval's half-width over the journeys' {@code conversions} is the most
   * the channel's calibrated share can be off (at the interval's level); above {@value #SHARE_AIM}, issue 13's
   * aim for the shares' mean error, one experiment alone can break it. For a holdout of {@code people}, the
   * people needed at the same share held out: the half-width grows with the square root of the people while the
   * conversions grow in proportion, so the needed people are {@code people · (ratio / aim)²}.
   */
  static Optional<String> tooSmall(LiftResult lift, double conversions, @Nullable Long people) {
    double halfWidth = (lift.high() - lift.low()) / 2;
    if (!(conversions > 0) || !(halfWidth / conversions > SHARE_AIM)) {
      return Optional.empty();
    }
    double ratio = halfWidth / conversions;
    String needed = people == null ? "" : "; a holdout of about " + NumberText.count(roundUp(people * (ratio
        / SHARE_AIM) * (ratio / SHARE_AIM))) + " people, held out in the same share, would bring it to "
        + NumberText.number(SHARE_AIM, 2);
    return Optional.of("experiment on " + lift.channel() + " too small to calibrate shares: its interval is ±"
        + NumberText.number(halfWidth, 1) + " conversions, " + NumberText.percent(ratio) + " of the journeys' "
        + NumberText.number(conversions, 0) + ", so the channel's calibrated share can be off by up to "
        + NumberText.number(ratio, 3) + " (the aim of the recovery tests is " + NumberText.number(SHARE_AIM, 2)
        + ")" + needed);
  }

  /** {@code x} rounded up to two significant digits, for a size that is an estimate. */
  private static long roundUp(double x) {
    double scale = StrictMath.pow(10, Math.max(0, Math.floor(StrictMath.log10(x)) - 1));
    return (long) (Math.ceil(x / scale) * scale);
  }

  /**
   * These experiments without those on channels the journeys do not hold, each named in a note: an experiment
   * on a misspelt channel would otherwise be said to calibrate a channel it does not.
   */
  private Experiments on(ChannelIndex channels) {
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
      List<String> notes, double conversions) {
    Map<String, Long> purchases = new HashMap<>();
    ConversionRule purchase = ConversionRule.purchases();
    analysis.input().interactions().stream().filter(purchase::isConversion)
        .forEach(i -> purchases.merge(i.customerId(), 1L, Long::sum));
    Population population = population(analysis);
    byChannel.forEach((channel, held) -> {
      if (lifts.containsKey(channel)) {
        notes.add("experiment on " + channel + ": " + AnalysisInput.HOLDOUT + " not used, " + AnalysisInput.LIFT
            + " gives its lift");
        return;
      }
      try {
        LiftResult lift = HoldoutLift.estimatePurchases(population.people(), purchases, Map.of(channel, held), LEVEL)
            .get(0);
        lifts.put(channel, lift);
        long heldOut = held.stream().filter(population.people()::contains).count();
        notes.add("experiment on " + channel + ": " + AnalysisInput.HOLDOUT + ", " + NumberText.count(heldOut)
            + " of " + NumberText.count(population.people().size()) + " people (" + population.source()
            + ") held out at random, " + describe(lift) + " (purchases per person, everyone eligible against the"
            + " held-out, as the journeys count every purchase)");
        tooSmall(lift, conversions, (long) population.people().size()).ifPresent(notes::add);
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
