package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.engagement.core.ingest.ImportReport;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS, inline SVG charts, no
 * script and no reference to anything outside the page, so it opens offline and can be mailed as one
 * file. The markup is also well-formed XML.
 *
 * <p>Holds no state; thread-safe.
 *
 * @since 0.1.0
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
      header{background:#14324f;color:#fff;padding:24px 40px}
      header h1{margin:0 0 4px 0;font-size:26px}
      header p{margin:0;opacity:.85}
      nav{padding:10px 40px;background:#e8ecf1;font-size:14px}
      nav a{margin-right:14px;color:#14324f}
      main{padding:10px 40px 40px 40px;max-width:1100px}
      section{background:#fff;border-radius:6px;padding:16px 24px;margin:18px 0;box-shadow:0 1px 3px rgba(0,0,0,.08)}
      h2{font-size:20px;margin:4px 0 12px 0;color:#14324f}
      .figures{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 12px 0}
      .figures div{background:#eef3f8;border-radius:4px;padding:6px 12px;min-width:110px}
      dt{font-size:12px;color:#52606d}
      dd{margin:0;font-size:18px;font-weight:600}
      table{border-collapse:collapse;margin:12px 0;font-size:13px}
      .table{overflow-x:auto}
      caption{text-align:left;font-weight:600;padding:4px 0}
      th,td{border-bottom:1px solid #dde3ea;padding:3px 10px;text-align:left}
      td.num{text-align:right;font-variant-numeric:tabular-nums}
      figure{margin:12px 0;overflow-x:auto}
      figcaption{font-size:13px;color:#52606d}
      .not-available{color:#7b8794;font-style:italic}
      .note{color:#52606d;font-size:13px}
      .warning{color:#a4410e}
      svg text{font-size:11px;fill:#1d2733}
      svg .axis{fill:#52606d;font-size:10px}
      svg .value{font-size:10px}
      svg .cell{font-size:11px}
      svg .cell-dark{font-size:11px;fill:#fff}
      svg .grid{stroke:#e3e8ee;stroke-width:1}
      svg .axis-line{stroke:#52606d;stroke-width:1}
      svg .diagonal{stroke:#7b8794;stroke-width:1;stroke-dasharray:4 3}
      svg .marker{stroke:#d55e00;stroke-width:1;stroke-dasharray:3 2}
      footer{padding:0 40px 30px 40px;font-size:12px;color:#7b8794}
      """;

  private HtmlReport() {}

  /** The page. */
  public static String render(ReportModel model) {
    requireNonNull(model, "model");
    StringBuilder page = new StringBuilder(1 << 16);
    page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
        .append("<title>Engagement report: ").append(Html.escape(model.source())).append("</title>\n")
        .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n")
        .append("<header><h1>What your customer relationships are worth</h1><p>")
        .append(Html.escape(model.source())).append(", as of ").append(model.asOf()).append("</p></header>\n<nav>");
    for (ReportSection section : model.sections()) {
      page.append("<a href=\"#").append(Html.escape(section.id())).append("\">").append(Html.escape(section.title()))
          .append("</a>");
    }
    page.append("</nav>\n<main>\n");
    Html html = new Html(page);
    writeReads(model, html);
    for (ReportSection section : model.sections()) {
      page.append("<section id=\"").append(Html.escape(section.id())).append("\">\n<h2>")
          .append(Html.escape(section.title())).append("</h2>\n");
      section.writeHtml(html);
      page.append("</section>\n");
    }
    page.append("</main>\n<footer>Made by the engagement SDK 0.1.0-SNAPSHOT. Self-contained: no scripts, "
        + "nothing loaded from the network.</footer>\n</body>\n</html>\n");
    return page.toString();
  }

  /**
   * The account of every file read, above the sections: one line naming each file with its counts, and a
   * warning for each file of which a row was rejected or that could not be read in full.
   */
  private static void writeReads(ReportModel model, Html html) {
    if (model.reads().isEmpty()) {
      return;
    }
    html.paragraph("note", "Files read: " + String.join("; ", model.reads().stream().map(ImportReport::summary)
        .toList()) + ".");
    for (ImportReport read : model.reads()) {
      if (!read.isClean()) {
        html.paragraph("warning", problem(read));
      }
    }
  }

  /**
   * What went wrong reading one file, in a sentence: the rows not used and the first rejection, or why the
   * reading stopped.
   */
  static String problem(ImportReport read) {
    StringBuilder text = new StringBuilder(read.source()).append(": ");
    if (read.read() > read.accepted()) {
      text.append(read.read() - read.accepted()).append(" of ").append(read.read()).append(" rows not used");
      read.rejections().stream().findFirst().ifPresent(r -> text.append(", the first: ").append(r));
    }
    read.failureReason().ifPresent(reason -> text.append(read.read() > read.accepted() ? "; " : "")
        .append("reading stopped: ").append(reason));
    return text.toString();
  }

  /**
   * Writes the page to {@code file} in UTF-8.
   *
   * @throws IOException if writing fails
   */
  public static void write(ReportModel model, Path file) throws IOException {
    Files.writeString(requireNonNull(file, "file"), render(model), StandardCharsets.UTF_8);
  }
}
