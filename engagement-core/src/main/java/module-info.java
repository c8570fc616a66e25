/**
 * The engagement SDK's core: the domain model, ingestion (the channel-adapter SPI, the importer and the
 * reference CSV adapter), channel classification, segments, engagement scores, customer value (concentration,
 * tiers, RFM), funnels, presence, churn and conversations, and the mergeable contract of partial aggregates.
 *
 * <p>Every package but {@code org.engagement.core.internal.*} is API. The internal packages (phrase matching
 * and text folding) are implementation: not exported, free to change in any release.
 *
 * <p>SLF4J is read, not re-exported: the library logs through its API and binds no logger, and no SLF4J type
 * appears in the API. Requiring it here puts it in the module graph of every consumer, so a consumer that
 * {@code requires org.engagement.core} needs nothing else. JSpecify's nullness annotations mark the API and are
 * needed only by compilers and checkers, hence {@code static}; {@code transitive} so that a consumer's
 * compiler and null checker read them on our signatures.
 *
 * <p>Channel adapters are discovered with {@link java.util.ServiceLoader}: on the module path from
 * {@code provides} clauses, on the class path from {@code META-INF/services} (which this jar keeps for
 * class-path users).
 *
 * @uses org.engagement.core.ingest.ChannelAdapter
 * @provides org.engagement.core.ingest.ChannelAdapter the CSV adapter, named {@code csv}
 */
module org.engagement.core {
  requires com.google.common;
  requires com.fasterxml.jackson.core;
  requires com.fasterxml.jackson.dataformat.csv;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.engagement.core;
  exports org.engagement.core.aggregate;
  exports org.engagement.core.channel;
  exports org.engagement.core.churn;
  exports org.engagement.core.conversation;
  exports org.engagement.core.conversation.message;
  exports org.engagement.core.conversation.service;
  exports org.engagement.core.conversation.voice;
  exports org.engagement.core.domain;
  exports org.engagement.core.engagement;
  exports org.engagement.core.funnel;
  exports org.engagement.core.ingest;
  exports org.engagement.core.ingest.csv;
  exports org.engagement.core.presence;
  exports org.engagement.core.profile;
  exports org.engagement.core.segment;
  exports org.engagement.core.value;
  exports org.engagement.core.value.rfm;
  exports org.engagement.core.value.tier;

  uses org.engagement.core.ingest.ChannelAdapter;

  provides org.engagement.core.ingest.ChannelAdapter with
      org.engagement.core.ingest.csv.CsvInteractionAdapter;
}
