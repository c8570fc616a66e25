package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;

/**
 * A simulated CRM world held in memory: its people, their interactions, the channels' costs, the survey
 * answers, the ground truth of what each channel caused. Made by {@link WorldGenerator#generate(WorldSpec)};
 * for worlds too large for memory use {@link WorldGenerator#stream(WorldSpec, WorldVisitor)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param spec what the world was made from
 * @param customers the people, customers and prospects alike, in order of their ids
 * @param interactions every interaction in time order (at equal instants, by customer id)
 * @param costs every channel's cost for every month, by month then channel in the spec's order
 * @param survey the answers given, in order of customer ids
 * @param truth what each channel truly caused
 * @param customerTruth the truth about each buyer, in order of their ids
 * @param heldOut the people held out of a channel by the spec's holdouts, in order of their ids
 * @param conversations the conversation feed (mentions, shares, service threads, all with content) in time
 *     order (at equal instants, by author id)
 * @since 0.1.0
 */
public record World(
    WorldSpec spec,
    List<Customer> customers,
    List<Interaction> interactions,
    List<MonthlyCost> costs,
    List<SurveyAnswer> survey,
    GroundTruth truth,
    List<CustomerTruth> customerTruth,
    List<HeldOut> heldOut,
    List<Interaction> conversations) {
  /** Checks for nulls and copies the lists. */
  public World {
    requireNonNull(spec, "spec");
    customers = List.copyOf(customers);
    interactions = List.copyOf(interactions);
    costs = List.copyOf(costs);
    survey = List.copyOf(survey);
    requireNonNull(truth, "truth");
    customerTruth = List.copyOf(customerTruth);
    heldOut = List.copyOf(heldOut);
    conversations = List.copyOf(conversations);
  }
}
