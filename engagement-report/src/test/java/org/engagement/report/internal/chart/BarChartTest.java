package org.engagement.report.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bars' value labels follow one rule per chart (issue 15: "-83%" stood beside "-84.6%", "0" beside "1.47"
 * on the 50,000-person world's page).
 */
class BarChartTest {
  @Test
  void percentagesHaveOneDecimalEverywhere() {
    String svg = BarChart.single("ROI", List.of("a", "b"), List.of(-83.0, -84.6)).withSuffix("%").toSvg();
    assertThat(svg).contains(">-83.0%</text>", ">-84.6%</text>").doesNotContain(">-83%</text>");
  }

  @Test
  void ratiosShareTheirDecimals() {
    String svg = BarChart.single("marginal ROI", List.of("a", "b"), List.of(1.47, 0.0)).toSvg();
    assertThat(svg).contains(">1.47</text>", ">0.00</text>");
  }

  @Test
  void abbreviatedLabelsStayShort() {
    String svg = BarChart.single("customers", List.of("a", "b"), List.of(1_582.0, 153.0)).toSvg();
    assertThat(svg).contains(">1.6k</text>", ">153</text>");
  }

  /** The funnel's counts with thousands separators, as every count of the page ("40420" on the 50,000 world). */
  @Test
  void funnelCountsHaveThousandsSeparators() {
    String svg = new FunnelChart(List.of("touch", "lead"), List.of(40_420, 21_221)).toSvg();
    assertThat(svg).contains(">40,420</text>", ">21,221, 52.5% of touch</text>").doesNotContain("40420");
  }
}
