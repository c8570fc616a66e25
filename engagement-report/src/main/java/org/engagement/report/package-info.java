/**
 * The HTML report: the whole analysis of an input directory (or the bundled sample) as one
 * self-contained page with inline SVG charts, plus a short text summary for the terminal.
 *
 * <p>{@link org.engagement.report.AnalysisInput} reads the input;
 * {@link org.engagement.report.ReportModel#build} runs one
 * {@link org.engagement.report.SectionBuilder} per section and keeps the resulting
 * {@link org.engagement.report.ReportSection}s, plain immutable values;
 * {@link org.engagement.report.HtmlReport} and {@link org.engagement.report.TextSummary}
 * render them.
 *
 * <p>The relationship-ROI section ({@link org.engagement.report.RelationshipRoiBuilder}) runs the
 * ROI calculator when the input has a costs file; {@link org.engagement.report.RoiSection} shows its
 * reward components and computes every ROI from them, so each is traceable. The lifetime-value section fits
 * BG/NBD and Gamma-Gamma on the input's purchases; the conversations section reads the conversation feed
 * when the input has one. A section whose input is missing, or whose model does not converge, renders "not
 * available" and says why. Another analysis plugs in by replacing the builder with the same id through
 * {@link org.engagement.report.ReportModel#withBuilder};
 * {@link org.engagement.report.ClvSection#builder} takes any
 * {@link org.engagement.core.value.tier.ValuePredictor}, the interface a CLV model implements.
 */
@NullMarked
package org.engagement.report;

import org.jspecify.annotations.NullMarked;
