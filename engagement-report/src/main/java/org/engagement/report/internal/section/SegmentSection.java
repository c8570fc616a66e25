package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.value.rfm.RfmScores;
import org.engagement.core.value.rfm.RfmSegment;
import org.engagement.core.value.tier.SegmentRollup;
import org.engagement.core.value.tier.ValuePredictor;
import org.engagement.core.value.tier.ValueTierRules;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * Micro-segments: value tiers ({@link ValueTiers} with the default rules over every customer's profile,
 * see {@link Analysis#profiles()}) and RFM segments (the buyers' {@link
 * org.engagement.core.profile.Purchases#rfm RFM scores}: recency in days from the last purchase to the
 * as-of date, number of purchases, total value).
 *
 * <p>Until a CLV model is plugged in, the tiers use {@link ValuePredictor#none()}: only engagement makes
 * a customer "grow".
 *
 * <p>Immutable and thread-safe.
 *
 * @param tiers one roll-up per value tier, in tier order
 * @param rules the tier rules used
 * @param valueCutoff the value at or above which a customer is "retain"
 * @param rfm buyers per RFM segment, in segment order, every segment listed
 * @param currency the currency code of the values, empty when unknown
 * @since 0.1.0
 */
public record SegmentSection(List<SegmentRollup> tiers, ValueTierRules rules, double valueCutoff,
    Map<String, Integer> rfm, String currency) implements ReportSection {
  /** The id of this section. */
  public static final String ID = "segments";

  /** Requires every part and copies the collections. */
  public SegmentSection {
    tiers = List.copyOf(tiers);
    requireNonNull(rules, "rules");
    rfm = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(rfm));
    requireNonNull(currency, "currency");
  }

  /** A section whose values have no currency code. */
  public SegmentSection(List<SegmentRollup> tiers, ValueTierRules rules, double valueCutoff, Map<String, Integer> rfm) {
    this(tiers, rules, valueCutoff, rfm, "");
  }

  /**
   * The builder of this section, with the analysis's own {@linkplain Analysis#valuePredictor() predictor}
   * (the fitted lifetime value, when the fit converged) for the "grow" tier.
   */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, analysis -> of(analysis, analysis.valuePredictor()));
  }

  /** The builder of this section, with {@code predictor} (a CLV model) for the "grow" tier. */
  public static SectionBuilder builder(ValuePredictor predictor) {
    requireNonNull(predictor, "predictor");
    return WithoutJourneys.of(ID, analysis -> of(analysis, predictor));
  }

  /** The section for {@code analysis}. */
  public static ReportSection of(Analysis analysis, ValuePredictor predictor) {
    List<CustomerProfile> profiles = analysis.profiles();
    if (profiles.isEmpty()) {
      return ReportSection.notAvailable(ID, "Value tiers and RFM segments", "no customers in the input");
    }
    ValueTiers tiers = predictor == analysis.valuePredictor() ? analysis.valueTiers()
        : ValueTiers.of(predictor, profiles);
    Map<String, Integer> rfm = new LinkedHashMap<>();
    if (!analysis.purchases().isEmpty()) {
      RfmScores scores = analysis.purchases().rfm(analysis.asOfDate());
      scores.segmentCounts().forEach((segment, count) -> rfm.put(segment.displayName(), count));
    } else {
      for (RfmSegment segment : RfmSegment.values()) {
        rfm.put(segment.displayName(), 0);
      }
    }
    return new SegmentSection(tiers.rollups(profiles), tiers.rules(), tiers.valueCutoff(), rfm,
        analysis.currency().map(c -> c.getCurrencyCode()).orElse(""));
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Value tiers and RFM segments";
  }

  @Override
  public void writeHtml(Html html) {
    html.paragraph("Value tiers: retain the top " + NumberText.percent(rules.retainShare()) + " by value "
        + "(value at least " + NumberText.money(valueCutoff, currency).trim() + "), re-engage those inactive for "
        + NumberText.number(rules.lapsedAfterDays(), 0) + " days or more, grow the most engaged (top "
        + NumberText.percent(rules.growEngagementShare()) + "), maintain the rest.");
    List<String> names = tiers.stream().map(SegmentRollup::segment).toList();
    html.chart("Customers per value tier", BarChart.single("Customers per value tier", names,
        tiers.stream().map(t -> (double) t.size()).toList()));
    List<List<String>> rows = new ArrayList<>();
    for (SegmentRollup t : tiers) {
      rows.add(List.of(t.segment(), NumberText.count(t.size()), NumberText.number(t.totalValue(), 2),
          NumberText.number(t.meanEngagement(), 2)));
    }
    html.table("Value tiers" + (currency.isEmpty() ? "" : " (" + currency + ")"), List.of("tier", "customers", "value", "mean engagement"), rows);
    List<String> segments = new ArrayList<>(rfm.keySet());
    html.chart("Buyers per RFM segment (recency and frequency quintiles), largest first", BarChart.single(
        "Buyers per RFM segment", segments, rfm.values().stream().map(Integer::doubleValue).toList()).sortedByValue());
  }

  @Override
  public List<String> summary() {
    StringBuilder tierLine = new StringBuilder("tiers:");
    tiers.forEach(t -> tierLine.append(' ').append(t.segment()).append(' ').append(NumberText.count(t.size()))
        .append(','));
    StringBuilder rfmLine = new StringBuilder("RFM:");
    rfm.forEach((segment, count) -> {
      if (count > 0) {
        rfmLine.append(' ').append(segment).append(' ').append(NumberText.count(count)).append(',');
      }
    });
    return List.of(tierLine.toString().replaceAll(",$", ""), rfmLine.toString().replaceAll(",$", ""));
  }
}
