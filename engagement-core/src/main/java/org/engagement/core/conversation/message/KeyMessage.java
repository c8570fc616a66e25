package org.engagement.core.conversation.message;

import static java.util.Objects.requireNonNull;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.text.TextFolding;

/**
 * A message the brand wants customers to repeat, recognised by its matchers: phrases (a keyword is a
 * one-word phrase) found as whole words in an interaction's text or tags; hashtags, found among its
 * hashtags or as {@code #tag} in its text; and link patterns, found at the start of its links once
 * scheme and {@code www.} are set aside. All matching ignores case and accents.
 *
 * <p>A value, serialisable: pull-through counts built apart with equal messages merge. Immutable and
 * thread-safe.
 *
 * @param name the message's name in reports: 1 to 128 characters, not blank
 * @param phrases keywords and phrases: each with something left after folding
 * @param hashtags hashtags, with or without their {@code #}: each with something left after folding
 * @param links link patterns such as {@code example.com/launch}: each with something left after folding
 * @since 0.1.0
 */
public record KeyMessage(String name, List<String> phrases, List<String> hashtags, List<String> links)
    implements Serializable {
  private static final int MAX_NAME_LENGTH = 128;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if the message has no matcher at all, or breaks a rule in the parameter
   *     descriptions
   */
  public KeyMessage {
    requireNonNull(name, "name");
    if (name.isBlank() || name.length() > MAX_NAME_LENGTH) {
      throw new InvalidFieldException("key message name", name, "must be 1 to 128 characters, not blank");
    }
    phrases = checked("phrases", name, phrases);
    hashtags = checked("hashtags", name, Content.bareHashtags(hashtags));
    links = checked("links", name, links);
    if (phrases.isEmpty() && hashtags.isEmpty() && links.isEmpty()) {
      throw new InvalidFieldException("key message '" + name + "' matchers", "none",
          "must include at least one phrase, hashtag or link pattern, or the message could never match");
    }
  }

  /** A message recognised by phrases only. */
  public static KeyMessage ofPhrases(String name, String... phrases) {
    return new KeyMessage(name, List.of(phrases), List.of(), List.of());
  }

  /** A builder for the message called {@code name}. */
  public static Builder named(String name) {
    return new Builder(name);
  }

  private static List<String> checked(String field, String name, List<String> values) {
    requireNonNull(values, field);
    for (String value : values) {
      requireNonNull(value, field);
      if (TextFolding.fold(value).isEmpty()) {
        throw new InvalidFieldException("key message '" + name + "' " + field, value,
            "must contain something besides white space and marks");
      }
    }
    return List.copyOf(values);
  }

  /**
   * Collects a key message's matchers. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String name;
    private final List<String> phrases = new ArrayList<>();
    private final List<String> hashtags = new ArrayList<>();
    private final List<String> links = new ArrayList<>();

    private Builder(String name) {
      this.name = requireNonNull(name, "name");
    }

    /** Adds keywords or phrases. @return this builder */
    public Builder phrases(String... values) {
      phrases.addAll(List.of(values));
      return this;
    }

    /** Adds hashtags, with or without their {@code #}. @return this builder */
    public Builder hashtags(String... values) {
      hashtags.addAll(List.of(values));
      return this;
    }

    /** Adds link patterns. @return this builder */
    public Builder links(String... values) {
      links.addAll(List.of(values));
      return this;
    }

    /**
     * Builds the message.
     *
     * @throws InvalidFieldException if there is no matcher, or one breaks a rule of {@link KeyMessage}
     */
    public KeyMessage build() {
      return new KeyMessage(name, phrases, hashtags, links);
    }
  }
}
