package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorldMechanismTest {

  private static World world(WorldMechanism mechanism, int customers) {
    return WorldGenerator.generate(WorldSpec.builder().seed(41).customers(customers).mechanism(mechanism).build());
  }

  @Test
  void mechanismsAreNamedInLowerCase() {
    assertThat(WorldMechanism.byId("Markov")).isEqualTo(WorldMechanism.MARKOV);
    assertThat(WorldMechanism.CONFOUNDED.id()).isEqualTo("confounded");
    assertThatThrownBy(() -> WorldMechanism.byId("magic")).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("mechanism").hasMessageContaining("magic").hasMessageContaining("slow");
  }

  @ParameterizedTest
  @EnumSource(WorldMechanism.class)
  void everyMechanismIsDeterministicAndKeepsItsTruthWithinThePeople(WorldMechanism mechanism) {
    World world = world(mechanism, 400);

    assertThat(world(mechanism, 400)).isEqualTo(world);
    assertThat(world.truth().firstPurchases()).isPositive();
    assertThat(world.truth().channels()).allSatisfy(row ->
        assertThat(Math.abs(row.incrementalConversions())).isLessThanOrEqualTo(400));
    double absolute = world.truth().channels().stream().mapToDouble(row -> Math.abs(row.share())).sum();
    assertThat(absolute).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void theSynergyWorldsEmailChannelHarmsAndItsPairAddsMoreTogether() {
    WorldSpec spec = WorldSpec.builder().seed(5).customers(3_000).mechanism(WorldMechanism.SYNERGY).build();
    World world = WorldGenerator.generate(spec);
    assertThat(world.truth().channels().get(spec.channelIndex("newsletter")).incrementalConversions()).isNegative();
    assertThat(world.truth().share("newsletter")).isNegative();

    FunnelJourneys funnel = new FunnelJourneys(spec);
    int social = spec.channelIndex("facebook-ads");
    int search = spec.channelIndex("google-ads");
    int email = spec.channelIndex("newsletter");
    double[] both = new double[10];
    both[social] = 1;
    both[search] = 1;
    double base = spec.baseHazard();
    double together = funnel.hazard(both, 1, 0) - base;
    double apart = funnel.hazard(both, 1, 1 << search) - base + funnel.hazard(both, 1, 1 << social) - base;
    assertThat(together).isGreaterThan(3 * apart);
    double[] mailed = both.clone();
    mailed[email] = 1;
    assertThat(funnel.hazard(mailed, 1, 0)).isCloseTo((1 - WorldMechanism.HARM) * funnel.hazard(both, 1, 0),
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void theConfoundedWorldsRetargetingAndNavigationalChannelsCauseNothingYetSitBeforePurchases() {
    World world = world(WorldMechanism.CONFOUNDED, 3_000);
    for (String bystander : List.of("facebook-ads", "google-ads", "direct")) {
      assertThat(world.truth().channels().get(world.spec().channelIndex(bystander)).incrementalConversions())
          .as(bystander).isZero();
    }
    Map<String, Instant> purchases = firstPurchases(world);
    Set<String> visitedJustBefore = new HashSet<>();
    for (Interaction i : world.interactions()) {
      Instant purchase = purchases.get(i.customerId());
      if (i.channel().id().equals("direct") && purchase != null && !i.timestamp().isAfter(purchase)
          && Duration.between(i.timestamp(), purchase).compareTo(Duration.ofDays(3)) <= 0) {
        visitedJustBefore.add(i.customerId());
      }
    }
    // Direct visits come before a step with probability 0.7: well over half the buyers have one.
    assertThat(visitedJustBefore.size()).isGreaterThan(purchases.size() / 2);
    assertThat(world.truth().share("trade-show")).isGreaterThan(0.1);
  }

  @Test
  void theSlowWorldsRelationshipTouchesHelpLittleAtFirstAndMostTwoMonthsLater() {
    // The delayed kernel is 0 at the touch and peaks at 60 days, so far fewer buyers of the slow world buy in
    // their first ten weeks than in the additive world, where a touch helps most right away.
    double slow = shareBuyingWithin(world(WorldMechanism.SLOW, 3_000), 70);
    double additive = shareBuyingWithin(world(WorldMechanism.ADDITIVE, 3_000), 70);
    assertThat(slow).isLessThan(additive * 0.6);
    WorldSpec spec = WorldSpec.builder().mechanism(WorldMechanism.SLOW).build();
    FunnelJourneys funnel = new FunnelJourneys(spec);
    int trade = spec.channelIndex("trade-show");
    double[] level = new double[10];
    level[trade] = 1;
    assertThat(funnel.hazard(level, 1, 0) - spec.baseHazard()).isCloseTo(spec.channels().get(trade).lift(),
        org.assertj.core.data.Offset.offset(1e-12));
  }

  @Test
  void inTheMarkovWorldEveryChannelOnAConvertingPathIsIncremental() {
    // Without a channel, a walk that would enter it ends in null, and the draws are the same until then: so a
    // buyer's purchase depends on exactly the channels that touched them before it.
    World world = world(WorldMechanism.MARKOV, 2_000);
    Map<String, Instant> purchases = firstPurchases(world);
    Map<String, Set<String>> paths = new HashMap<>();
    for (Interaction i : world.interactions()) {
      Instant purchase = purchases.get(i.customerId());
      if (purchase != null && i.timestamp().isBefore(purchase) && !isFunnel(i.type())) {
        paths.computeIfAbsent(i.customerId(), k -> new HashSet<>()).add(i.channel().id());
      }
    }
    for (ChannelTruth row : world.truth().channels()) {
      long onPaths = paths.values().stream().filter(path -> path.contains(row.channel())).count();
      assertThat(row.incrementalConversions()).as(row.channel()).isEqualTo(onPaths);
    }
  }

  @Test
  void costsScaleWithTheWorldsSize() {
    List<MonthlyCost> small = WorldGenerator.costs(WorldSpec.builder().customers(5_000).build());
    List<MonthlyCost> large = WorldGenerator.costs(WorldSpec.builder().customers(20_000).build());
    for (int k = 0; k < small.size(); k++) {
      assertThat(large.get(k).amount().minorUnits())
          .isBetween(4 * small.get(k).amount().minorUnits() - 4, 4 * small.get(k).amount().minorUnits() + 4);
    }
  }

  @Test
  void customerTruthHasOneRowPerBuyerAndMatchesTheirChurn() {
    World world = world(WorldMechanism.ADDITIVE, 1_500);
    Map<String, Instant> purchases = firstPurchases(world);
    assertThat(world.customerTruth()).extracting(CustomerTruth::customerId)
        .containsExactlyElementsOf(new ArrayList<>(purchases.keySet()).stream().sorted().toList());
    Map<String, Boolean> churned = new HashMap<>();
    world.customers().forEach(c -> churned.put(c.id(), c.attributes().getInstant(CustomerSimulation.CHURNED_AT)
        .isPresent()));
    assertThat(world.customerTruth()).allSatisfy(truth -> {
      assertThat(truth.aliveAtEnd()).isEqualTo(!churned.get(truth.customerId()));
      assertThat(truth.purchaseRate()).isPositive();
      assertThat(truth.dropoutProbability()).isBetween(0.0, 1.0);
      assertThat(truth.holdoutPurchases()).isNotNegative();
      if (!truth.aliveAtEnd()) {
        assertThat(truth.holdoutPurchases()).isZero();
        assertThat(truth.expectedPurchases(52)).isZero();
      }
    });
  }

  @Test
  void theExpectedPurchasesOfALiveCustomerFollowTheDropoutStory() {
    // Rate 0.5 a week, dropout 0.2 after each purchase: (1 - e^(-0.1 t)) / 0.2, so 5 at the limit and
    // (1 - e^(-1)) / 0.2 = 3.1606 over 10 weeks.
    CustomerTruth truth = new CustomerTruth("c", 0.5, 0.2, 100, true, 0);
    assertThat(truth.expectedPurchases(10)).isCloseTo(3.160603, org.assertj.core.data.Offset.offset(1e-6));
    assertThat(truth.expectedPurchases(1e6)).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
  }

  private static double shareBuyingWithin(World world, int days) {
    Map<String, Instant> arrivals = new HashMap<>();
    world.customers().forEach(c -> arrivals.put(c.id(), c.firstSeen()));
    Map<String, Instant> purchases = firstPurchases(world);
    return purchases.entrySet().stream()
        .filter(e -> Duration.between(arrivals.get(e.getKey()), e.getValue()).toDays() < days).count()
        / (double) purchases.size();
  }

  private static boolean isFunnel(InteractionType type) {
    return type == InteractionType.LEAD || type == InteractionType.OPPORTUNITY || type == InteractionType.PURCHASE;
  }

  static Map<String, Instant> firstPurchases(World world) {
    Map<String, Instant> purchases = new HashMap<>();
    for (Interaction i : world.interactions()) {
      if (i.type() == InteractionType.PURCHASE
          && i.attributes().getString(CustomerSimulation.PURCHASE_NUMBER).orElse("").equals("1")) {
        purchases.put(i.customerId(), i.timestamp());
      }
    }
    return purchases;
  }
}
