package org.engagement.report.internal.section;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.engagement.core.value.ValueConcentration;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.LorenzChart;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * How concentrated purchase value is across the buyers ({@link ValueConcentration}): the Lorenz curve,
 * the Gini coefficient, the top-1 %, 10 % and 20 % shares and the share of buyers that holds 80 % of the
 * value. Customers without a purchase are not counted: this is the spread among those who paid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param buyers how many buyers
 * @param total their total value
 * @param currency the value currency code
 * @param gini the Gini coefficient
 * @param topOne the share of value of the top 1 %
 * @param topTen the share of the top 10 %
 * @param topTwenty the share of the top 20 %
 * @param customersFor80 the smallest share of buyers, from the top, holding 80 % of the value
 * @param lorenz the Lorenz curve, as {@link ValueConcentration#lorenzCurve()}
 * @since 0.1.0
 */
public record ConcentrationSection(int buyers, double total, String currency, double gini, double topOne,
    double topTen, double topTwenty, double customersFor80, List<Double> lorenz) implements ReportSection {
  /** The id of this section. */
  public static final String ID = "concentration";

  /** Copies the curve. */
  public ConcentrationSection {
    lorenz = List.copyOf(lorenz);
  }

  /** The builder of this section. */
  public static SectionBuilder builder() {
    return WithoutJourneys.of(ID, ConcentrationSection::of);
  }

  /** The section for {@code analysis}; not available without buyers. */
  public static ReportSection of(Analysis analysis) {
    Optional<ValueConcentration> concentration = analysis.purchases().concentration();
    if (concentration.isEmpty()) {
      return ReportSection.notAvailable(ID, "Value concentration", "no purchases in the input");
    }
    ValueConcentration c = concentration.get();
    List<Double> curve = java.util.Arrays.stream(c.lorenzCurve()).boxed().toList();
    return new ConcentrationSection(c.customers(), c.total(), analysis.currency().map(x -> x.getCurrencyCode())
        .orElse("none"), c.gini(), c.topShare(0.01), c.topShare(0.10), c.topShare(0.20),
        c.customerShareFor80PercentValue(), curve);
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Value concentration";
  }

  @Override
  public void writeHtml(Html html) {
    Map<String, String> figures = new LinkedHashMap<>();
    figures.put("buyers", NumberText.count(buyers));
    figures.put("total value", NumberText.number(total, 2) + " " + currency);
    figures.put("top 20% share", NumberText.percent(topTwenty));
    figures.put("top 10% share", NumberText.percent(topTen));
    figures.put("top 1% share", NumberText.percent(topOne));
    figures.put("Gini", NumberText.number(gini, 3));
    figures.put("buyers holding 80% of value", NumberText.percent(customersFor80));
    html.figures(figures);
    html.chart("Lorenz curve: the share of value held by the bottom x of buyers; the further below the "
        + "diagonal, the more concentrated", new LorenzChart(lorenz, topTwenty));
  }

  @Override
  public List<String> summary() {
    return List.of(String.format(java.util.Locale.ROOT,
        "top 20%% of %s buyers hold %s of %s %s; Gini %.3f; %s of buyers hold 80%%", NumberText.count(buyers),
        NumberText.percent(topTwenty), NumberText.number(total, 2), currency, gini, NumberText.percent(customersFor80)));
  }
}
