package org.engagement.report;

import java.util.List;
import java.util.Optional;

/**
 * Recommendations from the budget section's moves, claiming no more than the mix model shows: a move whose
 * whole 90% interval of expected gain is above 0 is recommended ("move 12.0% of Trade shows' spend to Partner
 * referrals"), any other is a case to test before moving money. The strength is the lower end of the gain as a
 * share of the weekly revenue (0 for a move to test). Stateless and thread-safe.
 */
final class BudgetRecommendations implements Recommendation.Source {
  @Override
  public List<Recommendation> recommend(List<ReportSection> sections) {
    Optional<BudgetSection> budget = sections.stream().filter(BudgetSection.class::isInstance)
        .map(BudgetSection.class::cast).findFirst();
    return budget.map(b -> b.moves().stream().map(m -> of(b, m)).toList()).orElse(List.of());
  }

  private static Recommendation of(BudgetSection budget, BudgetSection.Move move) {
    BudgetSection.Gain gain = move.gain();
    String words = move.words() + " (" + NumberText.wholeMoney(move.perWeek(), budget.currency()) + " a week)";
    String action = gain.certain() ? Character.toUpperCase(words.charAt(0)) + words.substring(1) + "."
        : "Test before you " + words + ": the expected gain could be either side of 0.";
    String effect = BudgetSection.Gain.share(gain.perWeek(), budget.revenuePerWeek()) + " expected revenue ("
        + NumberText.wholeMoney(gain.perWeek(), budget.currency()) + " a week once the carry-over has built up)";
    String interval = "90% interval " + BudgetSection.Gain.share(gain.low(), budget.revenuePerWeek()) + " to "
        + BudgetSection.Gain.share(gain.high(), budget.revenuePerWeek());
    String basis = "marketing mix model on " + NumberText.count(budget.weeks()) + " weeks of spend and revenue, "
        + "the other channels' spend held (Budget)";
    double strength = gain.certain() && budget.revenuePerWeek() > 0 ? gain.low() / budget.revenuePerWeek() : 0;
    return new Recommendation(action, effect, interval, basis, strength);
  }
}
