package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What an interaction said and to whom, as the host or an adapter supplies it: the text, its topic tags,
 * hashtags and links, the brand it mentions, a sentiment score, the author's audience, and the service
 * thread it belongs to. Every part is optional; the SDK does no language processing and takes the scores
 * it is given.
 *
 * <p>The thread (case) id, owner and resolution mark live here rather than on {@link Interaction}: they
 * come from the same sources as the text (a listening tool, a helpdesk), they are absent from most
 * interactions, and keeping them together leaves {@code Interaction} with a single optional part.
 *
 * <p>List items ({@code tags}, {@code hashtags}, {@code links}) may not contain {@code |}, which separates
 * them in CSV files. A content with no part at all is {@linkplain #isEmpty() empty};
 * {@link Interaction} stores no content rather than an empty one. Immutable and thread-safe.
 *
 * @param text the message text: not empty, at most {@value Attributes#MAX_STRING_LENGTH} characters, no
 *     control characters other than tab, line feed and carriage return
 * @param tags topic tags: each 1 to {@value #MAX_ITEM_LENGTH} characters, no white space at either end,
 *     no control characters, no {@code |}
 * @param hashtags hashtags without their {@code #} (a leading {@code #} given is removed): each 1 to
 *     {@value #MAX_ITEM_LENGTH} characters, no white space, no control characters, no {@code #} or {@code |}
 * @param links links: each 1 to {@value #MAX_LINK_LENGTH} characters, no white space, no control
 *     characters, no {@code |}
 * @param brand the brand mentioned: 1 to {@value Channel#MAX_LENGTH} characters, no white space at either
 *     end, no control characters, no {@code |}
 * @param sentiment a sentiment score from −1 (negative) to 1 (positive)
 * @param audience the author's audience (followers, list size): not negative
 * @param threadId the thread or case id that links a request to its replies; identifier rules as for
 *     {@link Interaction#customerId()}
 * @param owner who handled the interaction (an agent or team); identifier rules as for the thread id
 * @param resolved whether this interaction marks its thread resolved (the solving reply, or the
 *     helpdesk's close event)
 * @since 0.1.0
 */
public record Content(
    @Nullable String text,
    List<String> tags,
    List<String> hashtags,
    List<String> links,
    @Nullable String brand,
    @Nullable Double sentiment,
    @Nullable Long audience,
    @Nullable String threadId,
    @Nullable String owner,
    boolean resolved)
    implements Serializable {
  /** The longest tag or hashtag accepted. */
  public static final int MAX_ITEM_LENGTH = 256;
  /** The longest link accepted. */
  public static final int MAX_LINK_LENGTH = 2048;

  private static final Content EMPTY = new Content(null, List.of(), List.of(), List.of(), null, null, null, null, null, false);

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public Content {
    if (text != null) {
      requireText(text);
    }
    tags = items("tags", tags, MAX_ITEM_LENGTH, false);
    hashtags = items("hashtags", alreadyBare(hashtags) ? hashtags : bareHashtags(hashtags), MAX_ITEM_LENGTH, true);
    links = items("links", links, MAX_LINK_LENGTH, true);
    if (brand != null) {
      requireItem("brand", brand, Channel.MAX_LENGTH, false);
    }
    if (sentiment != null && !(sentiment >= -1 && sentiment <= 1)) {
      throw new InvalidFieldException("sentiment", sentiment, "must be a number from -1 to 1");
    }
    if (audience != null && audience < 0) {
      throw new InvalidFieldException("audience", audience, "must not be negative");
    }
    if (threadId != null) {
      Identifiers.requireId("threadId", threadId);
    }
    if (owner != null) {
      Identifiers.requireId("owner", owner);
    }
  }

  /** Content with no part at all. */
  public static Content empty() {
    return EMPTY;
  }

  /** Content that is only a text. */
  public static Content ofText(String text) {
    return builder().text(text).build();
  }

  /** A builder; every part is optional. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this content's parts. */
  public Builder toBuilder() {
    return new Builder()
        .text(text).tags(tags).hashtags(hashtags).links(links).brand(brand).sentiment(sentiment)
        .audience(audience).threadId(threadId).owner(owner).resolved(resolved);
  }

  /**
   * Whether no part is given: equal to {@link #empty()}, checked part by part (every interaction made with content
   * asks, and the record's generated {@code equals} was 1 % of a report's samples, issue 16).
   */
  public boolean isEmpty() {
    return text == null && tags.isEmpty() && hashtags.isEmpty() && links.isEmpty() && brand == null
        && sentiment == null && audience == null && threadId == null && owner == null && !resolved;
  }

  private static void requireText(String text) {
    if (text.isEmpty()) {
      throw new InvalidFieldException("text", text, "must not be empty (leave it out instead)");
    }
    if (text.length() > Attributes.MAX_STRING_LENGTH) {
      throw new InvalidFieldException("text", text, "must be at most " + Attributes.MAX_STRING_LENGTH + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r') {
        throw new InvalidFieldException("text", text, "must not contain control characters other than tab and line ends");
      }
    }
  }

  /**
   * Hashtags as content keeps them: without their leading {@code #} ({@code #Launch} and {@code Launch} are
   * the same tag), in order. Matchers that compare hashtags use the same form.
   *
   * @throws InvalidFieldException if the list or a tag is missing
   */
  public static List<String> bareHashtags(List<String> hashtags) {
    requirePresent(hashtags, "hashtags");
    List<String> stripped = new ArrayList<>(hashtags.size());
    for (String tag : hashtags) {
      requirePresent(tag, "hashtag");
      stripped.add(tag.startsWith("#") ? tag.substring(1) : tag);
    }
    return stripped;
  }

  /**
   * Whether {@link #bareHashtags} would give {@code hashtags} as they are: present, every tag present and none with a
   * leading {@code #}, as a feed's are; then the constructor takes them without that copy (issue 16).
   */
  private static boolean alreadyBare(@Nullable List<String> hashtags) {
    if (hashtags == null) {
      return false;
    }
    for (int i = 0; i < hashtags.size(); i++) {
      String tag = hashtags.get(i);
      if (tag == null || tag.startsWith("#")) {
        return false;
      }
    }
    return true;
  }

  private static List<String> items(String field, List<String> values, int maxLength, boolean noSpace) {
    requirePresent(values, field);
    boolean hashtags = field.equals("hashtags");
    for (int i = 0; i < values.size(); i++) {
      // by index: a content's lists are short and random-access (List.of or copies of it), and this runs per row
      String value = values.get(i);
      requireItem(field, value, maxLength, noSpace);
      if (hashtags && value.indexOf('#') >= 0) {
        throw new InvalidFieldException(field, value, "must not contain '#' after the leading one");
      }
    }
    return List.copyOf(values);
  }

  private static void requireItem(String field, String value, int maxLength, boolean noSpace) {
    requirePresent(value, field);
    if (value.isBlank() || value.length() > maxLength) {
      throw new InvalidFieldException(field, value, "must be 1 to " + maxLength + " characters, not blank");
    }
    if (Character.isWhitespace(value.charAt(0)) || Character.isWhitespace(value.charAt(value.length() - 1))) {
      throw new InvalidFieldException(field, value, "must not start or end with white space");
    }
    if (value.indexOf('|') >= 0) {
      throw new InvalidFieldException(field, value, "must not contain '|' (the list separator in files)");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isISOControl(c) || (noSpace && Character.isWhitespace(c))) {
        throw new InvalidFieldException(field, value, noSpace
            ? "must not contain white space or control characters" : "must not contain control characters");
      }
    }
  }

  /**
   * Builds {@link Content}. Not thread-safe; the content it builds is.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String text;
    private List<String> tags = List.of();
    private List<String> hashtags = List.of();
    private List<String> links = List.of();
    private @Nullable String brand;
    private @Nullable Double sentiment;
    private @Nullable Long audience;
    private @Nullable String threadId;
    private @Nullable String owner;
    private boolean resolved;

    private Builder() {}

    /** Sets the text, or clears it with {@code null}. @return this builder */
    public Builder text(@Nullable String text) {
      this.text = text;
      return this;
    }

    /** Sets the topic tags. @return this builder */
    public Builder tags(List<String> tags) {
      this.tags = requirePresent(tags, "tags");
      return this;
    }

    /** Sets the hashtags, with or without their {@code #}. @return this builder */
    public Builder hashtags(List<String> hashtags) {
      this.hashtags = requirePresent(hashtags, "hashtags");
      return this;
    }

    /** Sets the links. @return this builder */
    public Builder links(List<String> links) {
      this.links = requirePresent(links, "links");
      return this;
    }

    /** Sets the brand mentioned, or clears it with {@code null}. @return this builder */
    public Builder brand(@Nullable String brand) {
      this.brand = brand;
      return this;
    }

    /** Sets the sentiment score in [−1, 1], or clears it with {@code null}. @return this builder */
    public Builder sentiment(@Nullable Double sentiment) {
      this.sentiment = sentiment;
      return this;
    }

    /** Sets the author's audience size, or clears it with {@code null}. @return this builder */
    public Builder audience(@Nullable Long audience) {
      this.audience = audience;
      return this;
    }

    /** Sets the thread or case id, or clears it with {@code null}. @return this builder */
    public Builder threadId(@Nullable String threadId) {
      this.threadId = threadId;
      return this;
    }

    /** Sets who handled the interaction, or clears it with {@code null}. @return this builder */
    public Builder owner(@Nullable String owner) {
      this.owner = owner;
      return this;
    }

    /** Marks whether this interaction resolves its thread. @return this builder */
    public Builder resolved(boolean resolved) {
      this.resolved = resolved;
      return this;
    }

    /**
     * Builds the content.
     *
     * @throws InvalidFieldException if a part breaks a rule of {@link Content}
     */
    public Content build() {
      return new Content(text, tags, hashtags, links, brand, sentiment, audience, threadId, owner, resolved);
    }
  }
}
