package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class EngagementScorerTest {
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final Channel LINKEDIN = Channel.of("linkedin", "LinkedIn", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel NEWSLETTER = Channel.of("newsletter", ChannelGroup.EMAIL);

  @Test
  void defaultsAreTheDefaultWeightsAndAThirtyDayHalfLife() {
    EngagementScorer scorer = EngagementScorer.defaults();

    assertThat(scorer.weights()).isEqualTo(EngagementWeights.defaults());
    assertThat(scorer.halfLife()).isEqualTo(Duration.ofDays(30));
    assertThat(scorer.emptyState()).isEqualTo(EngagementState.empty(Duration.ofDays(30)));
  }

  @Test
  void scoresAMixOfInteractionsByHand() {
    EngagementScorer scorer = EngagementScorer.defaults().withHalfLife(Duration.ofDays(10));
    List<Interaction> interactions =
        List.of(
            interaction(InteractionType.SEND, null, NEWSLETTER, T0), // 0.05 x 0.5 = 0.025
            interaction(InteractionType.OPEN, null, NEWSLETTER, T0.plus(Duration.ofDays(10))), // 1
            interaction(InteractionType.REPLY, null, LINKEDIN, T0.plus(Duration.ofDays(20))), // 8
            interaction(InteractionType.REPLY, Direction.OUTBOUND, LINKEDIN, T0.plus(Duration.ofDays(20)))); // 4
    Instant at = T0.plus(Duration.ofDays(30));

    // At T0 + 30 days: 0.025 x 2^-3 + 1 x 2^-2 + (8 + 4) x 2^-1 = 0.003125 + 0.25 + 6 = 6.253125
    assertThat(scorer.score(interactions, at)).isCloseTo(6.253125, within(1e-12));
    assertThat(scorer.state(interactions).scoreAt(at)).isCloseTo(6.253125, within(1e-12));
    List<Interaction> reversed = new ArrayList<>(interactions);
    Collections.reverse(reversed);
    assertThat(scorer.state(reversed).referenceTime()).isEqualTo(T0.plus(Duration.ofDays(20)));
    assertThat(scorer.state(reversed).score()).isCloseTo(12.50625, within(1e-12));
  }

  @Test
  void directScoreIgnoresLaterInteractions() {
    EngagementScorer scorer = EngagementScorer.defaults();
    List<Interaction> interactions =
        List.of(
            interaction(InteractionType.LIKE, null, LINKEDIN, T0),
            interaction(InteractionType.PURCHASE, null, LINKEDIN, T0.plus(Duration.ofDays(1))));

    assertThat(scorer.score(interactions, T0)).isEqualTo(2);
    assertThat(scorer.score(interactions, T0.minusSeconds(1))).isZero();
  }

  @Test
  void groupMultiplierWeighsEventsHigher() {
    EngagementScorer scorer =
        EngagementScorer.defaults()
            .withWeights(EngagementWeights.builder().groupMultiplier(ChannelGroup.EVENTS, 2).build());
    Channel conference = Channel.of("summit", ChannelGroup.EVENTS);

    // event attendance 15 x inbound 1 x events 2 = 30
    EngagementState state =
        scorer.add(scorer.emptyState(), interaction(InteractionType.EVENT_ATTENDANCE, null, conference, T0));
    assertThat(state.scoreAt(T0)).isEqualTo(30);
  }

  @Test
  void badHalfLifeFailsFast() {
    assertThatThrownBy(() -> EngagementScorer.of(EngagementWeights.defaults(), Duration.ofSeconds(-30)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("halfLife 'PT-30S' is invalid: must be positive");
    assertThatThrownBy(() -> EngagementScorer.defaults().withHalfLife(Duration.ZERO))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("halfLife 'PT0S' is invalid: must be positive");
  }

  @Test
  void addRefusesAStateWithAnotherHalfLife() {
    EngagementScorer scorer = EngagementScorer.defaults();
    EngagementState weekly = EngagementState.empty(Duration.ofDays(7));

    assertThatThrownBy(() -> scorer.add(weekly, interaction(InteractionType.LIKE, null, LINKEDIN, T0)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("state.halfLife 'PT168H' is invalid: must equal the scorer's half-life PT720H");
  }

  static Interaction interaction(InteractionType type, Direction direction, Channel channel, Instant at) {
    return Interaction.builder()
        .customerId("c-1")
        .channel(channel)
        .timestamp(at)
        .type(type)
        .direction(direction)
        .build();
  }
}
