package org.engagement.simulator;

import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;

/**
 * Receives a world person by person as {@link WorldGenerator#stream(WorldSpec, WorldVisitor)} makes it, so
 * that worlds of tens of millions of interactions can be written or aggregated without being held in memory.
 *
 * <p>For each person, in order of their index: {@link #customer(Customer)}, then each of their interactions in
 * time order, then their survey answer if they gave one, then their truth if they bought, then the channels
 * they are held out of, then the conversation interactions of their slot (their
 * own posts and service threads and those of the anonymous authors drawn with them, in time order; see
 * {@link ConversationSpec}). Implementations are called from one thread.
 *
 * @since 0.1.0
 */
public interface WorldVisitor {
  /** A person, before their interactions. */
  default void customer(Customer customer) {}

  /** One interaction of the person last passed to {@link #customer(Customer)}. */
  default void interaction(Interaction interaction) {}

  /** The survey answer of the person last passed to {@link #customer(Customer)}. */
  default void surveyAnswer(SurveyAnswer answer) {}

  /** The truth about the person last passed to {@link #customer(Customer)}, if they made a first purchase. */
  default void customerTruth(CustomerTruth truth) {}

  /** The person last passed to {@link #customer(Customer)} is held out of {@code channel} (a channel id). */
  default void heldOut(String customerId, String channel) {}

  /**
   * One interaction of the conversation feed, with content: a mention, share, service request or reply of the
   * slot of the person last passed to {@link #customer(Customer)}; its author may be an anonymous one.
   */
  default void conversation(Interaction interaction) {}
}
