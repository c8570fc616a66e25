package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.markov.MarkovModel;
import org.engagement.attribution.shapley.ShaoLiModel;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.hipparchus.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Which attribution models recover the bundled sample world's true channel shares ({@code truth.csv})?
 *
 * <p>The journeys are acquisition journeys, read from the bundled files with the SDK's importer: each person's
 * touches (every interaction type but lead, opportunity and purchase) from arrival up to their first purchase
 * ({@code purchase_number = 1}, the conversion), or, for people who never bought, up to the end of their
 * {@link WorldSpec#inMarketWeeks()} in the market (after which they could no longer convert in the world).
 * The journeys are cut here rather than by the builder's lookback (which is set to the whole world), because
 * the builder ends every non-converting journey at one common window end, while people leave the market at
 * different times.
 *
 * <p>Each model's conversion credits, as shares of the conversions, are compared with the true shares by the
 * mean absolute error over the channels and by Spearman's rank correlation; the table is printed.
 */
class AttributionRecoveryTest {
  private static final Set<InteractionType> FUNNEL =
      EnumSet.of(InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE);
  private static final ConversionRule FIRST_PURCHASE = i -> i.type() == InteractionType.PURCHASE
      && "1".equals(i.attributes().getString("purchase_number").orElse(""));

  private static Map<String, Double> truth;
  private static Map<String, Fit> fits;

  @BeforeAll
  static void attributeTheSampleWorld() {
    WorldFiles world = WorldFiles.read(SampleWorld::open);
    truth = world.trueShares();
    JourneySet journeys = journeys(world, Duration.ofDays(7L * SampleWorld.spec().inMarketWeeks()));
    AttributionModels registry = AttributionModels.defaults();
    Map<String, AttributionModel> models = new LinkedHashMap<>();
    for (String name : List.of("last-touch", "first-touch", "linear", "position-based", "time-decay",
        "markov", "shapley", "shapley-simplified")) {
      models.put(name, registry.create(name));
    }
    models.put("markov-order-3", MarkovModel.of(3, true));
    models.put("shapley-subsets", registry.create("shapley", ModelParameters.of(Map.of("worth", "subsets"))));
    models.put("shao-li", ShaoLiModel.create());
    fits = new LinkedHashMap<>();
    models.forEach((name, model) -> fits.put(name, Fit.of(model.attribute(journeys), truth)));
    System.out.println(table(journeys));
  }

  /** The acquisition journeys of a world (see the class description). */
  static JourneySet journeys(WorldFiles world, Duration inMarket) {
    return JourneyRules.defaults()
        .withLookback(Duration.ofDays(31L * SampleWorld.spec().months()))
        .withTouchTypes(EnumSet.complementOf(EnumSet.copyOf(FUNNEL)))
        .withConversionRule(FIRST_PURCHASE)
        .journeys(acquisition(world, inMarket))
        .toJourneySet();
  }

  /** Interactions up to each person's first purchase, or to the end of their time in the market. */
  private static List<Interaction> acquisition(WorldFiles world, Duration inMarket) {
    Map<String, Instant> firstPurchase = new HashMap<>();
    for (Interaction interaction : world.interactions()) {
      if (FIRST_PURCHASE.isConversion(interaction)) {
        firstPurchase.put(interaction.customerId(), interaction.timestamp());
      }
    }
    List<Interaction> kept = new ArrayList<>();
    for (Interaction interaction : world.interactions()) {
      Instant until = firstPurchase.getOrDefault(interaction.customerId(),
          world.arrivals().get(interaction.customerId()).plus(inMarket));
      if (!interaction.timestamp().isAfter(until)
          && (FIRST_PURCHASE.isConversion(interaction) || !FUNNEL.contains(interaction.type()))) {
        kept.add(interaction);
      }
    }
    return kept;
  }

  private static String table(JourneySet journeys) {
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "Sample world: %.0f first purchases, %.0f journeys without one; credit shares vs. truth%n",
        journeys.totalConversions(), journeys.totalNulls()));
    out.append(String.format(Locale.ROOT, "%-18s", "channel"));
    fits.keySet().forEach(name -> out.append(String.format(Locale.ROOT, "%19s", name)));
    out.append(String.format(Locale.ROOT, "%8s%n", "truth"));
    for (String channel : truth.keySet()) {
      out.append(String.format(Locale.ROOT, "%-18s", channel));
      fits.values().forEach(fit -> out.append(String.format(Locale.ROOT, "%19.3f", fit.shares().get(channel))));
      out.append(String.format(Locale.ROOT, "%8.3f%n", truth.get(channel)));
    }
    out.append(String.format(Locale.ROOT, "%-18s", "mean abs. error"));
    fits.values().forEach(fit -> out.append(String.format(Locale.ROOT, "%19.3f", fit.meanAbsoluteError())));
    out.append(String.format(Locale.ROOT, "%n%-18s", "rank correlation"));
    fits.values().forEach(fit -> out.append(String.format(Locale.ROOT, "%19.3f", fit.rankCorrelation())));
    return out.append(System.lineSeparator()).toString();
  }

  /**
   * The stated tolerance: the best data-driven model's mean absolute error over the ten channel shares. It is
   * loose on purpose, and that is the finding: on this world first-order Markov credits channels by their
   * presence on converting paths (so frequent, useless direct visits get about 0.15 and it does worse than last
   * touch), and the conversion-rate Shapley game gives every steady channel zero because most coalitions of
   * ten channels are never observed and count as worth 0. The best data-driven model (third-order Markov,
   * about 0.049, or Shapley, about 0.050) beats last touch (about 0.061) on error and on ranking, but nothing
   * recovers the truth closely; first touch, a heuristic, comes close (about 0.020) because the strongest
   * channels here touch first.
   */
  private static final double DATA_DRIVEN_TOLERANCE = 0.055;

  @Test
  void aDataDrivenModelIsWithinToleranceAndBeatsLastTouch() {
    Fit lastTouch = fits.get("last-touch");
    Fit best = List.of("markov", "markov-order-3", "shapley").stream().map(fits::get)
        .min(java.util.Comparator.comparingDouble(Fit::meanAbsoluteError)).orElseThrow();
    assertThat(best.meanAbsoluteError()).isLessThanOrEqualTo(DATA_DRIVEN_TOLERANCE)
        .isLessThan(lastTouch.meanAbsoluteError());
    assertThat(best.rankCorrelation()).isGreaterThan(lastTouch.rankCorrelation());
  }

  /**
   * Shao and Li's second-order model recovers the truth best of the data-driven models here: about 0.023 mean
   * absolute error and rank correlation about 0.98, where every other data-driven model stays at or above 0.028
   * and at or below 0.89 (first touch, a heuristic, has 0.020 and 0.75). It uses the conversion rates of
   * single channels and of pairs only, so it never meets the unseen coalitions that zero the steady channels
   * in the Shapley games, and its rates keep direct visits small. The tolerance, 0.025, is the observed error
   * plus a tenth, to absorb reorderings of floating-point sums, while still below every other data-driven model
   * (the closest, simplified Shapley, is about 0.028).
   */
  private static final double SHAO_LI_TOLERANCE = 0.025;

  @Test
  void shaoLiRecoversTheTruthBestOfTheDataDrivenModels() {
    Fit shaoLi = fits.get("shao-li");
    assertThat(shaoLi.meanAbsoluteError()).isLessThanOrEqualTo(SHAO_LI_TOLERANCE);
    assertThat(shaoLi.rankCorrelation()).isGreaterThanOrEqualTo(0.9);
    for (String other : List.of("markov", "markov-order-3", "shapley", "shapley-subsets", "shapley-simplified",
        "linear", "last-touch")) {
      assertThat(shaoLi.meanAbsoluteError()).as(other).isLessThan(fits.get(other).meanAbsoluteError());
      assertThat(shaoLi.rankCorrelation()).as(other).isGreaterThan(fits.get(other).rankCorrelation());
    }
    assertThat(shaoLi.shares().get("direct")).isLessThan(fits.get("shapley-simplified").shares().get("direct"));
  }

  @Test
  void theSubsetsWorthImprovesOnTheExactSetWorthButStillStarvesTheSteadyChannels() {
    // v(S) = conversion rate of the journeys within S sees every coalition, which lowers the error (about
    // 0.043 against 0.050) and gives the best ranking of the Shapley games; but a rate game still charges
    // a reach channel for the many non-converting journeys it brings, so most steady channels keep zero.
    Fit subsets = fits.get("shapley-subsets");
    Fit exact = fits.get("shapley");
    assertThat(subsets.meanAbsoluteError()).isLessThanOrEqualTo(0.047).isLessThan(exact.meanAbsoluteError());
    assertThat(subsets.rankCorrelation()).isGreaterThan(exact.rankCorrelation());
    assertThat(subsets.shares().get("linkedin")).isZero();
    assertThat(subsets.shares().get("google-ads")).isZero();
  }

  @Test
  void lastTouchGetsTheRankingMeasurablyWrong() {
    Fit lastTouch = fits.get("last-touch");
    // Direct visits do almost nothing (true share about 0.006) but come late and often: last touch ranks them
    // among the top channels, and it starves the early channels (partner referrals, trade shows, press).
    assertThat(lastTouch.shares().get("direct")).isGreaterThan(0.08);
    assertThat(lastTouch.rankOf("direct")).isLessThanOrEqualTo(5);
    double earlyTruth = truth.get("partner-referral") + truth.get("trade-show") + truth.get("press");
    double earlyLastTouch = lastTouch.shares().get("partner-referral") + lastTouch.shares().get("trade-show")
        + lastTouch.shares().get("press");
    assertThat(earlyLastTouch).isLessThan(0.75 * earlyTruth);
    assertThat(lastTouch.meanAbsoluteError()).isGreaterThan(0.04);
  }

  /**
   * The recovery table per mechanism: every model's mean absolute error and rank correlation against the truth
   * of a 5,000-person world (the bundled spec's seed) of each {@link WorldMechanism}, printed. The assertions
   * are only what the mechanisms make true by construction, not which model wins: in the confounded world
   * last touch gives the navigational direct channel (no effect at all) a large share and ranks the channels
   * backwards; in the Markov world, whose truth is the removal effect of a first-order chain, first-order
   * Markov recovers the truth better than last touch; and the rule of {@code recommended} (its test of path
   * dependence) picks Markov on the Markov world and only there. Measured (mean absolute error / Spearman):
   * recommended 0.022 / 0.99, 0.027 / 0.97, 0.157 / -0.31 (no experiments here; see
   * {@link ExperimentCalibrationRecoveryTest}), 0.018 / 0.99, 0.004 / 0.68 (Markov order 1); first touch
   * 0.012 to 0.020 everywhere, because the default channels that cause most touch first; first-order Markov
   * 0.073 to 0.125 except on the Markov world (0.004); Shao and Li 0.017 to 0.038, but 0.157 and a negative
   * ranking on the confounded world, where retargeting and navigational visits fill converting journeys.
   */
  @Test
  void theRecoveryTablePerMechanism() {
    List<String> names = List.of("last-touch", "first-touch", "linear", "time-decay", "markov", "shapley-simplified",
        "shao-li", "additive-hazard", "recommended");
    Map<WorldMechanism, Map<String, Fit>> table = new EnumMap<>(WorldMechanism.class);
    for (WorldMechanism mechanism : WorldMechanism.values()) {
      World world = WorldGenerator.generate(WorldSpec.builder().seed(SampleWorld.SEED).mechanism(mechanism).build());
      Map<String, Instant> arrivals = new HashMap<>();
      world.customers().forEach(c -> arrivals.put(c.id(), c.firstSeen()));
      WorldFiles files = new WorldFiles(world.interactions(), arrivals, world.truth().shares());
      JourneySet journeys = journeys(files, Duration.ofDays(7L * world.spec().inMarketWeeks()));
      Map<String, Fit> row = new LinkedHashMap<>();
      AttributionModels registry = AttributionModels.defaults();
      for (String name : names) {
        AttributionModel model = name.equals("shao-li") ? ShaoLiModel.create() : registry.create(name);
        row.put(name, Fit.of(model.attribute(journeys), files.trueShares()));
      }
      table.put(mechanism, row);
    }
    System.out.println(mechanismTable(names, table));

    Map<String, Fit> confounded = table.get(WorldMechanism.CONFOUNDED);
    assertThat(confounded.get("last-touch").shares().get("direct")).isGreaterThan(0.1);
    Map<String, Fit> markov = table.get(WorldMechanism.MARKOV);
    assertThat(markov.get("markov").meanAbsoluteError()).isLessThan(markov.get("last-touch").meanAbsoluteError());
    assertThat(confounded.get("last-touch").rankCorrelation()).isNegative();
    // The rule's test of path dependence recognises the Markov world, and only it.
    assertThat(markov.get("recommended").shares()).isEqualTo(markov.get("markov").shares());
    for (WorldMechanism other : List.of(WorldMechanism.ADDITIVE, WorldMechanism.SYNERGY, WorldMechanism.SLOW)) {
      assertThat(table.get(other).get("recommended").shares()).as(other.id())
          .isNotEqualTo(table.get(other).get("markov").shares());
    }
  }

  private static String mechanismTable(List<String> names, Map<WorldMechanism, Map<String, Fit>> table) {
    StringBuilder out = new StringBuilder("Recovery per mechanism: mean absolute error of credit shares / Spearman\n");
    out.append(String.format(Locale.ROOT, "%-12s", "mechanism"));
    names.forEach(name -> out.append(String.format(Locale.ROOT, "%20s", name)));
    out.append(System.lineSeparator());
    table.forEach((mechanism, row) -> {
      out.append(String.format(Locale.ROOT, "%-12s", mechanism.id()));
      names.forEach(name -> out.append(String.format(Locale.ROOT, "%13.3f /%5.2f", row.get(name).meanAbsoluteError(),
          row.get(name).rankCorrelation())));
      out.append(System.lineSeparator());
    });
    return out.toString();
  }

  /** A model's credit shares and how far they are from the truth. */
  record Fit(Map<String, Double> shares, double meanAbsoluteError, double rankCorrelation) {
    static Fit of(AttributionResult result, Map<String, Double> truth) {
      Map<String, Double> shares = new LinkedHashMap<>();
      double[] modelShares = new double[truth.size()];
      double[] trueShares = new double[truth.size()];
      double error = 0;
      int i = 0;
      for (Map.Entry<String, Double> channel : truth.entrySet()) {
        double share = result.conversions(channel.getKey()) / result.totalConversions();
        shares.put(channel.getKey(), share);
        modelShares[i] = share;
        trueShares[i++] = channel.getValue();
        error += Math.abs(share - channel.getValue());
      }
      double rank = new SpearmansCorrelation().correlation(modelShares, trueShares);
      return new Fit(shares, error / truth.size(), rank);
    }

    /** The channel's rank by share, 1 for the largest. */
    int rankOf(String channel) {
      double share = shares.get(channel);
      return 1 + (int) shares.values().stream().filter(s -> s > share).count();
    }
  }
}
