package org.engagement.core.churn;

import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

/** A small hand-checked data set for churn and cohort tests (UTC). */
final class ChurnFixture {
  static final Channel EMAIL = Channel.of("email", ChannelGroup.EMAIL);

  /**
   * ann: 5 Jan, 20 Feb; bob: 20 Jan; cat: 10 Feb, 25 Mar; dan: 1 Mar (all 2024, 00:00Z); eve: 3 May,
   * after the months the tests look at.
   */
  static final List<Interaction> INTERACTIONS = List.of(
      touch("ann", "2024-01-05T00:00:00Z", InteractionType.PURCHASE),
      touch("ann", "2024-02-20T00:00:00Z", InteractionType.OPEN),
      touch("bob", "2024-01-20T00:00:00Z", InteractionType.OPEN),
      touch("cat", "2024-02-10T00:00:00Z", InteractionType.OPEN),
      touch("cat", "2024-03-25T00:00:00Z", InteractionType.PURCHASE),
      touch("dan", "2024-03-01T00:00:00Z", InteractionType.CLICK),
      touch("eve", "2024-05-03T00:00:00Z", InteractionType.CLICK));

  private ChurnFixture() {}

  static Interaction touch(String customer, String at, InteractionType type) {
    return Interaction.builder().customerId(customer).channel(EMAIL).timestamp(Instant.parse(at)).type(type).build();
  }
}
