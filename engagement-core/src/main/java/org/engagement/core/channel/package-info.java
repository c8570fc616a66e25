/**
 * Channel classification: turns the UTM parameters and referrer of a touch into a {@link
 * org.engagement.core.domain.ChannelGroup}.
 *
 * <p>Sources of engagement data name their channels in whatever way their tools and marketers chose
 * ({@code facebook / paid_social}, {@code Newsletter / EMAIL}, a bare referrer URL). Reports,
 * segments and attribution need to compare like with like, so every touch is mapped to one of a
 * closed set of groups. {@link org.engagement.core.channel.ChannelClassifier#defaultRules()}
 * follows the Google Analytics 4 default channel group, the definitions most marketing teams
 * already tag their links for; {@link org.engagement.core.channel.ChannelClassifier#builder()} puts
 * a business's own rules in front of it.
 *
 * <ul>
 *   <li>{@link org.engagement.core.channel.TrafficSource}: the normalised input of one touch.
 *   <li>{@link org.engagement.core.channel.ChannelClassifier}: the immutable, thread-safe
 *       classifier.
 *   <li>{@link org.engagement.core.channel.ClassificationRule}: the extension point for custom
 *       rules.
 * </ul>
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.channel;
