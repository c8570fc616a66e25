package org.engagement.report.internal.recommendation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.engagement.report.internal.section.BudgetSection;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;

/**
 * Recommendations from the budget section's moves, checked against the validated attribution and claiming no
 * more than both show. A move from one channel to another is recommended ("move 12.0% of Trade shows' spend to
 * Partner referrals") only when the mix model's 90% interval of its expected gain is above 0 <em>and</em> the
 * attribution's ROI intervals (the Relationship ROI section's) put the receiving channel wholly above the giving
 * one, so that the gain's interval by the attribution (the amount moved times the difference of the two ROIs,
 * ends against ends) is above 0 too. Two methods that see different things (spend against weekly revenue;
 * journeys) must agree before money moves; any other move is a case to test first. The effect shown is the
 * smaller of the two estimates. The strength is the lower of the two gains' lower ends as a share of the
 * weekly revenue (0 for a move to test). A move the mix model expects no gain from ({@link BudgetSection#gains})
 * is not a recommendation at all, not even a case to test. Each move carries both channels' ROIs on the page
 * (the attribution's point estimates, with or without an interval), so that the summary ({@link
 * Reconciliation}) never sends money into a channel that lost more than half of what was spent on it ({@link
 * Reconciliation#STRONG_LOSS}) unless it comes from one that lost more, even where that channel has no ROI
 * interval (no attributed revenue to resample). Stateless and thread-safe.
 */
public final class BudgetRecommendations implements Recommendation.Source {
  @Override
  public List<Recommendation> recommend(List<ReportSection> sections) {
    Optional<BudgetSection> budget = find(sections, BudgetSection.class);
    Map<String, RoiSection.RoiInterval> intervals = find(sections, RoiSection.class)
        .map(r -> r.intervals().stream().collect(Collectors.toMap(RoiSection.RoiInterval::channel,
            Function.identity(), (a, b) -> a)))
        .orElse(Map.of());
    Map<String, OptionalDouble> rois = find(sections, RoiSection.class).map(BudgetRecommendations::rois)
        .orElse(Map.of());
    return budget.map(b -> b.moves().stream().filter(m -> b.gains(m.gain())).map(m -> of(b, m, intervals, rois))
        .toList()).orElse(List.of());
  }

  /** Each channel's ROI on the page (Relationship ROI's point estimate), interval or not. */
  private static Map<String, OptionalDouble> rois(RoiSection roi) {
    Map<String, OptionalDouble> out = new java.util.HashMap<>();
    roi.channels().forEach(row -> out.put(row.channel(), roi.roi(row)));
    return out;
  }

  private static <T> Optional<T> find(List<ReportSection> sections, Class<T> type) {
    return sections.stream().filter(type::isInstance).map(type::cast).findFirst();
  }

  /** The gain of {@code move} by the attribution's ROI intervals; empty if a channel has none. */
  public static Optional<BudgetSection.Gain> attributed(BudgetSection.Move move,
      Map<String, RoiSection.RoiInterval> intervals) {
    RoiSection.RoiInterval from = intervals.get(move.from());
    RoiSection.RoiInterval to = intervals.get(move.to());
    if (from == null || to == null) {
      return Optional.empty();
    }
    double amount = move.perWeek();
    return Optional.of(new BudgetSection.Gain(amount * (to.roi() - from.roi()),
        amount * (to.roiLow() - from.roiHigh()), amount * (to.roiHigh() - from.roiLow())));
  }

  private static Recommendation of(BudgetSection budget, BudgetSection.Move move,
      Map<String, RoiSection.RoiInterval> intervals, Map<String, OptionalDouble> rois) {
    BudgetSection.Gain mix = move.gain();
    Optional<BudgetSection.Gain> byAttribution = attributed(move, intervals);
    boolean sure = mix.certain() && byAttribution.map(BudgetSection.Gain::certain).orElse(false);
    String words = move.words() + " (" + NumberText.wholeMoney(move.perWeek(), budget.currency()) + " a week)";
    String action;
    if (sure) {
      action = Character.toUpperCase(words.charAt(0)) + words.substring(1) + ".";
    } else if (!mix.certain()) {
      action = "Test before you " + words + ": the mix model's expected gain could be either side of 0.";
    } else {
      action = "Test before you " + words + ": the mix model expects a gain, but "
          + (byAttribution.isEmpty() ? "the attribution has no ROI interval for both channels."
              : "the attribution's ROI intervals do not put " + move.toName() + " above " + move.fromName() + ".");
    }
    double revenue = budget.revenuePerWeek();
    String effect = byAttribution.map(a -> share(Math.min(a.perWeek(), mix.perWeek()), revenue)
        + " expected revenue a week (the smaller estimate: " + share(a.perWeek(), revenue) + " by the attribution's "
        + "ROI, " + share(mix.perWeek(), revenue) + " by the mix model)")
        .orElse(share(mix.perWeek(), revenue) + " expected revenue a week by the mix model");
    String interval = "90% interval " + range(mix, revenue) + " by the mix model"
        + byAttribution.map(a -> ", " + range(a, revenue) + " by the attribution").orElse("");
    String basis = "marketing mix model on " + NumberText.count(budget.weeks()) + " weeks of spend and revenue, "
        + "the other channels' spend held (Budget), checked against the attribution's ROI intervals (Relationship ROI)";
    double strength = sure && revenue > 0
        ? Math.min(mix.spread().low(), byAttribution.orElseThrow().spread().low()) / revenue : 0;
    return new Recommendation(action, effect, interval, basis, strength, List.of(
        new Recommendation.Stance(move.from(), move.fromName(), Recommendation.Direction.LESS,
            rois.getOrDefault(move.from(), OptionalDouble.empty())),
        new Recommendation.Stance(move.to(), move.toName(), Recommendation.Direction.MORE,
            rois.getOrDefault(move.to(), OptionalDouble.empty()))));
  }

  private static String share(double amount, double revenue) {
    return BudgetSection.Gain.share(amount, revenue);
  }

  private static String range(BudgetSection.Gain gain, double revenue) {
    BudgetSection.Spread spread = gain.spread();
    return share(spread.low(), revenue) + " to " + share(spread.high(), revenue);
  }
}
