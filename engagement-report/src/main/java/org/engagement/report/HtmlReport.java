package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.html.Html;
import org.engagement.report.internal.chart.ChannelPalette;
import org.engagement.report.internal.section.DataSection;
import org.engagement.report.section.ReportSection;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS (with a print stylesheet), inline
 * SVG charts, one small inline script (a CSV download of every table, the switches) and no reference to
 * anything outside the page, so it opens offline and can be mailed as one file; without the script every
 * figure is still there. The page opens on the summary, ends with a glossary, and the markup is also
 * well-formed XML.
 *
 * <p>Holds no state; thread-safe.
 *
 * @since 0.1.0
 */
public final class HtmlReport {
  private static final String STYLE = """
      body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d2733;background:#f6f7f9}
      header{background:#14324f;color:#fff;padding:24px 32px}
      header h1{margin:0 0 4px 0;font-size:26px}
      header p{margin:0;opacity:.85}
      nav{padding:10px 32px;background:#e8ecf1;font-size:14px;line-height:1.8;display:flex;flex-wrap:wrap;column-gap:14px}
      nav a{color:#14324f}
      main{padding:10px 32px 40px 32px;max-width:1600px}
      section{background:#fff;border-radius:6px;padding:16px 24px;margin:18px 0;box-shadow:0 1px 3px rgba(0,0,0,.08);min-width:0;overflow-wrap:anywhere}
      h2{font-size:20px;margin:4px 0 12px 0;color:#14324f}
      h3{font-size:16px;margin:14px 0 6px 0;color:#14324f}
      .figures{display:flex;flex-wrap:wrap;gap:10px;margin:0 0 12px 0}
      .figures div{background:#eef3f8;border-radius:4px;padding:6px 12px;min-width:110px}
      .kpis div{min-width:150px;max-width:300px}
      .kpis .interval,.kpis .change,.kpis .rests{display:block;font-size:12px;font-weight:400;color:#52606d}
      .kpis .rests{font-style:italic;margin-top:2px}
      .recommendations li{margin:6px 0}
      .how{background:#f3f6f9;border-left:3px solid #8fa9c4;padding:6px 10px;font-size:13px;color:#33414e}
      dt{font-size:12px;color:#52606d}
      dd{margin:0;font-size:18px;font-weight:600}
      .glossary dt{font-size:14px;font-weight:600;color:#14324f;margin-top:8px}
      .glossary dd{font-size:14px;font-weight:400}
      .basis dt{font-size:13px;font-weight:600;color:#14324f;margin-top:6px}
      .basis dd{font-size:13px;font-weight:400}
      details p{margin:6px 0}
      .table{overflow:auto;max-height:520px;max-width:100%;width:fit-content;margin:12px 0;border:1px solid #e3e8ee;border-radius:4px}
      table{border-collapse:separate;border-spacing:0;font-size:13px;overflow-wrap:normal}
      td{white-space:nowrap}
      th{min-width:4.5em;vertical-align:bottom}
      caption{text-align:left;font-weight:600;padding:6px 10px;caption-side:top}
      th,td{border-bottom:1px solid #dde3ea;padding:4px 10px;text-align:left}
      thead th{position:sticky;top:0;background:#eef3f8;z-index:1}
      td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
      .export{font-size:12px;margin:0 0 6px 10px;cursor:pointer}
      figure{margin:12px 0;overflow-x:auto;max-width:100%}
      figcaption{font-size:13px;color:#52606d}
      .filters{display:flex;flex-wrap:wrap;gap:12px;font-size:14px;margin:0 0 10px 0}
      .filters select{max-width:100%;font-size:14px}
      .filters label{max-width:100%}
      .not-available{color:#7b8794;font-style:italic}
      .note{color:#52606d;font-size:13px}
      .warning{color:#a4410e}
      details{font-size:13px;color:#52606d}
      svg text{font-size:12px;fill:#1d2733}
      svg .axis{fill:#52606d;font-size:12px}
      svg .value{font-size:12px}
      svg .cell{font-size:12px}
      svg .cell-dark{font-size:12px;fill:#fff}
      svg .grid{stroke:#e3e8ee;stroke-width:1}
      svg .axis-line{stroke:#52606d;stroke-width:1}
      svg .diagonal{stroke:#7b8794;stroke-width:1;stroke-dasharray:4 3}
      svg .marker{stroke:#4d4d4d;stroke-width:1;stroke-dasharray:3 2}
      footer{padding:0 32px 30px 32px;font-size:12px;color:#7b8794}
      @media (max-width:600px){header,nav,main,footer{padding-left:10px;padding-right:10px}section{padding:12px}
      .kpis div{flex:1 1 100%;max-width:none}}
      @media print{nav,.export,.filters{display:none}body{background:#fff}section{box-shadow:none;break-inside:avoid-page}
      .table{max-height:none;overflow:visible}figure{overflow:visible}main{max-width:none}}
      """;

  /**
   * The page's only script, inline and without network: a "Download CSV" button above every table (the
   * table's cells as a CSV file made in the browser, through a Blob), and the switches of {@code
   * select[data-switch]}: each shows only the elements whose {@code data-<switch>} attribute matches the
   * chosen option ("all" shows every one). Wrapped in CDATA so that the page stays well-formed XML.
   */
  private static final String SCRIPT = """
      //<![CDATA[
      (function(){
      function csvCell(t){t=t.replace(/\\s+/g,' ').trim();return /[",\\n]/.test(t)?'"'+t.replace(/"/g,'""')+'"':t;}
      function toCsv(table){var lines=[];table.querySelectorAll('tr').forEach(function(tr){
      var cells=[];tr.querySelectorAll('th,td').forEach(function(c){cells.push(csvCell(c.textContent));});
      lines.push(cells.join(','));});return lines.join('\\r\\n')+'\\r\\n';}
      document.querySelectorAll('div.table').forEach(function(box,i){var table=box.querySelector('table');
      var button=document.createElement('button');button.type='button';button.className='export';
      button.textContent='Download CSV';button.addEventListener('click',function(){
      var blob=new Blob([toCsv(table)],{type:'text/csv'});var a=document.createElement('a');
      a.href=URL.createObjectURL(blob);a.download=(box.closest('section')||{id:'table'}).id+'-'+(i+1)+'.csv';
      document.body.appendChild(a);a.click();a.remove();setTimeout(function(){URL.revokeObjectURL(a.href);},0);});
      box.parentNode.insertBefore(button,box);});
      document.querySelectorAll('select[data-switch]').forEach(function(select){var key=select.getAttribute('data-switch');
      function apply(){document.querySelectorAll('[data-'+key+']').forEach(function(el){
      el.hidden=select.value!=='all'&&el.getAttribute('data-'+key)!==select.value;});}
      select.addEventListener('change',apply);apply();});
      })();
      //]]>
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
    page.append("<a href=\"#glossary\">Glossary</a></nav>\n<main>\n");
    Html html = new Html(page, ChannelPalette.of(model.section(DataSection.ID).filter(DataSection.class::isInstance)
        .map(s -> ((DataSection) s).channels()).orElse(List.of())));
    boolean readsWritten = false;
    for (ReportSection section : model.sections()) {
      if (!readsWritten && !section.id().equals(SummarySection.ID)) {
        writeReads(model, html);
        readsWritten = true;
      }
      page.append("<section id=\"").append(Html.escape(section.id())).append("\">\n<h2>")
          .append(Html.escape(section.title())).append("</h2>\n");
      Guide.howToRead(section.id()).filter(text -> section.available())
          .ifPresent(text -> html.paragraph("how", "How to read: " + text));
      section.writeHtml(html);
      page.append("</section>\n");
    }
    if (!readsWritten) {
      writeReads(model, html);
    }
    page.append("<section id=\"glossary\">\n<h2>Glossary</h2>\n");
    Guide.writeGlossary(html);
    page.append("</section>\n</main>\n<footer>Made by the engagement SDK 0.1.0-SNAPSHOT. Self-contained: one small "
        + "inline script (table downloads and switches), nothing loaded from the network.</footer>\n<script>")
        .append(SCRIPT).append("</script>\n</body>\n</html>\n");
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
    html.paragraph("note", "Files read: " + String.join("; ", model.reads().stream().map(DataSection::readSummary)
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
