/**
 * Conversations: what customers and the business say on social and service channels, measured from the
 * {@link org.engagement.core.domain.Content content} of interactions. Sub-packages match key messages
 * ({@code match}, {@code message}), compare the brand's voice with its competitors' ({@code voice}) and
 * measure social customer service ({@code service}).
 *
 * <p>The SDK does no language processing: texts are matched against phrases, and sentiment scores are
 * taken as the host supplies them.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.conversation;
