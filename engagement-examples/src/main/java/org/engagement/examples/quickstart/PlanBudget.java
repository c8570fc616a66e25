package org.engagement.examples.quickstart;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.Locale;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.BudgetRequest;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.mix.MarketingMix;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixModel;
import org.engagement.roi.mix.MixSettings;
import org.engagement.roi.mix.MixWarning;
import org.engagement.simulator.mix.MixSimulation;
import org.engagement.simulator.mix.MixWorld;
import org.engagement.simulator.mix.MixWorldSpec;

/**
 * Quick start: where should next quarter's money go? A marketing mix model fitted to three years of weekly spend
 * per channel and weekly revenue. The series come from a simulated world with known curves (eight channels, one
 * of them a partnership that keeps paying for months), standing in for a CRM's own weekly spend and revenue, so
 * each fitted figure is printed beside the truth. The split of today's budget is the cautious one: a channel
 * whose return the series cannot pin down keeps its spend until a lift test settles it, and the warnings say
 * which.
 *
 * <p>Run it with {@code java -cp engagement-examples/target/examples.jar
 * org.engagement.examples.quickstart.PlanBudget}.
 */
public final class PlanBudget {
  private PlanBudget() {}

  /** Runs the example on a simulated world and prints to {@code out}. */
  public static void run(PrintStream out) {
    MixWorldSpec spec = MixWorldSpec.defaults(1);
    MixWorld world = MixSimulation.generate(spec);
    MixData data = series(world);
    MixModel model = MarketingMix.fit(data, MixSettings.weekly().withResamples(20));

    out.printf(Locale.ROOT, "%-14s %6s %6s %20s %6s %10s%n", "channel", "share", "true", "ROI (90% interval)",
        "true", "half-life (true)");
    for (ChannelEffect e : model.effects()) {
      int c = world.channels().indexOf(e.channel());
      out.printf(Locale.ROOT, "%-14s %6.3f %6.3f %5.2f (%5.2f-%5.2f) %6.2f %5.1f (%4.1f)%n", e.channel(), e.share(),
          world.trueShares()[c], e.roi(), e.roiInterval().lower(), e.roiInterval().upper(), world.trueRoi(c),
          e.halfLife(), spec.channels().get(c).halfLife());
    }

    double budget = 0;
    for (String channel : data.channels()) {
      budget += data.totalSpend(channel) / data.periods().size();
    }
    BudgetPlan plan = model.recommend(BudgetRequest.of(budget));
    out.printf(Locale.ROOT, "%nCautious split of %.0f a week (expected gain %.0f a week):%n", budget, plan.gain());
    for (ChannelAllocation a : plan.allocations()) {
      out.printf(Locale.ROOT, "  %-14s %8.0f -> %8.0f%n", a.channel(), a.current(), a.recommended());
    }
    for (MixWarning warning : model.warnings()) {
      out.println("warning: " + warning.message());
    }
  }

  /** The world's weekly revenue and spend per channel, as a CRM's own series would be given. */
  private static MixData series(MixWorld world) {
    MixData.Builder builder = MixData.builder();
    double[] revenue = world.outcome();
    for (int t = 0; t < revenue.length; t++) {
      LocalDate week = world.periods().get(t);
      builder.outcome(week, revenue[t]);
      for (int c = 0; c < world.channels().size(); c++) {
        builder.spend(week, world.channels().get(c), world.spend(c)[t]);
      }
    }
    return builder.build();
  }

  /**
   * Runs the example.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    run(System.out);
  }
}
