package org.engagement.core.domain;

import java.util.List;
import java.util.Locale;

/**
 * What happened in one touch between a customer and the business.
 *
 * <p>The set is closed so that scores, funnels and attribution rules can rely on it; anything an
 * integration calls differently is mapped to one of these by its adapter. Each type has a
 * {@linkplain #defaultDirection() default direction} used when a source does not say.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum InteractionType {
  /** An ad or post was shown to the customer. */
  IMPRESSION(Direction.OUTBOUND),
  /** The business sent a message (an email, a direct message, a mailing). */
  SEND(Direction.OUTBOUND),
  /** The customer visited a site or app. */
  VISIT(Direction.INBOUND),
  /** The customer opened a message. */
  OPEN(Direction.INBOUND),
  /** The customer clicked a link or an ad. */
  CLICK(Direction.INBOUND),
  /** The customer liked a post. */
  LIKE(Direction.INBOUND),
  /** The customer commented on a post. */
  COMMENT(Direction.INBOUND),
  /** The customer shared content with their own audience. */
  SHARE(Direction.INBOUND),
  /** The customer mentioned the brand. */
  MENTION(Direction.INBOUND),
  /** A reply in a conversation (by default the customer's). */
  REPLY(Direction.INBOUND),
  /** The customer followed an account. */
  FOLLOW(Direction.INBOUND),
  /** The customer subscribed to a newsletter or list. */
  SUBSCRIBE(Direction.INBOUND),
  /** The customer attended an event or webinar. */
  EVENT_ATTENDANCE(Direction.INBOUND),
  /** The customer called. */
  CALL(Direction.INBOUND),
  /** The customer asked for help. */
  SUPPORT_REQUEST(Direction.INBOUND),
  /** The customer became a lead (gave contact details, asked for contact). */
  LEAD(Direction.INBOUND),
  /** A sales opportunity was opened for the customer. */
  OPPORTUNITY(Direction.INBOUND),
  /** The customer bought something. */
  PURCHASE(Direction.INBOUND);

  private static final EnumNames<InteractionType> NAMES =
      EnumNames.of(InteractionType.class, InteractionType::id, type -> List.of());

  private final Direction defaultDirection;

  InteractionType(Direction defaultDirection) {
    this.defaultDirection = defaultDirection;
  }

  /** The direction assumed when a source does not give one. */
  public Direction defaultDirection() {
    return defaultDirection;
  }

  /** The stable lower-case identifier used in files (for example {@code support_request}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a type from its {@linkplain #id() id} or name, ignoring case and treating spaces and
   * hyphens like underscores ({@code "Support request"} is {@link #SUPPORT_REQUEST}).
   *
   * @throws InvalidFieldException naming {@code field} if the text names no type; the message lists
   *     the valid ones
   */
  public static InteractionType parse(String field, String text) {
    return NAMES.parse(field, text);
  }
}
