package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.section.ReportSection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file the report reads is accounted for, and a companion file that cannot be read costs its section,
 * never the report (issue 12: an empty costs file, a survey without its answer column and a conversation
 * feed with an unterminated quote each ended the report in an exception; rows rejected from the messages and
 * brands files, or every cost row rejected for its currency, went unnoticed).
 */
class ReportInputsTest {
  /** {@link SmallWorld} without its rejected row: every interaction is accepted. */
  private static final String CLEAN = SmallWorld.CSV.substring(0, SmallWorld.CSV.lastIndexOf("e,2024-02-11"));
  private static final String COSTS = "month,channel,owner,amount,currency\n2024-01,email,crm,10,EUR\n";

  private static ReportModel report(Path dir, String... files) throws IOException {
    Files.writeString(dir.resolve(AnalysisInput.INTERACTIONS), CLEAN);
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(dir.resolve(files[i]), files[i + 1]);
    }
    return ReportModel.build(AnalysisInput.read(dir), Progress.none());
  }

  private static ImportReport read(ReportModel model, String file) {
    return model.reads().stream().filter(r -> r.source().equals(file)).findFirst().orElseThrow();
  }

  @Test
  void everyFileReadIsAccountedForInOrder(@TempDir Path dir) throws IOException {
    ReportModel model = report(dir, AnalysisInput.COSTS, COSTS, AnalysisInput.SURVEY, "customer_id,answer\na,email\n");
    assertThat(model.reads()).extracting(ImportReport::source)
        .containsExactly(AnalysisInput.INTERACTIONS, AnalysisInput.COSTS, AnalysisInput.SURVEY);
    assertThat(model.reads()).allMatch(ImportReport::isClean);
    assertThat(read(model, AnalysisInput.INTERACTIONS).accepted()).isEqualTo(10);
    assertThat(model.allRowsUsed()).isTrue();
  }

  @Test
  void aCompanionFileThatCannotBeReadCostsItsSectionOnly(@TempDir Path dir) throws IOException {
    String[][] cases = {
        {AnalysisInput.COSTS, "", "roi", "cannot read costs.csv: the file is empty"},
        {AnalysisInput.SURVEY, "customer_id,reply\na,email\n", "roi", "lacks the column 'answer'"},
    };
    for (String[] c : cases) {
      Path input = Files.createDirectories(dir.resolve(c[2] + c[0]));
      ReportModel model = c[0].equals(AnalysisInput.COSTS) ? report(input, c[0], c[1])
          : report(input, AnalysisInput.COSTS, COSTS, c[0], c[1]);
      ReportSection section = model.section(c[2]).orElseThrow();
      assertThat(section.available()).as(c[0]).isFalse();
      assertThat(section.summary()).as(c[0]).singleElement().asString().contains(c[3]);
      ImportReport read = read(model, c[0]);
      assertThat(read.isClean()).as(c[0]).isFalse();
      assertThat(read.failureReason()).as(c[0]).get().asString().contains(c[3].replace("cannot read costs.csv: ", ""));
      assertThat(model.allRowsUsed()).isFalse();
      assertThat(model.section("attribution").orElseThrow().available()).isTrue();
    }
  }

  /** An unterminated quote rejects its record; the rows after it are read, and the exit code says a row was lost. */
  @Test
  void anUnterminatedQuoteInTheConversationsRejectsItsRecordOnly(@TempDir Path dir) throws IOException {
    ReportModel model = report(dir, AnalysisInput.COSTS, COSTS, AnalysisInput.CONVERSATIONS,
        "customer_id,timestamp,type,channel,text\n"
            + "a,2024-01-05T10:00:00Z,mention,social,\"unterminated\n"
            + "b,2024-01-06T10:00:00Z,mention,social,fine\n");
    ImportReport read = read(model, AnalysisInput.CONVERSATIONS);
    assertThat(read.read()).isEqualTo(2);
    assertThat(read.accepted()).isEqualTo(1);
    assertThat(read.rejections()).singleElement().satisfies(r -> assertThat(r.position().line()).isEqualTo(2));
    assertThat(model.allRowsUsed()).isFalse();
  }

  /** Costs in USD against purchases in EUR: not an investment of 0, but a section that says why it is missing. */
  @Test
  void costsOfWhichNoRowWasAcceptedAreNotAnInvestmentOfZero(@TempDir Path dir) throws IOException {
    ReportModel model = report(dir, AnalysisInput.COSTS, COSTS.replace("EUR", "USD"));
    ReportSection roi = model.section("roi").orElseThrow();
    assertThat(roi.available()).isFalse();
    assertThat(roi.title()).isEqualTo("Relationship ROI");
    assertThat(roi.summary()).singleElement().asString().isEqualTo("not available: costs.csv '1 rows' is invalid: "
        + "must have at least one row accepted, but every row was rejected (the first: line 2: "
        + "column 'currency' value 'USD' is invalid: must be EUR)");
    assertThat(read(model, AnalysisInput.COSTS).rejected()).isEqualTo(1);
    assertThat(model.allRowsUsed()).isFalse();
    assertThat(HtmlReport.render(model)).contains("costs.csv: 1 of 1 rows not used, the first: line 2: "
        + "column &#39;currency&#39; value &#39;USD&#39; is invalid: must be EUR");
  }

  @Test
  void rejectedRowsOfTheMessagesAndBrandsFilesAreCounted(@TempDir Path dir) throws IOException {
    ReportModel model = report(dir,
        AnalysisInput.CONVERSATIONS, "customer_id,timestamp,type,direction,channel,text,brand\n"
            + "a,2024-01-05T10:00:00Z,mention,inbound,social,Love the newsletter,Acme\n",
        AnalysisInput.MESSAGES, "message,phrase,kind\nNews,newsletter,phrase\nBad,x,shout\n",
        AnalysisInput.BRANDS, "brand,role\nAcme,ours\nOther,alien\n");
    assertThat(model.section("conversations").orElseThrow().available()).isTrue();
    assertThat(read(model, AnalysisInput.CONVERSATIONS).isClean()).isTrue();
    assertThat(read(model, AnalysisInput.MESSAGES).rejected()).isEqualTo(1);
    assertThat(read(model, AnalysisInput.BRANDS).rejected()).isEqualTo(1);
    assertThat(model.allRowsUsed()).isFalse();
  }

  /** Text from the input cannot break the summary's lines or send the terminal an escape sequence. */
  @Test
  void theTextSummaryShowsControlCharactersEscaped() {
    ReportModel model = new ReportModel("dir\u001b]0;pwned\u0007", LocalDate.of(2024, 1, 1),
        List.of(ReportSection.notAvailable("x", "Title\u009b", "channel 'a\nb\u202e' is odd")), List.of());
    assertThat(TextSummary.render(model)).isEqualTo("Engagement report: dir\\u001B]0;pwned\\u0007, as of 2024-01-01\n"
        + "\nTitle\\u009B\n  not available: channel 'a\\nb\\u202E' is odd\n");
  }
}
