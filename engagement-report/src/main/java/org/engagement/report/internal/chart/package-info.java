/**
 * The report's charts as inline SVG ({@link org.engagement.report.html.Chart}): bars, stacked bars, lines, a
 * funnel, a heat map and a Lorenz curve, with their axis and canvas. They know nothing of the analysis; a
 * section gives them labels and numbers.
 *
 * <p>Not exported: an implementation detail of {@code org.engagement.report}. Depends only on the report's
 * API and {@code internal.text}.
 */
@NullMarked
package org.engagement.report.internal.chart;

import org.jspecify.annotations.NullMarked;
