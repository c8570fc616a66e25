package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A place where customers and the business meet: a social network, a newsletter, a trade show, a
 * press release. Channels are open-ended; integrators create their own.
 *
 * <p>The {@code id} is what journeys and attribution results use, so it must be stable. It may not
 * contain {@code >} because journeys are written as channel ids joined by {@code " > "}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier: not blank, at most 128 characters, no control characters, no {@code >}
 * @param displayName the name shown in reports: not blank, at most 128 characters
 * @param group the channel group used to compare like with like
 * @since 0.1.0
 */
public record Channel(String id, String displayName, ChannelGroup group) implements Serializable {
  /** The longest channel id or display name accepted. */
  public static final int MAX_LENGTH = 128;

  /**
   * The canonical order of channels: by id, then display name, then group. Aggregates list channels in this
   * order, so their output and equality do not depend on the order or partitioning of their input.
   */
  public static final Comparator<Channel> ORDER =
      Comparator.comparing(Channel::id).thenComparing(Channel::displayName).thenComparing(Channel::group);

  /**
   * Validates the channel.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public Channel {
    requireName("channel id", id);
    if (id.indexOf('>') >= 0) {
      throw new InvalidFieldException("channel id", id, "must not contain '>' (the path separator)");
    }
    requireName("channel displayName", displayName);
    requirePresent(group, "group");
  }

  /** A channel whose display name is its id. */
  public static Channel of(String id, ChannelGroup group) {
    return new Channel(id, id, group);
  }

  /** A channel with a display name different from its id. */
  public static Channel of(String id, String displayName, ChannelGroup group) {
    return new Channel(id, displayName, group);
  }

  /** The channel that stands for a whole {@link ChannelGroup}: id is the group's id. */
  public static Channel ofGroup(ChannelGroup group) {
    return new Channel(group.id(), group.displayName(), group);
  }

  private static void requireName(String field, String value) {
    requirePresent(value, field);
    if (value.isBlank()) {
      throw new InvalidFieldException(field, value, "must not be blank");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidFieldException(field, value, "must be at most " + MAX_LENGTH + " characters");
    }
    Identifiers.requireNoControlCharacters(field, value);
  }
}
