package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

class WorldGeneratorTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  private static ChannelSpec channel(String id, double reach, double lift) {
    return new ChannelSpec(Channel.of(id, ChannelGroup.REFERRAL), "team", reach, 1.0, TouchTiming.EARLY, lift,
        Money.of(new BigDecimal("100.00"), EUR), List.of(InteractionType.VISIT), List.of("phrase of " + id));
  }

  @Test
  void aSureChannelCausesEveryPurchase() {
    // Base hazard 0 and one channel that reaches everyone with lift 1: the hazard is 1 in every week a touch is
    // remembered, so every person advances a stage each week (lead, opportunity, purchase in weeks 1 to 3 after
    // the first touch... as long as they remember it) and no purchase happens without the channel. So its
    // incremental conversions are all the first purchases and its share is 1; the unreached channel has none.
    WorldSpec spec = WorldSpec.builder().seed(7).customers(300).baseHazard(0)
        .channels(List.of(channel("sure", 1.0, 1.0), channel("never", 0.0, 0.5))).build();
    World world = WorldGenerator.generate(spec);

    assertThat(world.truth().firstPurchases()).isEqualTo(300);
    assertThat(world.truth().channels()).containsExactly(
        new ChannelTruth("sure", 300, 1.0), new ChannelTruth("never", 0, 0.0));
    assertThat(world.interactions()).noneMatch(i -> i.channel().id().equals("never"));
  }

  @Test
  void withoutAnyLiftNothingIsIncremental() {
    WorldSpec spec = WorldSpec.builder().seed(3).customers(500).baseHazard(0.05)
        .channels(List.of(channel("a", 0.5, 0), channel("b", 0.5, 0))).build();
    GroundTruth truth = WorldGenerator.stream(spec, new WorldVisitor() {});

    assertThat(truth.firstPurchases()).isPositive();
    assertThat(truth.channels()).extracting(ChannelTruth::incrementalConversions).containsExactly(0L, 0L);
    assertThat(truth.channels()).extracting(ChannelTruth::share).containsExactly(0.0, 0.0);
  }

  @Test
  void theDefaultWorldsTruthFavoursTheEarlyChannels() {
    World world = WorldGenerator.generate(WorldSpec.builder().customers(2_000).build());
    GroundTruth truth = world.truth();

    // Direct has almost no lift; the early channels have the largest.
    assertThat(truth.share("direct")).isLessThan(0.02);
    assertThat(truth.share("trade-show")).isGreaterThan(truth.share("linkedin"));
    assertThat(truth.share("press")).isGreaterThan(truth.share("newsletter"));
    assertThat(truth.firstPurchases()).isBetween(200L, 450L);
  }

  @Test
  void costsCoverEveryMonthAndChannelWithinTenPercentOfTheMean() {
    WorldSpec spec = WorldSpec.defaults();
    List<MonthlyCost> costs = WorldGenerator.costs(spec);

    assertThat(costs).hasSize(spec.months() * spec.channels().size());
    assertThat(costs.get(0).month()).hasToString("2024-01");
    assertThat(costs.get(costs.size() - 1).month()).hasToString("2025-12");
    for (MonthlyCost cost : costs) {
      Money mean = spec.channels().get(spec.channelIndex(cost.channel())).monthlyCost();
      assertThat(cost.amount().minorUnits()).isBetween(Math.round(mean.minorUnits() * 0.9),
          Math.round(mean.minorUnits() * 1.1));
    }
  }

  @Test
  void surveyAnswersComeFromBuyersAndUseTheChannelsPhrases() {
    World world = WorldGenerator.generate(WorldSpec.builder().customers(1_000).build());
    Set<String> buyers = world.interactions().stream().filter(i -> i.type() == InteractionType.PURCHASE)
        .map(Interaction::customerId).collect(Collectors.toSet());
    Set<String> phrases = world.spec().channels().stream().flatMap(c -> c.surveyPhrases().stream())
        .collect(Collectors.toSet());

    assertThat(world.survey()).isNotEmpty().allSatisfy(answer -> {
      assertThat(buyers).contains(answer.customerId());
      assertThat(phrases).contains(answer.answer());
    });
    // Answers are given with probability 0.6 by buyers who were touched before buying.
    assertThat(world.survey().size()).isBetween((int) (0.45 * buyers.size()), (int) (0.65 * buyers.size()));
  }

  @Test
  void badSpecsNameTheField() {
    assertThatThrownBy(() -> WorldSpec.builder().customers(0).build())
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("customers");
    assertThatThrownBy(() -> channel("a", 1.5, 0)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("reach");
    assertThatThrownBy(() -> WorldSpec.builder().channels(List.of(channel("a", 1, 0), channel("a", 1, 0))).build())
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("channel id");
    assertThatThrownBy(() -> new ChannelSpec(Channel.of("a", ChannelGroup.EMAIL), "team", 1, 1, TouchTiming.STEADY,
        0, Money.zero(EUR), List.of(InteractionType.PURCHASE), List.of("x")))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("touchTypes");
  }
  @Test
  void rangesMadeApartAreTheWorldStreamMakes() {
    WorldSpec spec = WorldSpec.builder().seed(7).customers(600).build();
    List<Object> whole = new ArrayList<>();
    WorldGenerator.stream(spec, recorder(whole));
    List<Object> parts = new ArrayList<>();
    WorldGenerator.stream(spec, 250, 600, recorder(parts));
    WorldGenerator.stream(spec, 0, 0, recorder(parts));
    List<Object> first = new ArrayList<>();
    WorldGenerator.stream(spec, 0, 250, recorder(first));
    parts.addAll(0, first);

    assertThat(parts).isEqualTo(whole);
    assertThat(whole.stream().filter(Interaction.class::isInstance).count()).isGreaterThan(600);
    assertThatThrownBy(() -> WorldGenerator.stream(spec, 0, 601, recorder(parts)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("to").hasMessageContaining("600");
    assertThatThrownBy(() -> WorldGenerator.stream(spec, 5, 4, recorder(parts)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("from");
  }

  /** Records everything a visitor is shown, in order. */
  private static WorldVisitor recorder(List<Object> out) {
    return new WorldVisitor() {
      @Override
      public void customer(org.engagement.core.domain.Customer customer) {
        out.add(customer);
      }

      @Override
      public void interaction(Interaction interaction) {
        out.add(interaction);
      }

      @Override
      public void surveyAnswer(SurveyAnswer answer) {
        out.add(answer);
      }

      @Override
      public void customerTruth(CustomerTruth truth) {
        out.add(truth);
      }

      @Override
      public void heldOut(String customerId, String channel) {
        out.add(customerId + " held out of " + channel);
      }

      @Override
      public void conversation(Interaction interaction) {
        out.add(List.of("conversation", interaction));
      }
    };
  }
}
