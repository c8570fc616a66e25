/**
 * A consumer of the SDK as the module system sees one: it requires only engagement modules, and everything
 * those modules need at run time (SLF4J, Guava, Jackson, Hipparchus) must come with them.
 *
 * <p>It provides a channel adapter of its own, checked by the testkit, whose sample files stay encapsulated
 * in this module: its packages are open to JUnit only, which runs the tests patched into them.
 *
 * @provides org.engagement.core.ingest.ChannelAdapter the social-pipe adapter
 */
module org.engagement.integration {
  requires org.engagement.core;
  requires org.engagement.attribution;
  requires org.engagement.clv;
  requires org.engagement.roi;
  requires org.engagement.testkit;

  opens org.engagement.integration to org.junit.platform.commons;
  opens org.engagement.integration.adapter to org.junit.platform.commons;

  provides org.engagement.core.ingest.ChannelAdapter with
      org.engagement.integration.adapter.SocialPipeAdapter;
}
