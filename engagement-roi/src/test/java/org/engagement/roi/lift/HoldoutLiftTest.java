package org.engagement.roi.lift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class HoldoutLiftTest {
  /**
   * 120 of 1,000 eligible people and 20 of 250 held-out people converted: at the held-out rate 0.08 the eligible
   * group would have converted 80, so 40 conversions are incremental; the difference of rates 0.04 has the
   * unpooled standard error sqrt(0.12 · 0.88 / 1000 + 0.08 · 0.92 / 250) = 0.02 exactly, so the 95 % interval
   * is 1,000 · (0.04 ± 1.959964 · 0.02) (worked by hand from the formula of R's prop.test without correction).
   */
  @Test
  void theIncrementalConversionsAreTheEligibleGroupsExcessOverTheHeldOutRate() {
    LiftResult lift = HoldoutLift.estimate("retargeting", Proportion.of(120, 1000), Proportion.of(20, 250), 0.95);
    assertThat(lift.channel()).isEqualTo("retargeting");
    assertThat(lift.incrementalConversions()).isCloseTo(40, within(1e-9));
    assertThat(lift.low()).isCloseTo(1000 * (0.04 - 1.959964 * 0.02), within(1e-3));
    assertThat(lift.high()).isCloseTo(1000 * (0.04 + 1.959964 * 0.02), within(1e-3));
  }

  @Test
  void aChannelThatHurtsHasNegativeIncrementalConversions() {
    LiftResult lift = HoldoutLift.estimate("email", Proportion.of(50, 1000), Proportion.of(25, 250), 0.9);
    assertThat(lift.incrementalConversions()).isCloseTo(-50, within(1e-9));
    assertThat(lift.high()).isNegative();
  }

  @Test
  void fromPeopleTheGroupsAreCountedPerChannel() {
    List<String> people = new ArrayList<>();
    for (int i = 0; i < 1250; i++) {
      people.add("p" + i);
    }
    // p0..p249 are held out of "direct" and 20 of them converted; 120 of the other 1,000 converted.
    Set<String> converted = new java.util.HashSet<>();
    for (int i = 0; i < 20; i++) {
      converted.add("p" + i);
    }
    for (int i = 250; i < 370; i++) {
      converted.add("p" + i);
    }
    converted.add("someone-else");
    Map<String, List<String>> heldOut = new LinkedHashMap<>();
    heldOut.put("direct", new ArrayList<>(people.subList(0, 250)));
    heldOut.get("direct").add("not-in-the-journeys");
    heldOut.put("search", people.subList(1000, 1250));
    List<LiftResult> lifts = HoldoutLift.estimate(people, converted, heldOut, 0.95);
    assertThat(lifts).extracting(LiftResult::channel).containsExactly("direct", "search");
    assertThat(lifts.get(0)).isEqualTo(
        HoldoutLift.estimate("direct", Proportion.of(120, 1000), Proportion.of(20, 250), 0.95));
    // p1000..p1249 held out of search: none converted; 140 of the other 1,000 did.
    assertThat(lifts.get(1).incrementalConversions()).isCloseTo(140, within(1e-9));
  }

  @Test
  void aChannelWithNobodyHeldOutOrNobodyEligibleIsRefused() {
    List<String> people = List.of("a", "b");
    assertThatThrownBy(() -> HoldoutLift.estimate(people, Set.of("a"), Map.of("direct", List.of("x")), 0.95))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("direct").hasMessageContaining("held out 0");
    assertThatThrownBy(() -> HoldoutLift.estimate(people, Set.of("a"), Map.of("direct", people), 0.95))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("held out 2 of 2");
    assertThatThrownBy(() -> HoldoutLift.estimate("direct", Proportion.of(1, 2), Proportion.of(1, 2), 1.5))
        .isInstanceOf(InvalidFieldException.class);
  }
}
