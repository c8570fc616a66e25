/**
 * The analysis pipeline's presentation: the HTML report with its SVG charts and the plain-text summary.
 *
 * <p>ROI (and through it attribution, CLV and core) is re-exported: the report's inputs and model are made
 * of their values. So is Guava, whose {@code ByteSource} is how {@link org.engagement.report.AnalysisInput}
 * takes its files.
 */
module org.engagement.report {
  requires transitive org.engagement.roi;
  requires transitive com.google.common;
  requires static transitive org.jspecify;

  exports org.engagement.report;
}
