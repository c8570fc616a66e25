package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.logging.Level;
import org.engagement.report.analysis.Progress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The bundled world's page in a real headless Chromium (Debian's {@code chromium} and {@code chromium-driver},
 * which {@code .ci/chromium} installs): no console error, and at 1,400 px and 390 px no section, table or
 * chart wider than its card (a wide table or chart scrolls inside its own box), chart text at least 12 px,
 * no chart text cut by its chart's edge, sticky table headers, a CSV button above every table and a working
 * period switch; the summary's figures whole at both widths and one colour per channel across the charts.
 * Screenshots of every section at both widths are written under {@code target/browser/} for review.
 *
 * <p>{@code -Dengagement.browserPage=FILE} checks a page written by {@code engagement report} instead (a
 * 50,000-person world's, say). Without Chromium the test is skipped with a message, unless {@code -Dengagement.requireChromium=true}
 * (set by {@code .ci/run}) makes a missing browser a failure.
 */
class ReportInBrowserTest {
  private static final Path CHROMIUM = Path.of(System.getProperty("engagement.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("engagement.chromedriver", "/usr/bin/chromedriver"));
  private static final Path OUT = Path.of("target", "browser");

  /** Every section, table, chart and text block that sticks out of its card, as "section: what" lines. */
  private static final String OVERFLOWS = """
      const problems = [];
      const page = document.documentElement;
      if (page.scrollWidth > page.clientWidth + 1) {
        const wide = [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > page.clientWidth + 1 && !e.closest('div.table, figure'))
            .slice(0, 6).map(e => e.tagName.toLowerCase() + '.' + e.className + ' in ' + ((e.closest('section') || {}).id || 'page'));
        problems.push('page: scrolls sideways by ' + (page.scrollWidth - page.clientWidth) + ' px: ' + wide.join(', '));
      }
      document.querySelectorAll('section').forEach(section => {
        const card = section.getBoundingClientRect();
        if (card.right > page.clientWidth + 1) {
          problems.push(section.id + ': the card is wider than the window');
        }
        if (section.scrollWidth > section.clientWidth + 1) {
          problems.push(section.id + ': content overflows the card by ' + (section.scrollWidth - section.clientWidth) + ' px');
        }
        section.querySelectorAll('div.table, figure, dl, p, ul, h2, h3, .filters, details').forEach(el => {
          const box = el.getBoundingClientRect();
          if (box.width > 0 && (box.right > card.right + 0.5 || box.left < card.left - 0.5)) {
            problems.push(section.id + ': ' + el.tagName.toLowerCase() + '.' + el.className + ' ' + Math.round(box.width)
                + ' px in a card of ' + Math.round(card.width) + ' px');
          }
        });
      });
      return problems;
      """;

  /** Every chart text (not rotated) that reaches past its chart's edge, where the browser cuts it off. */
  private static final String CUT_TEXTS = """
      return [...document.querySelectorAll('svg text:not([transform])')].filter(t => {
        const box = t.getBBox();
        const view = t.ownerSVGElement.viewBox.baseVal;
        return box.x < view.x - 0.5 || box.x + box.width > view.x + view.width + 0.5;
      }).slice(0, 10).map(t => '"' + t.textContent + '" in ' + t.ownerSVGElement.getAttribute('aria-label'));
      """;

  private static ChromeDriver driver;
  private static Path page;

  @BeforeAll
  static void openBrowser() throws IOException {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    if (!installed) {
      String message = "Chromium or chromedriver not installed at " + CHROMIUM + " and " + CHROMEDRIVER
          + " (bash .ci/chromium installs them)";
      if (Boolean.getBoolean("engagement.requireChromium")) {
        Assertions.fail(message + ", and engagement.requireChromium is set");
      }
      Assumptions.abort(message + ": the browser test is skipped");
    }
    Files.createDirectories(OUT);
    page = OUT.resolve("report.html").toAbsolutePath();
    String given = System.getProperty("engagement.browserPage");
    if (given == null) {
      HtmlReport.write(ReportModel.build(BundledWorld.input(), Progress.none()), page);
    } else {
      Files.copy(Path.of(given), page, StandardCopyOption.REPLACE_EXISTING);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
        "--user-data-dir=" + Files.createTempDirectory("chromium-profile").toAbsolutePath());
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
  }

  @AfterAll
  static void closeBrowser() {
    if (driver != null) {
      driver.quit();
    }
  }

  @Test
  void wideWindowShowsEverythingInsideItsCard() throws IOException {
    check(1400);
  }

  @Test
  void phoneWidthShowsEverythingInsideItsCard() throws IOException {
    check(390);
  }

  @Test
  void periodSwitchShowsOnePeriodAtATime() {
    load(1400);
    JavascriptExecutor js = driver;
    Object shown = js.executeScript("""
        const select = document.querySelector('select[data-switch=period]');
        const visible = () => [...document.querySelectorAll('[data-period]')].filter(e => !e.hidden)
            .map(e => e.getAttribute('data-period'));
        const before = visible();
        select.value = 'later';
        select.dispatchEvent(new Event('change'));
        return [before, visible()];
        """);
    assertThat(shown).isEqualTo(List.of(List.of("whole"), List.of("later")));
  }

  @Test
  void everyTableHasACsvDownloadOfItsCells() {
    load(1400);
    JavascriptExecutor js = driver;
    Object counts = js.executeScript("""
        return [document.querySelectorAll('div.table').length,
            [...document.querySelectorAll('div.table')].filter(t => t.previousElementSibling
                && t.previousElementSibling.matches('button.export')).length];
        """);
    @SuppressWarnings("unchecked")
    List<Long> both = (List<Long>) counts;
    assertThat(both.get(0)).isGreaterThan(5);
    assertThat(both.get(1)).isEqualTo(both.get(0));
  }

  /**
   * The budget section shows its table, its two charts, the fit's warnings, and its moves, each with a verdict,
   * or, when the cautious plan (as {@code engagement mix} makes it) moves nothing, the held channels and what
   * would unlock moves; every list item is drawn.
   */
  @Test
  void budgetSectionShowsCurvesAndMoves() {
    load(1400);
    JavascriptExecutor js = driver;
    Object found = js.executeScript("""
        const budget = document.getElementById('budget');
        const drawn = selector => [...budget.querySelectorAll(selector)]
            .filter(e => e.getBoundingClientRect().height > 0).length;
        return [budget.querySelectorAll('div.table').length, budget.querySelectorAll('svg').length,
            [...budget.querySelectorAll('tbody tr')].filter(r => /gain sure|test before moving/
                .test(r.textContent)).length, drawn('ul.held li'), drawn('ul.warnings li'),
            /What would unlock moves: a lift test/.test(budget.textContent) ? 1 : 0];
        """);
    @SuppressWarnings("unchecked")
    List<Long> counts = (List<Long>) found;
    assertThat(counts.get(0)).as("tables").isGreaterThanOrEqualTo(1);
    assertThat(counts.get(1)).as("charts").isEqualTo(2);
    assertThat(counts.get(4)).as("the fit's warnings drawn").isPositive();
    if (counts.get(2) == 0) {
      assertThat(counts.get(3)).as("held channels drawn, without a move").isPositive();
      assertThat(counts.get(5)).as("what would unlock moves, without a move").isEqualTo(1);
    }
  }

  @Test
  void summaryFiguresAreVisibleAtPhoneWidth() {
    checkSummaryFigures(390);
  }

  @Test
  void summaryFiguresAreVisibleInAWideWindow() {
    checkSummaryFigures(1400);
  }

  /**
   * The summary's headline figures, for the whole window and for each half (whose ROI and ROAS have their own
   * intervals), are shown whole inside the window: every figure's name and value has a size, lies within the
   * window's width and is not cut off inside its box.
   */
  private static void checkSummaryFigures(int width) {
    load(width);
    JavascriptExecutor js = driver;
    Object found = js.executeScript("""
        const select = document.querySelector('select[data-switch=period]');
        const out = [];
        for (const option of [...select.options].map(o => o.value)) {
          select.value = option;
          select.dispatchEvent(new Event('change'));
          const block = document.querySelector('[data-period="' + option + '"]');
          const figures = [...block.querySelectorAll('dl.kpis > div')].map(f => {
            const dt = f.querySelector('dt');
            const dd = f.querySelector('dd');
            const box = f.getBoundingClientRect();
            const hidden = [dt, dd].some(e => e.getBoundingClientRect().width === 0
                || e.getBoundingClientRect().height === 0 || e.scrollWidth > e.clientWidth + 1);
            const outside = box.left < 0 || box.right > window.innerWidth;
            return [dt.textContent, dd.textContent, hidden || outside || block.hidden];
          });
          out.push([option, figures]);
        }
        return out;
        """);
    @SuppressWarnings("unchecked")
    List<List<Object>> periods = (List<List<Object>>) found;
    assertThat(periods).extracting(p -> p.get(0)).containsExactly("whole", "later", "earlier");
    for (List<Object> period : periods) {
      @SuppressWarnings("unchecked")
      List<List<Object>> figures = (List<List<Object>>) period.get(1);
      assertThat(figures).as(period.get(0) + " at " + width + " px").extracting(f -> f.get(0))
          .contains("revenue", "cost", "ROI", "ROAS", "CAC");
      assertThat(figures).as(period.get(0) + " at " + width + " px: figures cut off or outside the window")
          .allSatisfy(f -> assertThat(f.get(2)).as(String.valueOf(f.get(0))).isEqualTo(false));
      // each half's ROI and ROAS with its own interval
      assertThat(figures).filteredOn(f -> List.of("ROI", "ROAS").contains(f.get(0)))
          .hasSize(2).allSatisfy(f -> assertThat((String) f.get(1)).contains("90% interval"));
    }
  }

  /**
   * One colour per channel as the browser draws it: every mark named by a channel alone (a bar, a curve, the
   * square beside a name or in a legend) has the same computed colour in every chart, no two channels share one,
   * and every bar or part named by a channel and a series ("Trade shows, markov") is a shade of that colour;
   * every line that is not a channel's is grey.
   */
  @Test
  void channelColoursAgreeBetweenCharts() {
    load(1400);
    JavascriptExecutor js = driver;
    Object found = js.executeScript("""
        const table = [...document.querySelectorAll('#roi table')][0];
        const names = [...table.querySelectorAll('tbody tr')].map(r => r.cells[0].textContent)
            .filter(n => n !== 'total');
        const hex = c => '#' + c.match(/[0-9]+/g).slice(0, 3).map(v => (+v).toString(16).padStart(2, '0')).join('');
        const marks = [];
        const lines = [];
        document.querySelectorAll('svg title').forEach(title => {
          const mark = title.parentElement;
          const text = title.textContent;
          const style = getComputedStyle(mark);
          const colour = mark.tagName === 'polyline' ? style.stroke : style.fill;
          const chart = mark.closest('svg').getAttribute('aria-label');
          if (mark.tagName === 'polyline' && !names.some(name => text === name || text.startsWith(name + ':'))) {
            lines.push([text, hex(colour), chart]);
          }
          for (const name of names) {
            if (text === name || text.startsWith(name + ':')) {
              marks.push([name, 'own', hex(colour), chart]);
            } else if (text.startsWith(name + ', ') && !text.includes(', investment: ')
                && !/overlap|share of value credit/i.test(chart)) {
              marks.push([name, 'part', hex(colour), chart]);
            }
          }
        });
        return [names, marks, lines];
        """);
    @SuppressWarnings("unchecked")
    List<Object> both = (List<Object>) found;
    @SuppressWarnings("unchecked")
    List<String> names = (List<String>) both.get(0);
    @SuppressWarnings("unchecked")
    List<List<String>> marks = (List<List<String>>) both.get(1);
    assertThat(names).hasSizeGreaterThan(5);
    java.util.Map<String, java.util.Set<String>> own = new java.util.TreeMap<>();
    java.util.Map<String, java.util.Set<String>> charts = new java.util.TreeMap<>();
    marks.stream().filter(m -> m.get(1).equals("own")).forEach(m -> {
      own.computeIfAbsent(m.get(0), n -> new java.util.TreeSet<>()).add(m.get(2));
      charts.computeIfAbsent(m.get(0), n -> new java.util.TreeSet<>()).add(m.get(3));
    });
    assertThat(own).allSatisfy((name, colours) -> assertThat(colours).as(name).hasSize(1));
    assertThat(own.values().stream().map(c -> c.iterator().next()).distinct()).hasSize(own.size());
    // each channel is found by its colour in several charts (ROI, marginal ROI, curves, the grouped charts' squares)
    assertThat(charts).allSatisfy((name, in) -> assertThat(in).as(name).hasSizeGreaterThanOrEqualTo(3));
    // a line that is not a channel's (all customers, a value tier, a key message) is drawn grey (issue 15)
    @SuppressWarnings("unchecked")
    List<List<String>> lines = (List<List<String>>) both.get(2);
    assertThat(lines).extracting(l -> l.get(0)).contains("all customers", "share of voice (%)");
    assertThat(lines).allSatisfy(l -> assertThat(HtmlReportTest.isGrey(l.get(1))).as(l.toString()).isTrue());
    assertThat(marks).filteredOn(m -> m.get(1).equals("part")).hasSizeGreaterThan(20).allSatisfy(m -> assertThat(
        HtmlReportTest.isShadeOf(m.get(2), own.get(m.get(0)).iterator().next())).as(m.toString()).isTrue());
  }

  private static void load(int width) {
    driver.manage().window().setSize(new Dimension(width, 1000));
    driver.get(page.toUri().toString());
  }

  private static void check(int width) throws IOException {
    load(width);
    JavascriptExecutor js = driver;
    Object innerWidth = js.executeScript("return window.innerWidth;");
    assertThat(((Number) innerWidth).intValue()).as("window width").isBetween(width - 20, width);
    List<WebElement> sections = driver.findElements(By.tagName("section"));
    assertThat(sections.get(0).getAttribute("id")).isEqualTo(SummarySection.ID);
    Path shots = Files.createDirectories(OUT.resolve(Integer.toString(width)));
    // a window as tall as the page, so that each section's screenshot is whole; the width does not change
    long height = ((Number) js.executeScript("return document.documentElement.scrollHeight;")).longValue();
    driver.manage().window().setSize(new Dimension(width, (int) Math.min(height + 200, 30_000)));
    for (WebElement section : sections) {
      js.executeScript("arguments[0].scrollIntoView();", section);
      File shot = section.getScreenshotAs(OutputType.FILE);
      Files.copy(shot.toPath(), shots.resolve(section.getAttribute("id") + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    }
    List<String> errors = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    assertThat(errors).as("console errors and warnings").isEmpty();
    @SuppressWarnings("unchecked")
    List<String> problems = (List<String>) js.executeScript(OVERFLOWS);
    assertThat(problems).as("overflows at " + width + " px").isEmpty();
    Object smallText = js.executeScript("return [...document.querySelectorAll('svg text')]"
        + ".filter(t => parseFloat(getComputedStyle(t).fontSize) < 12).length;");
    assertThat(((Number) smallText).intValue()).as("chart texts under 12 px").isZero();
    @SuppressWarnings("unchecked")
    List<String> cut = (List<String>) js.executeScript(CUT_TEXTS);
    assertThat(cut).as("chart texts cut by their chart's edge at " + width + " px").isEmpty();
    Object stickyHeaders = js.executeScript("return [...document.querySelectorAll('thead th')]"
        + ".every(th => getComputedStyle(th).position === 'sticky');");
    assertThat(stickyHeaders).isEqualTo(true);
    try (var written = Files.list(shots)) {
      assertThat(written.count()).isEqualTo(sections.size());
    }
    // the summary, the eleven analysis sections and the glossary
    assertThat(sections).hasSize(13);
  }
}
