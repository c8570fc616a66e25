package org.engagement.core.engagement;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.Arrays;
import java.util.Locale;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * How much one interaction adds to an engagement score: the weight of its type times a multiplier for
 * its direction and one for its channel group.
 *
 * <p>The {@linkplain #defaults() defaults} rank what the customer does by the effort it takes and how
 * close it is to business value. A conversation (reply, comment, share, call) weighs more than a like,
 * a like more than an open or a visit, and those more than an impression; leads, opportunities,
 * purchases and event attendance weigh most; what the business sends weighs almost nothing.
 *
 * <table>
 *   <caption>Default weights by interaction type</caption>
 *   <tr><th>type</th><th>weight</th></tr>
 *   <tr><td>{@code impression}</td><td>0.1</td></tr>
 *   <tr><td>{@code send}</td><td>0.05</td></tr>
 *   <tr><td>{@code visit}, {@code open}</td><td>1</td></tr>
 *   <tr><td>{@code click}</td><td>2</td></tr>
 *   <tr><td>{@code like}</td><td>2</td></tr>
 *   <tr><td>{@code follow}</td><td>3</td></tr>
 *   <tr><td>{@code subscribe}, {@code support_request}</td><td>4</td></tr>
 *   <tr><td>{@code mention}</td><td>5</td></tr>
 *   <tr><td>{@code comment}, {@code share}</td><td>6</td></tr>
 *   <tr><td>{@code reply}, {@code call}</td><td>8</td></tr>
 *   <tr><td>{@code event_attendance}</td><td>15</td></tr>
 *   <tr><td>{@code lead}</td><td>20</td></tr>
 *   <tr><td>{@code opportunity}</td><td>25</td></tr>
 *   <tr><td>{@code purchase}</td><td>30</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Default multipliers</caption>
 *   <tr><th>of</th><th>multiplier</th></tr>
 *   <tr><td>direction {@code inbound} (the customer reached out)</td><td>1</td></tr>
 *   <tr><td>direction {@code outbound} (the business reached out)</td><td>0.5</td></tr>
 *   <tr><td>every channel group</td><td>1</td></tr>
 * </table>
 *
 * <p>So by default an inbound reply adds 8, an outbound reply (the business answering) 4, an
 * impression (outbound by default) 0.05 and a send 0.025.
 *
 * <p>Every weight and multiplier must be finite and between 0 and {@value EngagementWeights#MAX}
 * inclusive; the bound keeps sums of many weighted interactions far from overflow. Instances are immutable and
 * thread-safe; the {@link Builder} is not thread-safe.
 *
 * @since 0.1.0
 */
@SuppressWarnings("EnumOrdinal") // arrays indexed by ordinal on purpose: weight() runs for every interaction scored
public final class EngagementWeights implements Serializable {
  private static final long serialVersionUID = 1L;

  /** The largest weight or multiplier accepted. */
  public static final double MAX = 1_000_000;

  private static final EngagementWeights DEFAULTS = builder().build();

  private final double[] byType;
  private final double[] byDirection;
  private final double[] byGroup;

  private EngagementWeights(double[] byType, double[] byDirection, double[] byGroup) {
    this.byType = byType;
    this.byDirection = byDirection;
    this.byGroup = byGroup;
  }

  /** The documented default weights (see the tables above). */
  public static EngagementWeights defaults() {
    return DEFAULTS;
  }

  /** A builder that starts from the {@linkplain #defaults() defaults}. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these weights. */
  public Builder toBuilder() {
    return new Builder(byType, byDirection, byGroup);
  }

  /** The weight of {@code type} before multipliers. */
  public double typeWeight(InteractionType type) {
    return byType[type.ordinal()];
  }

  /** The multiplier for {@code direction}. */
  public double directionMultiplier(Direction direction) {
    return byDirection[direction.ordinal()];
  }

  /** The multiplier for {@code group}. */
  public double groupMultiplier(ChannelGroup group) {
    return byGroup[group.ordinal()];
  }

  /** The weight of an interaction with these properties: type weight times both multipliers. */
  public double weight(InteractionType type, Direction direction, ChannelGroup group) {
    return byType[type.ordinal()] * byDirection[direction.ordinal()] * byGroup[group.ordinal()];
  }

  /** The weight of {@code interaction}: its type's weight times its direction and group multipliers. */
  public double weight(Interaction interaction) {
    return weight(interaction.type(), interaction.direction(), interaction.channel().group());
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof EngagementWeights w
        && Arrays.equals(byType, w.byType)
        && Arrays.equals(byDirection, w.byDirection)
        && Arrays.equals(byGroup, w.byGroup);
  }

  @Override
  public int hashCode() {
    int hash = 31 * Arrays.hashCode(byType) + Arrays.hashCode(byDirection);
    return 31 * hash + Arrays.hashCode(byGroup);
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("EngagementWeights[");
    for (InteractionType type : InteractionType.values()) {
      sb.append(type.id()).append('=').append(byType[type.ordinal()]).append(", ");
    }
    for (Direction direction : Direction.values()) {
      sb.append("direction[").append(direction.name().toLowerCase(Locale.ROOT)).append("]=");
      sb.append(byDirection[direction.ordinal()]).append(", ");
    }
    for (ChannelGroup group : ChannelGroup.values()) {
      if (byGroup[group.ordinal()] != 1) {
        sb.append("group[").append(group.id()).append("]=").append(byGroup[group.ordinal()]).append(", ");
      }
    }
    sb.setLength(sb.length() - 2);
    return sb.append(']').toString();
  }

  private static double check(String field, double value) {
    if (!Double.isFinite(value) || value < 0 || value > MAX) {
      throw new InvalidFieldException(field, value, "must be a finite number between 0 and " + MAX);
    }
    return value;
  }

  /**
   * Builds {@link EngagementWeights}, starting from the defaults. Each setter checks its value at once
   * and throws {@link InvalidFieldException} naming the field (for example {@code typeWeight[reply]}),
   * the value and the rule. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final double[] byType;
    private final double[] byDirection;
    private final double[] byGroup;

    private Builder() {
      byType = new double[InteractionType.values().length];
      byDirection = new double[Direction.values().length];
      byGroup = new double[ChannelGroup.values().length];
      for (InteractionType type : InteractionType.values()) {
        byType[type.ordinal()] = defaultWeight(type);
      }
      byDirection[Direction.INBOUND.ordinal()] = 1;
      byDirection[Direction.OUTBOUND.ordinal()] = 0.5;
      Arrays.fill(byGroup, 1);
    }

    private Builder(double[] byType, double[] byDirection, double[] byGroup) {
      this.byType = byType.clone();
      this.byDirection = byDirection.clone();
      this.byGroup = byGroup.clone();
    }

    private static double defaultWeight(InteractionType type) {
      return switch (type) {
        case IMPRESSION -> 0.1;
        case SEND -> 0.05;
        case VISIT, OPEN -> 1;
        case CLICK, LIKE -> 2;
        case FOLLOW -> 3;
        case SUBSCRIBE, SUPPORT_REQUEST -> 4;
        case MENTION -> 5;
        case COMMENT, SHARE -> 6;
        case REPLY, CALL -> 8;
        case EVENT_ATTENDANCE -> 15;
        case LEAD -> 20;
        case OPPORTUNITY -> 25;
        case PURCHASE -> 30;
      };
    }

    /**
     * Sets the weight of {@code type}.
     *
     * @return this builder
     * @throws InvalidFieldException if {@code weight} is not finite or not between 0
     *     and {@value EngagementWeights#MAX}
     */
    public Builder typeWeight(InteractionType type, double weight) {
      requireNonNull(type, "type");
      byType[type.ordinal()] = check("typeWeight[" + type.id() + "]", weight);
      return this;
    }

    /**
     * Sets the multiplier for {@code direction}.
     *
     * @return this builder
     * @throws InvalidFieldException if {@code multiplier} is not finite or not between 0
     *     and {@value EngagementWeights#MAX}
     */
    public Builder directionMultiplier(Direction direction, double multiplier) {
      requireNonNull(direction, "direction");
      byDirection[direction.ordinal()] =
          check("directionMultiplier[" + direction.name().toLowerCase(Locale.ROOT) + "]", multiplier);
      return this;
    }

    /**
     * Sets the multiplier for {@code group}.
     *
     * @return this builder
     * @throws InvalidFieldException if {@code multiplier} is not finite or not between 0
     *     and {@value EngagementWeights#MAX}
     */
    public Builder groupMultiplier(ChannelGroup group, double multiplier) {
      requireNonNull(group, "group");
      byGroup[group.ordinal()] = check("groupMultiplier[" + group.id() + "]", multiplier);
      return this;
    }

    /** The weights set so far. */
    public EngagementWeights build() {
      return new EngagementWeights(byType.clone(), byDirection.clone(), byGroup.clone());
    }
  }
}
