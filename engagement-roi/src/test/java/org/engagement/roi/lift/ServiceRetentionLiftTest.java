package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import org.engagement.core.conversation.service.RetentionCount;
import org.engagement.core.conversation.service.RetentionGroups;
import org.junit.jupiter.api.Test;

class ServiceRetentionLiftTest {
  private static final Instant AS_OF = Instant.parse("2024-12-31T00:00:00Z");

  @Test
  void comparesRetentionOfResolvedWithUnresolvedCustomers() {
    // resolved 80 of 100 retained, unresolved 30 of 50: 0.8 - 0.6 = 0.2
    // pooled p = 110 / 150 = 0.7333; se = sqrt(0.7333 x 0.2667 x (1/100 + 1/50)) = 0.076594; z = 2.6112
    RetentionGroups groups = new RetentionGroups(
        AS_OF, Duration.ofDays(90), new RetentionCount(100, 80), new RetentionCount(50, 30));

    LiftEstimate lift = ServiceRetentionLift.test(groups);

    assertThat(lift.method()).isEqualTo(ProportionDifference.METHOD);
    assertThat(lift.absoluteLift()).isCloseTo(0.2, within(1e-12));
    assertThat(lift.statistic()).isCloseTo(0.2 / Math.sqrt(110.0 / 150 * 40 / 150 * (1 / 100.0 + 1 / 50.0)),
        within(1e-12));
    assertThat(lift.statistic()).isCloseTo(2.6112, within(1e-4));
    assertThat(lift.pValue()).isCloseTo(0.009023, within(1e-5));
  }

  @Test
  void anEmptyGroupCannotBeCompared() {
    RetentionGroups groups = new RetentionGroups(
        AS_OF, Duration.ofDays(90), new RetentionCount(10, 8), new RetentionCount(0, 0));

    assertThatThrownBy(() -> ServiceRetentionLift.test(groups))
        .hasMessage("unresolved.customers '0' is invalid: must be positive to compare retention");
  }
}
