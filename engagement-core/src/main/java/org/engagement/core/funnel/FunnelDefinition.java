package org.engagement.core.funnel;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The ordered stages of a funnel.
 *
 * <p>The {@linkplain #defaults() default} has four stages:
 *
 * <table>
 *   <caption>Default stages</caption>
 *   <tr><th>stage</th><th>reached by</th></tr>
 *   <tr><td>{@code touch}</td><td>every interaction type except {@code LEAD}, {@code OPPORTUNITY} and
 *       {@code PURCHASE}</td></tr>
 *   <tr><td>{@code lead}</td><td>{@code LEAD}</td></tr>
 *   <tr><td>{@code opportunity}</td><td>{@code OPPORTUNITY}</td></tr>
 *   <tr><td>{@code customer}</td><td>{@code PURCHASE}</td></tr>
 * </table>
 *
 * <p>Reaching a stage implies reaching every earlier one (see {@link Funnel}), so a customer whose first
 * interaction is a lead has also been touched.
 *
 * <p>A value: funnels of equal definitions (the same stages, names and types, in the same order) merge,
 * wherever they were built. Immutable and thread-safe.
 *
 * @param stages the stages in funnel order: at least one, names distinct
 * @since 0.1.0
 */
public record FunnelDefinition(List<FunnelStage> stages) implements Serializable {
  private static final FunnelDefinition DEFAULTS =
      new FunnelDefinition(
          List.of(
              new FunnelStage(
                  "touch",
                  EnumSet.complementOf(
                      EnumSet.of(InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE))),
              FunnelStage.of("lead", InteractionType.LEAD),
              FunnelStage.of("opportunity", InteractionType.OPPORTUNITY),
              FunnelStage.of("customer", InteractionType.PURCHASE)));

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if there is no stage or two stages share a name
   */
  public FunnelDefinition {
    stages = List.copyOf(requireNonNull(stages, "stages"));
    if (stages.isEmpty()) {
      throw new InvalidFieldException("stages", stages, "must hold at least one stage");
    }
    Set<String> names = new HashSet<>();
    for (FunnelStage stage : stages) {
      if (!names.add(stage.name())) {
        throw new InvalidFieldException("stage name", stage.name(), "must be unique within a funnel");
      }
    }
  }

  /** The default funnel: touch, lead, opportunity, customer (table above). */
  public static FunnelDefinition defaults() {
    return DEFAULTS;
  }

  /**
   * A funnel of {@code stages} in the given order.
   *
   * @throws InvalidFieldException if there is no stage or two stages share a name
   */
  public static FunnelDefinition of(FunnelStage... stages) {
    return new FunnelDefinition(List.of(stages));
  }

  /** The number of stages. */
  public int size() {
    return stages.size();
  }

  /** The stage names, in order. */
  public List<String> names() {
    return stages.stream().map(FunnelStage::name).toList();
  }
}
