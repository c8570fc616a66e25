package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The declaration order of {@link InteractionType} is part of two serial forms ({@code EngagementWeights}
 * keeps arrays indexed by ordinal; {@code Journeys} writes touch types as ordinals): reordering or inserting
 * a constant would change what shipped aggregates mean. Append new types at the end and extend this list.
 */
class InteractionTypeOrderTest {

  @Test
  void constantsKeepTheirOrdinals() {
    assertThat(InteractionType.values()).containsExactly(InteractionType.IMPRESSION, InteractionType.SEND,
        InteractionType.VISIT, InteractionType.OPEN, InteractionType.CLICK, InteractionType.LIKE,
        InteractionType.COMMENT, InteractionType.SHARE, InteractionType.MENTION, InteractionType.REPLY,
        InteractionType.FOLLOW, InteractionType.SUBSCRIBE, InteractionType.EVENT_ATTENDANCE, InteractionType.CALL,
        InteractionType.SUPPORT_REQUEST, InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE);
  }
}
