package org.engagement.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.junit.jupiter.api.Test;

class SummaryCsvReaderTest {

  private static Reader resource(String name) {
    return new InputStreamReader(Objects.requireNonNull(
        SummaryCsvReaderTest.class.getResourceAsStream("/cdnow/" + name), name), StandardCharsets.UTF_8);
  }

  /** Both CDNOW summary files (see the README beside them): 2,357 customers, the first is 1,2,30.43,38.86. */
  @Test
  void readsBothCdnowLayouts() throws IOException {
    SummaryCsvReader.Result lifetimes = SummaryCsvReader.read(resource("cdnow_customers_summary.csv"), "summary");
    SummaryCsvReader.Result btyd =
        SummaryCsvReader.read(resource("cdnow_customers_summary_with_transactions.csv"), "btyd");
    assertThat(lifetimes.report().isClean()).isTrue();
    assertThat(lifetimes.summaries()).hasSize(2357);
    assertThat(lifetimes.hasMeanSpend()).isFalse();
    assertThat(lifetimes.summaries().get(0)).isEqualTo(new RepeatBuyingSummary("1", 2, 30.43, 38.86, 0, 0));
    assertThat(btyd.report().isClean()).isTrue();
    assertThat(btyd.hasMeanSpend()).isTrue();
    assertThat(btyd.summaries().get(0)).isEqualTo(new RepeatBuyingSummary("1", 2, 30.43, 38.86, 22.35, 0));
    for (int i = 0; i < 2357; i++) {
      RepeatBuyingSummary a = lifetimes.summaries().get(i);
      RepeatBuyingSummary b = btyd.summaries().get(i);
      assertThat(List.of(a.customerId(), a.frequency(), a.recency(), a.age()))
          .isEqualTo(List.of(b.customerId(), b.frequency(), b.recency(), b.age()));
    }
    assertThat(btyd.summaries().stream().filter(s -> s.frequency() == 0).count()).isEqualTo(1411);
  }

  @Test
  void everyBadRowIsReportedAndTheCountsAddUp() throws IOException {
    String csv = "Monetary_Value,T,extra,Frequency,Recency\n"
        + "10.5,20,x,2.0,10\n" // ok: x written as 2.0
        + "0,5,x,0,0\n" // ok
        + "1,20,x,1.5,10\n" // x not whole
        + "1,10,x,2,11\n" // recency beyond T
        + "1,abc,x,2,1\n" // T not a number
        + "-1,10,x,2,1\n" // negative spend
        + "1,10,x,-2,1\n" // negative x
        + "1,10,x,,1\n" // blank x
        + "1,NaN,x,1,1\n" // T not finite
        + "\n"
        + "3,7,x,1,2\n"; // ok
    SummaryCsvReader.Result result = SummaryCsvReader.read(new StringReader(csv), "mixed");
    ImportReport report = result.report();
    assertThat(report.read()).isEqualTo(10);
    assertThat(report.accepted()).isEqualTo(3);
    assertThat(report.rejected()).isEqualTo(7);
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected());
    assertThat(result.summaries()).extracting(RepeatBuyingSummary::customerId).containsExactly("1", "2", "10");
    assertThat(result.summaries().get(0)).isEqualTo(new RepeatBuyingSummary("1", 2, 10, 20, 10.5, 0));
    assertThat(report.rejections()).extracting(Rejection::toString).containsExactly(
        "record 3 (line 4): frequency '1.5' is invalid: must be a whole number of repeat purchases",
        "record 4 (line 5): recency '11.0' is invalid: must not exceed T (10.0)",
        "record 5 (line 6): T 'abc' is invalid: must be a decimal number",
        "record 6 (line 7): monetary_value '-1' is invalid: must be finite and not negative",
        "record 7 (line 8): frequency '-2' is invalid: must not be negative",
        "record 8 (line 9): frequency is missing: must not be blank",
        "record 9 (line 10): T 'NaN' is invalid: must be finite and not negative");
  }

  @Test
  void aHeaderWithoutEitherLayoutIsRefused() {
    assertThatThrownBy(() -> SummaryCsvReader.read(new StringReader("frequency,T\n1,2\n"), "f"))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("lacks the column 'recency'");
    assertThatThrownBy(() -> SummaryCsvReader.read(new StringReader("a,b,c\n"), "f"))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("lacks the column 'x'");
    assertThatThrownBy(() -> SummaryCsvReader.read(new StringReader(""), "f"))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("empty");
  }

  @Test
  void brokenCsvStopsTheReadingAndIsReportedAsTheFailure() throws IOException {
    SummaryCsvReader.Result result =
        SummaryCsvReader.read(new StringReader("x,t_x,T\n1,1,2\n\"2,1,2\n"), "broken");
    assertThat(result.summaries()).hasSize(1);
    assertThat(result.report().isComplete()).isFalse();
    assertThat(result.report().failureReason()).hasValueSatisfying(f -> assertThat(f).contains("line 3"));
  }
}
