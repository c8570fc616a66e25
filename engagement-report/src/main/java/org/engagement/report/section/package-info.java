/**
 * The contract of a report section: {@link org.engagement.report.section.ReportSection} (immutable figures
 * that render as HTML and as terminal lines), the {@link org.engagement.report.section.SectionBuilder} that
 * computes one from an {@link org.engagement.report.analysis.Analysis}, and the summary's {@link
 * org.engagement.report.section.Recommendation}s with their sources.
 *
 * <p>Exported: a section or a recommendation source of a caller's own implements these types. Depends on
 * {@code report.analysis} and {@code report.html} only.
 */
@NullMarked
package org.engagement.report.section;

import org.jspecify.annotations.NullMarked;
