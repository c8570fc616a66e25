/**
 * Contract tests for channel adapters: extend {@link org.engagement.testkit.ChannelAdapterContractTest} to
 * check an adapter against every rule of the SPI.
 *
 * <p>The kit is test code, so JUnit's API and AssertJ are re-exported: a test module that
 * {@code requires org.engagement.testkit} extends the kit's JUnit class and uses its AssertJ assertions
 * without requiring them itself. The kit's package is open to JUnit, which calls the inherited test methods
 * reflectively, as it does those of every test class.
 *
 * <p>Under the module system, a test module's resources are encapsulated in its own packages: the kit reads
 * sample files through a {@link org.engagement.testkit.ContractSample.ResourceOpener} that the test passes
 * from its own module, for example {@code getClass()::getResourceAsStream}.
 */
module org.engagement.testkit {
  requires transitive org.engagement.core;
  requires transitive org.junit.jupiter.api;
  requires transitive org.assertj.core;
  requires static transitive org.jspecify;

  exports org.engagement.testkit;

  opens org.engagement.testkit to org.junit.platform.commons;
}
