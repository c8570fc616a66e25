package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class EngagementScoresTest {
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");
  private static final Duration WEEK = Duration.ofDays(7);
  private static final EngagementScorer SCORER = EngagementScorer.defaults().withHalfLife(WEEK);
  private static final Channel LINKEDIN = Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL);

  @Test
  void keepsOneScorePerCustomer() {
    EngagementScores scores =
        EngagementScores.of(SCORER)
            .add(touch("ann", InteractionType.SHARE, 0)) // 6
            .add(touch("bob", InteractionType.LIKE, 7)) // 2
            .add(touch("ann", InteractionType.COMMENT, 7)); // 6
    Instant at = T0.plus(Duration.ofDays(14));

    // ann at day 14: 6 x 2^-2 + 6 x 2^-1 = 1.5 + 3 = 4.5; bob: 2 x 2^-1 = 1
    assertThat(scores.customerCount()).isEqualTo(2);
    assertThat(scores.customerIds()).containsExactlyInAnyOrder("ann", "bob");
    assertThat(scores.scoresAt(at)).containsOnly(entry("ann", 4.5), entry("bob", 1.0));
    assertThat(scores.scoreAt("ann", at)).isEqualTo(4.5);
    assertThat(scores.scoreAt("nobody", at)).isZero();
    assertThat(scores.state("nobody")).isEqualTo(SCORER.emptyState());
    assertThat(scores.state("ann")).isEqualTo(new EngagementState(9, T0.plus(WEEK), WEEK));
    assertThat(scores.latestInteraction()).isEqualTo(T0.plus(WEEK));
    assertThat(EngagementScores.of(SCORER).latestInteraction()).isNull();
  }

  @Test
  void customersWhoseIdsShareAHashCodeKeepSeparateScores() {
    // "Aa" and "BB" have the same String.hashCode(), so they probe the same slots
    EngagementScores scores =
        EngagementScores.of(SCORER)
            .addAll(List.of(touch("Aa", InteractionType.SHARE, 0), touch("BB", InteractionType.LIKE, 0)))
            .add(touch("BB", InteractionType.LIKE, 7));
    Instant at = T0.plus(WEEK);

    // Aa: 6 x 2^-1 = 3; BB: 2 x 2^-1 + 2 = 3
    assertThat(scores.scoresAt(at)).containsOnly(entry("Aa", 3.0), entry("BB", 3.0));
    assertThat(scores.state("BB")).isEqualTo(new EngagementState(3, at, WEEK));
  }

  @Test
  void scoresBeforeSomeonesLatestInteractionAreRefused() {
    EngagementScores scores = EngagementScores.of(SCORER).add(touch("ann", InteractionType.SHARE, 3));

    assertThatThrownBy(() -> scores.scoresAt(T0))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("at '2024-03-01T00:00:00Z' is invalid: must not be before the reference time");
  }

  @Test
  void scoresAsOfLeaveOutAndCountLaterInteractions() {
    // Issue 12: one interaction after the scoring time made scoresAt(asOf) throw for every customer.
    Interaction ann = touch("ann", InteractionType.SHARE, 0);
    Interaction bob = touch("bob", InteractionType.LIKE, 7);
    Interaction bobLate = touch("bob", InteractionType.COMMENT, 10);
    Interaction cidLate = touch("cid", InteractionType.LIKE, 20);
    List<Interaction> rows = List.of(ann, bob, bobLate, cidLate);
    Instant asOf = T0.plus(WEEK);

    EngagementScores scores = EngagementScores.asOf(SCORER, asOf).addAll(rows);

    // ann at day 7: 6 x 2^-1 = 3; bob: 2 (his comment on day 10 and cid's like are left out)
    assertThat(scores.scoresAt(asOf)).containsOnly(entry("ann", 3.0), entry("bob", 2.0));
    assertThat(scores.leftOutAfterAsOf()).isEqualTo(2);
    assertThat(scores.asOf()).contains(asOf);
    assertThat(EngagementScores.of(SCORER).addAll(rows).asOf()).isEmpty();
    assertThat(rows.parallelStream().collect(EngagementScores.collector(SCORER, asOf))).isEqualTo(scores);

    EngagementScores a = EngagementScores.asOf(SCORER, asOf).add(ann);
    EngagementScores b = EngagementScores.asOf(SCORER, asOf).add(bobLate);
    EngagementScores c = EngagementScores.asOf(SCORER, asOf).add(bob).add(cidLate);
    MergeableLaws.check(EngagementScores.asOf(SCORER, asOf), a, b, c);
    assertThat(a.merge(b).merge(c)).isEqualTo(scores);
    assertThat(a.merge(b).merge(c).leftOutAfterAsOf()).isEqualTo(2);
    assertThat(scores).isNotEqualTo(EngagementScores.asOf(SCORER, asOf).addAll(List.of(ann, bob)));
    assertThatThrownBy(() -> scores.merge(EngagementScores.of(SCORER)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("other.asOf 'null' is invalid");

    // Without an as-of the refusal names the customer and the way out.
    assertThatThrownBy(() -> EngagementScores.of(SCORER).addAll(List.of(ann, bobLate)).scoresAt(asOf))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("(the latest interaction of customer bob)")
        .hasMessageContaining("EngagementScores.asOf(scorer, 2024-03-08T00:00:00Z)");
  }

  @Test
  void mergeCombinesCustomersOnBothSides() {
    EngagementScores left = EngagementScores.of(SCORER).add(touch("ann", InteractionType.SHARE, 0));
    EngagementScores right =
        EngagementScores.of(SCORER)
            .add(touch("ann", InteractionType.COMMENT, 7))
            .add(touch("bob", InteractionType.LIKE, 7));

    EngagementScores merged = left.merge(right);

    // ann: 6 x 2^-1 + 6 = 9 at day 7
    assertThat(merged.state("ann")).isEqualTo(new EngagementState(9, T0.plus(WEEK), WEEK));
    assertThat(merged.state("bob")).isEqualTo(new EngagementState(2, T0.plus(WEEK), WEEK));
    assertThat(right.state("ann")).isEqualTo(new EngagementState(6, T0.plus(WEEK), WEEK));
    assertThat(left.state("ann")).isEqualTo(new EngagementState(6, T0, WEEK));
    assertThat(left.customerIds()).containsExactly("ann");
  }

  @Test
  void mergeWithItselfCountsTwiceAndOtherScorersAreRefused() {
    EngagementScores scores = EngagementScores.of(SCORER).add(touch("ann", InteractionType.SHARE, 0));

    // a pure merge has no reason to refuse itself: the union of the interactions with themselves
    assertThat(scores.merge(scores).state("ann")).isEqualTo(new EngagementState(12, T0, WEEK));
    assertThat(scores.state("ann")).isEqualTo(new EngagementState(6, T0, WEEK));
    assertThatThrownBy(() -> scores.merge(EngagementScores.of(EngagementScorer.defaults())))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("other.scorer 'EngagementScorer[weights=EngagementWeights[impression=0.1,")
        .hasMessageContaining("must equal this instance's scorer");
  }

  @Test
  @SuppressWarnings("EnumOrdinal") // cycles through every interaction type; their order does not matter
  void parallelCollectionEqualsSequential() {
    List<Interaction> interactions = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      interactions.add(
          touch("c-" + (i % 37), InteractionType.values()[i % InteractionType.values().length], i % 90));
    }
    Instant at = T0.plus(Duration.ofDays(90));

    Map<String, Double> sequential = EngagementScores.of(SCORER).addAll(interactions).scoresAt(at);
    Map<String, Double> parallel =
        interactions.parallelStream().collect(EngagementScores.collector(SCORER)).scoresAt(at);

    assertThat(parallel.keySet()).isEqualTo(sequential.keySet());
    sequential.forEach((id, score) -> assertThat(parallel.get(id)).isCloseTo(score, within(1e-9 * score)));
  }

  @Test
  void survivesSerialisation() throws IOException, ClassNotFoundException {
    EngagementScores scores =
        EngagementScores.of(SCORER).add(touch("ann", InteractionType.SHARE, 0)).add(touch("bob", InteractionType.LIKE, 7));

    EngagementScores copy = (EngagementScores) EngagementStateTest.roundTrip(scores);

    assertThat(copy.scorer()).isEqualTo(SCORER);
    assertThat(copy.scoresAt(T0.plus(WEEK))).isEqualTo(scores.scoresAt(T0.plus(WEEK)));
    assertThat(copy.add(touch("cy", InteractionType.LIKE, 7)).customerCount()).isEqualTo(3);
  }

  private static Interaction touch(String customerId, InteractionType type, int day) {
    return Interaction.builder()
        .customerId(customerId)
        .channel(LINKEDIN)
        .timestamp(T0.plus(Duration.ofDays(day)))
        .type(type)
        .build();
  }
}
