/**
 * Share of voice and sentiment: how much of the conversation about a market is about our brand rather
 * than named competitors, in what tone, and a reputation index built from the two.
 *
 * <p>{@link org.engagement.core.conversation.voice.ShareOfVoice} counts mentions per brand, channel and
 * period, mergeably; {@link org.engagement.core.conversation.voice.VoiceReport} gives shares, net
 * sentiment, the {@link org.engagement.core.conversation.voice.ReputationIndex} and their trends.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.conversation.voice;
