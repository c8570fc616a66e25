/**
 * What a report analyses and the figures its sections share: the input ({@link
 * org.engagement.report.analysis.AnalysisInput}: the interactions and the companion files), the {@link
 * org.engagement.report.analysis.Analysis} that computes the shared figures once (purchases, profiles,
 * journeys, the lifetime-value fit, a simulated world's truth) and accounts for every file read, and the
 * {@link org.engagement.report.analysis.Progress} its long steps report to.
 *
 * <p>Exported: a caller reads its input here and a section of its own reads its figures here. Depends on no
 * other package of the report.
 */
@NullMarked
package org.engagement.report.analysis;

import org.jspecify.annotations.NullMarked;
