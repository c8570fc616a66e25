package org.engagement.report;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.engagement.report.html.Html;
import org.engagement.report.internal.section.BudgetSection;
import org.engagement.report.internal.section.DataSection;

/**
 * The words a marketer needs to read the page: a short "how to read" for each standard section and a
 * glossary of the methods and ratios the page names. Plain text, kept here so that every section says it
 * the same way.
 */
final class Guide {
  private static final Map<String, String> HOW_TO_READ = Map.ofEntries(
      Map.entry(SummarySection.ID, "the headline figures cover the whole window; switch the period to see "
          + "each half of it, the latest with its change against the earlier (12 months each on a two-year window). "
          + "Each figure has a 90% interval: the customers drawn again at random, the spread a population like "
          + "this one would show. The recommendations rest on the budget section's mix model (a move is made "
          + "only when the interval of its expected gain is above 0 and the attribution's ROI intervals agree) "
          + "and on the ROI per channel and its interval: a channel whose whole interval is above 0 paid back, "
          + "one whose whole interval is below 0 did not, and one whose interval spans 0 is not yet known. No "
          + "money goes into a channel that lost more than half of its spend, interval or not, unless it comes "
          + "from one that lost more."),
      Map.entry(DataSection.ID, "what the figures rest on: every record read, accepted or rejected with its "
          + "reason. A rejected record counts nowhere else on the page."),
      Map.entry("attribution", "each model splits the value of the purchases between the channels on the "
          + "journeys that led to them. Where the models agree, the split is robust; where they disagree, "
          + "the split depends on the model's assumptions. None of them proves causation; experiments do."),
      Map.entry(ReportModel.ROI, "each reward component is shown on its own with its basis; ROI counts the "
          + "margin's share of the rewards against the investment. Channels are in one order in every table; "
          + "the ROI chart is sorted from best to worst."),
      Map.entry(BudgetSection.ID, "what one more unit of money a week would bring on each channel (marginal "
          + "ROI), how long a channel keeps paying (half-life), and how the optimiser would split today's total "
          + "spend, cautiously, as engagement mix does: a channel the data cannot pin down keeps its spend until a "
          + "lift test settles it. Each move is valued on its own; one whose interval reaches below 0 is a case "
          + "for a test, not for moving money."),
      Map.entry("concentration", "how much of the value a few buyers hold: the further the curve bends below "
          + "the diagonal, the more the business depends on its best customers."),
      Map.entry("segments", "value tiers say what to do with each customer (retain, grow, maintain, ...); RFM "
          + "segments group buyers by how recently and how often they bought."),
      Map.entry(ReportModel.CLV, "the value each buyer is expected to bring in future purchases, from their "
          + "purchase history; the bars use widening value bands, so the few high-value buyers are visible."),
      Map.entry("funnel", "how many customers reached each stage, and how long the step between stages took."),
      Map.entry("presence", "where the customers are: on which channels they were active, and which channels "
          + "share the same customers."),
      Map.entry("engagement", "the mean engagement score over time: a falling line is an early warning of churn."),
      Map.entry(ReportModel.CONVERSATIONS, "what customers say: brand mentions, their tone, and the service "
          + "cases with how they ended."));

  private static final Map<String, String> GLOSSARY = glossary();

  private Guide() {}

  private static Map<String, String> glossary() {
    Map<String, String> terms = new LinkedHashMap<>();
    terms.put("ROI", "return on investment: (margin \u00d7 reward \u2212 investment) / investment. 0% means the "
        + "channel paid back exactly; \u2212100% means nothing came back.");
    terms.put("ROAS", "return on ad spend: revenue credited to a channel (attributed and self-reported) per unit "
        + "of money spent on it, before margin.");
    terms.put("CAC", "customer acquisition cost: money spent divided by the customers who bought for the first "
        + "time in the period.");
    terms.put("Margin", "the share of revenue that is profit. Only that share counts as the return in ROI; at "
        + "100% every unit of revenue counts as profit.");
    terms.put("RFM", "recency, frequency, monetary value: buyers scored by how recently, how often and how much "
        + "they bought, and grouped by the scores.");
    terms.put("BG/NBD", "beta-geometric/negative binomial distribution (Fader, Hardie and Lee, 2005): a model "
        + "of how often each customer buys and how likely they are to have stopped, fitted on purchase histories, "
        + "which predicts future purchases. With Gamma-Gamma for the amounts, it gives lifetime value.");
    terms.put("Markov removal effect", "the share of conversions lost if a channel were removed from every "
        + "journey, computed on a Markov chain of the journeys; each channel's credit is in proportion to it.");
    terms.put("Shapley value", "a channel's average extra conversion value when it joins every possible "
        + "combination of the other channels (from cooperative game theory). A channel that never adds "
        + "conversions beyond what others already bring gets 0.");
    terms.put("Adstock", "the carry-over of advertising: spend keeps working, decaying, in later periods. A "
        + "marketing-mix model accounts for it; attribution on journeys does not need it.");
    terms.put("Marginal ROI", "the revenue one more unit of money on a channel would bring at today's spend. "
        + "Money earns most where the marginal ROI is highest, whatever the average ROI.");
    terms.put("Half-life", "how many weeks until half of what a week's spend will ever bring has come in: "
        + "short for a campaign, long for a relationship channel.");
    terms.put("Interval", "the range within which a figure would likely fall if the customers were drawn again "
        + "(bootstrap); a 90% interval misses the true figure one time in ten.");
    return terms;
  }

  /** The "how to read" of the section with id {@code id}, if it has one. */
  static Optional<String> howToRead(String id) {
    return Optional.ofNullable(HOW_TO_READ.get(id));
  }

  /** Writes the glossary as a definition list. */
  static void writeGlossary(Html html) {
    html.definitions("glossary", GLOSSARY);
  }
}
