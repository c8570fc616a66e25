/**
 * Multi-touch attribution: journeys built from interactions, the attribution-model SPI and its registry, the
 * rule-based models, Markov-chain removal effects, Shapley values and the side-by-side comparison of models.
 *
 * <p>Every package is API; the helpers that are not (the Markov absorption solver among them) are
 * package-private in their concept's package. Core is re-exported: journeys and credits are made of its
 * interactions, channels and money, so a consumer that {@code requires org.engagement.attribution} reads
 * core too.
 *
 * <p>Hipparchus (Poisson draws of the bootstrap, the additive-hazard fit) is an automatic module named after its jar, as in
 * {@code org.engagement.clv}, whose descriptor explains the choice; no Hipparchus type is in this module's API.
 * The {@code requires-automatic} warning is suppressed for that reason only.
 */
@SuppressWarnings("requires-automatic")
module org.engagement.attribution {
  requires transitive org.engagement.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires com.google.common;
  requires hipparchus.core;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.engagement.attribution;
  exports org.engagement.attribution.calibration;
  exports org.engagement.attribution.compare;
  exports org.engagement.attribution.hazard;
  exports org.engagement.attribution.heuristic;
  exports org.engagement.attribution.interval;
  exports org.engagement.attribution.journey;
  exports org.engagement.attribution.markov;
  exports org.engagement.attribution.shapley;
  exports org.engagement.attribution.validation;

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
      org.engagement.attribution.shapley.ShapleyModelProviders.ShaoLi,
      org.engagement.attribution.hazard.AdditiveHazardModelProvider,
      org.engagement.attribution.hazard.InteractionHazardModelProvider,
      org.engagement.attribution.hazard.ExposureHazardModelProvider,
      org.engagement.attribution.validation.RecommendedModelProvider;
}
