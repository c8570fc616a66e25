package org.engagement.report.internal.chart;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.report.html.Chart;

/**
 * A matrix as coloured cells with a short text in each: the darker the cell, the higher its intensity.
 * Used for the channel overlap (shaded by the share of the row's customers) and for attribution credit
 * shares (channel by model).
 *
 * <p>Immutable and thread-safe.
 *
 * @param label what the chart shows, for screen readers
 * @param rows the row labels, top to bottom
 * @param columns the column labels, left to right
 * @param intensities per row, one number in [0, 1] per column
 * @param texts per row, one short text per column, shown in the cell
 * @param colours a colour by row or column label (a channel's, {@link ChannelPalette}): a square of it stands
 *     beside the label, so that a channel is found by the same colour as in every other chart; empty for none
 * @since 0.1.0
 */
public record HeatMap(String label, List<String> rows, List<String> columns, List<List<Double>> intensities,
    List<List<String>> texts, Map<String, String> colours) implements Chart {
  private static final double CELL = 50;
  /** The side of a label's colour square. */
  private static final double SWATCH = 10;

  /**
   * Validates and copies.
   *
   * @throws InvalidFieldException if a matrix does not have one row per row label and one cell per column,
   *     or an intensity is outside [0, 1]
   */
  public HeatMap {
    requireNonNull(label, "label");
    rows = List.copyOf(rows);
    columns = List.copyOf(columns);
    intensities = intensities.stream().map(List::copyOf).toList();
    texts = texts.stream().map(List::copyOf).toList();
    colours = Map.copyOf(colours);
    int width = columns.size();
    if (intensities.size() != rows.size() || texts.size() != rows.size()
        || intensities.stream().anyMatch(r -> r.size() != width) || texts.stream().anyMatch(r -> r.size() != width)) {
      throw new InvalidFieldException("intensities, texts", intensities.size() + ", " + texts.size() + " rows",
          "must be " + rows.size() + " rows of " + width + " cells");
    }
    for (List<Double> row : intensities) {
      for (double v : row) {
        if (!(v >= 0 && v <= 1)) {
          throw new InvalidFieldException("intensity", v, "must be in [0, 1]");
        }
      }
    }
  }

  /** A map without colours by label. */
  public HeatMap(String label, List<String> rows, List<String> columns, List<List<Double>> intensities,
      List<List<String>> texts) {
    this(label, rows, columns, intensities, texts, Map.of());
  }

  /** This map with {@code colours} by label: the page's channel colours, for a map of channels. */
  public HeatMap withColours(Map<String, String> channelColours) {
    return new HeatMap(label, rows, columns, intensities, texts, channelColours);
  }

  @Override
  public String toSvg() {
    boolean swatches = rows.stream().anyMatch(colours::containsKey) || columns.stream().anyMatch(colours::containsKey);
    double square = swatches ? SWATCH + 4 : 0;
    double left = Math.min(240, 12 + 6.5 * rows.stream().mapToInt(String::length).max().orElse(4)) + square;
    double top = Math.min(180, 16 + 5 * columns.stream().mapToInt(String::length).max().orElse(4)) + square;
    SvgCanvas svg = new SvgCanvas(left + columns.size() * CELL + 90, top + rows.size() * CELL + 10, label);
    for (int j = 0; j < columns.size(); j++) {
      svg.textRotated(left + j * CELL + CELL / 2 - 4, top - 6 - square, -45, "category", columns.get(j));
      String own = colours.get(columns.get(j));
      if (own != null) {
        svg.rect(left + j * CELL + CELL / 2 - 1 - SWATCH / 2, top - 4 - SWATCH, SWATCH, SWATCH, own, columns.get(j));
      }
    }
    for (int i = 0; i < rows.size(); i++) {
      svg.text(left - 6 - square, top + i * CELL + CELL / 2 + 4, "end", "category", rows.get(i));
      String own = colours.get(rows.get(i));
      if (own != null) {
        svg.rect(left - 4 - SWATCH, top + i * CELL + CELL / 2 - 1 - SWATCH / 2, SWATCH, SWATCH, own, rows.get(i));
      }
      for (int j = 0; j < columns.size(); j++) {
        double t = intensities.get(i).get(j);
        svg.rect(left + j * CELL, top + i * CELL, CELL - 2, CELL - 2, shade(t),
            rows.get(i) + ", " + columns.get(j) + ": " + texts.get(i).get(j));
        svg.text(left + j * CELL + CELL / 2 - 1, top + i * CELL + CELL / 2 + 3, "middle",
            t > 0.55 ? "cell-dark" : "cell", texts.get(i).get(j));
      }
    }
    return svg.toString();
  }

  private static String shade(double t) {
    int r = (int) Math.round(247 + (8 - 247) * t);
    int g = (int) Math.round(251 + (69 - 251) * t);
    int b = (int) Math.round(255 + (148 - 255) * t);
    return String.format(java.util.Locale.ROOT, "#%02x%02x%02x", r, g, b);
  }
}
