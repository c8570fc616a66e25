package org.engagement.report.internal.chart;

import static org.engagement.report.internal.text.NumberText.coordinate;

import org.engagement.report.html.Html;

/** Builds one {@code <svg>} element; every text is escaped. Not thread-safe. */
public final class SvgCanvas {
  /**
   * The channels' colours ({@link ChannelPalette#of}), never a series' that is not a channel: a colour-blind-safe
   * palette (Okabe and Ito, its pale yellow darkened to olive so that a thin bar stays
   * visible on white, its black replaced by Paul Tol's wine so that no channel is drawn in the black of the
   * charts' ticks and axes), then darker variants, and Tol's indigo in place of a grey that read as "no
   * channel".
   */
  private static final String[] PALETTE = {
      "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#8a7d00", "#882255",
      "#004c7a", "#a87400", "#006b4f", "#8f4a75", "#2b7fb3", "#8c3d00", "#9c9410", "#332288"};

  private final StringBuilder svg = new StringBuilder();

  SvgCanvas(double width, double height, String label) {
    svg.append("<svg class=\"chart\" width=\"").append(coordinate(width)).append("\" height=\"")
        .append(coordinate(height)).append("\" viewBox=\"0 0 ").append(coordinate(width)).append(' ')
        .append(coordinate(height)).append("\" role=\"img\" aria-label=\"").append(Html.escape(label))
        .append("\">");
  }

  /** The {@code index}th channel's colour; past the palette's 16 they repeat. */
  static String colour(int index) {
    return PALETTE[Math.floorMod(index, PALETTE.length)];
  }

  SvgCanvas rect(double x, double y, double width, double height, String fill, String tooltip) {
    svg.append("<rect x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y))
        .append("\" width=\"").append(coordinate(Math.max(0, width))).append("\" height=\"")
        .append(coordinate(Math.max(0, height))).append("\" fill=\"").append(fill).append("\">");
    return tooltip(tooltip).append("</rect>");
  }

  SvgCanvas line(double x1, double y1, double x2, double y2, String cssClass) {
    svg.append("<line x1=\"").append(coordinate(x1)).append("\" y1=\"").append(coordinate(y1))
        .append("\" x2=\"").append(coordinate(x2)).append("\" y2=\"").append(coordinate(y2))
        .append("\" class=\"").append(cssClass).append("\"/>");
    return this;
  }

  SvgCanvas text(double x, double y, String anchor, String cssClass, String text) {
    svg.append("<text x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y))
        .append("\" text-anchor=\"").append(anchor).append("\" class=\"").append(cssClass).append("\">")
        .append(Html.escape(text)).append("</text>");
    return this;
  }

  SvgCanvas textRotated(double x, double y, double degrees, String cssClass, String text) {
    svg.append("<text x=\"").append(coordinate(x)).append("\" y=\"").append(coordinate(y))
        .append("\" text-anchor=\"start\" class=\"").append(cssClass).append("\" transform=\"rotate(")
        .append(coordinate(degrees)).append(' ').append(coordinate(x)).append(' ').append(coordinate(y))
        .append(")\">").append(Html.escape(text)).append("</text>");
    return this;
  }

  SvgCanvas polyline(double[] xs, double[] ys, String stroke, String tooltip) {
    return polyline(xs, ys, stroke, "", tooltip);
  }

  /** A line through the points in {@code stroke}, dashed by {@code dash} ({@code stroke-dasharray}; empty: solid). */
  SvgCanvas polyline(double[] xs, double[] ys, String stroke, String dash, String tooltip) {
    svg.append("<polyline fill=\"none\" stroke=\"").append(stroke).append("\" stroke-width=\"2\"");
    if (!dash.isEmpty()) {
      svg.append(" stroke-dasharray=\"").append(dash).append('"');
    }
    svg.append(" points=\"");
    for (int i = 0; i < xs.length; i++) {
      svg.append(i == 0 ? "" : " ").append(coordinate(xs[i])).append(',').append(coordinate(ys[i]));
    }
    svg.append("\">");
    return tooltip(tooltip).append("</polyline>");
  }

  SvgCanvas polygon(double[] xs, double[] ys, String fill, String tooltip) {
    svg.append("<polygon fill=\"").append(fill).append("\" points=\"");
    for (int i = 0; i < xs.length; i++) {
      svg.append(i == 0 ? "" : " ").append(coordinate(xs[i])).append(',').append(coordinate(ys[i]));
    }
    svg.append("\">");
    return tooltip(tooltip).append("</polygon>");
  }

  SvgCanvas circle(double x, double y, double r, String fill, String tooltip) {
    svg.append("<circle cx=\"").append(coordinate(x)).append("\" cy=\"").append(coordinate(y))
        .append("\" r=\"").append(coordinate(r)).append("\" fill=\"").append(fill).append("\">");
    return tooltip(tooltip).append("</circle>");
  }

  /** A legend row of squares in {@code colours} (one per name) and names, starting at ({@code x}, {@code y}). */
  SvgCanvas legend(double x, double y, double width, java.util.List<String> names, java.util.List<String> colours) {
    return legendRows(x, y, width, names, 14,
        (i, cx, cy) -> rect(cx, cy - 9, 10, 10, colours.get(i), names.get(i)));
  }

  /**
   * A legend row of short lines in {@code colours}, dashed by {@code dashes} (one of each per name), and names,
   * starting at ({@code x}, {@code y}): the key of a line chart whose lines differ by dash as well as colour. It
   * takes the room {@link #legendHeight} gives.
   */
  SvgCanvas lineLegend(double x, double y, double width, java.util.List<String> names, java.util.List<String> colours,
      java.util.List<String> dashes) {
    return legendRows(x, y, width, names, 22, (i, cx, cy) -> polyline(new double[] {cx, cx + 18},
        new double[] {cy - 4, cy - 4}, colours.get(i), dashes.get(i), names.get(i)));
  }

  /** Draws one legend entry's mark at ({@code cx}, {@code cy}), the baseline of the name beside it. */
  @FunctionalInterface
  private interface LegendMark {
    void draw(int index, double cx, double cy);
  }

  /**
   * Lays legend entries out in rows of {@code width}, as {@link #legendHeight} counts them: each entry's mark, then
   * its name {@code textOffset} to the right.
   */
  private SvgCanvas legendRows(double x, double y, double width, java.util.List<String> names, double textOffset,
      LegendMark mark) {
    double cx = x;
    double cy = y;
    for (int i = 0; i < names.size(); i++) {
      double w = 24 + 8 * names.get(i).length();
      if (cx + w > x + width && cx > x) {
        cx = x;
        cy += 18;
      }
      mark.draw(i, cx, cy);
      text(cx + textOffset, cy, "start", "legend", names.get(i));
      cx += w;
    }
    return this;
  }

  /** The height {@link #legend} needs for {@code names} in {@code width}. */
  static double legendHeight(double width, java.util.List<String> names) {
    double cx = 0;
    int rows = names.isEmpty() ? 0 : 1;
    for (String name : names) {
      double w = 24 + 8 * name.length();
      if (cx + w > width && cx > 0) {
        cx = 0;
        rows++;
      }
      cx += w;
    }
    return rows * 18;
  }

  private Close tooltip(String tooltip) {
    if (!tooltip.isEmpty()) {
      svg.append("<title>").append(Html.escape(tooltip)).append("</title>");
    }
    return new Close();
  }

  /** Closes the element a shape opened. */
  private final class Close {
    SvgCanvas append(String close) {
      svg.append(close);
      return SvgCanvas.this;
    }
  }

  @Override
  public String toString() {
    return svg + "</svg>";
  }
}
