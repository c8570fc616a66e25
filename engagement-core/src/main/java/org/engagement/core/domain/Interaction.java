package org.engagement.core.domain;

import static org.engagement.core.domain.InvalidFieldException.requirePresent;

import java.io.Serializable;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One touch between a customer and the business: an impression, a reply, a visit, a purchase.
 *
 * <p>Interactions are the raw material of every metric in the SDK. They are built with
 * {@link #builder()} or by a channel adapter during an import.
 *
 * @param customerId who: not blank, no white space at either end, at most 256 characters, no control
 *     characters
 * @param channel where
 * @param timestamp when, as an instant in the years 0001 to 9999 (sources without a zone offset are
 *     refused on import)
 * @param type what happened
 * @param direction who started it; defaults to the type's {@linkplain InteractionType#defaultDirection()
 *     default direction} in the builder
 * @param value what it was worth, if anything; never negative
 * @param sourceId the identifier of the record in its source system, used to recognise duplicates;
 *     {@code null} if the source has none
 * @param attributes extra facts (campaign, post id, ...)
 * @param content what the interaction said (text, tags, brand, sentiment, audience, service thread), or
 *     {@code null} if nothing is known; an {@linkplain Content#isEmpty() empty} content is stored as
 *     {@code null}, so that equal facts give equal interactions
 * @since 0.1.0
 */
public record Interaction(
    String customerId,
    Channel channel,
    Instant timestamp,
    InteractionType type,
    Direction direction,
    @Nullable Money value,
    @Nullable String sourceId,
    Attributes attributes,
    @Nullable Content content)
    implements Serializable {
  private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
  private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

  /**
   * Validates the interaction.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public Interaction {
    Identifiers.requireCustomerId("customerId", customerId);
    requirePresent(channel, "channel");
    requirePresent(timestamp, "timestamp");
    if (timestamp.isBefore(EARLIEST) || timestamp.isAfter(LATEST)) {
      throw new InvalidFieldException("timestamp", timestamp, "must be between years 0001 and 9999 (UTC)");
    }
    requirePresent(type, "type");
    requirePresent(direction, "direction");
    if (value != null && value.isNegative()) {
      throw new InvalidFieldException("value", value, "must not be negative");
    }
    if (sourceId != null) {
      Identifiers.requireId("sourceId", sourceId);
    }
    requirePresent(attributes, "attributes");
    if (content != null && content.isEmpty()) {
      content = null;
    }
  }

  /**
   * An interaction without content: the constructor every caller used before content existed.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public Interaction(
      String customerId,
      Channel channel,
      Instant timestamp,
      InteractionType type,
      Direction direction,
      @Nullable Money value,
      @Nullable String sourceId,
      Attributes attributes) {
    this(customerId, channel, timestamp, type, direction, value, sourceId, attributes, null);
  }

  /** Whether the interaction carries a value. */
  public boolean hasValue() {
    return value != null;
  }

  /** Whether the interaction carries content. */
  public boolean hasContent() {
    return content != null;
  }

  /** A builder; customer id, channel, timestamp and type are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from this interaction's values. */
  public Builder toBuilder() {
    return new Builder()
        .customerId(customerId)
        .channel(channel)
        .timestamp(timestamp)
        .type(type)
        .direction(direction)
        .value(value)
        .sourceId(sourceId)
        .attributes(attributes)
        .content(content);
  }

  /**
   * Builds an {@link Interaction}. Not thread-safe; the interaction it builds is.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private @Nullable String customerId;
    private @Nullable Channel channel;
    private @Nullable Instant timestamp;
    private @Nullable InteractionType type;
    private @Nullable Direction direction;
    private @Nullable Money value;
    private @Nullable String sourceId;
    private Attributes attributes = Attributes.empty();
    private @Nullable Content content;

    private Builder() {}

    /** Sets who. @return this builder */
    public Builder customerId(String customerId) {
      this.customerId = customerId;
      return this;
    }

    /** Sets where. @return this builder */
    public Builder channel(Channel channel) {
      this.channel = channel;
      return this;
    }

    /** Sets when. @return this builder */
    public Builder timestamp(Instant timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** Sets what happened. @return this builder */
    public Builder type(InteractionType type) {
      this.type = type;
      return this;
    }

    /** Sets who started it; {@code null} means the type's default. @return this builder */
    public Builder direction(@Nullable Direction direction) {
      this.direction = direction;
      return this;
    }

    /** Sets the value, or clears it with {@code null}. @return this builder */
    public Builder value(@Nullable Money value) {
      this.value = value;
      return this;
    }

    /** Sets the source system's record id, or clears it with {@code null}. @return this builder */
    public Builder sourceId(@Nullable String sourceId) {
      this.sourceId = sourceId;
      return this;
    }

    /** Sets the attributes. @return this builder */
    public Builder attributes(Attributes attributes) {
      this.attributes = requirePresent(attributes, "attributes");
      return this;
    }

    /** Sets the content, or clears it with {@code null}. @return this builder */
    public Builder content(@Nullable Content content) {
      this.content = content;
      return this;
    }

    /**
     * Builds the interaction.
     *
     * @throws InvalidFieldException if customer id, channel, timestamp or type is missing, or a value
     *     breaks a rule of {@link Interaction}
     */
    public Interaction build() {
      InteractionType t = requirePresent(type, "type");
      return new Interaction(
          requirePresent(customerId, "customerId"),
          requirePresent(channel, "channel"),
          requirePresent(timestamp, "timestamp"),
          t,
          direction == null ? t.defaultDirection() : direction,
          value,
          sourceId,
          attributes,
          content);
    }
  }
}
