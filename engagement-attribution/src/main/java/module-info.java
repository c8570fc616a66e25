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
  requires static transitive org.jspecify;

  exports org.engagement.attribution;
  exports org.engagement.attribution.compare;
  exports org.engagement.attribution.heuristic;
  exports org.engagement.attribution.journey;
  exports org.engagement.attribution.markov;
  exports org.engagement.attribution.shapley;
}
