/**
 * The analysis pipeline's presentation: the HTML report with its SVG charts and the plain-text summary.
 *
 * <p>ROI (and through it attribution, CLV and core) is re-exported: the report's inputs and model are made
 * of their values.
 */
module org.engagement.report {
  requires transitive org.engagement.roi;
  requires com.google.common;
  requires static transitive org.jspecify;

  exports org.engagement.report;
}
