/**
 * What the JSON forms of results that carry their inputs read back as. A {@link
 * org.engagement.attribution.JourneyCredits} holds the journeys' touches, a {@link
 * org.engagement.clv.LifetimeValueOutcome} every buyer's summary and a {@link org.engagement.roi.RoiResult} the
 * survey's answers: a host sends on the results, not those inputs, so each is written as the values here (made
 * from it by {@code of}), and reading its JSON gives that value, equal to the one written.
 */
@NullMarked
package org.engagement.json.view;

import org.jspecify.annotations.NullMarked;
