package org.engagement.report.internal.section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.internal.analysis.WeeklyMix;
import org.engagement.report.section.ReportSection;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixPriors;
import org.engagement.roi.mix.MixSettings;

/**
 * Builds the {@link BudgetSection}: fits the marketing mix model on the report's weekly series ({@link
 * WeeklyMix}; {@link MixSettings#weekly()} with {@value #RESAMPLES} bootstrap resamples, few to keep the report
 * fast), asks the optimiser for the cautious split of today's total weekly spend (each channel within half to
 * twice its current spend, the channels the fit cannot pin down held: the default request, as {@code engagement
 * mix} makes it), and breaks the difference into moves from the channels it cuts to the channels it grows,
 * each valued alone with {@link MixModel#evaluate}. The moves the fitted model expects to gain from are listed,
 * largest expected gain first; the others are named as idle: the optimiser weighs the fit and its refits, so
 * it can place money where only some refits see a return. The held channels and the fit's warnings are put in
 * plain words ({@link MixWords}); when caution leaves no move, the uncautious split's moves are named as what
 * a lift test should check. Stateless and thread-safe.
 */
public final class BudgetAnalysis {
  /** The bootstrap resamples of the report's mix model. */
  static final int RESAMPLES = 20;
  /** The most moves the section lists (the idle ones aside). */
  static final int MOVES = 3;
  /** A channel whose recommended spend moves by less than this share of its current spend is left out of moves. */
  private static final double SMALL = 0.01;

  private BudgetAnalysis() {}

  /** The section of {@code analysis}, or "not available" without costs. */
  static ReportSection section(Analysis analysis) {
    Optional<WeeklyMix> weekly = WeeklyMix.of(analysis);
    if (weekly.isEmpty()) {
      return ReportSection.notAvailable(BudgetSection.ID, "Budget", "the input has no " + AnalysisInput.COSTS
          + " (month,channel,owner,amount,currency) or no purchase value, so there is no spend to reallocate");
    }
    analysis.progress().step("budget: fitting the marketing mix model");
    MixPriors priors = MixPriors.defaults();
    MixModel model = MarketingMix.fit(weekly.get().data(), MixSettings.weekly().withResamples(RESAMPLES), List.of(),
        priors);
    String currency = analysis.currency().map(c -> c.getCurrencyCode()).orElse("");
    double[] outcome = model.data().outcome();
    double revenuePerWeek = Arrays.stream(outcome).average().orElse(0);
    double total = model.data().channels().stream().mapToDouble(c -> model.data().totalSpend(c)).sum()
        / outcome.length;
    // cautious, as `engagement mix` is by default: one answer to one question
    BudgetPlan plan = model.recommend(BudgetRequest.of(total));
    Map<String, String> names = analysis.channelNames();
    List<BudgetSection.ChannelBudget> channels = new ArrayList<>();
    for (ChannelEffect effect : model.effects()) {
      ChannelAllocation line = plan.allocation(effect.channel());
      channels.add(new BudgetSection.ChannelBudget(effect.channel(), names.getOrDefault(effect.channel(),
          effect.channel()), effect.spend(), effect.contribution(), effect.share(), effect.roi(),
          effect.roiInterval().lower(), effect.roiInterval().upper(), effect.marginalRoi(),
          effect.marginalRoiInterval().lower(), effect.marginalRoiInterval().upper(), effect.halfLife(),
          line.current(), line.recommended(), BudgetSection.CURVE_MULTIPLES.stream()
              .map(m -> model.steadyResponse(effect.channel(), m * line.current())).toList()));
    }
    channels.sort(Comparator.comparing(BudgetSection.ChannelBudget::name));
    List<BudgetSection.Move> all = moves(model, plan, names);
    List<BudgetSection.Move> gaining = gaining(all, revenuePerWeek);
    List<BudgetSection.Move> idle = all.stream().filter(m -> m.gain().perWeek() <= BudgetSection.NO_GAIN
        * revenuePerWeek).toList();
    List<BudgetCaution.Held> held = MixWords.held(model, names);
    List<BudgetSection.Move> untested = gaining.isEmpty() && !held.isEmpty()
        ? gaining(moves(model, model.recommend(BudgetRequest.of(total).withoutCaution()), names), revenuePerWeek)
        : List.of();
    return new BudgetSection(currency, weekly.get().first(), weekly.get().last(), revenuePerWeek,
        model.resamples(), channels, gain(plan), gaining, idle, trueShares(analysis, model),
        java.util.Objects.requireNonNull(priors.roi(), "roi prior").mean(),
        new BudgetCaution(held, MixWords.warnings(model, names), untested));
  }

  /**
   * The moves of {@code all} the fitted model expects to gain from, largest expected gain first, at most
   * {@value #MOVES}.
   */
  private static List<BudgetSection.Move> gaining(List<BudgetSection.Move> all, double revenuePerWeek) {
    return all.stream().filter(m -> m.gain().perWeek() > BudgetSection.NO_GAIN * revenuePerWeek)
        .sorted(Comparator.comparingDouble((BudgetSection.Move m) -> m.gain().perWeek()).reversed())
        .limit(MOVES).toList();
  }

  /** The true shares of the model's channels, renormalised over them; empty without a truth file. */
  private static Map<String, Double> trueShares(Analysis analysis, MixModel model) {
    return analysis.truth().map(truth -> {
      double sum = model.data().channels().stream().mapToDouble(c -> truth.shares().getOrDefault(c, 0.0)).sum();
      Map<String, Double> shares = new LinkedHashMap<>();
      if (sum > 0) {
        model.data().channels().forEach(c -> shares.put(c, truth.shares().getOrDefault(c, 0.0) / sum));
      }
      return shares;
    }).orElse(Map.of());
  }

  /**
   * The plan as moves: the channels it cuts, largest cut first, paired with the channels it grows, largest
   * growth first, each move the smaller of what is left to cut and to grow, largest first; none of less than 1%
   * of both channels' spend (a remainder of the pairing, not a decision; a move small beside a large giver can
   * be large for its receiver).
   */
  static List<BudgetSection.Move> moves(MixModel model, BudgetPlan plan, Map<String, String> names) {
    List<double[]> cuts = new ArrayList<>();
    List<double[]> grows = new ArrayList<>();
    List<ChannelAllocation> lines = plan.allocations();
    for (int c = 0; c < lines.size(); c++) {
      double change = lines.get(c).recommended() - lines.get(c).current();
      if (Math.abs(change) > SMALL * lines.get(c).current()) {
        (change < 0 ? cuts : grows).add(new double[] {c, Math.abs(change)});
      }
    }
    cuts.sort(Comparator.comparingDouble((double[] d) -> d[1]).reversed());
    grows.sort(Comparator.comparingDouble((double[] d) -> d[1]).reversed());
    List<BudgetSection.Move> moves = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < cuts.size() && j < grows.size()) {
      double amount = Math.min(cuts.get(i)[1], grows.get(j)[1]);
      int from = (int) cuts.get(i)[0];
      int to = (int) grows.get(j)[0];
      if (amount > SMALL * Math.min(lines.get(from).current(), lines.get(to).current())) {
        moves.add(move(model, lines, from, to, amount, names));
      }
      cuts.get(i)[1] -= amount;
      grows.get(j)[1] -= amount;
      if (cuts.get(i)[1] <= 1e-9 * amount) {
        i++;
      }
      if (grows.get(j)[1] <= 1e-9 * amount) {
        j++;
      }
    }
    return moves;
  }

  private static BudgetSection.Move move(MixModel model, List<ChannelAllocation> lines, int from, int to,
      double amount, Map<String, String> names) {
    Map<String, Double> split = new LinkedHashMap<>();
    lines.forEach(line -> split.put(line.channel(), line.current()));
    String source = lines.get(from).channel();
    String target = lines.get(to).channel();
    split.put(source, Math.max(0, lines.get(from).current() - amount));
    split.merge(target, amount, Double::sum);
    BudgetPlan alone = model.evaluate(split);
    return new BudgetSection.Move(source, names.getOrDefault(source, source), target,
        names.getOrDefault(target, target), amount, amount / lines.get(from).current(), gain(alone));
  }

  private static BudgetSection.Gain gain(BudgetPlan plan) {
    return new BudgetSection.Gain(plan.gain(), plan.gainInterval().lower(), plan.gainInterval().upper());
  }
}
