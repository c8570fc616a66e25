package org.engagement.report.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.html.Chart;
import org.engagement.report.internal.text.NumberText;

/**
 * Lines over a shared x axis of labelled points (periods, usually), one per series, with a legend when
 * there are several. The y axis starts at 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label what the chart shows, for screen readers
 * @param points the x labels, oldest first; at least one
 * @param series one value per point each; at least one
 * @param colours a colour by series name (a channel's, {@link ChannelPalette}); a series without one is not a
 *     channel and is drawn in a {@linkplain ChannelPalette#notAChannel grey} and a {@linkplain ChannelPalette#dash
 *     dash pattern} of its place, never in a channel's colour; empty for none
 * @since 0.1.0
 */
public record LineChart(String label, List<String> points, List<BarChart.Series> series,
    Map<String, String> colours) implements Chart {
  private static final double WIDTH = 820;
  private static final double HEIGHT = 300;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if there is no point or series, or a series has the wrong length
   */
  public LineChart {
    requireNonNull(label, "label");
    colours = Map.copyOf(colours);
    points = List.copyOf(points);
    series = List.copyOf(series);
    if (points.isEmpty() || series.isEmpty()) {
      throw new InvalidFieldException("points, series", points.size() + ", " + series.size(), "must not be empty");
    }
    for (BarChart.Series s : series) {
      if (s.values().size() != points.size()) {
        throw new InvalidFieldException("series " + s.name(), s.values().size() + " values",
            "must have one value per point (" + points.size() + ")");
      }
    }
  }

  /** A chart of series that are not channels: each in a grey and a dash pattern of its place. */
  public LineChart(String label, List<String> points, List<BarChart.Series> series) {
    this(label, points, series, Map.of());
  }

  /** This chart with {@code colours} by series name: the page's channel colours, for a chart of channels. */
  public LineChart withColours(Map<String, String> colours) {
    return new LineChart(label, points, series, colours);
  }

  private String colour(int s) {
    return colours.getOrDefault(series.get(s).name(), ChannelPalette.notAChannel(s));
  }

  /** The dash pattern of series {@code s}: a channel's line is solid, another series' dashed by its place. */
  private String dash(int s) {
    return colours.containsKey(series.get(s).name()) ? "" : ChannelPalette.dash(s);
  }

  @Override
  public String toSvg() {
    List<String> names = series.stream().map(BarChart.Series::name).toList();
    double legend = SvgCanvas.legendHeight(WIDTH - 20, names) + 8;
    double left = 60;
    double top = 14 + legend;
    double bottom = HEIGHT - 40;
    double plotWidth = WIDTH - left - 20;
    double hi = series.stream().flatMap(s -> s.values().stream()).mapToDouble(Double::doubleValue).max().orElse(1);
    double step = Axis.step(hi <= 0 ? 1 : hi);
    hi = Math.max(step, Math.ceil(hi / step) * step);
    SvgCanvas svg = new SvgCanvas(WIDTH, HEIGHT, label);
    List<Integer> all = java.util.stream.IntStream.range(0, names.size()).boxed().toList();
    svg.lineLegend(10, 14, WIDTH - 20, names, all.stream().map(this::colour).toList(),
        all.stream().map(this::dash).toList());
    for (double v = 0; v <= hi + step / 2; v += step) {
      double y = bottom - (bottom - top) * v / hi;
      svg.line(left, y, WIDTH - 20, y, "grid").text(left - 6, y + 4, "end", "axis", NumberText.compact(v));
    }
    int n = points.size();
    double dx = n == 1 ? 0 : plotWidth / (n - 1);
    int every = Math.max(1, (int) Math.ceil(n / 12.0));
    for (int i = 0; i < n; i += every) {
      svg.text(left + i * dx, bottom + 18, "middle", "axis", points.get(i));
    }
    svg.line(left, bottom, WIDTH - 20, bottom, "axis-line");
    for (int s = 0; s < series.size(); s++) {
      double[] xs = new double[n];
      double[] ys = new double[n];
      for (int i = 0; i < n; i++) {
        xs[i] = left + i * dx;
        ys[i] = bottom - (bottom - top) * series.get(s).values().get(i) / hi;
      }
      svg.polyline(xs, ys, colour(s), dash(s), series.get(s).name());
      if (n <= 60) {
        for (int i = 0; i < n; i++) {
          svg.circle(xs[i], ys[i], 2.5, colour(s), series.get(s).name() + ", " + points.get(i) + ": "
              + NumberText.number(series.get(s).values().get(i), 2));
        }
      }
    }
    return svg.toString();
  }
}
