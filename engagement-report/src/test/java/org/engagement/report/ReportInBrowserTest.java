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
 * sticky table headers, a CSV button above every table and a working period switch. Screenshots of every
 * section at both widths are written under {@code target/browser/} for review.
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

  /** The budget section shows its table, its two charts and its moves, each move with a verdict. */
  @Test
  void budgetSectionShowsCurvesAndMoves() {
    load(1400);
    JavascriptExecutor js = driver;
    Object found = js.executeScript("""
        const budget = document.getElementById('budget');
        return [budget.querySelectorAll('div.table').length, budget.querySelectorAll('svg').length,
            [...budget.querySelectorAll('tbody tr')].filter(r => /gain sure|test before moving/
                .test(r.textContent)).length];
        """);
    @SuppressWarnings("unchecked")
    List<Long> counts = (List<Long>) found;
    assertThat(counts.get(0)).as("tables").isGreaterThanOrEqualTo(1);
    assertThat(counts.get(1)).as("charts").isEqualTo(2);
    assertThat(counts.get(2)).as("moves with a verdict").isPositive();
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
