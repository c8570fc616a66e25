package org.engagement.core.conversation;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.jspecify.annotations.Nullable;

/**
 * The interactions that conversation metrics count as someone talking about a brand: inbound
 * {@linkplain InteractionType#MENTION mentions} and {@linkplain InteractionType#SHARE shares}. Outbound
 * ones are the brand talking about itself and are not counted. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum MentionKind {
  /** An inbound mention. */
  MENTION,
  /** An inbound share. */
  SHARE;

  /** The kind of {@code interaction}, or {@code null} if it is not an inbound mention or share. */
  public static @Nullable MentionKind of(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    if (interaction.direction() != Direction.INBOUND) {
      return null;
    }
    return switch (interaction.type()) {
      case MENTION -> MENTION;
      case SHARE -> SHARE;
      default -> null;
    };
  }
}
