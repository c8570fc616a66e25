/**
 * The entry point of engagement-core: {@link org.engagement.core.Engagement} returns the default starting
 * point of each concept; the concepts live in the subpackages (domain model, ingestion, engagement scores,
 * profiles, value, segments, funnel, presence, churn, conversations).
 */
@NullMarked
package org.engagement.core;

import org.jspecify.annotations.NullMarked;
