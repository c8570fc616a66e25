package org.engagement.report.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.html.Chart;
import org.engagement.report.internal.text.NumberText;

/**
 * Horizontal stacked bars, one row per category, one coloured part per component (positive parts to the
 * right of zero, negative ones to the left), with a black tick per row at a reference value named
 * {@code markerName} (say so in the caption): the reward components of each channel against its investment.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label what the chart shows, for screen readers
 * @param categories the rows, top to bottom
 * @param components the parts' names, in stacking order
 * @param values per category, one finite value per component
 * @param markerName what the tick stands for, in the legend
 * @param markers per category, the tick's finite value
 * @param colours a colour by category (a channel's, {@link ChannelPalette}): a coloured category's parts are
 *     {@linkplain ChannelPalette#shade shades} of it, darkest first, and the legend shows the same shades of
 *     grey, so that a channel keeps its colour; empty for none (the parts then take {@linkplain
 *     ChannelPalette#notAChannel greys}, never a channel's colour)
 * @since 0.1.0
 */
public record StackedBarChart(String label, List<String> categories, List<String> components,
    List<List<Double>> values, String markerName, List<Double> markers, Map<String, String> colours)
    implements Chart {
  private static final double WIDTH = 820;
  private static final double ROW = 26;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if the sizes do not match or a value is not finite
   */
  public StackedBarChart {
    requireNonNull(label, "label");
    requireNonNull(markerName, "markerName");
    categories = List.copyOf(categories);
    components = List.copyOf(components);
    values = values.stream().map(List::copyOf).toList();
    markers = List.copyOf(markers);
    colours = Map.copyOf(colours);
    int width = components.size();
    if (values.size() != categories.size() || markers.size() != categories.size()
        || values.stream().anyMatch(r -> r.size() != width)) {
      throw new InvalidFieldException("values, markers", values.size() + ", " + markers.size(),
          "must have one row of " + width + " values and one marker per category (" + categories.size() + ")");
    }
    if (values.stream().flatMap(List::stream).anyMatch(v -> !Double.isFinite(v))
        || markers.stream().anyMatch(v -> !Double.isFinite(v))) {
      throw new InvalidFieldException("values", values, "must be finite");
    }
  }

  /** A chart without colours by category. */
  public StackedBarChart(String label, List<String> categories, List<String> components, List<List<Double>> values,
      String markerName, List<Double> markers) {
    this(label, categories, components, values, markerName, markers, Map.of());
  }

  /** This chart with {@code colours} by category: the page's channel colours, for a chart of channels. */
  public StackedBarChart withColours(Map<String, String> channelColours) {
    return new StackedBarChart(label, categories, components, values, markerName, markers, channelColours);
  }

  /** The fill of component {@code k} in category {@code c}. */
  private String fill(int c, int k) {
    String own = colours.get(categories.get(c));
    int n = components.size();
    if (own != null) {
      return ChannelPalette.shade(own, k, n);
    }
    return colours.isEmpty() ? ChannelPalette.notAChannel(k) : ChannelPalette.shade(ChannelPalette.NEUTRAL, k, n);
  }

  @Override
  public String toSvg() {
    double lo = 0;
    double hi = 0;
    for (int c = 0; c < categories.size(); c++) {
      double pos = 0;
      double neg = 0;
      for (double v : values.get(c)) {
        pos += Math.max(0, v);
        neg += Math.min(0, v);
      }
      lo = Math.min(lo, Math.min(neg, markers.get(c)));
      hi = Math.max(hi, Math.max(pos, markers.get(c)));
    }
    double step = Axis.step(hi - lo);
    lo = Math.floor(lo / step) * step;
    hi = Math.max(lo + step, Math.ceil(hi / step) * step);
    double left = Math.min(240, 12 + 6.5 * categories.stream().mapToInt(String::length).max().orElse(4));
    double top = 24 + SvgCanvas.legendHeight(WIDTH - 20, components) + 8;
    double plot = WIDTH - left - 30;
    double scale = plot / (hi - lo);
    double zero = left - lo * scale;
    SvgCanvas svg = new SvgCanvas(WIDTH, top + ROW * categories.size() + 10, label);
    svg.legend(10, 14, WIDTH - 20, components, colours.isEmpty() ? IntStream.range(0, components.size())
        .mapToObj(ChannelPalette::notAChannel).toList() : IntStream.range(0, components.size())
        .mapToObj(k -> ChannelPalette.shade(ChannelPalette.NEUTRAL, k, components.size())).toList());
    for (double v = lo; v <= hi + step / 2; v += step) {
      double x = left + (v - lo) * scale;
      svg.line(x, top - 4, x, top + ROW * categories.size(), "grid").text(x, top - 8, "middle", "axis", NumberText.compact(v));
    }
    for (int c = 0; c < categories.size(); c++) {
      double y = top + c * ROW;
      svg.text(left - 6, y + ROW / 2 + 4, "end", "category", categories.get(c));
      double pos = zero;
      double neg = zero;
      for (int k = 0; k < components.size(); k++) {
        double v = values.get(c).get(k);
        String tip = categories.get(c) + ", " + components.get(k) + ": " + NumberText.number(v, 2);
        if (v >= 0) {
          svg.rect(pos, y + 4, v * scale, ROW - 8, fill(c, k), tip);
          pos += v * scale;
        } else {
          neg += v * scale;
          svg.rect(neg, y + 4, -v * scale, ROW - 8, fill(c, k), tip);
        }
      }
      double m = zero + markers.get(c) * scale;
      svg.rect(m - 1.5, y + 1, 3, ROW - 2, "#000000", categories.get(c) + ", " + markerName + ": "
          + NumberText.number(markers.get(c), 2));
    }
    svg.line(zero, top - 4, zero, top + ROW * categories.size(), "axis-line");
    return svg.toString();
  }
}
