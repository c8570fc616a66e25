/**
 * The report's sections ({@link org.engagement.report.section.ReportSection}s) with their builders, the analyses
 * made only for one section (the budget's mix fit, the conversations' aggregates) and the page's guide (a
 * "how to read" per section and the glossary).
 *
 * <p>Not exported: an implementation detail of {@code org.engagement.report}. Depends on the report's API
 * and on {@code internal.text}, {@code internal.chart}, {@code internal.analysis} and {@code internal.memory}.
 */
@NullMarked
package org.engagement.report.internal.section;

import org.jspecify.annotations.NullMarked;
