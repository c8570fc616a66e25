package org.engagement.spark.attribution;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.engagement.attribution.Attribution;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.spark.ingest.CustomerInteractions;
import org.engagement.spark.ingest.InteractionRows;
import org.engagement.spark.internal.RulesForm;
import org.jspecify.annotations.Nullable;

/**
 * Journeys and attribution on Spark, with the answers of the in-process API on the same interactions.
 *
 * <p>Interactions (in {@link InteractionRows#SCHEMA}) are shuffled once so that each customer is whole in
 * one partition (by the caller, as {@link CustomerInteractions}, for many operations to share); each partition cuts its customers' journeys with the core's {@link JourneyRules} (the rules
 * must have an explicit as-of, the same for every partition) and groups them by path into a
 * {@link JourneySet}; the sets are merged in a tree ({@code treeReduce}) and reach the driver, whose memory
 * then holds the distinct paths, never the events. Then:
 *
 * <ul>
 *   <li>A model whose credit of a journey depends on that journey alone (the heuristics, time decay,
 *       W-shaped, the simplified Shapley of a path) credits each partition's journeys there, by the model
 *       itself ({@code creditJourneys}), and the per-channel credits add on the way to the driver: time-aware
 *       models need the touch times, which never leave the executors.
 *   <li>A model that credits channels globally (Markov's removal effects, Shapley's and Shao-Li's
 *       conversion rates) runs on the driver on the merged path set, the small state it solves exactly.
 * </ul>
 *
 * <p>Which kind a model is, the model says: its {@code creditJourneys} gives credits of its own or
 * spreads a global result ({@code JourneyCredits.spread()}), asked once on the driver on a two-customer
 * probe. Credits equal the in-process ones up to the order of floating-point additions (far below 1e-9 of
 * the totals); path counts are exact. What a path set cannot carry: conversions without any touch are not
 * counted in the merged set's notes (the counts set aside are).
 *
 * <p>Stateless and thread-safe; every method runs Spark jobs on the Dataset's session.
 *
 * @since 0.1.0
 */
public final class SparkAttribution {
  private static final Instant PROBE = Instant.parse("2024-01-02T00:00:00Z");

  private SparkAttribution() {}

  /**
   * The journeys of {@code interactions} under {@code rules}, grouped by path and merged from the
   * partitions: equal path for path, count for count, to {@code rules.journeys(all).toJourneySet()}'s paths.
   *
   * @throws InvalidFieldException if the rules have no as-of or their conversion rule is not serialisable
   */
  public static JourneySet journeySet(Dataset<Row> interactions, JourneyRules rules) {
    return journeySet(CustomerInteractions.of(interactions), rules);
  }

  /** {@link #journeySet(Dataset, JourneyRules)} on interactions already partitioned by customer. */
  public static JourneySet journeySet(CustomerInteractions interactions, JourneyRules rules) {
    return run(interactions, RulesForm.of(requireNonNull(rules, "rules")), null, Map.of()).paths();
  }

  /**
   * The credits of the registry model {@code model} with {@code parameters} (as text, as the command line
   * gives them) on the journeys of {@code interactions} under {@code rules}.
   *
   * @throws InvalidFieldException if the rules have no as-of or their conversion rule is not serialisable
   * @throws IllegalArgumentException if the registry has no such model or refuses the parameters, or the
   *     model refuses the journeys, as in-process
   */
  public static AttributionResult attribute(Dataset<Row> interactions, JourneyRules rules, String model,
      Map<String, String> parameters) {
    return attribute(CustomerInteractions.of(interactions), rules, model, parameters);
  }

  /**
   * {@link #attribute(Dataset, JourneyRules, String, Map)} on interactions already partitioned by customer: no
   * shuffle of its own.
   */
  public static AttributionResult attribute(CustomerInteractions interactions, JourneyRules rules, String model,
      Map<String, String> parameters) {
    requireNonNull(model, "model");
    requireNonNull(parameters, "parameters");
    RulesForm form = RulesForm.of(requireNonNull(rules, "rules"));
    AttributionModel configured = Attribution.model(model, parameters);
    if (!journeyLocal(configured)) {
      return configured.attribute(run(interactions, form, null, Map.of()).paths());
    }
    PartitionJourneys merged = run(interactions, form, model, parameters);
    return localResult(configured.name(), merged);
  }

  /** {@link #attribute(Dataset, JourneyRules, String, Map)} with the model's default parameters. */
  public static AttributionResult attribute(Dataset<Row> interactions, JourneyRules rules, String model) {
    return attribute(interactions, rules, model, Map.of());
  }

  /** {@link #attribute(CustomerInteractions, JourneyRules, String, Map)} with the model's default parameters. */
  public static AttributionResult attribute(CustomerInteractions interactions, JourneyRules rules, String model) {
    return attribute(interactions, rules, model, Map.of());
  }

  private static PartitionJourneys run(CustomerInteractions interactions, RulesForm rules, @Nullable String model,
      Map<String, String> parameters) {
    return requireNonNull(interactions, "interactions").rows().javaRDD()
        .mapPartitions(new JourneyStep(rules, model, parameters))
        .treeReduce(PartitionJourneys::merge);
  }

  private static AttributionResult localResult(String model, PartitionJourneys merged) {
    JourneySet paths = merged.paths();
    Map<String, double[]> credits = requireNonNull(merged.credits(), "credits");
    ChannelIndex channels = paths.channels();
    double[] conversions = new double[channels.size()];
    double[] values = new double[channels.size()];
    for (Map.Entry<String, double[]> e : credits.entrySet()) {
      int c = channels.id(e.getKey()).orElseThrow();
      conversions[c] = e.getValue()[0];
      values[c] = e.getValue()[1];
    }
    return AttributionResult.of(model, paths, conversions, values, true);
  }

  /** Whether the model credits each journey on its own: asked of the model on a two-customer probe. */
  static boolean journeyLocal(AttributionModel model) {
    Channel a = Channel.of("a", ChannelGroup.DIRECT);
    Channel b = Channel.of("b", ChannelGroup.DIRECT);
    List<Interaction> probe = List.of(
        touch("p1", a, 0), touch("p1", b, 1), Interaction.builder().customerId("p1").channel(b)
            .timestamp(PROBE.plusSeconds(2)).type(InteractionType.PURCHASE).build(),
        touch("p2", b, 0));
    try {
      return !model.creditJourneys(JourneyRules.defaults().withAsOf(PROBE.plusSeconds(3)).journeys(probe)).spread();
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Interaction touch(String customer, Channel channel, long second) {
    return Interaction.builder().customerId(customer).channel(channel).timestamp(PROBE.plusSeconds(second))
        .type(InteractionType.CLICK).build();
  }
}
