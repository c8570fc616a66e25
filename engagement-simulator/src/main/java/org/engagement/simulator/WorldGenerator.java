package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;

/**
 * Makes a seeded, realistic CRM world in which every channel's true effect on conversion is known, so that
 * attribution models can be judged against the truth.
 *
 * <h2>The simulation</h2>
 * Each person {@code i} lives from their own {@link SplittableRandom}, seeded from the spec's seed and
 * {@code i} alone, so a world does not depend on the order people are simulated in, and the same spec always
 * gives the same world. A person:
 * <ol>
 *   <li>arrives (is first seen) at a uniform instant between the start of the world and
 *       {@link WorldSpec#inMarketWeeks()} before its end, so that everyone's time in the market is observed
 *       in full, and belongs to a segment: {@code smb} (60%), {@code mid-market} (30%) or {@code enterprise}
 *       (10%). They draw their repeat-buying traits ({@link RepeatBuying}: purchase rate, dropout probability,
 *       spend scale) and an intent (used by {@link WorldMechanism#CONFOUNDED}), and, for each of the spec's
 *       {@linkplain WorldSpec#holdouts() holdouts}, whether they are held out of its channel (then the channel
 *       never touches them);
 *   <li>is reached by each channel with the channel's {@linkplain ChannelSpec#reach() reach} and then touched
 *       as its {@linkplain TouchTiming timing} says, with interaction types drawn from the channel's (except
 *       where the {@linkplain WorldSpec#mechanism() mechanism} says otherwise);
 *   <li>goes through the funnel as the mechanism says: in weekly steps from arrival, a person who has not
 *       bought yet advances one stage (prospect to lead, lead to opportunity, opportunity to customer) when a
 *       uniform draw is below the mechanism's hazard; or, in a {@link WorldMechanism#MARKOV} world, buys when
 *       their walk over the channels converts. The funnel stops after {@link WorldSpec#inMarketWeeks()} weeks:
 *       a person who has not bought by then stays a prospect. Each advance is an interaction ({@code lead},
 *       {@code opportunity}, {@code purchase}) a few hours after the week's end, on the channel of the latest
 *       touch (the CRM's "source"), or on the first direct channel when there was none;
 *   <li>after the first purchase, buys again and drops out as {@link RepeatBuying} says (continuous time, on
 *       the first direct channel; no more interactions after dropping out) and spends a Gamma-distributed
 *       amount on every purchase. Purchases carry the attribute {@code purchase_number} ({@code "1"} for the
 *       first purchase, the conversion attribution is judged on). Purchases are counted on for
 *       {@link WorldSpec#holdoutWeeks()} after the end, for the customer's truth ({@link CustomerTruth});
 *   <li>if they bought, answers the survey with the response rate. With the error rate the answer is a phrase
 *       of a channel drawn uniformly (a wrong memory); otherwise it names a channel that touched them before
 *       the first purchase, drawn in proportion to its lift (people name what made them buy), or the channel of
 *       their first touch when none of those had any lift. A buyer never touched before the purchase gives no
 *       answer.
 * </ol>
 * The ground truth comes from replaying each person's journey without each channel ({@link GroundTruth}).
 * Every random draw uses {@link SplittableRandom}, {@link StrictMath} and Hipparchus's samplers (pure Java),
 * so worlds are identical on every JVM.
 * The conversation feed (mentions, shares and social service threads about the brands of
 * {@link WorldSpec#conversations()}) is simulated after each person, from a stream seeded from the seed, the
 * person's index and a constant of its own, so that the rest of the world is the same with or without it; its
 * rates are in the package description.
 * Costs are each channel's monthly cost, scaled by the number of people over
 * {@value WorldSpec#COST_BASE_CUSTOMERS}, times a uniform factor in {@code [0.9, 1.1]}, rounded to the
 * currency's minor unit, from a stream of their own.
 *
 * <p>The generator is stateless; its methods are thread-safe.
 *
 * @since 0.1.0
 */
public final class WorldGenerator {
  private static final long COST_STREAM = 0x436F737473L;

  private WorldGenerator() {}

  /**
   * The whole world in memory: fine for the bundled sample and for tests; for tens of millions of
   * interactions use {@link #stream(WorldSpec, WorldVisitor)}.
   */
  public static World generate(WorldSpec spec) {
    requireNonNull(spec, "spec");
    List<Customer> customers = new ArrayList<>(spec.customers());
    List<Interaction> interactions = new ArrayList<>();
    List<SurveyAnswer> survey = new ArrayList<>();
    List<Interaction> conversations = new ArrayList<>();
    List<CustomerTruth> customerTruth = new ArrayList<>();
    List<HeldOut> heldOut = new ArrayList<>();
    GroundTruth truth = stream(spec, new WorldVisitor() {
      @Override
      public void customerTruth(CustomerTruth row) {
        customerTruth.add(row);
      }

      @Override
      public void heldOut(String customerId, String channel) {
        heldOut.add(new HeldOut(customerId, channel));
      }

      @Override
      public void customer(Customer customer) {
        customers.add(customer);
      }

      @Override
      public void interaction(Interaction interaction) {
        interactions.add(interaction);
      }

      @Override
      public void surveyAnswer(SurveyAnswer answer) {
        survey.add(answer);
      }

      @Override
      public void conversation(Interaction interaction) {
        conversations.add(interaction);
      }
    });
    Comparator<Interaction> order = Comparator.comparing(Interaction::timestamp).thenComparing(Interaction::customerId);
    interactions.sort(order);
    conversations.sort(order);
    return new World(spec, customers, interactions, costs(spec), survey, truth, customerTruth, heldOut,
        conversations);
  }

  /**
   * Makes the world person by person, passing each to {@code visitor}, and returns the ground truth. Memory
   * stays constant whatever the number of people.
   */
  public static GroundTruth stream(WorldSpec spec, WorldVisitor visitor) {
    requireNonNull(spec, "spec");
    requireNonNull(visitor, "visitor");
    CustomerSimulation simulation = new CustomerSimulation(spec);
    ConversationSimulation conversation = new ConversationSimulation(spec);
    int channels = spec.channels().size();
    long[] incremental = new long[channels];
    long firstPurchases = 0;
    for (int i = 0; i < spec.customers(); i++) {
      CustomerLife life = simulation.simulate(i);
      visit(spec, life, conversation.simulate(i, life), visitor);
      if (life.purchased()) {
        firstPurchases++;
      }
      for (int bits = life.gained(); bits != 0; bits &= bits - 1) {
        incremental[Integer.numberOfTrailingZeros(bits)]++;
      }
      for (int bits = life.lost(); bits != 0; bits &= bits - 1) {
        incremental[Integer.numberOfTrailingZeros(bits)]--;
      }
    }
    List<String> ids = spec.channels().stream().map(ChannelSpec::id).toList();
    return GroundTruth.of(firstPurchases, ids, incremental);
  }

  /**
   * Makes people {@code from} (inclusive) to {@code to} (exclusive) of the world of {@code spec}, passing each
   * to {@code visitor} exactly as {@link #stream} does. A person's life depends only on the seed and their
   * index, so ranges made apart (in parallel tasks, on other machines) together are the world {@code stream}
   * makes: how a data-parallel engine generates a world too large for one writer. The ground truth is not
   * returned: it counts the whole world.
   *
   * @throws InvalidFieldException if the range is not within {@code [0, spec.customers()]} or {@code to} is
   *     before {@code from}
   */
  public static void stream(WorldSpec spec, int from, int to, WorldVisitor visitor) {
    requireNonNull(spec, "spec");
    requireNonNull(visitor, "visitor");
    if (from < 0 || from > to) {
      throw new InvalidFieldException("from", from, "must be in [0, to] (to = " + to + ")");
    }
    if (to > spec.customers()) {
      throw new InvalidFieldException("to", to, "must be at most the world's customers, " + spec.customers());
    }
    CustomerSimulation simulation = new CustomerSimulation(spec);
    ConversationSimulation conversation = new ConversationSimulation(spec);
    for (int i = from; i < to; i++) {
      CustomerLife life = simulation.simulate(i);
      visit(spec, life, conversation.simulate(i, life), visitor);
    }
  }

  private static void visit(WorldSpec spec, CustomerLife life, List<Interaction> conversations,
      WorldVisitor visitor) {
    visitor.customer(life.customer());
    life.interactions().forEach(visitor::interaction);
    if (life.answer() != null) {
      visitor.surveyAnswer(life.answer());
    }
    if (life.truth() != null) {
      visitor.customerTruth(life.truth());
    }
    for (int bits = life.heldOut(); bits != 0; bits &= bits - 1) {
      visitor.heldOut(life.customer().id(), spec.channels().get(Integer.numberOfTrailingZeros(bits)).id());
    }
    conversations.forEach(visitor::conversation);
  }

  /**
   * Every channel's cost for every month of the world, by month then channel in the spec's order: the channel's
   * monthly cost scaled by {@code customers / }{@value WorldSpec#COST_BASE_CUSTOMERS}, times the month's factor.
   */
  public static List<MonthlyCost> costs(WorldSpec spec) {
    requireNonNull(spec, "spec");
    SplittableRandom random = new SplittableRandom(CustomerSimulation.seedOf(spec.seed() ^ COST_STREAM, -1));
    List<MonthlyCost> costs = new ArrayList<>(spec.months() * spec.channels().size());
    YearMonth first = YearMonth.from(spec.start());
    double scale = spec.customers() / (double) WorldSpec.COST_BASE_CUSTOMERS;
    for (int m = 0; m < spec.months(); m++) {
      for (ChannelSpec channel : spec.channels()) {
        Money mean = channel.monthlyCost();
        long minor = Math.round(mean.minorUnits() * scale * (0.9 + 0.2 * random.nextDouble()));
        costs.add(new MonthlyCost(first.plusMonths(m), channel.id(), channel.owner(),
            Money.ofMinor(minor, mean.currency())));
      }
    }
    return costs;
  }
}
