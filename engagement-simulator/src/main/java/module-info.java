/**
 * The seeded world generator: customers, channels, interactions, costs and survey answers with known causal
 * truth, and the bundled sample data, for testing pipelines on data whose right answers are known.
 *
 * <p>Core is re-exported: a world is made of its interactions and channels. The bundled data files are
 * resources of this module, read only by its own classes.
 *
 * <p>Hipparchus (its Gamma and Beta samplers) is required under the automatic-module name its jar gets, for
 * the reasons and with the risks the {@code org.engagement.clv} module description gives; no Hipparchus type
 * appears in this module's API.
 */
@SuppressWarnings("requires-automatic")
module org.engagement.simulator {
  requires transitive org.engagement.core;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires hipparchus.core;
  requires static transitive org.jspecify;

  exports org.engagement.simulator;
  exports org.engagement.simulator.mix;
}
