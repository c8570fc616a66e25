package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Set;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One stage of a funnel: a name and the interaction types that reach it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the stage's name, shown in reports: not blank
 * @param types the interaction types whose interactions reach the stage: at least one
 * @since 0.1.0
 */
public record FunnelStage(String name, Set<InteractionType> types) implements Serializable {

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public FunnelStage {
    requireNonNull(name, "name");
    requireNonNull(types, "types");
    if (name.isBlank()) {
      throw new InvalidFieldException("stage name", name, "must not be blank");
    }
    if (types.isEmpty()) {
      throw new InvalidFieldException("stage " + name + " types", types, "must name at least one interaction type");
    }
    types = Set.copyOf(EnumSet.copyOf(types));
  }

  /**
   * A stage reached by interactions of any of {@code types}.
   *
   * @throws InvalidFieldException if the name is blank or no type is given
   */
  public static FunnelStage of(String name, InteractionType... types) {
    requireNonNull(types, "types");
    return new FunnelStage(name, Set.of(types));
  }

  /** Whether an interaction of {@code type} reaches this stage. */
  public boolean reachedBy(InteractionType type) {
    return types.contains(type);
  }
}
