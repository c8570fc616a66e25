package org.engagement.core.conversation;

import java.time.Instant;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

/** Short ways to write the interactions of conversation tests. */
public final class ConversationFixtures {
  public static final Channel X = Channel.of("x", ChannelGroup.ORGANIC_SOCIAL);
  public static final Channel LINKEDIN = Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL);

  private ConversationFixtures() {}

  /** An interaction at {@code at} (ISO instant) with {@code content}. */
  public static Interaction said(String customer, Channel channel, String at, InteractionType type, Direction direction,
      Content content) {
    return Interaction.builder().customerId(customer).channel(channel).timestamp(Instant.parse(at)).type(type)
        .direction(direction).content(content).build();
  }

  /** An inbound interaction of {@code type}. */
  public static Interaction said(String customer, Channel channel, String at, InteractionType type, Content content) {
    return said(customer, channel, at, type, Direction.INBOUND, content);
  }
}
