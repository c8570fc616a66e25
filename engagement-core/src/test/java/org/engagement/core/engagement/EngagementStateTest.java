package org.engagement.core.engagement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class EngagementStateTest {
  private static final Duration MONTH = Duration.ofDays(30);
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");

  @Test
  void oneInteractionHalvesAfterEachHalfLife() {
    EngagementState state = EngagementState.empty(MONTH).add(8, T0);

    assertThat(state.scoreAt(T0)).isEqualTo(8);
    // 8 x 2^-1 = 4 after 30 days, 8 x 2^-2 = 2 after 60, 8 x 2^-0.5 = 5.657 after 15
    assertThat(state.scoreAt(T0.plus(MONTH))).isEqualTo(4);
    assertThat(state.scoreAt(T0.plus(MONTH.multipliedBy(2)))).isEqualTo(2);
    assertThat(state.scoreAt(T0.plus(Duration.ofDays(15)))).isCloseTo(8 / Math.sqrt(2), within(1e-12));
  }

  @Test
  void twoInteractionsAddTheirDecayedWeights() {
    // 6 at T0 and 2 at T0 + 30 days. At T0 + 30 days: 6 x 1/2 + 2 = 5; at T0 + 60 days: 5 / 2 = 2.5.
    EngagementState inOrder = EngagementState.empty(MONTH).add(6, T0).add(2, T0.plus(MONTH));
    EngagementState reversed = EngagementState.empty(MONTH).add(2, T0.plus(MONTH)).add(6, T0);

    assertThat(inOrder).isEqualTo(new EngagementState(5, T0.plus(MONTH), MONTH));
    assertThat(reversed).isEqualTo(inOrder);
    assertThat(inOrder.scoreAt(T0.plus(MONTH.multipliedBy(2)))).isEqualTo(2.5);
  }

  @Test
  void mergeDecaysBothSidesToTheLaterReferenceTime() {
    // {4 at T0} merged with {1 at T0 + 60 days}: 4 x 1/4 + 1 = 2 at T0 + 60 days.
    EngagementState early = EngagementState.empty(MONTH).add(4, T0);
    EngagementState late = EngagementState.empty(MONTH).add(1, T0.plus(MONTH.multipliedBy(2)));

    assertThat(early.merge(late)).isEqualTo(new EngagementState(2, T0.plus(MONTH.multipliedBy(2)), MONTH));
    assertThat(late.merge(early)).isEqualTo(early.merge(late));
  }

  @Test
  void emptyIsTheIdentityAndScoresZero() {
    EngagementState empty = EngagementState.empty(MONTH);
    EngagementState state = empty.add(3, T0);

    assertThat(empty.isEmpty()).isTrue();
    assertThat(state.isEmpty()).isFalse();
    assertThat(empty.scoreAt(Instant.MIN)).isZero();
    assertThat(empty.merge(state)).isSameAs(state);
    assertThat(state.merge(empty)).isSameAs(state);
  }

  @Test
  void scoreBeforeTheReferenceTimeIsRefused() {
    EngagementState state = EngagementState.empty(MONTH).add(3, T0);

    assertThatThrownBy(() -> state.scoreAt(T0.minusSeconds(1)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith(
            "at '2023-12-31T23:59:59Z' is invalid: must not be before the reference time 2024-01-01T00:00:00Z");
  }

  @Test
  void badValuesNameFieldValueAndRule() {
    EngagementState empty = EngagementState.empty(MONTH);

    assertThatThrownBy(() -> empty.add(-1, T0))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("weight '-1.0' is invalid: must be a finite number not below 0");
    assertThatThrownBy(() -> empty.add(Double.NaN, T0)).hasMessageStartingWith("weight 'NaN' is invalid");
    assertThatThrownBy(() -> EngagementState.empty(Duration.ZERO))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("halfLife 'PT0S' is invalid: must be positive");
    assertThatThrownBy(() -> EngagementState.empty(Duration.ofHours(-1)))
        .hasMessage("halfLife 'PT-1H' is invalid: must be positive");
    assertThatThrownBy(() -> new EngagementState(Double.POSITIVE_INFINITY, T0, MONTH))
        .hasMessage("score 'Infinity' is invalid: must be a finite number not below 0");
    assertThatThrownBy(() -> new EngagementState(1, null, MONTH))
        .hasMessage("score '1.0' is invalid: must be 0 when there is no reference time");
  }

  @Test
  void mergeRefusesADifferentHalfLife() {
    EngagementState month = EngagementState.empty(MONTH).add(1, T0);
    EngagementState week = EngagementState.empty(Duration.ofDays(7)).add(1, T0);

    assertThatThrownBy(() -> month.merge(week))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("other.halfLife 'PT168H' is invalid: must equal this state's half-life PT720H");
  }

  @Test
  void subSecondTimesCount() {
    Duration halfLife = Duration.ofMillis(500);
    EngagementState state = EngagementState.empty(halfLife).add(1, T0.plusNanos(250_000_000));

    // 1.25 s - 0.25 s = 1 s = two half-lives: 1/4
    assertThat(state.scoreAt(T0.plusMillis(1250))).isEqualTo(0.25);
  }

  @Test
  void survivesSerialisation() throws IOException, ClassNotFoundException {
    EngagementState state = EngagementState.empty(MONTH).add(6, T0).add(2, T0.plus(MONTH));

    assertThat(roundTrip(state)).isEqualTo(state);
    assertThat(roundTrip(EngagementState.empty(MONTH))).isEqualTo(EngagementState.empty(MONTH));
  }

  static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return in.readObject();
    }
  }
}
