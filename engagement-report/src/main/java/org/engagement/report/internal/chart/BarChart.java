package org.engagement.report.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.html.Chart;
import org.engagement.report.internal.text.NumberText;

/**
 * Horizontal bars, one row per category; with several series, one bar per series in each row (grouped),
 * coloured by series with a legend. Values may be negative: bars then grow left of the zero line.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label what the chart shows, for screen readers
 * @param categories the rows, top to bottom
 * @param series at least one; each with one value per category
 * @param suffix what follows each value label and tick ({@code %} for percentages), empty for none
 * @param colours a colour by category (a channel's, {@link ChannelPalette}): with one series a coloured
 *     category's bar is drawn in it; with several a square of it precedes the category's name and the
 *     category's bars are {@linkplain ChannelPalette#shade shades} of it, darkest first, with the legend in
 *     the same shades of grey; empty for none
 * @since 0.1.0
 */
public record BarChart(String label, List<String> categories, List<Series> series, String suffix,
    Map<String, String> colours) implements Chart {
  private static final double WIDTH = 820;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if there is no series or a series has the wrong number of values
   */
  public BarChart {
    requireNonNull(label, "label");
    requireNonNull(suffix, "suffix");
    colours = Map.copyOf(colours);
    categories = List.copyOf(categories);
    series = List.copyOf(series);
    if (series.isEmpty()) {
      throw new InvalidFieldException("series", series, "must hold at least one series");
    }
    for (Series s : series) {
      if (s.values().size() != categories.size()) {
        throw new InvalidFieldException("series " + s.name(), s.values().size() + " values",
            "must have one value per category (" + categories.size() + ")");
      }
    }
  }

  /** A chart without a suffix on its labels. */
  public BarChart(String label, List<String> categories, List<Series> series) {
    this(label, categories, series, "");
  }

  /** A chart without colours by category. */
  public BarChart(String label, List<String> categories, List<Series> series, String suffix) {
    this(label, categories, series, suffix, Map.of());
  }

  /** This chart with {@code suffix} after every value label and tick. */
  public BarChart withSuffix(String suffix) {
    return new BarChart(label, categories, series, suffix, colours);
  }

  /** This chart with {@code colours} by category: the page's channel colours, for a chart of channels. */
  public BarChart withColours(Map<String, String> colours) {
    return new BarChart(label, categories, series, suffix, colours);
  }

  /**
   * This chart with its rows sorted by the first series' value, largest at the top (ties keep their order):
   * the order a reader ranks by.
   */
  public BarChart sortedByValue() {
    List<Double> first = series.get(0).values();
    List<Integer> order = java.util.stream.IntStream.range(0, categories.size()).boxed()
        .sorted(java.util.Comparator.comparingDouble((Integer i) -> first.get(i)).reversed()).toList();
    return new BarChart(label, order.stream().map(categories::get).toList(), series.stream()
        .map(s -> new Series(s.name(), order.stream().map(s.values()::get).toList())).toList(), suffix, colours);
  }

  /** One series: a name (in the legend) and one finite value per category. */
  public static BarChart single(String label, List<String> categories, List<Double> values) {
    return new BarChart(label, categories, List.of(new Series(label, values)));
  }

  @Override
  public String toSvg() {
    int n = series.size();
    double bar = n == 1 ? 16 : Math.max(5, 28.0 / n);
    double group = n * bar + (n == 1 ? 6 : 10);
    double left = 12 + 7.2 * categories.stream().mapToInt(String::length).max().orElse(4);
    left = Math.min(left, 260);
    double right = 70;
    List<String> names = series.stream().map(Series::name).toList();
    double legend = n == 1 ? 0 : SvgCanvas.legendHeight(WIDTH - 20, names) + 8;
    double top = 24 + legend;
    double height = top + group * categories.size() + 10;
    double lo = 0;
    double hi = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        lo = Math.min(lo, v);
        hi = Math.max(hi, v);
      }
    }
    double step = Axis.step(hi - lo);
    lo = Math.floor(lo / step) * step;
    hi = Math.max(lo + step, Math.ceil(hi / step) * step);
    double labelEdge = left;
    if (lo < 0 && n == 1) {
      left += 44;
    }
    double plot = WIDTH - left - right;
    double scale = plot / (hi - lo);
    double zero = left + (0 - lo) * scale;
    SvgCanvas svg = new SvgCanvas(WIDTH, height, label);
    int decimals = labelDecimals();
    if (n > 1) {
      svg.legend(10, 14, WIDTH - 20, names, colours.isEmpty() ? java.util.stream.IntStream.range(0, n)
          .mapToObj(ChannelPalette::notAChannel).toList() : java.util.stream.IntStream.range(0, n)
          .mapToObj(s -> ChannelPalette.shade(ChannelPalette.NEUTRAL, s, n)).toList());
    }
    for (double v = lo; v <= hi + step / 2; v += step) {
      double x = left + (v - lo) * scale;
      svg.line(x, top - 4, x, height - 8, "grid").text(x, top - 8, "middle", "axis", NumberText.compact(v) + suffix);
    }
    for (int c = 0; c < categories.size(); c++) {
      double y = top + c * group;
      svg.text(labelEdge - 6, y + group / 2 + 4, "end", "category", categories.get(c));
      String own = colours.get(categories.get(c));
      if (own != null && n > 1) {
        svg.rect(2, y + group / 2 - 5, 10, 10, own, categories.get(c));
      }
      for (int s = 0; s < n; s++) {
        double v = series.get(s).values().get(c);
        double x = v >= 0 ? zero : zero + v * scale;
        String tip = categories.get(c) + (n > 1 ? ", " + series.get(s).name() : "") + ": " + NumberText.number(v, 2) + suffix;
        svg.rect(x, y + 3 + s * bar, Math.abs(v) * scale, bar - 1, fill(own, s, n), tip);
        if (n == 1) {
          double lx = v >= 0 ? zero + v * scale + 4 : x - 4;
          svg.text(lx, y + 3 + bar - 4, v >= 0 ? "start" : "end", "value", label(v, decimals) + suffix);
        }
      }
    }
    svg.line(zero, top - 4, zero, height - 8, "axis-line");
    return svg.toString();
  }

  /**
   * The decimals of the bars' value labels, one rule per chart: one for percentages (the page's rule for
   * them), otherwise as many as the most precise short label needs, so that 0 stands beside 1.47 as 0.00; -1
   * to keep the short labels, when some are abbreviated ({@code 1.6k}).
   */
  private int labelDecimals() {
    if (suffix.equals("%")) {
      return 1;
    }
    int most = 0;
    for (Series s : series) {
      for (double v : s.values()) {
        String text = NumberText.compact(v);
        if (text.endsWith("k") || text.endsWith("M")) {
          return -1;
        }
        int dot = text.indexOf('.');
        most = Math.max(most, dot < 0 ? 0 : text.length() - dot - 1);
      }
    }
    return most;
  }

  private static String label(double value, int decimals) {
    return decimals < 0 ? NumberText.compact(value) : NumberText.number(value, decimals);
  }

  /**
   * The fill of series {@code s} of {@code n} in a category coloured {@code own} (or not coloured): the
   * category's colour with one series, a shade of it with several; without one, grey for a single series, the
   * series' {@linkplain ChannelPalette#notAChannel grey} (or grey shades, when other categories take channel
   * colours, to match the legend) for several: never a channel's colour.
   */
  private String fill(@org.jspecify.annotations.Nullable String own, int s, int n) {
    if (n == 1) {
      return own != null ? own : ChannelPalette.NOT_A_CHANNEL;
    }
    if (own != null) {
      return ChannelPalette.shade(own, s, n);
    }
    return colours.isEmpty() ? ChannelPalette.notAChannel(s) : ChannelPalette.shade(ChannelPalette.NEUTRAL, s, n);
  }

  /**
   * One series of a bar chart. Immutable and thread-safe.
   *
   * @param name the name in the legend
   * @param values one finite value per category
   * @since 0.1.0
   */
  public record Series(String name, List<Double> values) {
    /**
     * Validates and copies.
     *
     * @throws InvalidFieldException if a value is not finite
     */
    public Series {
      requireNonNull(name, "name");
      values = List.copyOf(values);
      for (double v : values) {
        if (!Double.isFinite(v)) {
          throw new InvalidFieldException("values of " + name, v, "must be finite");
        }
      }
    }
  }
}
