/**
 * Key messages and their pull-through: how often the messages a brand wants repeated come back in
 * customers' mentions and shares, how far they travel (amplified reach) and through how many people.
 *
 * <p>A {@link org.engagement.core.conversation.message.KeyMessage} is a named set of matchers;
 * a {@link org.engagement.core.conversation.message.MessageMatcher} compiles many of them into one
 * automaton; {@link org.engagement.core.conversation.message.PullThrough} counts per message, channel and
 * period, mergeably, and reports per segment.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.conversation.message;
