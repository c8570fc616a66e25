package org.engagement.clv.summary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
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
    assertThat(lifetimes.hasHoldout()).isFalse();
    assertThat(btyd.hasHoldout()).isFalse();
  }

  /**
   * The holdout column of the derived CDNOW file (see the README beside it): 1,882 holdout purchases, 334 of
   * them by the 1,411 customers without a repeat purchase, from 193 of them (the shared CDNOW README's facts).
   */
  @Test
  void readsTheHoldoutColumn() throws IOException {
    SummaryCsvReader.Result result = SummaryCsvReader.read(resource("cdnow_calibration_holdout.csv"), "holdout");
    assertThat(result.hasHoldout()).isTrue();
    assertThat(result.hasMeanSpend()).isFalse();
    assertThat(result.summaries().get(0)).isEqualTo(new RepeatBuyingSummary("1", 2, 30.428571, 38.857143, 0, 1));
    assertThat(result.summaries().stream().mapToInt(RepeatBuyingSummary::holdoutFrequency).sum()).isEqualTo(1882);
    List<RepeatBuyingSummary> zeroClass = result.summaries().stream().filter(s -> s.frequency() == 0).toList();
    assertThat(zeroClass).hasSize(1411);
    assertThat(zeroClass.stream().mapToInt(RepeatBuyingSummary::holdoutFrequency).sum()).isEqualTo(334);
    assertThat(zeroClass.stream().filter(s -> s.holdoutFrequency() > 0).count()).isEqualTo(193);
  }

  @Test
  void aBadHoldoutCountIsRejectedNamingLineColumnValueAndRule() throws IOException {
    String csv = "frequency,recency,T,Holdout_Frequency\n"
        + "1,2,10,3\n" // ok
        + "1,2,10,-1\n" // negative
        + "1,2,10,1.5\n" // not whole
        + "1,2,10,\n" // blank
        + "1,2,10,many\n" // not a number
        + "0,0,10,2.0\n"; // ok: written as 2.0
    SummaryCsvReader.Result result = SummaryCsvReader.read(new StringReader(csv), "h.csv");
    assertThat(result.hasHoldout()).isTrue();
    assertThat(result.summaries()).extracting(RepeatBuyingSummary::holdoutFrequency).containsExactly(3, 2);
    assertThat(result.report().rejections()).extracting(r -> r.message("h.csv")).containsExactly(
        "h.csv:3: column 'holdout_frequency' value '-1' is invalid: must be a whole number from 0 to 2147483647",
        "h.csv:4: column 'holdout_frequency' value '1.5' is invalid: must be a whole number from 0 to 2147483647",
        "h.csv:5: column 'holdout_frequency' value '' is invalid: must not be blank",
        "h.csv:6: column 'holdout_frequency' value 'many' is invalid: must be a whole number from 0 to 2147483647");
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
    assertThat(report.rejections()).extracting(r -> r.message("mixed.csv")).containsExactly(
        "mixed.csv:4: column 'frequency' value '1.5' is invalid: must be a whole number from 0 to 2147483647",
        "mixed.csv:5: column 'recency' value '11' is invalid: must not exceed T (10)",
        "mixed.csv:6: column 'T' value 'abc' is invalid: must be a decimal number in ASCII digits, such as 12.5",
        "mixed.csv:7: column 'monetary_value' value '-1' is invalid: must be a finite number not below 0",
        "mixed.csv:8: column 'frequency' value '-2' is invalid: must be a whole number from 0 to 2147483647",
        "mixed.csv:9: column 'frequency' value '' is invalid: must not be blank",
        "mixed.csv:10: column 'T' value 'NaN' is invalid: must be a decimal number in ASCII digits, such as 12.5");
  }

  @Test
  void rowsOutsideTheModelsDomainAreRejectedNamingLineAndColumn() throws IOException {
    String csv = "x,t_x,T\n"
        + "2,0,10\n" // a repeat purchase at the time of the first
        + "0,3,10\n" // a last repeat purchase without any
        + "2147483648,1,10\n" // more purchases than a frequency holds
        + "１,1,10\n" // full-width digit
        + "1,1e999,10\n" // not finite
        + "1,1,10\n"; // ok
    SummaryCsvReader.Result result = SummaryCsvReader.read(new StringReader(csv), "s.csv");
    assertThat(result.summaries()).singleElement().isEqualTo(new RepeatBuyingSummary("6", 1, 1, 10, 0, 0));
    assertThat(result.report().rejections()).extracting(Rejection::toString).containsExactly(
        "line 2: column 't_x' value '0' is invalid: must be above 0 when x is above 0: a repeat purchase comes "
            + "after the first",
        "line 3: column 't_x' value '3' is invalid: must be 0 when x is 0: without a repeat purchase there is no "
            + "time of the last one",
        "line 4: column 'x' value '2147483648' is invalid: must be a whole number from 0 to 2147483647",
        "line 5: column 'x' value '１' is invalid: must be a whole number from 0 to 2147483647",
        "line 6: column 't_x' value '1e999' is invalid: must be a finite number not below 0");
  }

  @Test
  void theSpendModelsDomainRejectsACustomerWithRepeatPurchasesAndNoSpend() throws IOException {
    String csv = "x,t_x,T,zbar\n1,1,10,5\n2,3,10,0\n0,0,10,0\n";
    SummaryCsvReader.Result forFrequency = SummaryCsvReader.read(new StringReader(csv), "s.csv");
    assertThat(forFrequency.report().isClean()).isTrue();
    SummaryCsvReader.Result forSpend = SummaryCsvReader.read(
        new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "s.csv", SummaryCsvReader.Domain.SPEND);
    assertThat(forSpend.summaries()).extracting(RepeatBuyingSummary::customerId).containsExactly("1", "3");
    assertThat(forSpend.report().rejections()).extracting(r -> r.message("s.csv")).containsExactly(
        "s.csv:3: column 'zbar' value '0' is invalid: must be above 0 when the customer has repeat purchases: "
            + "the spend model needs a positive mean spend");
  }

  @Test
  void duplicatedColumnsAndExtraFieldsAreRefusedLikeEveryOtherReader() throws IOException {
    assertThatThrownBy(() -> SummaryCsvReader.read(new StringReader("x,t_x,T,X\n1,1,2,3\n"), "f"))
        .isInstanceOf(InvalidSourceException.class).hasMessage("header column 'x' appears twice (columns 1 and 4)");
    SummaryCsvReader.Result result = SummaryCsvReader.read(new StringReader("x,t_x,T\n1,1,2,9\n1,1,2\n1,1\n"), "f");
    assertThat(result.summaries()).hasSize(1);
    assertThat(result.report().rejections()).extracting(Rejection::reason).containsExactly(
        "record has 4 fields; the header has 3", "record has 2 fields; the header has 3");
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
  void aStrayQuoteOnLineSevenOf2000CustomersRejectsThatRowAndTheOthersAreRead() throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,frequency,recency,T\n");
    for (int i = 1; i <= 2000; i++) {
      csv.append(i).append(',').append(i == 6 ? "\"2" : "2").append(",30.5,38.86\n");
    }
    SummaryCsvReader.Result result = SummaryCsvReader.read(new StringReader(csv.toString()), "cdnow.csv");
    assertThat(result.report().isComplete()).isTrue();
    assertThat(result.report().read()).isEqualTo(2000);
    assertThat(result.summaries()).hasSize(1999);
    assertThat(result.report().rejections()).singleElement().satisfies(r -> {
      assertThat(r.position().line()).isEqualTo(7);
      assertThat(r.field()).isEqualTo("frequency");
      assertThat(r.reason()).contains("stray quote");
    });
  }
}
