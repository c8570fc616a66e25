/**
 * RFM analysis: recency, frequency and monetary quintile scores 1&ndash;5 per customer
 * ({@link org.engagement.core.value.rfm.RfmScores}) and the widely used named RFM segments
 * ({@link org.engagement.core.value.rfm.RfmSegment}).
 */
@NullMarked
package org.engagement.core.value.rfm;

import org.jspecify.annotations.NullMarked;
