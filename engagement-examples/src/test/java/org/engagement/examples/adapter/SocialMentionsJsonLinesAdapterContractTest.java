package org.engagement.examples.adapter;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.testkit.ChannelAdapterContractTest;
import org.engagement.testkit.ContractSample;

/**
 * Runs the contract kit against the example adapter. The valid sample uses every property once, plus a
 * blank line, a CRLF line end, leading white space, an ignored nested property, escapes and non-ASCII
 * text; in the other sample, record 2 names an unknown network.
 */
class SocialMentionsJsonLinesAdapterContractTest extends ChannelAdapterContractTest {
  private static final Channel X = Channel.of("x", "X (Twitter)", ChannelGroup.ORGANIC_SOCIAL);

  @Override
  protected ChannelAdapter adapter() {
    return new SocialMentionsJsonLinesAdapter();
  }

  @Override
  protected ContractSample sample() throws IOException {
    // Opened from this class's own code, so that the lookup works on the module path too.
    ContractSample.ResourceOpener resources = getClass()::getResourceAsStream;
    return ContractSample.of(ContractSample.resource(resources, "/adapter/social-mentions.jsonl"), List.of(
            mention("m-1", X, "cust-42", "2024-05-01T09:30:00Z", InteractionType.MENTION,
                Attributes.builder().put("text", "Loving the new release of @acme").put("followers", 1200).build()),
            mention("m-2", social("linkedin", "LinkedIn"), "cust-7", "2024-05-01T08:00:00Z", InteractionType.SHARE,
                Attributes.of("followers", 0)),
            mention("m-3", X, "cust-42", "2024-05-01T11:15:30.500Z", InteractionType.REPLY,
                Attributes.of("text", "Grüße aus Köln \u2014 \"great\" support! \uD83D\uDC4D")),
            mention("m-4", social("instagram", "Instagram"), "cust-9", "2024-05-02T08:00:00Z", InteractionType.LIKE,
                Attributes.empty()),
            mention("m-5", social("facebook", "Facebook"), "cust-7", "2024-05-03T17:00:00Z", InteractionType.COMMENT,
                Attributes.builder().put("text", "line one\nline two").put("followers", 35).build()),
            mention("m-6", social("mastodon", "Mastodon"), "cust-11", "2024-05-04T07:45:00Z", InteractionType.FOLLOW,
                Attributes.empty())))
        .withBadRecord(ContractSample.resource(resources, "/adapter/social-mentions-one-bad.jsonl"), 2);
  }

  @Override
  protected boolean discoverable() {
    return true;
  }

  private static Channel social(String id, String name) {
    return Channel.of(id, name, ChannelGroup.ORGANIC_SOCIAL);
  }

  private static Interaction mention(
      String id, Channel channel, String author, String at, InteractionType kind, Attributes attributes) {
    return Interaction.builder()
        .sourceId(id)
        .channel(channel)
        .customerId(author)
        .timestamp(Instant.parse(at))
        .type(kind)
        .attributes(attributes)
        .build();
  }
}
