/**
 * Social customer service: how fast and how well inbound requests on social and other channels are
 * answered and resolved, per channel and owner, and whether customers whose requests were resolved stay
 * more than those whose requests were not.
 *
 * <p>Requests and replies are linked by the {@linkplain org.engagement.core.domain.Content#threadId()
 * thread id} of their content. {@link org.engagement.core.conversation.service.ServiceLedger} keeps the
 * threads, mergeably; {@link org.engagement.core.conversation.service.ServiceReport} gives the metrics
 * and {@link org.engagement.core.conversation.service.RetentionGroups} the two groups' retention counts,
 * in a form the lift tests of the attribution module can take.
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.conversation.service;
