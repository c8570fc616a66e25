package org.engagement.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code recommended} rule on every mechanism and five seeds (5,000 people each), and on the confounded world
 * with holdouts calibrated (20,000 people), on two channel tables, in the {@code recovery} profile because it
 * takes minutes (about 8.5 under load): the default table ({@link WorldSpec#defaultChannels()}) and a table drawn
 * from each seed ({@link WorldSpec#drawnChannels(long)}: lifts dealt out again, timings early, steady or late), so
 * that no model is judged on one table where the strongest channels touch first. The system property
 * {@code recovery.tables} ({@code default}, {@code drawn} or both, the default) chooses, and {@code recovery.seeds}
 * the seeds (default {@value SampleWorld#SEED}, 1, 2, 3, 4). The table printed (the
 * README's) gives, per table, mechanism and model, the mean and range over the seeds of the mean absolute error
 * of shares and of Spearman's correlation, recommended's choices, and on how many seeds recommended beats last
 * touch and Markov order 1 on both figures and meets the whole aim (error at most 0.03, Spearman at least 0.8,
 * beats both).
 *
 * <p>Asserted: on both tables the test of path dependence picks Markov on the Markov worlds and only there, and
 * the calibrated confounded worlds meet Spearman 0.8 and beat both baselines; on the default table the aim as
 * before; on drawn tables only that recommended's error is below Markov order 1's, because the aim does not
 * hold on every draw. Measured, mean error / Spearman over seeds {@value SampleWorld#SEED}, 1, 2, 3, 4
 * (recommended; last touch; Markov 1; aim met on), with {@code exposure-hazard} on these timed journeys (the
 * additive hazard and the pairs the synergy screen keeps at level 1e-4, fitted in exposure time; 238 s under load
 * about 35); the column {@code additive-hazard} is the time-free fit it replaced:
 * <ul>
 *   <li>default additive 0.012 / 0.98; 0.059 / 0.63; 0.072 / 0.41; 5 of 5 (time-free 0.022);
 *   <li>default synergy 0.016 / 0.98; 0.055 / 0.73; 0.070 / 0.59; 5 of 5 (interaction-hazard was 0.024);
 *   <li>default slow 0.010 / 0.98; 0.065 / 0.62; 0.078 / 0.35; 5 of 5 (0.019);
 *   <li>default Markov 0.003 / 0.90 (Markov order 1 itself; {@link MarkovWorldTruthTest} shows why nothing honest
 *       beats it there); 0 of 5; confounded without experiments 0.181 / -0.44, 0 of 5; calibrated 0.010 / 0.95,
 *       5 of 5 (was 0.014);
 *   <li>drawn additive 0.013 / 0.95; 0.045 / 0.76; 0.058 / 0.66; 5 of 5 (was 4: seed 1's late channels);
 *   <li>drawn synergy 0.021 / 0.98; 0.047 / 0.85; 0.063 / 0.61; 5 of 5 (was 3);
 *   <li>drawn slow 0.012 / 0.96; 0.049 / 0.74; 0.060 / 0.65; 5 of 5 (was 4);
 *   <li>drawn Markov 0.004 / 0.97, 0 of 5 as on the default table; confounded without experiments 0.184 /
 *       -0.52, 0 of 5; calibrated 0.013 / 0.91, 5 of 5.
 * </ul>
 * Fresh seeds 20 to 24 (first run after the model was fixed, nothing tuned after; 397 s under load about 45): the
 * aim met on all 40 worlds it applies to; mean error drawn additive 0.015, synergy 0.022 (worst seed 21, 0.0294 /
 * 0.96), slow 0.017, calibrated confounded 0.009 (default) and 0.012 (drawn; lowest Spearman 0.87). The drawn
 * misses of the time-free fits (confirmation seeds 1 and 3, fresh 10 to 19) had one cause, shown by
 * {@link LateChannelExposureTest}: they read channel sets without time, so channels that touch late (and close,
 * which is why last touch credits them) are under-credited.
 *
 * <p><b>The Markov world and the aim.</b> "Beats Markov order 1" cannot apply there, and the test does not ask
 * it: the world's truth is a first-order chain's removal effect, which is exactly what Markov order 1 estimates
 * (its maximum-likelihood estimate; {@link MarkovWorldTruthTest}), so the right answer on that world <em>is</em>
 * Markov order 1 and any rule that gets it right ties it on both figures by definition; a model that "beat" it on
 * a 5,000-person truth would be fitting that draw's noise (orders 2 and 3 do, and are further from the expected
 * truth). What applies, and is asserted on both tables, is that the rule recognises the world (the path-dependence
 * test picks Markov there and nowhere else), and on the default table that its error is at most 0.03 and below
 * last touch's. The Spearman part of the aim is not asserted there either: the 5,000-person truth ranks the
 * default table's tied and near-tied channels no better than Markov order 1 does (0.68 at the bundled seed).
 * The "aim met" column counts the Markov rows as 0 of 5 because it applies the whole aim to every row; read it
 * as "not applicable" there.
 */
@Tag("heavy")
class RecommendedRuleAcrossSeedsTest {
  private static final List<String> MODELS = List.of("recommended", "last-touch", "markov", "first-touch", "linear",
      "position-based", "time-decay", "shapley-simplified", "shao-li", "additive-hazard", "exposure-hazard");
  /**
   * Every model of the registry besides {@link #MODELS} (at its default parameters; Markov at orders 2 and 3 too;
   * not {@code custom}, whose weights have no default),
   * for the README's table of every model (issue 13, item 7); run on the same journeys, printed by {@link #everyModel}.
   */
  private static final List<String> OTHERS = otherModels();
  private static final Pattern COMMA = Pattern.compile(",");
  private static final Pattern CHOICE_END = Pattern.compile(",| \\(");
  private static final List<String> SUSPECT = List.of("facebook-ads", "google-ads", "direct");
  private static final List<WorldMechanism> MECHANISMS = List.of(WorldMechanism.ADDITIVE, WorldMechanism.SYNERGY,
      WorldMechanism.SLOW, WorldMechanism.MARKOV, WorldMechanism.CONFOUNDED);

  /**
   * The channel tables run, from the system property {@code recovery.tables} (comma-separated; default both):
   * {@code default} ({@link WorldSpec#defaultChannels()} on every seed) and {@code drawn}
   * ({@link WorldSpec#drawnChannels(long)} with each world's seed).
   */
  private static List<String> tables() {
    return List.of(COMMA.split(System.getProperty("recovery.tables", "default,drawn")));
  }

  /**
   * The seeds, from the system property {@code recovery.seeds} (comma-separated; default
   * {@link MarkovWorldTruthTest#SEEDS}), so that the table can be printed on the selection seeds or a fresh set. The
   * assertions were set on the default seeds; on others a failure says where the aim does not hold there. With
   * exposure-hazard, seeds 20-24 pass (the class comment); with the time-free rule, seeds 10-14 failed on the drawn
   * calibrated confounded seed 13 (Spearman 0.77) and met the aim on 2 of 5 drawn synergy and 4 of 5 drawn slow
   * worlds (the whole table not re-run with exposure-hazard: h-truth7's scratch driver measured 13 of 15 drawn
   * worlds there). Seed 13's calibrated confounded drawn world still misses with exposure-hazard (0.767 again),
   * by its experiments' noise, not the model: {@link FreshSeedsCalibratedConfoundedTest}.
   */
  private static long[] seeds() {
    String property = System.getProperty("recovery.seeds");
    return property == null ? MarkovWorldTruthTest.SEEDS.clone()
        : COMMA.splitAsStream(property).map(String::strip).mapToLong(Long::parseLong).toArray();
  }

  private static List<ChannelSpec> channels(String table, long seed) {
    return table.equals("drawn") ? WorldSpec.drawnChannels(seed) : WorldSpec.defaultChannels();
  }

  @Test
  void theRulePicksMarkovOnlyWhereTheProcessIsMarkovAndMeetsTheErrorAim() {
    AttributionModels models = AttributionModels.defaults();
    SoftAssertions softly = new SoftAssertions();
    Map<String, Map<String, List<AttributionRecoveryTest.Fit>>> table = new LinkedHashMap<>();
    for (String tableName : tables()) {
      for (WorldMechanism mechanism : MECHANISMS) {
        for (long seed : seeds()) {
          World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).mechanism(mechanism)
              .channels(channels(tableName, seed)).build());
          WorldFiles files = ExperimentCalibrationRecoveryTest.files(world);
          JourneySet journeys = AttributionRecoveryTest.journeys(files,
              Duration.ofDays(7L * world.spec().inMarketWeeks()));
          AttributionResult recommended = models.create("recommended").attribute(journeys);
          Map<String, AttributionRecoveryTest.Fit> fits = fits(models, journeys, recommended, files,
              choice(recommended));
          add(table, tableName + ", " + mechanism.id(), fits, choice(recommended));
          String description = tableName + " " + mechanism.id() + " seed " + seed;
          print(description, fits, choice(recommended));
          if (mechanism == WorldMechanism.CONFOUNDED) {
            continue;
          }
          AttributionRecoveryTest.Fit fit = fits.get("recommended");
          AttributionRecoveryTest.Fit lastTouch = fits.get("last-touch");
          boolean choseMarkov = choice(recommended).startsWith("markov order");
          softly.assertThat(choseMarkov).as(description).isEqualTo(mechanism == WorldMechanism.MARKOV);
          if (tableName.equals("drawn")) {
            // On drawn tables the aim is reported, not asserted (the README table): it fails on some draws.
            // What the rule guarantees by design is asserted: it recognises the Markov world, and off it
            // its credits are closer to the truth than Markov order 1's.
            if (mechanism != WorldMechanism.MARKOV) {
              softly.assertThat(fit.meanAbsoluteError()).as(description)
                  .isLessThan(fits.get("markov").meanAbsoluteError());
            }
            continue;
          }
          softly.assertThat(fit.meanAbsoluteError()).as(description).isLessThanOrEqualTo(0.03)
              .isLessThan(lastTouch.meanAbsoluteError());
          if (mechanism != WorldMechanism.MARKOV) {
            softly.assertThat(fit.rankCorrelation()).as(description).isGreaterThanOrEqualTo(0.8);
            softly.assertThat(beats(fits)).as(description).isTrue();
          }
        }
      }
      for (long seed : seeds()) {
        World world = WorldGenerator.generate(WorldSpec.builder().seed(seed).customers(20_000)
            .mechanism(WorldMechanism.CONFOUNDED).channels(channels(tableName, seed))
            .holdouts(SUSPECT.stream().map(c -> new Holdout(c, 0.5)).toList()).build());
        WorldFiles files = ExperimentCalibrationRecoveryTest.files(world);
        JourneySet journeys = AttributionRecoveryTest.journeys(files,
            Duration.ofDays(7L * world.spec().inMarketWeeks()));
        AttributionResult calibrated = LiftCalibration.defaults().withUntested(UntestedChannels.REFITTED)
            .calibrate(models.create("recommended"), journeys, ExperimentCalibrationRecoveryTest.lifts(world));
        Map<String, AttributionRecoveryTest.Fit> fits = fits(models, journeys, calibrated, files, "calibrated");
        add(table, tableName + ", confounded, 20,000 people, holdouts, calibrated", fits, choice(calibrated));
        String description = tableName + " confounded calibrated seed " + seed;
        print(description, fits, choice(calibrated));
        softly.assertThat(fits.get("recommended").rankCorrelation()).as(description).isGreaterThanOrEqualTo(0.8);
        softly.assertThat(beats(fits)).as(description).isTrue();
      }
    }
    System.out.println(table(table));
    System.out.println(everyModel(table));
    softly.assertAll();
  }

  /** The model recommended chose, from its notes ("additive-hazard", "markov order 1", ...), or "?". */
  private static String choice(AttributionResult result) {
    return result.notes().stream().filter(n -> n.startsWith("recommended: ")).findFirst()
        .map(n -> CHOICE_END.split(n.substring("recommended: ".length()), 2)[0]).orElse("?");
  }

  /**
   * Every model's fit; a model recommended chose (uncalibrated) is not run again, its credits being
   * recommended's (the additive-hazard fit is the slow one).
   */
  private static Map<String, AttributionRecoveryTest.Fit> fits(AttributionModels models, JourneySet journeys,
      AttributionResult recommended, WorldFiles files, String choice) {
    Map<String, AttributionRecoveryTest.Fit> fits = new LinkedHashMap<>();
    fits.put("recommended", AttributionRecoveryTest.Fit.of(recommended, files.trueShares()));
    for (String name : MODELS.subList(1, MODELS.size())) {
      if (name.equals(choice)) {
        fits.put(name, fits.get("recommended"));
        continue;
      }
      AttributionModel model = name.equals("shao-li") ? ShaoLiModel.create() : models.create(name);
      fits.put(name, AttributionRecoveryTest.Fit.of(model.attribute(journeys), files.trueShares()));
    }
    for (String name : OTHERS) {
      fits.put(name, AttributionRecoveryTest.Fit.of(model(models, name).attribute(journeys), files.trueShares()));
    }
    return fits;
  }

  /** The registry's models not in {@link #MODELS}, and Markov at orders 2 and 3, in name order. */
  private static List<String> otherModels() {
    List<String> others = new ArrayList<>(new java.util.TreeSet<>(AttributionModels.defaults().names()));
    others.removeAll(MODELS);
    others.remove("recommended");
    others.remove("custom"); // position weights the user chooses: no default to judge
    others.addAll(List.of("markov order 2", "markov order 3"));
    return List.copyOf(others);
  }

  private static AttributionModel model(AttributionModels models, String name) {
    return name.startsWith("markov order ") ? models.create("markov", ModelParameters.of(Map.of("order",
        name.substring("markov order ".length())))) : models.create(name);
  }

  /**
   * The README's table of every model: one row per model (those of {@link #MODELS} first), one column per row of
   * {@link #table}, each the mean error / mean Spearman over the seeds.
   */
  private static String everyModel(Map<String, Map<String, List<AttributionRecoveryTest.Fit>>> table) {
    StringBuilder out = new StringBuilder("| model | " + String.join(" | ", table.keySet()) + " |\n|---|"
        + "---|".repeat(table.size()) + "\n");
    List<String> all = new ArrayList<>(MODELS);
    all.addAll(OTHERS);
    for (String model : all) {
      out.append("| ").append(model).append(" |");
      table.values().forEach(cells -> out.append(String.format(Locale.ROOT, " %.3f / %.2f |",
          cells.get(model).stream().mapToDouble(AttributionRecoveryTest.Fit::meanAbsoluteError).average().orElseThrow(),
          cells.get(model).stream().mapToDouble(AttributionRecoveryTest.Fit::rankCorrelation).average().orElseThrow())));
      out.append('\n');
    }
    return out.toString();
  }

  /** Whether recommended has a smaller error and a larger Spearman than both last touch and Markov order 1. */
  static boolean beats(Map<String, AttributionRecoveryTest.Fit> fits) {
    AttributionRecoveryTest.Fit fit = fits.get("recommended");
    return List.of("last-touch", "markov").stream().map(fits::get).allMatch(baseline ->
        fit.meanAbsoluteError() < baseline.meanAbsoluteError() && fit.rankCorrelation() > baseline.rankCorrelation());
  }

  private static final String CHOICES = "choices";

  private static void add(Map<String, Map<String, List<AttributionRecoveryTest.Fit>>> table, String row,
      Map<String, AttributionRecoveryTest.Fit> fits, String choice) {
    Map<String, List<AttributionRecoveryTest.Fit>> cells = table.computeIfAbsent(row, r -> new LinkedHashMap<>());
    fits.forEach((model, fit) -> cells.computeIfAbsent(model, m -> new ArrayList<>()).add(fit));
    cells.computeIfAbsent(CHOICES + ":" + choice, c -> new ArrayList<>()).add(fits.get("recommended"));
  }

  private static void print(String description, Map<String, AttributionRecoveryTest.Fit> fits, String choice) {
    StringBuilder line = new StringBuilder(description + " (recommended: " + choice + "):");
    fits.forEach((model, fit) -> line.append(String.format(Locale.ROOT, " %s %.4f / %.2f,", model,
        fit.meanAbsoluteError(), fit.rankCorrelation())));
    System.out.println(line.append(" beats both: ").append(beats(fits)).append(", aim met: ").append(aimMet(fits)));
  }

  /** The issue's aim on one world: error at most 0.03, Spearman at least 0.8, beats last touch and Markov 1. */
  private static boolean aimMet(Map<String, AttributionRecoveryTest.Fit> fits) {
    AttributionRecoveryTest.Fit fit = fits.get("recommended");
    return fit.meanAbsoluteError() <= 0.03 && fit.rankCorrelation() >= 0.8 && beats(fits);
  }

  /**
   * The README's table: mean (min to max) of error / Spearman per model, recommended's choices, and on how many
   * seeds recommended beats both baselines and meets the whole aim.
   */
  private static String table(Map<String, Map<String, List<AttributionRecoveryTest.Fit>>> table) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "| table, mechanism | %s | recommended chose |"
        + " beats last touch and Markov 1 on both figures | aim met |%n|---|%s%n", String.join(" | ", MODELS),
        "---|".repeat(MODELS.size() + 3)));
    table.forEach((row, cells) -> {
      out.append("| ").append(row).append(" |");
      StringBuilder choices = new StringBuilder();
      cells.forEach((model, fits) -> {
        if (model.startsWith(CHOICES)) {
          choices.append(choices.length() == 0 ? "" : ", ").append(model.substring(CHOICES.length() + 1))
              .append(" ×").append(fits.size());
        } else if (MODELS.contains(model)) {
          out.append(' ').append(range(fits.stream().mapToDouble(AttributionRecoveryTest.Fit::meanAbsoluteError)
              .toArray(), 3)).append(" / ").append(range(fits.stream()
              .mapToDouble(AttributionRecoveryTest.Fit::rankCorrelation).toArray(), 2)).append(" |");
        }
      });
      int seeds = cells.get("recommended").size();
      int beaten = 0;
      int met = 0;
      for (int s = 0; s < seeds; s++) {
        Map<String, AttributionRecoveryTest.Fit> fits = new LinkedHashMap<>();
        int seed = s;
        cells.forEach((model, list) -> {
          if (!model.startsWith(CHOICES)) {
            fits.put(model, list.get(seed));
          }
        });
        beaten += beats(fits) ? 1 : 0;
        met += aimMet(fits) ? 1 : 0;
      }
      out.append(' ').append(choices).append(String.format(Locale.ROOT, " | %d of %d | %d of %d |%n", beaten, seeds,
          met, seeds));
    });
    return out.toString();
  }

  private static String range(double[] values, int decimals) {
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double v : values) {
      sum += v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    String format = "%." + decimals + "f";
    return String.format(Locale.ROOT, format + " (" + format + " to " + format + ")", sum / values.length, min, max);
  }
}
