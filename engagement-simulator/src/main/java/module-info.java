/**
 * The seeded world generator: customers, channels, interactions, costs and survey answers with known causal
 * truth, and the bundled sample data, for testing pipelines on data whose right answers are known.
 *
 * <p>Core is re-exported: a world is made of its interactions and channels. The bundled data files are
 * resources of this module, read only by its own classes.
 */
module org.engagement.simulator {
  requires transitive org.engagement.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires static transitive org.jspecify;

  exports org.engagement.simulator;
}
