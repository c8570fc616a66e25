/**
 * What a section writes the page with: {@link org.engagement.report.html.Html} (escaped elements, tables,
 * switches) and the {@link org.engagement.report.html.Chart} interface of an inline SVG chart.
 *
 * <p>Exported, since {@link org.engagement.report.section.ReportSection#writeHtml} takes an {@code Html}.
 * Depends on no other package of the report.
 */
@NullMarked
package org.engagement.report.html;

import org.jspecify.annotations.NullMarked;
