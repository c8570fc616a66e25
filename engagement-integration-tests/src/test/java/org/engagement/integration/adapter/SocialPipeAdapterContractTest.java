package org.engagement.integration.adapter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.testkit.ChannelAdapterContractTest;
import org.engagement.testkit.ContractSample;
import org.jspecify.annotations.Nullable;

/**
 * The testkit's contract, run on the module path against an adapter of this module, with sample files that
 * are resources of this module: the kit reads them through this class's own lookup, and discovers the
 * adapter through this module's {@code provides} clause.
 */
class SocialPipeAdapterContractTest extends ChannelAdapterContractTest {

  @Override
  protected ChannelAdapter adapter() {
    return new SocialPipeAdapter();
  }

  @Override
  protected ContractSample sample() throws IOException {
    ContractSample.ResourceOpener resources = getClass()::getResourceAsStream;
    return ContractSample.of(ContractSample.resource(resources, "valid.psv"), List.of(
            event("cust-1", "2024-03-01T10:15:30Z", InteractionType.LIKE, "mastodon", "ev-1"),
            event("cust-2", "2024-03-01T11:15:30.250Z", InteractionType.COMMENT, "linkedin", "ev-2"),
            event("cust-1", "2024-03-02T08:00:00Z", InteractionType.SHARE, "mastodon", null),
            event("cust-3", "2024-03-03T14:00:00Z", InteractionType.SUPPORT_REQUEST, "bluesky", "ev-4"),
            event("cust-ü", "2024-03-04T12:00:00Z", InteractionType.FOLLOW, "linkedin", "ev-5")))
        .withBadRecord(ContractSample.resource(resources, "one-bad.psv"), 2);
  }

  @Override
  protected boolean discoverable() {
    return true;
  }

  private static Interaction event(String customer, String at, InteractionType type, String network,
      @Nullable String id) {
    return Interaction.builder()
        .customerId(customer)
        .timestamp(Instant.parse(at))
        .type(type)
        .channel(Channel.of(network, ChannelGroup.ORGANIC_SOCIAL))
        .sourceId(id)
        .build();
  }
}
