/**
 * Multi-touch attribution: journeys built from interactions, the attribution-model SPI and its registry, the
 * rule-based models, Markov-chain removal effects, Shapley values and the side-by-side comparison of models.
 *
 * <p>Every package is API; the helpers that are not (the Markov absorption solver among them) are
 * package-private in their concept's package. Core is re-exported: journeys and credits are made of its
 * interactions, channels and money, so a consumer that {@code requires org.engagement.attribution} reads
 * core too.
 */
module org.engagement.attribution {
  requires transitive org.engagement.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.engagement.attribution;
  exports org.engagement.attribution.compare;
  exports org.engagement.attribution.heuristic;
  exports org.engagement.attribution.journey;
  exports org.engagement.attribution.markov;
  exports org.engagement.attribution.shapley;

  uses org.engagement.attribution.AttributionModelProvider;

  provides org.engagement.attribution.AttributionModelProvider with
      org.engagement.attribution.heuristic.HeuristicModelProviders.FirstTouch,
      org.engagement.attribution.heuristic.HeuristicModelProviders.LastTouch,
      org.engagement.attribution.heuristic.HeuristicModelProviders.LastNonDirect,
      org.engagement.attribution.heuristic.HeuristicModelProviders.Linear,
      org.engagement.attribution.heuristic.HeuristicModelProviders.LinearUnique,
      org.engagement.attribution.heuristic.HeuristicModelProviders.PositionBased,
      org.engagement.attribution.heuristic.HeuristicModelProviders.JShaped,
      org.engagement.attribution.heuristic.HeuristicModelProviders.InverseJ,
      org.engagement.attribution.heuristic.HeuristicModelProviders.Custom,
      org.engagement.attribution.heuristic.HeuristicModelProviders.Participation,
      org.engagement.attribution.heuristic.HeuristicModelProviders.TimeDecay,
      org.engagement.attribution.heuristic.HeuristicModelProviders.WShaped,
      org.engagement.attribution.markov.MarkovModelProvider,
      org.engagement.attribution.shapley.ShapleyModelProviders.Shapley,
      org.engagement.attribution.shapley.ShapleyModelProviders.Simplified,
      org.engagement.attribution.shapley.ShapleyModelProviders.Ordered,
      org.engagement.attribution.shapley.ShapleyModelProviders.ShaoLi;
}
