package org.engagement.report.internal.recommendation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;

/**
 * Recommendations from the relationship ROI's bootstrap intervals, claiming no more than they show: a
 * channel whose whole ROI interval is above 0 paid back and is a case to grow, one whose whole interval is
 * below 0 did not and is a case to cut or rethink, and one whose interval spans 0 is a case to test before
 * moving budget. The strength is how far the interval stays from 0 (0 for an interval that spans it).
 * Stateless and thread-safe.
 */
public final class RoiRecommendations implements Recommendation.Source {
  @Override
  public List<Recommendation> recommend(List<ReportSection> sections) {
    Optional<RoiSection> roi = sections.stream().filter(RoiSection.class::isInstance).map(RoiSection.class::cast)
        .findFirst();
    if (roi.isEmpty()) {
      return List.of();
    }
    RoiSection section = roi.get();
    String model = section.chosenModel();
    List<Recommendation> all = new ArrayList<>();
    for (RoiSection.RoiInterval interval : section.intervals()) {
      all.add(of(interval, section.labels().name(interval.channel()), section.currency(), model));
    }
    all.sort(Comparator.comparingDouble(Recommendation::strength).reversed());
    return all;
  }

  private static Recommendation of(RoiSection.RoiInterval row, String channel, String currency, String model) {
    String back = NumberText.number(1 + row.roi(), 2) + " " + currency;
    String effect = "ROI " + NumberText.signedPercent(row.roi()) + ": each 1 " + currency + " spent brought back "
        + back + " of contribution";
    String interval = "90% interval " + NumberText.signedPercent(row.roiLow()) + " to "
        + NumberText.signedPercent(row.roiHigh());
    String basis = "attributed revenue by " + model + " with its bootstrap interval, the other reward components "
        + "held (Relationship ROI)";
    if (row.roiLow() > 0) {
      return new Recommendation("Grow " + channel + ": it paid back over the whole interval, the strongest case "
          + "for more budget.", effect, interval, basis, row.roiLow(),
          List.of(new Recommendation.Stance(row.channel(), channel, Recommendation.Direction.MORE,
              OptionalDouble.of(row.roi()))));
    } else if (row.roiHigh() < 0) {
      return new Recommendation("Cut or rethink " + channel + ": it lost money over the whole interval.", effect,
          interval, basis, -row.roiHigh(),
          List.of(new Recommendation.Stance(row.channel(), channel, Recommendation.Direction.LESS,
              OptionalDouble.of(row.roi()))));
    }
    return new Recommendation("Test " + channel + " before moving budget: its ROI could be either side of 0.",
        effect, interval, basis, 0.0);
  }
}
