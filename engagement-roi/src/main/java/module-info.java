/**
 * Relationship ROI: investment, evidence drawn from interactions, self-reported attribution, the ROI
 * calculators, the readers of cost and survey files, and lift statistics.
 *
 * <p>Every package is API. Attribution and CLV (and through them core) are re-exported: ROI inputs and
 * results are made of their journeys, credits, summaries and money.
 *
 * <p>Hipparchus (distributions for the lift statistics) is required by the automatic-module names derived
 * from its jar files, for the reasons given in the {@code org.engagement.clv} module's description; no
 * Hipparchus type appears in this module's API either.
 */
@SuppressWarnings("requires-automatic")
module org.engagement.roi {
  requires transitive org.engagement.attribution;
  requires transitive org.engagement.clv;
  requires com.google.common;
  requires hipparchus.core;
  requires hipparchus.optim;
  requires hipparchus.stat;
  requires org.slf4j;
  requires static transitive org.jspecify;

  exports org.engagement.roi;
  exports org.engagement.roi.evidence;
  exports org.engagement.roi.investment;
  exports org.engagement.roi.io;
  exports org.engagement.roi.lift;
  exports org.engagement.roi.mix;
  exports org.engagement.roi.selfreport;

  uses org.engagement.roi.RoiCalculatorProvider;

  provides org.engagement.roi.RoiCalculatorProvider with
      org.engagement.roi.internal.RelationshipRoiCalculatorProvider;
}
