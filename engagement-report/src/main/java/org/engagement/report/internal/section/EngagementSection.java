package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Iterator;
import java.util.function.Function;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.engagement.EngagementSeries;
import org.engagement.core.engagement.EngagementTimeline;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.Trend;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.chart.LineChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * The engagement trend ({@link EngagementTimeline} with the default scorer, UTC): the mean engagement
 * score of every customer, and of each value tier with members, at the end of each period from the first interaction
 * to the as-of date. Periods are months over spans longer than 120 days, weeks over spans longer than
 * 21 days, days otherwise.
 *
 * <p>Immutable and thread-safe.
 *
 * @param granularity the period length
 * @param periods the first day of each period, oldest first
 * @param series the mean score per period, by series name ("all customers", then each tier with members)
 * @param trend the trend of the all-customers series
 * @since 0.1.0
 */
public record EngagementSection(Granularity granularity, List<LocalDate> periods, Map<String, List<Double>> series,
    Trend trend) implements ReportSection {
  /** The id of this section. */
  public static final String ID = "engagement";
  /** The name of the series over every customer. */
  public static final String ALL = "all customers";

  /** Requires every part and copies the collections. */
  public EngagementSection {
    requireNonNull(granularity, "granularity");
    periods = List.copyOf(periods);
    Map<String, List<Double>> copy = new LinkedHashMap<>();
    series.forEach((name, values) -> copy.put(name, List.copyOf(values)));
    series = java.util.Collections.unmodifiableMap(copy);
    requireNonNull(trend, "trend");
  }

  /** The builder of this section. */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, EngagementSection::of);
  }

  /** The section for {@code analysis}. */
  public static ReportSection of(Analysis analysis) {
    InteractionColumns interactions = analysis.interactions();
    List<CustomerProfile> profiles = analysis.profiles();
    if (interactions.isEmpty()) {
      return ReportSection.notAvailable(ID, "Engagement trend", "no interactions in the input");
    }
    analysis.progress().step("engagement timeline");
    LocalDate from = analysis.firstInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate to = analysis.asOfDate();
    long days = to.toEpochDay() - from.toEpochDay();
    Granularity granularity = days > 120 ? Granularity.MONTH : days > 21 ? Granularity.WEEK : Granularity.DAY;
    EngagementTimeline timeline = new EngagementTimeline(EngagementScorer.defaults(), granularity, ZoneOffset.UTC, from, to);
    ValueTiers tiers = ValueTiers.of(ValuePredictor.none(), profiles);
    Map<ValueTier, Integer> sizes = tiers.counts(profiles);
    List<String> names = new ArrayList<>();
    List<Segment> segments = new ArrayList<>();
    names.add(ALL);
    segments.add(Segment.everyone());
    for (ValueTier tier : ValueTier.values()) {
      if (sizes.getOrDefault(tier, 0) > 0) {
        names.add(tier.label());
        segments.add(tiers.segment(tier));
      }
    }
    List<EngagementSeries> means = timeline.perSegments(segments, profiles, new InTurn(interactions));
    Map<String, List<Double>> series = new LinkedHashMap<>();
    for (int s = 0; s < names.size(); s++) {
      series.put(names.get(s), scores(means.get(s)));
    }
    EngagementSeries all = means.get(0);
    return new EngagementSection(granularity, timeline.periodStarts(), series, all.trend());
  }

  private static List<Double> scores(EngagementSeries series) {
    return java.util.Arrays.stream(series.scores()).boxed().toList();
  }

  /**
   * Each customer's interactions when asked for in id order (the profiles' order): one pass over {@link
   * InteractionColumns#perCustomer()} instead of a search per customer; a customer asked for out of order is
   * searched for.
   */
  private static final class InTurn implements Function<String, List<Interaction>> {
    private final InteractionColumns interactions;
    private final Iterator<List<Interaction>> customers;
    private List<Interaction> next = List.of();

    InTurn(InteractionColumns interactions) {
      this.interactions = interactions;
      this.customers = interactions.perCustomer().iterator();
    }

    @Override
    public List<Interaction> apply(String id) {
      while (true) {
        if (next.isEmpty()) {
          if (!customers.hasNext()) {
            return interactions.ofCustomer(id);
          }
          next = customers.next();
        }
        int c = next.get(0).customerId().compareTo(id);
        if (c == 0) {
          List<Interaction> own = next;
          next = List.of();
          return own;
        }
        if (c > 0) {
          return interactions.ofCustomer(id);
        }
        next = List.of();
      }
    }
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Engagement trend";
  }

  @Override
  public void writeHtml(Html html) {
    html.paragraph("Mean engagement score at the end of each " + unit() + " (each interaction adds its weight, "
        + "halving every 30 days). Overall trend: " + trend.name().toLowerCase(java.util.Locale.ROOT) + ".");
    List<String> labels = periods.stream().map(this::label).toList();
    List<BarChart.Series> lines = new ArrayList<>();
    series.forEach((name, values) -> lines.add(new BarChart.Series(name, values)));
    html.chart("Mean engagement score per " + unit() + ", all customers and per value tier",
        new LineChart("Engagement trend", labels, lines));
  }

  private String unit() {
    return granularity.name().toLowerCase(java.util.Locale.ROOT);
  }

  private String label(LocalDate start) {
    return granularity == Granularity.MONTH ? start.toString().substring(0, 7) : start.toString();
  }

  @Override
  public List<String> summary() {
    List<Double> all = series.get(ALL);
    double last = all == null || all.isEmpty() ? 0 : all.get(all.size() - 1);
    return List.of("mean score " + NumberText.number(last, 2) + " at the end, over " + periods.size() + " "
        + unit() + "s; trend " + trend.name().toLowerCase(java.util.Locale.ROOT));
  }
}
