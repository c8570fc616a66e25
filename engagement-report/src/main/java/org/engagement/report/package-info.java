/**
 * The HTML report: the whole analysis of an input directory (or the bundled sample) as one
 * self-contained page with inline SVG charts, plus a short text summary for the terminal.
 *
 * <p>{@link org.engagement.report.analysis.AnalysisInput} reads the input;
 * {@link org.engagement.report.ReportModel#build} runs one
 * {@link org.engagement.report.section.SectionBuilder} per section and keeps the resulting
 * {@link org.engagement.report.section.ReportSection}s, plain immutable values;
 * {@link org.engagement.report.HtmlReport} and {@link org.engagement.report.TextSummary}
 * render them.
 *
 * <p>The report presents; the library computes. {@link org.engagement.report.analysis.Analysis} gets the profiles
 * and purchases from core ({@code org.engagement.core.profile}) and the lifetime value from the CLV
 * pipeline ({@link org.engagement.clv.LifetimeValueAnalysis}); the relationship-ROI section ({@link
 * org.engagement.report.RelationshipRoiBuilder}) reads the costs and survey files and runs the ROI pipeline
 * ({@link org.engagement.roi.RoiAnalysis}) when the input has a costs file, and {@code
 * internal.section.RoiSection} shows the reward components and computes every ROI from them, so each
 * is traceable. The conversations section reads the conversation feed
 * when the input has one. A section whose input is missing, or whose model does not converge, renders "not
 * available" and says why. Another analysis plugs in by replacing the builder with the same id through
 * {@link org.engagement.report.ReportModel#withBuilder};
 * {@code internal.section.ClvSection.builder} takes any
 * {@link org.engagement.core.value.tier.ValuePredictor}, the interface a CLV model implements.
 *
 * <p>The module's packages, in the order they depend on one another, without cycles (an ArchUnit rule of
 * the integration tests): {@code report.html} (the page's writer and the chart interface) and {@code
 * report.analysis} (the input and the figures sections share) at the bottom, {@code report.section} (the
 * section and recommendation contract) on them, the non-exported {@code report.internal.*} (in order
 * {@code text}: the one number format; {@code chart}: the SVG charts; {@code analysis}: figures of
 * several sections; {@code section}: the standard sections and their builders; {@code recommendation}:
 * the summary's recommendation sources), and this package on top: the entry points a caller uses
 * ({@link org.engagement.report.ReportModel}, {@link org.engagement.report.HtmlReport}, {@link
 * org.engagement.report.TextSummary}), the summary ({@link org.engagement.report.SummarySection}) and the
 * configurable ROI builder ({@link org.engagement.report.RelationshipRoiBuilder}).
 */
@NullMarked
package org.engagement.report;

import org.jspecify.annotations.NullMarked;
