package org.engagement.report.internal.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.conversation.message.MessageMatcher;
import org.engagement.core.conversation.message.PullThrough;
import org.engagement.core.conversation.message.PullThroughReport;
import org.engagement.core.conversation.message.PullThroughRow;
import org.engagement.core.conversation.service.RetentionGroups;
import org.engagement.core.conversation.service.ServiceLedger;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.conversation.voice.ShareOfVoice;
import org.engagement.core.conversation.voice.VoiceRow;
import org.engagement.core.domain.Interaction;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.report.BundledWorld;
import org.engagement.report.HtmlReport;
import org.engagement.report.ReportModel;
import org.engagement.report.SmallWorld;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.html.Html;
import org.engagement.report.internal.analysis.MessageFigures;
import org.engagement.report.section.ReportSection;
import org.engagement.roi.lift.ServiceRetentionLift;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The conversation section on a hand-made feed beside {@link SmallWorld}, checked against the conversation
 * module's own aggregates and by hand, and on the bundled sample world.
 *
 * <pre>
 * row  who  when (UTC)   type      channel  brand   sentiment  audience  carries
 * 1    a    2024-01-03   mention   social   Acme     0.8       100       Fast ("FAST Delivery")
 * 2    b    2024-01-15   share     social   acme     0.0        50       Open ("#OpenData" in the text)
 * 3    d    2024-02-02   mention   x        (none)  -0.5      1000       Open (link www.acme.example/open/faq)
 * 4    a    2024-02-05   mention   x        Globex   0.6       200       (a competitor: not counted)
 * 5    z    2024-02-06   mention   x        GLOBEX   (none)     10
 * 6    b    2024-02-07   mention   social   Acme     0.3        20       Fast and Open ("#opendata")
 * service threads (2023): t1 a social 10-01 10:00, anna replies 12:00 and resolves; t2 c x 10-02, ben
 * replies two days later, unresolved; t3 b x 10-03 and t4 e x 10-05, never answered.
 * </pre>
 */
class ConversationSectionTest {
  private static final String HEADER = "customer_id,timestamp,type,direction,channel,channel_name,channel_group,"
      + "text,hashtags,links,brand,sentiment,audience,thread_id,owner,resolved\n";
  private static final String FEED = HEADER
      + "a,2024-01-03T09:00:00Z,mention,inbound,social,Social,organic_social,Love the FAST Delivery,,,Acme,0.8,100,,,\n"
      + "b,2024-01-15T09:00:00Z,share,inbound,social,Social,organic_social,Great #OpenData push,,,acme,0.0,50,,,\n"
      + "d,2024-02-02T09:00:00Z,mention,inbound,x,X,organic_social,Acme is slow,,https://www.acme.example/open/faq,,"
      + "-0.5,1000,,,\n"
      + "a,2024-02-05T09:00:00Z,mention,inbound,x,X,organic_social,Globex has fast delivery,,,Globex,0.6,200,,,\n"
      + "z,2024-02-06T09:00:00Z,mention,inbound,x,X,organic_social,Globex again,,,GLOBEX,,10,,,\n"
      + "b,2024-02-07T09:00:00Z,mention,inbound,social,Social,organic_social,fast delivery and #opendata,,,Acme,0.3,"
      + "20,,,\n"
      + "a,2023-10-01T10:00:00Z,support_request,inbound,social,Social,organic_social,help,,,Acme,-0.4,,t1,,\n"
      + "a,2023-10-01T12:00:00Z,reply,outbound,social,Social,organic_social,on it,,,,,,t1,anna,true\n"
      + "c,2023-10-02T10:00:00Z,support_request,inbound,x,X,organic_social,broken,,,,,,t2,,\n"
      + "c,2023-10-04T10:00:00Z,reply,outbound,x,X,organic_social,sorry,,,,,,t2,ben,\n"
      + "b,2023-10-03T10:00:00Z,support_request,inbound,x,X,organic_social,anyone?,,,,,,t3,,\n"
      + "e,2023-10-05T10:00:00Z,support_request,inbound,x,X,organic_social,hello?,,,,,,t4,,\n";
  private static final String MESSAGES = "message,phrase,kind\n"
      + "Fast,fast delivery,phrase\n"
      + "Open,OpenData,hashtag\n"
      + "Open,acme.example/open,link\n"
      + "Fast,quick,tag\n"
      + "Fast,,phrase\n";
  private static final String BRANDS = "brand,role\nAcme,ours\nGlobex,competitor\nACME,competitor\n";

  @TempDir
  static Path dir;

  private static AnalysisInput input;
  private static ConversationSection section;

  @BeforeAll
  static void build() throws IOException {
    SmallWorld.write(dir);
    Files.writeString(dir.resolve(AnalysisInput.CONVERSATIONS), FEED, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(AnalysisInput.MESSAGES), MESSAGES, StandardCharsets.UTF_8);
    Files.writeString(dir.resolve(AnalysisInput.BRANDS), BRANDS, StandardCharsets.UTF_8);
    input = AnalysisInput.read(dir);
    section = (ConversationSection) ConversationSection.of(Analysis.of(input, Progress.none()));
  }

  private static List<Interaction> feed() throws IOException {
    List<Interaction> feed = new ArrayList<>();
    InteractionImporter.defaults().run(new CsvInteractionAdapter(),
        new ByteArrayInputStream(FEED.getBytes(StandardCharsets.UTF_8)), feed::add);
    return feed;
  }

  @Test
  void badRowsOfTheMessagesAndBrandsFilesAreRejectedAndCounted() {
    assertThat(section.reads()).extracting(r -> r.source() + " " + r.read() + "=" + r.accepted() + "+" + r.rejected())
        .containsExactly("conversations.csv 12=12+0", "messages.csv 5=3+2", "brands.csv 3=2+1");
    assertThat(section.reads().get(1).rejections()).extracting(r -> r.position().line()).containsExactly(5L, 6L);
    assertThat(section.brands()).isEqualTo(Brands.of("Acme", "Globex"));
  }

  @Test
  void pullThroughIsWhatTheCoreCountsAndWhatTheTableShowsByHand() throws IOException {
    List<KeyMessage> messages = List.of(KeyMessage.named("Fast").phrases("fast delivery").build(),
        KeyMessage.named("Open").hashtags("OpenData").links("acme.example/open").build());
    PullThroughReport core = PullThrough.of(MessageMatcher.of(messages), Granularity.MONTH, ZoneOffset.UTC, "Acme")
        .addAll(feed()).report();
    assertThat(section.months()).containsExactly(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 1));
    for (MessageFigures figures : section.messages()) {
      List<PullThroughRow> rows = core.rows(figures.message());
      assertThat(figures.carrying()).isEqualTo(rows.stream().mapToLong(PullThroughRow::carrying).sum());
      assertThat(figures.reach()).isEqualTo(rows.stream().mapToLong(PullThroughRow::reach).sum());
      assertThat(figures.brandMentions()).isEqualTo(rows.stream().mapToLong(PullThroughRow::brandMentions).sum());
    }
    // brand mentions: rows 1, 2, 3, 6. Fast: rows 1 and 6 (a, b), reach 100 + 20, 2 of 4 = 50%.
    // Open: rows 2 (a share), 3 and 6 (b, d, b), reach 50 + 1000 + 20 = 1070, 3 of 4 = 75%, 2 amplifiers.
    assertThat(section.brandMentions()).isEqualTo(4);
    assertThat(section.messages()).extracting(m -> m.message() + " " + m.carrying() + " " + m.shares() + " "
            + m.reach() + " " + m.amplifiers() + " " + m.byMonth() + " " + m.pullThrough())
        .containsExactly("Fast 2 0 120 2 [1, 1] 0.5", "Open 3 1 1070 2 [1, 2] 0.75");
  }

  @Test
  void shareOfVoiceIsWhatTheCoreCountsAndWhatTheTableShowsByHand() throws IOException {
    List<VoiceRow> monthly = ShareOfVoice.of(Brands.of("Acme", "Globex"), Granularity.MONTH, ZoneOffset.UTC)
        .addAll(feed()).report().rows(null);
    assertThat(section.voice()).isNotNull();
    assertThat(section.voice().rows(null)).isEqualTo(monthly);
    // Acme 4 mentions (scored 0.8, 0.0, -0.5, 0.3: 2 positive, 1 negative), Globex 2: share 4/6, net (2-1)/4.
    VoiceRow total = section.voiceTotal();
    assertThat(total.shareOfVoice()).isCloseTo(4 / 6.0, within(1e-12));
    assertThat(total.netSentiment()).isCloseTo(0.25, within(1e-12));
    // reputation = 100 (0.5 * 2/3 + 0.5 * (0.25 + 1) / 2) = 64.583...
    assertThat(total.reputation(org.engagement.core.conversation.voice.ReputationIndex.defaults()))
        .isCloseTo(100 * (0.5 * 4 / 6.0 + 0.5 * 1.25 / 2), within(1e-9));
    // social: Acme 3, Globex 0; x: Acme 1 (row 3 names no brand), Globex 2
    assertThat(section.voiceByChannel().entrySet()).extracting(e -> e.getKey().id() + " "
        + e.getValue().ours().mentions() + " " + e.getValue().brands().get(1).mentions())
        .containsExactly("social 3 0", "x 1 2");
  }

  @Test
  void serviceAndRetentionAreWhatTheLedgerAndTheLiftTestSay() throws IOException {
    ServiceLedger ledger = ServiceLedger.create().addAll(input.interactions()).addAll(feed());
    assertThat(section.service()).isEqualTo(ledger.report(Duration.ofHours(24)));
    // four cases: t1 answered in 2 h and resolved; t2 answered after 48 h; t3, t4 never answered
    assertThat(section.service().overall().cases()).isEqualTo(4);
    assertThat(section.service().overall().answered()).isEqualTo(2);
    assertThat(section.service().overall().answeredWithinTarget()).isEqualTo(1);
    assertThat(section.service().overall().resolved()).isEqualTo(1);
    assertThat(section.service().byOwner()).containsOnlyKeys("anna", "ben");
    assertThat(section.service().unassigned().cases()).isEqualTo(2);
    // as of 2024-03-05T12:00 (the latest interaction), judged cases opened by 2023-12-06; a is retained
    // (resolved); c and b came back, e did not (unresolved: 2 of 3)
    RetentionGroups groups = ledger.retention(Instant.parse("2024-03-05T12:00:00Z"), Duration.ofDays(90));
    assertThat(section.retention()).isEqualTo(groups);
    assertThat(groups.resolved().customers()).isEqualTo(1);
    assertThat(groups.unresolved().retained()).isEqualTo(2);
    assertThat(section.retentionLift()).isEqualTo(ServiceRetentionLift.test(groups));
  }

  /**
   * The feed is folded as it is read, so the messages and brands are read before it; their accounts still come
   * after the feed's, as when the feed was read first, and a companion that cannot be read still makes the
   * section not available after the feed is accounted for.
   */
  @Test
  void aBrokenCompanionIsAccountedAfterTheFeedAndTheSectionIsNotAvailable(@TempDir Path broken) throws IOException {
    SmallWorld.write(broken);
    Files.writeString(broken.resolve(AnalysisInput.CONVERSATIONS), FEED, StandardCharsets.UTF_8);
    Files.writeString(broken.resolve(AnalysisInput.MESSAGES), "message,kind\nFast,phrase\n", StandardCharsets.UTF_8);
    Files.writeString(broken.resolve(AnalysisInput.BRANDS), BRANDS, StandardCharsets.UTF_8);
    ReportModel noMessages = ReportModel.build(Analysis.of(AnalysisInput.read(broken), Progress.none()),
        List.of(ConversationSection.builder()));
    assertThat(noMessages.section(ConversationSection.ID).orElseThrow().available()).isFalse();
    assertThat(noMessages.reads()).extracting(r -> r.source() + " " + r.isClean())
        .containsExactly("interactions.csv false", "conversations.csv true", "messages.csv false");

    Files.writeString(broken.resolve(AnalysisInput.MESSAGES), MESSAGES, StandardCharsets.UTF_8);
    Files.writeString(broken.resolve(AnalysisInput.BRANDS), "brand,role\nGlobex,competitor\n", StandardCharsets.UTF_8);
    ReportModel noOurs = ReportModel.build(Analysis.of(AnalysisInput.read(broken), Progress.none()),
        List.of(ConversationSection.builder()));
    assertThat(noOurs.section(ConversationSection.ID).orElseThrow().summary()).singleElement().asString()
        .contains("must mark one brand as ours");
    assertThat(noOurs.reads()).extracting(ImportReport::source)
        .containsExactly("interactions.csv", "conversations.csv", "messages.csv", "brands.csv");
  }

  /**
   * Retention asks for the latest activity of the customers who opened a case only, so the section gives the
   * ledger the main interactions' own threads and the activity of possible openers rather than everyone's: the
   * service figures and retention are the ledger's over every interaction, with a case opened in the main
   * interactions (f, retained by a later visit) and customers outside every thread (g).
   */
  @Test
  void retentionIsTheLedgersOverEveryInteractionWithThreadsInTheMainInteractions(@TempDir Path threaded)
      throws IOException {
    String main = HEADER
        + "f,2023-10-06T10:00:00Z,support_request,inbound,x,X,organic_social,help me,,,,,,t5,,\n"
        + "f,2023-10-07T10:00:00Z,reply,outbound,x,X,organic_social,done,,,,,,t5,cara,true\n"
        + "f,2024-01-20T10:00:00Z,visit,inbound,web,Web,direct,,,,,,,,,\n"
        + "g,2024-01-21T10:00:00Z,visit,inbound,web,Web,direct,,,,,,,,,\n"
        + "c,2024-01-02T10:00:00Z,visit,inbound,web,Web,direct,,,,,,,,,\n"
        + "e,2023-11-02T10:00:00Z,visit,inbound,web,Web,direct,,,,,,,,,\n"
        + "a,2024-03-05T12:00:00Z,visit,inbound,web,Web,direct,,,,,,,,,\n";
    Files.writeString(threaded.resolve(AnalysisInput.INTERACTIONS), main, StandardCharsets.UTF_8);
    Files.writeString(threaded.resolve(AnalysisInput.CONVERSATIONS), FEED, StandardCharsets.UTF_8);
    AnalysisInput withThreads = AnalysisInput.read(threaded);
    assertThat(withThreads.importReport().isClean()).as(withThreads.importReport().toString()).isTrue();
    ConversationSection folded = (ConversationSection) ConversationSection.of(Analysis.of(withThreads,
        Progress.none()));

    ServiceLedger ledger = ServiceLedger.create().addAll(withThreads.interactions()).addAll(feed());
    assertThat(folded.service()).isEqualTo(ledger.report(Duration.ofHours(24)));
    assertThat(folded.service().overall().cases()).isEqualTo(5);
    RetentionGroups groups = ledger.retention(Instant.parse("2024-03-05T12:00:00Z"), Duration.ofDays(90));
    assertThat(folded.retention()).isEqualTo(groups);
    // resolved: a (t1) and f (t5), both back later; unresolved: b, c, e, of whom e never came back
    assertThat(groups.resolved().customers()).isEqualTo(2);
    assertThat(groups.resolved().retained()).isEqualTo(2);
    assertThat(groups.unresolved().customers()).isEqualTo(3);
    assertThat(groups.unresolved().retained()).isEqualTo(2);
  }

  @Test
  void theSectionRendersWellFormedTablesAndChartsAndSummaryLines() throws Exception {
    StringBuilder out = new StringBuilder();
    section.writeHtml(new Html(out));
    String body = out.toString();
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(("<div>" + body + "</div>").getBytes(StandardCharsets.UTF_8)));
    assertThat(count(body, "<svg")).isEqualTo(2);
    assertThat(body).contains("Key-message pull-through (of 4 brand mentions)", "data-value=\"0.75\"",
        "Share of voice against the competitors", "owner anna", "Retention 90 days after the latest request",
        "messages.csv:5: column &#39;kind&#39; value &#39;tag&#39; is invalid: must be phrase, hashtag or link",
        "two-proportion z-test, p = 0.").doesNotContain("NaN", "Infinity", "p = p");
    assertThat(section.summary()).hasSize(5);
    assertThat(section.summary().get(0)).isEqualTo(
        "pull-through of 4 brand mentions: Fast 50.0% (2, 2 amplifiers, stable), Open 75.0% (3, 2 amplifiers, rising)");
    assertThat(section.summary().get(1)).startsWith("share of voice: Acme 66.7%, Globex 33.3%; net sentiment 0.25");
  }

  @Test
  void withoutAFeedTheSectionIsNotAvailable(@TempDir Path empty) throws IOException {
    ReportSection none = ConversationSection.of(Analysis.of(SmallWorld.read(empty), Progress.none()));
    assertThat(none.available()).isFalse();
    assertThat(none.summary()).containsExactly(
        "not available: the input has no conversations.csv (mentions, shares and service threads with content)");
  }

  /** The report on the bundled world with this section in the conversations slot: well-formed, and it finds something. */
  @Test
  void theBundledWorldPageIsWellFormedWithTheSection() throws Exception {
    ReportModel model = ReportModel.build(Analysis.of(BundledWorld.input(), Progress.none()),
        ReportModel.withBuilder(ReportModel.defaultBuilders(), ConversationSection.builder()));
    String page = HtmlReport.render(model);
    DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(page.getBytes(StandardCharsets.UTF_8)));
    String conversations = page.substring(page.indexOf("<section id=\"conversations\""));
    conversations = conversations.substring(0, conversations.indexOf("</section>"));
    assertThat(count(conversations, "<svg")).isEqualTo(2);
    assertThat(conversations).contains("Brightloop mentions", "Crestline mentions", "\u00c9lan Systems mentions",
        "owner anna.k", "channel LinkedIn");
    // one inline script (issue 15: table downloads and switches), nothing loaded
    assertThat(page).doesNotContain("http://", "https://", "src=");
    assertThat(count(page, "<script")).isEqualTo(1);
    ConversationSection bundled = (ConversationSection) model.section(ConversationSection.ID).orElseThrow();
    assertThat(bundled.messages()).extracting(MessageFigures::message)
        .containsExactly("Relationship ROI", "Connect the dots", "Support in minutes", "Own your data");
    assertThat(bundled.reads()).allSatisfy(r -> assertThat(r.rejected()).isZero());
    assertThat(bundled.retention().difference()).isPositive();
    assertThat(bundled.retentionLift()).isNotNull();
    assertThat(bundled.retentionLift().pValue()).isLessThan(0.05);
    System.out.println(String.join("\n", bundled.summary()));
  }

  private static int count(String text, String needle) {
    Matcher m = Pattern.compile(Pattern.quote(needle)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
