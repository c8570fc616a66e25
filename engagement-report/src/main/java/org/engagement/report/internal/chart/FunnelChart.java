package org.engagement.report.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.html.Chart;
import org.engagement.report.internal.text.NumberText;

/**
 * Funnel bars: one centred bar per stage, as wide as the share of the first stage that reached it,
 * labelled with the count and the conversion from the previous stage.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stages the stage names, in funnel order
 * @param reached per stage, how many reached it: not increasing
 * @since 0.1.0
 */
public record FunnelChart(List<String> stages, List<Integer> reached) implements Chart {
  private static final double WIDTH = 820;
  private static final double ROW = 40;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if the lists differ in length or are empty
   */
  public FunnelChart {
    stages = List.copyOf(requireNonNull(stages, "stages"));
    reached = List.copyOf(requireNonNull(reached, "reached"));
    if (stages.isEmpty() || stages.size() != reached.size()) {
      throw new InvalidFieldException("reached", reached.size(), "must have one count per stage (" + stages.size() + ")");
    }
  }

  @Override
  public String toSvg() {
    double left = 130;
    double plot = WIDTH - left - 200;
    double first = Math.max(1, reached.get(0));
    SvgCanvas svg = new SvgCanvas(WIDTH, ROW * stages.size() + 10, "Funnel");
    for (int i = 0; i < stages.size(); i++) {
      int count = reached.get(i);
      double w = plot * count / first;
      double y = 5 + i * ROW;
      String rate = i == 0 ? "" : ", " + NumberText.percent(reached.get(i - 1) == 0 ? 0
          : (double) count / reached.get(i - 1)) + " of " + stages.get(i - 1);
      svg.text(left - 8, y + ROW / 2 + 4, "end", "category", stages.get(i))
          .rect(left + (plot - w) / 2, y + 4, w, ROW - 8,
              ChannelPalette.shade(ChannelPalette.NOT_A_CHANNEL, i, stages.size()),
              stages.get(i) + ": " + NumberText.count(count))
          .text(left + plot + 8, y + ROW / 2 + 4, "start", "value", NumberText.count(count) + rate);
    }
    return svg.toString();
  }
}
