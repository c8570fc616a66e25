package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.ByteSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.internal.section.RoiSectionTest;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;
import org.engagement.simulator.SmallSample;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The page is self-contained and well-formed: the markup checks behind "renders in a headless browser
 * without errors" that run without a browser.
 */
class HtmlReportTest {
  private static final Pattern SVG = Pattern.compile("<svg\\b.*?</svg>", Pattern.DOTALL);

  @TempDir
  static Path dir;

  private static String sample;
  private static String small;

  @BeforeAll
  static void render() throws IOException {
    sample = HtmlReport.render(ReportModel.build(AnalysisInput.of("bundled sample", Map.of(AnalysisInput.INTERACTIONS, new ByteSource() {
      @Override
      public InputStream openStream() {
        return SmallSample.open();
      }
    })), Progress.none()));
    small = HtmlReport.render(ReportModel.build(SmallWorld.read(dir), Progress.none()));
  }

  private static Document parse(String xml) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    DocumentBuilder builder = factory.newDocumentBuilder();
    builder.setErrorHandler(null);
    return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }

  private static List<String> svgs(String page) {
    List<String> found = new ArrayList<>();
    Matcher m = SVG.matcher(page);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }

  @Test
  void pageReferencesNothingOutsideItself() {
    for (String page : List.of(sample, small)) {
      assertThat(page).doesNotContain("http://", "https://", "<link", "<img", "<iframe", "@import", "url(", "src=",
          "fetch(", "XMLHttpRequest");
      // one inline script (table downloads, the period switch), loading nothing
      assertThat(page.split("<script", -1)).hasSize(2);
      assertThat(page).contains("<script>//<![CDATA[");
      Matcher href = Pattern.compile("href=\"([^\"]*)\"").matcher(page);
      int links = 0;
      while (href.find()) {
        assertThat(href.group(1)).startsWith("#");
        links++;
      }
      // the summary, eleven analysis sections and the glossary
      assertThat(links).isEqualTo(13);
    }
  }

  @Test
  void everySvgIsWellFormedXml() throws Exception {
    List<String> charts = svgs(sample);
    // attribution bars + share map, Lorenz, tiers, RFM, funnel, presence bars + overlap, engagement.
    assertThat(charts).hasSize(9);
    for (String svg : charts) {
      Element root = parse(svg).getDocumentElement();
      assertThat(root.getTagName()).isEqualTo("svg");
      assertThat(root.getAttribute("viewBox")).matches("0 0 [0-9.]+ [0-9.]+");
      assertThat(svg).doesNotContain("NaN", "Infinity");
    }
  }

  @Test
  void wholePageIsWellFormedXmlWithOneSectionPerModelSection() throws Exception {
    for (String page : List.of(sample, small)) {
      Document doc = parse(page);
      assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
      NodeList sections = doc.getElementsByTagName("section");
      List<String> ids = new ArrayList<>();
      for (int i = 0; i < sections.getLength(); i++) {
        ids.add(((Element) sections.item(i)).getAttribute("id"));
      }
      assertThat(ids).containsExactly("summary", "data", "attribution", "roi", "budget", "concentration", "segments",
          "clv", "funnel", "presence", "engagement", "conversations", "glossary");
      assertThat(doc.getElementsByTagName("script").getLength()).isEqualTo(1);
    }
  }

  /**
   * The default report on the bundled sample world, which has costs and survey answers: every chart is
   * well-formed and every ROI figure is recomputed from the investment and reward components beside it.
   */
  @Test
  void sampleWorldReportIsWellFormedAndItsRoiTraceable() throws Exception {
    ReportModel model = ReportModel.build(BundledWorld.input(), Progress.none());
    String page = HtmlReport.render(model);
    // no recommendation shown moves money into a channel another says to take money out of (issue 15: the
    // summary said to cut Facebook Ads and to test moving trade-show spend to it)
    SummarySection summary = (SummarySection) model.sections().get(0);
    java.util.Map<String, java.util.Set<Recommendation.Direction>> ways = new java.util.HashMap<>();
    summary.recommendations().forEach(r -> r.stances().forEach(stance -> ways
        .computeIfAbsent(stance.channel(), c -> java.util.EnumSet.noneOf(Recommendation.Direction.class))
        .add(stance.direction())));
    assertThat(ways).isNotEmpty().allSatisfy((channel, directions) -> assertThat(directions).as(channel).hasSize(1));
    assertThat(summary.recommendations()).extracting(Recommendation::action)
        .noneMatch(action -> action.contains("spend to Facebook Ads"));
    // every channel of the bundled world lost money, so the page says so before its cuts (issue 15)
    assertThat(summary.findings()).singleElement().asString().startsWith("Every channel lost money over this window");
    assertThat(page).contains("<h3>What to do</h3>\n<p>Every channel lost money over this window");
    // one colour per channel across every chart that colours by channel (issue 15): the ROI and marginal-ROI
    // bars, the response curves and their legend, the squares beside the channels of the grouped charts
    Map<String, java.util.Set<String>> colours = new java.util.TreeMap<>();
    Matcher drawn = Pattern.compile("(?:fill|stroke)=\"(#[0-9a-f]{6})\"[^<]*><title>([^<:,]+)(?::[^<]*)?</title>")
        .matcher(page);
    List<String> channelNames = List.of("Company blog", "Facebook Ads", "Google Ads", "LinkedIn", "Newsletter",
        "Partner referrals", "Press coverage", "Trade shows", "X (Twitter)");
    while (drawn.find()) {
      String name = drawn.group(2).replace("&#39;", "'").replace("&amp;", "&");
      if (channelNames.contains(name)) {
        colours.computeIfAbsent(name, n -> new java.util.TreeSet<>()).add(drawn.group(1));
      }
    }
    assertThat(colours).containsOnlyKeys(channelNames)
        .allSatisfy((channel, used) -> assertThat(used).as(channel).hasSize(1));
    assertThat(colours.values().stream().map(set -> set.iterator().next()).distinct()).hasSize(channelNames.size());
    // the charts with several bars or parts per channel (credit by model, buyers and prospects, reward by
    // component) draw each in a shade of the channel's colour, not in another channel's (issue 15)
    int parts = 0;
    for (String chart : svgs(page).stream().filter(svg -> svg.contains("aria-label=\"Reward components")
        || svg.contains("aria-label=\"Value credit per channel and model") || svg.contains(
            "aria-label=\"Customers active per channel")).toList()) {
      Matcher part = Pattern.compile("fill=\"(#[0-9a-f]{6})\"><title>([^<:,]+), [^<]*</title>").matcher(chart);
      while (part.find()) {
        String name = part.group(2).replace("&#39;", "'").replace("&amp;", "&");
        if (colours.containsKey(name) && !part.group().contains(", investment: ")) {
          assertThat(isShadeOf(part.group(1), colours.get(name).iterator().next())).as(part.group()).isTrue();
          parts++;
        }
      }
    }
    // nine channels in each of the three charts, several parts each
    assertThat(parts).isGreaterThan(3 * 9 * 2);
    // a line that is not a channel's (all customers, a value tier, a key message, the share of voice) is grey,
    // never a channel's colour or a shade of one, in the lines, their points and the legends' keys (issue 15)
    Matcher line = Pattern.compile("<(polyline|circle)[^>]*?(?:stroke|fill)=\"(#[0-9a-f]{6})\"[^>]*><title>([^<:,]+)")
        .matcher(page);
    java.util.Set<String> notChannels = new java.util.TreeSet<>();
    while (line.find()) {
      String name = line.group(3).replace("&#39;", "'").replace("&amp;", "&");
      if (!channelNames.contains(name)) {
        notChannels.add(name);
        String colour = line.group(2);
        assertThat(isGrey(colour)).as(line.group()).isTrue();
        assertThat(colours.values()).as(line.group()).noneMatch(own -> isShadeOf(colour, own.iterator().next()));
      }
    }
    // all customers and the value tiers, the key messages, share of voice and reputation
    assertThat(notChannels).contains("all customers", "share of voice (%)", "reputation index").hasSizeGreaterThan(6);
    parse(page);
    List<String> charts = svgs(page);
    // plus the conversations' pull-through and share-of-voice charts, and the budget's marginal ROI and response
    // curves
    assertThat(charts).hasSize(16);
    for (String svg : charts) {
      parse(svg);
    }
    // the bundled world runs 24 months, January 2024 to December 2025
    List<String> rows = RoiSectionTest.checkRoiTable(page, 4, 1.0, 24);
    // channels by display name (issue 15)
    assertThat(rows).hasSizeGreaterThan(5).contains("LinkedIn", "Newsletter", "total", // channels
        "social team", "events team", // owners
        "retain", "maintain"); // value tiers
    assertThat(page).doesNotContain("http://", "https://");
  }

  /**
   * Whether {@code colour} ({@code #rrggbb}) is a grey: red, green and blue within 30 of each other, where every
   * channel colour's differ by 69 or more.
   */
  static boolean isGrey(String colour) {
    int[] rgb = new int[3];
    for (int i = 0; i < 3; i++) {
      rgb[i] = Integer.parseInt(colour.substring(1 + 2 * i, 3 + 2 * i), 16);
    }
    return java.util.Arrays.stream(rgb).max().getAsInt() - java.util.Arrays.stream(rgb).min().getAsInt() <= 30;
  }

  /**
   * Whether {@code fill} is {@code colour} mixed with white, each of red, green and blue the same part of the
   * way (to within rounding): a shade of it.
   */
  static boolean isShadeOf(String fill, String colour) {
    double part = -1;
    for (int i = 1; i < 7; i += 2) {
      int base = Integer.parseInt(colour.substring(i, i + 2), 16);
      int shade = Integer.parseInt(fill.substring(i, i + 2), 16);
      if (shade < base) {
        return false;
      }
      if (base < 200) {
        double t = (shade - base) / (255.0 - base);
        if (part >= 0 && Math.abs(t - part) > 0.02) {
          return false;
        }
        part = t;
      }
    }
    return true;
  }

  @Test
  void slotsSayNotAvailable() {
    assertThat(small).contains("<p class=\"not-available\">Not available: the input has no costs.csv");
    // one customer bought twice: too few repeat buyers to fit a repeat-buying model, and the page says so
    assertThat(small).contains("Not available: only 1 customers bought twice; the models need more");
  }

  /** The Lorenz polyline of the small world passes through (i/3, L(i)) for L = 0, 0.2, 0.4, 1. */
  @Test
  void lorenzCurveIsDrawnThroughTheModelPoints() throws Exception {
    String lorenz = svgs(small).stream().filter(s -> s.contains("Lorenz curve of customer value")).findFirst()
        .orElseThrow();
    Element polyline = (Element) parse(lorenz).getElementsByTagName("polyline").item(0);
    String[] points = polyline.getAttribute("points").split(" ");
    assertThat(points).hasSize(4);
    double[] y = new double[4];
    double[] x = new double[4];
    for (int i = 0; i < 4; i++) {
      x[i] = Double.parseDouble(points[i].split(",", -1)[0]);
      y[i] = Double.parseDouble(points[i].split(",", -1)[1]);
    }
    double width = x[3] - x[0];
    double height = y[0] - y[3];
    assertThat((x[1] - x[0]) / width).isCloseTo(1 / 3.0, org.assertj.core.api.Assertions.within(0.01));
    assertThat((y[0] - y[1]) / height).isCloseTo(0.2, org.assertj.core.api.Assertions.within(0.01));
    assertThat((y[0] - y[2]) / height).isCloseTo(0.4, org.assertj.core.api.Assertions.within(0.01));
  }

  @Test
  void textIsEscaped() throws Exception {
    AnalysisInput input = SmallWorld.read(dir);
    AnalysisInput hostile = new AnalysisInput("<script>alert('x')</script> & \"co\"", input.interactions(),
        input.importReport(), input.files());
    String page = HtmlReport.render(ReportModel.build(hostile, Progress.none()));
    // the page's own inline script is the only one (issue 15); the hostile source is escaped
    assertThat(page.split("<script>", -1)).hasSize(2);
    assertThat(page).doesNotContain("<script>alert").contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;");
    parse(page);
  }

  @Test
  void textSummaryHasEverySectionTitle() throws IOException {
    ReportModel model = ReportModel.build(SmallWorld.read(dir), Progress.none());
    String summary = TextSummary.render(model);
    for (ReportSection section : model.sections()) {
      assertThat(summary).contains("\n" + section.title() + "\n");
    }
    assertThat(summary).contains("rejected 1").contains("top 20% of 3 buyers hold 60.0% of 500.00 EUR")
        .contains("touch 4 -> lead 3 -> opportunity 3 -> customer 3");
  }
}
