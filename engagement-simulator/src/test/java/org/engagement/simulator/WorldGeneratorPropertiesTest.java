package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

class WorldGeneratorPropertiesTest {

  private static WorldSpec spec(long seed, int customers) {
    return WorldSpec.builder().seed(seed).customers(customers).build();
  }

  @Property(tries = 25)
  void theSameSeedGivesTheSameWorld(@ForAll long seed, @ForAll @IntRange(min = 1, max = 150) int customers) {
    assertThat(WorldGenerator.generate(spec(seed, customers))).isEqualTo(WorldGenerator.generate(spec(seed, customers)));
  }

  @Property(tries = 25)
  void aPersonDependsOnlyOnTheSeedAndTheirIndex(@ForAll long seed, @ForAll @IntRange(min = 1, max = 80) int customers,
      @ForAll @IntRange(min = 1, max = 80) int more) {
    List<List<Interaction>> small = lives(spec(seed, customers));
    List<List<Interaction>> large = lives(spec(seed, customers + more));
    assertThat(large.subList(0, customers)).isEqualTo(small);
  }

  @Property(tries = 20)
  void everyWorldKeepsTheFunnelInOrderAndInsideTheWindow(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int customers, @ForAll WorldMechanism mechanism) {
    World world = WorldGenerator.generate(
        WorldSpec.builder().seed(seed).customers(customers).mechanism(mechanism).build());
    Instant start = world.spec().startInstant();
    Instant end = world.spec().endInstant();
    Map<String, Instant> arrivals = new HashMap<>();
    world.customers().forEach(c -> arrivals.put(c.id(), c.firstSeen()));
    Map<String, List<InteractionType>> funnel = new HashMap<>();
    Instant previous = Instant.MIN;
    for (Interaction interaction : world.interactions()) {
      assertThat(interaction.timestamp()).isAfterOrEqualTo(previous).isAfterOrEqualTo(start).isBefore(end)
          .isAfterOrEqualTo(arrivals.get(interaction.customerId()));
      previous = interaction.timestamp();
      if (interaction.type() == InteractionType.LEAD || interaction.type() == InteractionType.OPPORTUNITY
          || interaction.type() == InteractionType.PURCHASE) {
        funnel.computeIfAbsent(interaction.customerId(), k -> new ArrayList<>()).add(interaction.type());
      }
    }
    long buyers = funnel.values().stream().filter(steps -> steps.contains(InteractionType.PURCHASE)).count();
    for (List<InteractionType> steps : funnel.values()) {
      List<InteractionType> stages = List.of(InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE);
      assertThat(steps.subList(0, Math.min(3, steps.size()))).isEqualTo(stages.subList(0, Math.min(3, steps.size())));
      assertThat(steps.subList(Math.min(3, steps.size()), steps.size())).allMatch(t -> t == InteractionType.PURCHASE);
    }
    assertThat(world.truth().firstPurchases()).isEqualTo(buyers);
    long lowest = mechanism == WorldMechanism.SYNERGY ? -customers : 0;
    assertThat(world.truth().channels()).allSatisfy(row ->
        assertThat(row.incrementalConversions()).isBetween(lowest, buyers));
    double sum = world.truth().channels().stream().mapToDouble(row -> Math.abs(row.share())).sum();
    assertThat(sum).satisfiesAnyOf(s -> assertThat(s).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9)),
        s -> assertThat(s).isZero());
  }

  /** Common random numbers: a stronger channel never loses a first purchase the weaker one made. */
  @Property(tries = 20)
  void raisingALiftNeverLowersTheFirstPurchases(@ForAll long seed, @ForAll @IntRange(min = 0, max = 9) int channel,
      @ForAll @DoubleRange(min = 0.0, max = 0.3) double extra) {
    WorldSpec base = spec(seed, 150);
    List<ChannelSpec> channels = new ArrayList<>(base.channels());
    ChannelSpec stronger = channels.get(channel).withLift(Math.min(1, channels.get(channel).lift() + extra));
    channels.set(channel, stronger);
    WorldSpec boosted = WorldSpec.builder().seed(seed).customers(150).channels(channels).build();
    assertThat(WorldGenerator.stream(boosted, new WorldVisitor() {}).firstPurchases())
        .isGreaterThanOrEqualTo(WorldGenerator.stream(base, new WorldVisitor() {}).firstPurchases());
  }

  /**
   * Where every effect only adds to the hazard (additive, slow) or only ends walks (Markov), taking a channel
   * away never makes a purchase, so no channel's truth is negative; the counts never exceed the buyers.
   */
  @Property(tries = 20)
  void truthCountsAreNeverNegativeWithoutAHarmfulChannel(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 200) int customers, @ForAll("monotone") WorldMechanism mechanism) {
    GroundTruth truth = WorldGenerator.stream(
        WorldSpec.builder().seed(seed).customers(customers).mechanism(mechanism).build(), new WorldVisitor() {});
    assertThat(truth.channels()).allSatisfy(row ->
        assertThat(row.incrementalConversions()).isBetween(0L, truth.firstPurchases()));
  }

  @net.jqwik.api.Provide
  net.jqwik.api.Arbitrary<WorldMechanism> monotone() {
    return net.jqwik.api.Arbitraries.of(WorldMechanism.ADDITIVE, WorldMechanism.SLOW, WorldMechanism.CONFOUNDED,
        WorldMechanism.MARKOV);
  }

  /** The conversation feed is a function of the seed and the slot's index, like the people. */
  @Property(tries = 15)
  void aSlotsConversationDependsOnlyOnTheSeedAndTheIndex(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 80) int customers, @ForAll @IntRange(min = 1, max = 80) int more) {
    List<Interaction> small = WorldGenerator.generate(spec(seed, customers)).conversations();
    List<Interaction> large = WorldGenerator.generate(spec(seed, customers + more)).conversations();
    assertThat(large).containsAll(small);
    assertThat(large.stream().filter(i -> index(i.customerId()) < customers).toList()).isEqualTo(small);
  }

  /** Another conversation (other brands, messages, owners) leaves every other part of the world as it was. */
  @Property(tries = 10)
  void theConversationDoesNotChangeTheRestOfTheWorld(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 120) int customers) {
    World world = WorldGenerator.generate(spec(seed, customers));
    ConversationSpec other = new ConversationSpec("Acme", List.of("Globex"),
        List.of(org.engagement.core.conversation.message.KeyMessage.ofPhrases("Fast", "fast")), List.of("zed"));
    World changed = WorldGenerator.generate(
        WorldSpec.builder().seed(seed).customers(customers).conversations(other).build());
    assertThat(changed.customers()).isEqualTo(world.customers());
    assertThat(changed.interactions()).isEqualTo(world.interactions());
    assertThat(changed.survey()).isEqualTo(world.survey());
    assertThat(changed.truth()).isEqualTo(world.truth());
    assertThat(changed.costs()).isEqualTo(world.costs());
  }

  private static int index(String author) {
    return Integer.parseInt(author.substring(author.length() - 7)) - 1;
  }

  /** Each person's interactions, in the order of their index. */
  private static List<List<Interaction>> lives(WorldSpec spec) {
    List<List<Interaction>> lives = new ArrayList<>();
    WorldGenerator.stream(spec, new WorldVisitor() {
      @Override
      public void customer(Customer customer) {
        lives.add(new ArrayList<>());
      }

      @Override
      public void interaction(Interaction interaction) {
        lives.get(lives.size() - 1).add(interaction);
      }
    });
    return lives;
  }
}
