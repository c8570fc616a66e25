/**
 * Saved models: a fitted CLV model ({@link org.engagement.json.saved.SavedClvModel}, with the brief of its data,
 * {@link org.engagement.json.saved.ClvFitData}) and an attribution model's configuration
 * ({@link org.engagement.json.saved.SavedAttributionModel}), as values that
 * {@link org.engagement.json.EngagementJson} writes and reads in versioned envelopes.
 */
@NullMarked
package org.engagement.json.saved;

import org.jspecify.annotations.NullMarked;
