package org.engagement.report.html;

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
  private final Map<String, String> channelColours;

  /** A writer that appends the page's markup to {@code out}, without channel colours. */
  public Html(StringBuilder out) {
    this(out, Map.of());
  }

  /**
   * A writer that appends the page's markup to {@code out}, with each channel's colour by display name: the
   * one colour every chart draws that channel in, whichever section it is in.
   */
  public Html(StringBuilder out, Map<String, String> channelColours) {
    this.out = out;
    this.channelColours = Map.copyOf(channelColours);
  }

  /** Each channel's colour by display name, for the charts that colour by channel; empty without any. */
  public Map<String, String> channelColours() {
    return channelColours;
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

  /** A sub-heading inside a section. */
  public Html heading(String text) {
    out.append("<h3>").append(escape(text)).append("</h3>\n");
    return this;
  }

  /** Terms and their definitions, in the map's order, as a definition list with a CSS class. */
  public Html definitions(String cssClass, Map<String, String> terms) {
    out.append("<dl class=\"").append(escape(cssClass)).append("\">");
    terms.forEach((term, text) -> out.append("<dt>").append(escape(term)).append("</dt><dd>").append(escape(text))
        .append("</dd>"));
    out.append("</dl>\n");
    return this;
  }

  /** Text folded away under a summary line, for the analyst rather than the marketer. */
  public Html details(String summary, String text) {
    out.append("<details><summary>").append(escape(summary)).append("</summary><p>").append(escape(text))
        .append("</p></details>\n");
    return this;
  }

  /** Paragraphs folded away under a summary line: {@code first}, then each of {@code more}. */
  public Html details(String summary, String first, List<String> more) {
    out.append("<details><summary>").append(escape(summary)).append("</summary><p>").append(escape(first))
        .append("</p>");
    more.forEach(text -> out.append("<p>").append(escape(text)).append("</p>"));
    out.append("</details>\n");
    return this;
  }

  /** A bulleted list of sentences, with a CSS class. */
  public Html list(String cssClass, List<String> items) {
    out.append("<ul class=\"").append(escape(cssClass)).append("\">");
    items.forEach(item -> out.append("<li>").append(escape(item)).append("</li>"));
    out.append("</ul>\n");
    return this;
  }

  /**
   * A switch between periods: a labelled select whose options show only the elements of the chosen period
   * ({@code data-period}); the page's inline script does the switching, and without it every period shows.
   *
   * @param periods each a key and a label, the first selected
   */
  public Html periodSwitch(List<List<String>> periods) {
    out.append("<div class=\"filters\"><label>Period <select data-switch=\"period\">");
    periods.forEach(p -> out.append("<option value=\"").append(escape(p.get(0))).append("\">")
        .append(escape(p.get(1))).append("</option>"));
    out.append("</select></label></div>\n");
    return this;
  }

  /**
   * A switch that shows only the table rows of one value (those of a {@link #dataTable} with the same row
   * key), or all of them; the page's inline script does the switching.
   *
   * @param key the row key (lower-case letters)
   * @param label the switch's label
   * @param values the values to choose from, in order
   */
  public Html rowSwitch(String key, String label, List<String> values) {
    out.append("<div class=\"filters\"><label>").append(escape(label)).append(" <select data-switch=\"")
        .append(escape(key)).append("\"><option value=\"all\">all</option>");
    values.forEach(v -> out.append("<option value=\"").append(escape(v)).append("\">").append(escape(v))
        .append("</option>"));
    out.append("</select></label></div>\n");
    return this;
  }

  /**
   * Headline figures of one period: each a name, a value and up to three smaller lines under it (an interval,
   * a change, what it rests on), each line left out when empty.
   *
   * @param period the period's key, for the switch
   * @param label the period in words, above the figures
   * @param figures the figures
   */
  public Html headline(String period, String label, List<List<String>> figures) {
    out.append("<div data-period=\"").append(escape(period)).append("\"><p class=\"note\">").append(escape(label))
        .append("</p><dl class=\"figures kpis\">");
    for (List<String> figure : figures) {
      out.append("<div><dt>").append(escape(figure.get(0))).append("</dt><dd>").append(escape(figure.get(1)));
      if (figure.size() > 2 && !figure.get(2).isEmpty()) {
        out.append("<span class=\"interval\">").append(escape(figure.get(2))).append("</span>");
      }
      if (figure.size() > 3 && !figure.get(3).isEmpty()) {
        out.append("<span class=\"change\">").append(escape(figure.get(3))).append("</span>");
      }
      if (figure.size() > 4 && !figure.get(4).isEmpty()) {
        out.append("<span class=\"rests\">").append(escape(figure.get(4))).append("</span>");
      }
      out.append("</dd></div>");
    }
    out.append("</dl></div>\n");
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
    return dataTable(caption, header, rows, "");
  }

  /**
   * A {@link #dataTable} whose rows a switch can filter: each row carries its first cell's text in a
   * {@code data-<rowKey>} attribute, which a {@link #rowSwitch} with the same key matches.
   *
   * @param caption the caption
   * @param header the column names
   * @param rows the rows; each as long as the header
   * @param rowKey the switch's key (lower-case letters), or empty for rows no switch filters
   */
  public Html dataTable(String caption, List<String> header, List<List<Cell>> rows, String rowKey) {
    out.append("<div class=\"table\"><table><caption>").append(escape(caption)).append("</caption>\n<thead><tr>");
    header.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (List<Cell> row : rows) {
      out.append("<tr");
      if (!rowKey.isEmpty() && !row.isEmpty()) {
        out.append(" data-").append(escape(rowKey)).append("=\"").append(escape(row.get(0).text())).append('"');
      }
      out.append('>');
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
