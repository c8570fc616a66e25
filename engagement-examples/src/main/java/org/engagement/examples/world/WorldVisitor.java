package org.engagement.examples.world;

import org.engagement.core.model.Customer;
import org.engagement.core.model.Interaction;

/**
 * Receives a world person by person as {@link WorldGenerator#stream(WorldSpec, WorldVisitor)} makes it, so
 * that worlds of tens of millions of interactions can be written or aggregated without being held in memory.
 *
 * <p>For each person, in order of their index: {@link #customer(Customer)}, then each of their interactions in
 * time order, then their survey answer if they gave one. Implementations are called from one thread.
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
}
