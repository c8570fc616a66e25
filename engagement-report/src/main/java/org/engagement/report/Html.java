package org.engagement.report;

import static java.util.Objects.requireNonNull;

import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the body of a report section: paragraphs, key figures, tables and charts. Every text is
 * escaped, and the markup is also well-formed XML (every element closed, no named entities), so the
 * page can be checked with an XML parser.
 *
 * <p>Not thread-safe: one writer per page, used by one thread.
 *
 * @since 0.1.0
 */
public final class Html {
  private static final Escaper ESCAPER = HtmlEscapers.htmlEscaper();

  private final StringBuilder out;

  Html(StringBuilder out) {
    this.out = out;
  }

  /** {@code text} with {@code & < > " '} escaped, safe in element content and attribute values. */
  public static String escape(String text) {
    return ESCAPER.escape(requireNonNull(text, "text"));
  }

  /** A paragraph of text. */
  public Html paragraph(String text) {
    out.append("<p>").append(escape(text)).append("</p>\n");
    return this;
  }

  /** A paragraph of text with a CSS class ({@code note}, {@code not-available}, {@code warning}). */
  public Html paragraph(String cssClass, String text) {
    out.append("<p class=\"").append(escape(cssClass)).append("\">").append(escape(text)).append("</p>\n");
    return this;
  }

  /** Key figures as a list of name and value pairs, in the map's order. */
  public Html figures(Map<String, String> figures) {
    out.append("<dl class=\"figures\">");
    figures.forEach((name, value) -> out.append("<div><dt>").append(escape(name)).append("</dt><dd>")
        .append(escape(value)).append("</dd></div>"));
    out.append("</dl>\n");
    return this;
  }

  /**
   * A table. Cells that look like numbers are right-aligned.
   *
   * @param caption the caption
   * @param header the column names
   * @param rows the rows; each as long as the header
   */
  public Html table(String caption, List<String> header, List<List<String>> rows) {
    return dataTable(caption, header, rows.stream().map(row -> row.stream().map(Cell::text).toList()).toList());
  }

  /**
   * A table whose cells may carry their exact value in a {@code data-value} attribute, so that a figure
   * shown rounded can be traced (and re-computed by a test) from the page itself.
   *
   * @param caption the caption
   * @param header the column names
   * @param rows the rows; each as long as the header
   */
  public Html dataTable(String caption, List<String> header, List<List<Cell>> rows) {
    out.append("<div class=\"table\"><table><caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : rows) {
      out.append("<tr>");
      for (Cell cell : row) {
        out.append(isNumber(cell.text()) ? "<td class=\"num\"" : "<td");
        if (cell.value() != null) {
          out.append(" data-value=\"").append(cell.value()).append('"');
        }
        out.append('>').append(escape(cell.text())).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody></table></div>\n");
    return this;
  }

  /**
   * One cell of a {@link #dataTable}: the text shown and, for a figure, its exact value. Immutable and
   * thread-safe.
   *
   * @param text the text shown
   * @param value the exact value, or {@code null} for a cell that is not a figure
   * @since 0.1.0
   */
  public record Cell(String text, @Nullable Double value) {
    /** Requires the text. */
    public Cell {
      requireNonNull(text, "text");
    }

    /** A cell that is not a figure. */
    public static Cell text(String text) {
      return new Cell(text, null);
    }
  }

  /** A chart, as inline SVG inside a figure with a caption. */
  public Html chart(String caption, Chart chart) {
    out.append("<figure>").append(chart.toSvg()).append("<figcaption>").append(escape(caption))
        .append("</figcaption></figure>\n");
    return this;
  }

  private static boolean isNumber(String cell) {
    return !cell.isEmpty() && cell.matches("[-+\u2212]?[0-9][0-9,.]*\\s*[%A-Z]*");
  }
}
