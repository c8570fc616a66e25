/**
 * Funnels: how far customers got along ordered stages (by default touch, lead, opportunity, customer),
 * how many moved from one stage to the next, and how long it took, per channel of first touch.
 *
 * <p>A {@link org.engagement.core.funnel.FunnelDefinition} lists {@link org.engagement.core.funnel.FunnelStage}s,
 * each reached by interactions of some types. A {@link org.engagement.core.funnel.Funnel} is fed
 * interactions and keeps, per customer, the first time each stage was reached; it merges, so partitions
 * can be counted apart. Its {@link org.engagement.core.funnel.FunnelReport} holds
 * {@link org.engagement.core.funnel.FunnelCounts} overall and per channel of first touch, with one
 * {@link org.engagement.core.funnel.StageTransition} per pair of consecutive stages; a
 * {@link org.engagement.core.funnel.CustomerFunnel} is one customer's progress.
 */
@NullMarked
package org.engagement.core.funnel;

import org.jspecify.annotations.NullMarked;
