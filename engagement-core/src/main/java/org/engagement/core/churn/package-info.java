/**
 * Churn and cohorts: customers' activity times ({@link org.engagement.core.churn.ActivityHistory}),
 * churn by an inactivity window with monthly churn rates overall and per segment
 * ({@link org.engagement.core.churn.InactivityChurn}), and the cohort retention matrix by acquisition
 * month ({@link org.engagement.core.churn.CohortRetention}).
 */
@NullMarked
package org.engagement.core.churn;

import org.jspecify.annotations.NullMarked;
