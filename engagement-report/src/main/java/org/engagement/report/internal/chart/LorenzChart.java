package org.engagement.report.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.html.Chart;
import org.engagement.report.internal.text.NumberText;

/**
 * The Lorenz curve: the share of value held by the bottom x of customers, against the diagonal of
 * perfect equality, with the point where the top 20 % begin marked. Long curves are drawn through at
 * most {@value #MAX_DRAWN} evenly spaced points (the curve is convex, so the drawing stays faithful).
 *
 * <p>Immutable and thread-safe.
 *
 * @param curve the curve's heights at i/n for i = 0..n (as {@code ValueConcentration.lorenzCurve()})
 * @param topTwentyShare the share of value the top 20 % of customers hold
 * @since 0.1.0
 */
public record LorenzChart(List<Double> curve, double topTwentyShare) implements Chart {
  private static final int MAX_DRAWN = 1000;
  private static final double SIZE = 360;
  private static final double MARGIN = 48;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if the curve has fewer than 2 points
   */
  public LorenzChart {
    curve = List.copyOf(requireNonNull(curve, "curve"));
    if (curve.size() < 2) {
      throw new InvalidFieldException("curve", curve.size() + " points", "must have at least 2 points");
    }
  }

  /** Extra room left of the plot, so that the y axis's labels are not cut. */
  private static final double LABEL_ROOM = 16;

  @Override
  public String toSvg() {
    double plot = SIZE - 2 * MARGIN + 20;
    // room on the left for the widest axis label, 100.0%, at 12 px
    double x0 = MARGIN + LABEL_ROOM;
    double y0 = MARGIN - 20 + plot;
    SvgCanvas svg = new SvgCanvas(SIZE + 120 + LABEL_ROOM, SIZE, "Lorenz curve of customer value");
    for (int t = 0; t <= 4; t++) {
      double f = t / 4.0;
      svg.line(x0 + f * plot, y0, x0 + f * plot, y0 - plot, "grid").line(x0, y0 - f * plot, x0 + plot, y0 - f * plot, "grid")
          .text(x0 + f * plot, y0 + 16, "middle", "axis", NumberText.percent(f))
          .text(x0 - 6, y0 - f * plot + 4, "end", "axis", NumberText.percent(f));
    }
    svg.line(x0, y0, x0 + plot, y0 - plot, "diagonal");
    int n = curve.size() - 1;
    int drawn = Math.min(n, MAX_DRAWN);
    double[] xs = new double[drawn + 1];
    double[] ys = new double[drawn + 1];
    for (int k = 0; k <= drawn; k++) {
      int i = (int) Math.round((double) k * n / drawn);
      xs[k] = x0 + plot * i / n;
      ys[k] = y0 - plot * curve.get(i);
    }
    svg.polyline(xs, ys, ChannelPalette.NOT_A_CHANNEL, "Lorenz curve");
    double bottom80 = 1 - topTwentyShare;
    svg.line(x0 + 0.8 * plot, y0, x0 + 0.8 * plot, y0 - plot * bottom80, "marker")
        .circle(x0 + 0.8 * plot, y0 - plot * bottom80, 4, ChannelPalette.NEUTRAL,
            "the top 20% hold " + NumberText.percent(topTwentyShare))
        .text(x0 + 0.8 * plot - 6, y0 - plot * bottom80 - 10, "end", "value",
            "top 20% hold " + NumberText.percent(topTwentyShare))
        .text(x0 + plot / 2, y0 + 34, "middle", "axis", "share of customers, lowest value first")
        .text(x0 + plot + 8, y0 - plot + 4, "start", "legend", "equality");
    return svg.toString();
  }
}
