/**
 * The analysis pipeline's presentation: the HTML report with its SVG charts and the plain-text summary.
 *
 * <p>ROI (and through it attribution, CLV and core) is re-exported: the report's inputs and model are made
 * of their values. So is Guava, whose {@code ByteSource} is how {@link org.engagement.report.analysis.AnalysisInput}
 * takes its files.
 *
 * <p>Hipparchus's statistics (Spearman's correlation of credits against a world's truth) is required by the
 * automatic-module name derived from its jar file, for the reasons given in the {@code org.engagement.clv}
 * module's description; so is Hipparchus's core, whose tables the sections' models use and the report loads before
 * they run. No Hipparchus type appears in this module's API.
 */
@SuppressWarnings("requires-automatic")
module org.engagement.report {
  requires transitive org.engagement.roi;
  requires transitive com.google.common;
  requires hipparchus.core;
  requires hipparchus.stat;
  requires java.management;
  requires static transitive org.jspecify;

  exports org.engagement.report;
  exports org.engagement.report.analysis;
  exports org.engagement.report.html;
  exports org.engagement.report.section;
}
