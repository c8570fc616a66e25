package org.engagement.spark.attribution;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Row;
import org.engagement.attribution.Attribution;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Interaction;
import org.engagement.spark.internal.CustomerChunks;
import org.engagement.spark.internal.RulesForm;
import org.jspecify.annotations.Nullable;

/**
 * The per-partition step of {@link SparkAttribution}: journeys cut by the core's {@link JourneyRules} a
 * chunk of whole customers at a time, grouped by path, and for a journey-local model credited by the model
 * itself. Serialisable for Spark.
 */
final class JourneyStep implements FlatMapFunction<Iterator<Row>, PartitionJourneys> {
  private static final long serialVersionUID = 1L;

  private final RulesForm rules;
  /** The model's name and parameters when its credits are computed per partition; null otherwise. */
  private final @Nullable String model;
  private final Map<String, String> parameters;

  JourneyStep(RulesForm rules, @Nullable String model, Map<String, String> parameters) {
    this.rules = rules;
    this.model = model;
    this.parameters = Map.copyOf(parameters);
  }

  @Override
  public Iterator<PartitionJourneys> call(Iterator<Row> rows) {
    JourneyRules cut = rules.rules();
    AttributionModel local = model == null ? null : Attribution.model(model, parameters);
    PartitionJourneys part = PartitionJourneys.empty(local != null);
    CustomerChunks chunks = CustomerChunks.of(rows);
    while (chunks.hasNext()) {
      List<Interaction> chunk = chunks.next();
      Journeys journeys = cut.journeys(chunk);
      JourneySet paths = JourneySet.builder().addAll(journeys.toJourneySet()).build();
      part = part.plus(paths, local == null ? null : localCredits(local, journeys));
    }
    return List.of(part).iterator();
  }

  private static org.engagement.attribution.AttributionResult localCredits(AttributionModel model,
      Journeys journeys) {
    JourneyCredits credits = model.creditJourneys(journeys);
    if (credits.spread()) {
      throw new IllegalStateException("model '" + model.name() + "' credits channels globally, not journey by"
          + " journey; it runs on the merged journey set");
    }
    return credits.result();
  }
}
