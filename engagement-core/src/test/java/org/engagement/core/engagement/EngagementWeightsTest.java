package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class EngagementWeightsTest {
  private static final EngagementWeights DEFAULTS = EngagementWeights.defaults();

  @Test
  void defaultsRankConversationsOverLikesOverOpensOverImpressions() {
    for (InteractionType talk : new InteractionType[] {InteractionType.REPLY, InteractionType.SHARE, InteractionType.COMMENT}) {
      assertThat(DEFAULTS.typeWeight(talk)).isGreaterThan(DEFAULTS.typeWeight(InteractionType.LIKE));
    }
    assertThat(DEFAULTS.typeWeight(InteractionType.LIKE))
        .isGreaterThan(DEFAULTS.typeWeight(InteractionType.OPEN))
        .isGreaterThan(DEFAULTS.typeWeight(InteractionType.VISIT));
    assertThat(DEFAULTS.typeWeight(InteractionType.OPEN))
        .isGreaterThan(DEFAULTS.typeWeight(InteractionType.IMPRESSION));
    assertThat(DEFAULTS.typeWeight(InteractionType.VISIT))
        .isGreaterThan(DEFAULTS.typeWeight(InteractionType.IMPRESSION));
  }

  @Test
  void defaultsWeighBusinessOutcomesHighAndSendsNearZero() {
    for (InteractionType outcome :
        new InteractionType[] {
          InteractionType.PURCHASE, InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.EVENT_ATTENDANCE
        }) {
      assertThat(DEFAULTS.typeWeight(outcome)).isGreaterThanOrEqualTo(15);
    }
    assertThat(DEFAULTS.weight(InteractionType.SEND, Direction.OUTBOUND, ChannelGroup.EMAIL)).isEqualTo(0.025);
    assertThat(DEFAULTS.directionMultiplier(Direction.INBOUND)).isEqualTo(1);
    assertThat(DEFAULTS.directionMultiplier(Direction.OUTBOUND)).isEqualTo(0.5);
    for (ChannelGroup group : ChannelGroup.values()) {
      assertThat(DEFAULTS.groupMultiplier(group)).isEqualTo(1);
    }
  }

  @Test
  void weightIsTypeTimesDirectionTimesGroup() {
    EngagementWeights weights =
        EngagementWeights.builder()
            .typeWeight(InteractionType.REPLY, 10)
            .directionMultiplier(Direction.OUTBOUND, 0.25)
            .groupMultiplier(ChannelGroup.EVENTS, 3)
            .build();

    // 10 (reply) x 1 (inbound) x 1 (organic social) = 10
    assertThat(weights.weight(reply(Direction.INBOUND, ChannelGroup.ORGANIC_SOCIAL))).isEqualTo(10);
    // 10 (reply) x 0.25 (outbound) x 1 = 2.5
    assertThat(weights.weight(reply(Direction.OUTBOUND, ChannelGroup.ORGANIC_SOCIAL))).isEqualTo(2.5);
    // 10 (reply) x 1 (inbound) x 3 (events) = 30
    assertThat(weights.weight(reply(Direction.INBOUND, ChannelGroup.EVENTS))).isEqualTo(30);
    // 10 x 0.25 x 3 = 7.5
    assertThat(weights.weight(reply(Direction.OUTBOUND, ChannelGroup.EVENTS))).isEqualTo(7.5);
  }

  @Test
  void defaultInteractionWeightsUseTheTypesDefaultDirection() {
    Interaction impression =
        Interaction.builder()
            .customerId("c-1")
            .channel(Channel.of("ads", ChannelGroup.PAID_SOCIAL))
            .timestamp(Instant.parse("2024-05-01T00:00:00Z"))
            .type(InteractionType.IMPRESSION)
            .build();

    // 0.1 (impression) x 0.5 (outbound, the impression's default direction) x 1
    assertThat(DEFAULTS.weight(impression)).isEqualTo(0.05);
    assertThat(DEFAULTS.weight(reply(Direction.INBOUND, ChannelGroup.ORGANIC_SOCIAL))).isEqualTo(8);
  }

  @Test
  void builderLeavesBuiltWeightsAlone() {
    EngagementWeights.Builder builder = DEFAULTS.toBuilder();
    EngagementWeights before = builder.build();
    builder.typeWeight(InteractionType.LIKE, 0);

    assertThat(before).isEqualTo(DEFAULTS).hasSameHashCodeAs(DEFAULTS);
    assertThat(before.typeWeight(InteractionType.LIKE)).isEqualTo(2);
    assertThat(builder.build()).isNotEqualTo(DEFAULTS);
    assertThat(builder.build().toString()).contains("like=0.0");
  }

  @Test
  void zeroAndMaximumAreAccepted() {
    EngagementWeights weights =
        EngagementWeights.builder()
            .typeWeight(InteractionType.SEND, 0)
            .groupMultiplier(ChannelGroup.EVENTS, EngagementWeights.MAX)
            .build();

    assertThat(weights.typeWeight(InteractionType.SEND)).isZero();
    assertThat(weights.groupMultiplier(ChannelGroup.EVENTS)).isEqualTo(EngagementWeights.MAX);
  }

  @Test
  void badTypeWeightNamesFieldValueAndRule() {
    assertThatThrownBy(() -> EngagementWeights.builder().typeWeight(InteractionType.SUPPORT_REQUEST, -1))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("typeWeight[support_request] '-1.0' is invalid: must be a finite number between 0 and 1000000.0");
  }

  @Test
  void badMultipliersNameFieldValueAndRule() {
    assertThatThrownBy(() -> EngagementWeights.builder().directionMultiplier(Direction.OUTBOUND, Double.NaN))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("directionMultiplier[outbound] 'NaN' is invalid: must be a finite number");
    assertThatThrownBy(
            () -> EngagementWeights.builder().groupMultiplier(ChannelGroup.PUBLIC_RELATIONS, Double.POSITIVE_INFINITY))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("groupMultiplier[public_relations] 'Infinity' is invalid");
    assertThatThrownBy(() -> EngagementWeights.builder().groupMultiplier(ChannelGroup.EMAIL, 1e7))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("between 0 and 1000000.0")
        .extracting(e -> ((InvalidFieldException) e).field())
        .isEqualTo("groupMultiplier[email]");
  }

  private static Interaction reply(Direction direction, ChannelGroup group) {
    return Interaction.builder()
        .customerId("c-1")
        .channel(Channel.of("somewhere", group))
        .timestamp(Instant.parse("2024-05-01T09:30:00Z"))
        .type(InteractionType.REPLY)
        .direction(direction)
        .build();
  }
}
