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

  /**
   * Units: a world of 20,000 people, half held out of a channel at random, where everyone buys Poisson(0.4)
   * times without the channel and, if eligible and reached (half of them), Poisson(0.3) more because of it, so
   * the true incremental purchases are those extra purchases, counted. In purchases the holdout's interval
   * covers the truth; counted in buyers it misses it (about 870 against about 1,500: an extra purchase by
   * someone who would have bought anyway adds no buyer), which is why journeys that count every purchase need
   * the purchase estimate.
   */
  @Test
  void inPurchasesTheHoldoutRecoversTheTrueIncrementalPurchasesWhichBuyersUnderCount() {
    java.util.SplittableRandom random = new java.util.SplittableRandom(13);
    List<String> people = new ArrayList<>();
    List<String> held = new ArrayList<>();
    Map<String, Long> purchases = new java.util.HashMap<>();
    Set<String> buyers = new java.util.HashSet<>();
    long truth = 0;
    for (int i = 0; i < 20_000; i++) {
      String person = "p" + i;
      people.add(person);
      long own = poisson(random, 0.4);
      boolean heldOut = random.nextBoolean();
      boolean reached = random.nextDouble() < 0.5;
      long extra = poisson(random, 0.3);
      long caused = !heldOut && reached ? extra : 0;
      truth += caused;
      if (heldOut) {
        held.add(person);
      }
      purchases.put(person, own + caused);
      if (own + caused > 0) {
        buyers.add(person);
      }
    }
    LiftResult inPurchases = HoldoutLift.estimatePurchases(people, purchases, Map.of("video", held), 0.95).get(0);
    LiftResult inBuyers = HoldoutLift.estimate(people, buyers, Map.of("video", held), 0.95).get(0);
    assertThat(truth).isBetween(1_300L, 1_700L);
    assertThat((double) truth).isBetween(inPurchases.low(), inPurchases.high());
    assertThat(inBuyers.high()).isLessThan((double) truth);
    assertThat(inPurchases.channel()).isEqualTo("video");
  }

  /** With at most one purchase per person, purchases and buyers give the same estimate and nearly the interval. */
  @Test
  void withOnePurchaseAtMostPurchasesAndBuyersAgree() {
    List<String> people = new ArrayList<>();
    Map<String, Long> purchases = new java.util.HashMap<>();
    Set<String> buyers = new java.util.HashSet<>();
    for (int i = 0; i < 1250; i++) {
      people.add("p" + i);
      // p0..p249 held out, 20 of them bought; 120 of the other 1,000 bought.
      if (i < 20 || (i >= 250 && i < 370)) {
        purchases.put("p" + i, 1L);
        buyers.add("p" + i);
      }
    }
    Map<String, List<String>> heldOut = Map.of("direct", people.subList(0, 250));
    LiftResult inPurchases = HoldoutLift.estimatePurchases(people, purchases, heldOut, 0.95).get(0);
    LiftResult inBuyers = HoldoutLift.estimate(people, buyers, heldOut, 0.95).get(0);
    assertThat(inPurchases.incrementalConversions()).isCloseTo(40, within(1e-9));
    assertThat(inPurchases.low()).isCloseTo(inBuyers.low(), within(0.5));
    assertThat(inPurchases.high()).isCloseTo(inBuyers.high(), within(0.5));
  }

  @Test
  void inPurchasesANegativeCountOrATooSmallGroupIsRefused() {
    List<String> people = List.of("a", "b", "c", "d");
    assertThatThrownBy(() -> HoldoutLift.estimatePurchases(people, Map.of("a", -1L), Map.of("x", List.of("a", "b")),
        0.95)).isInstanceOf(InvalidFieldException.class).hasMessageContaining("purchases");
    assertThatThrownBy(() -> HoldoutLift.estimatePurchases(people, Map.of("a", 1L), Map.of("x", List.of("a")), 0.95))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("held out 1 of 4");
  }

  /** A Poisson draw by Knuth's multiplication method (small means only). */
  private static long poisson(java.util.SplittableRandom random, double mean) {
    double limit = Math.exp(-mean);
    double product = random.nextDouble();
    long count = 0;
    while (product > limit) {
      product *= random.nextDouble();
      count++;
    }
    return count;
  }
}
