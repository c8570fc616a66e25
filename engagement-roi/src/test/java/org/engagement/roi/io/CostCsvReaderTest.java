package org.engagement.roi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Currency;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.junit.jupiter.api.Test;

class CostCsvReaderTest {
  private static final CostCsvReader READER = CostCsvReader.inCurrency(Currency.getInstance("EUR"));

  @Test
  void readsCostsAndReportsEveryRowItCannotUse() throws IOException {
    String csv = "Channel,month,amount,currency,owner,segment,note\n"
        + "pr,2024-01,1200.00,EUR,anna,,launch\n"
        + "email,2024-02,100,EUR,,vip,\n"
        + "email,2024-13,100,EUR,ben,,\n" // no month 13
        + "email,2024-03,-5,EUR,ben,,\n" // negative
        + "email,2024-03,5,USD,ben,,\n" // other currency
        + "email,2024-03,5.001,EUR,ben,,\n" // too many decimals for EUR
        + ",2024-03,5,EUR,ben,,\n"; // no channel

    CsvImport<Cost> costs = READER.read(new StringReader(csv), "costs.csv");

    assertThat(costs.values()).containsExactly(
        new Cost(YearMonth.of(2024, 1), "pr", "anna", null, Money.parse("1200.00", "EUR")),
        new Cost(YearMonth.of(2024, 2), "email", Cost.UNASSIGNED, "vip", Money.parse("100", "EUR")));
    assertThat(costs.report().read()).isEqualTo(7);
    assertThat(costs.report().accepted()).isEqualTo(2);
    assertThat(costs.report().rejected()).isEqualTo(5);
    assertThat(costs.report().rejections()).extracting(Rejection::toString).containsExactly(
        "line 4: column 'month' value '2024-13' is invalid: must be an ISO year-month such as 2024-03",
        "line 5: column 'amount' value '-5.00 EUR' is invalid: must not be negative",
        "line 6: column 'currency' value 'USD' is invalid: must be EUR",
        "line 7: column 'amount' value '5.001' is invalid: must have at most 2 decimal places for EUR",
        "line 8: column 'channel' value '' is invalid: must not be blank");
    Investment investment = READER.investment(costs);
    assertThat(investment.total()).isEqualTo(Money.parse("1300.00", "EUR"));
  }

  @Test
  void aHeaderWithoutARequiredColumnIsRefused() {
    assertThatThrownBy(() -> READER.read(new StringReader("month,channel,amount\n2024-01,pr,1\n"), "costs.csv"))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage("the header on line 1 lacks the column 'currency'; required: [month, channel, amount, currency]");
    assertThatThrownBy(() -> READER.read(new StringReader(""), "costs.csv"))
        .isInstanceOf(InvalidSourceException.class);
  }

  @Test
  void costsFollowTheReadingPolicyOfEveryReader() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(("month,channel,amount,currency\n"
        + "2024-01,pr,1\uFF12,EUR\n" // full-width digit
        + "2024-01,pr\0,12,EUR\n" // NUL is not stripped
        + "2024-01,pr,12,EUR,extra\n" // a field the header does not name
        + "2024-01,caf").getBytes(StandardCharsets.UTF_8));
    bytes.write(0xE9); // Latin-1
    bytes.writeBytes(",12,EUR\n2024-01,pr,12,EUR\n".getBytes(StandardCharsets.UTF_8));

    CsvImport<Cost> costs = READER.read(new ByteArrayInputStream(bytes.toByteArray()), "costs.csv");

    assertThat(costs.values()).singleElement().extracting(Cost::channel).isEqualTo("pr");
    assertThat(costs.report().read()).isEqualTo(costs.report().accepted() + costs.report().rejected());
    assertThat(costs.report().rejections()).extracting(r -> r.message("costs.csv")).satisfiesExactly(
        m -> assertThat(m).isEqualTo("costs.csv:2: column 'amount' value '1\uFF12' is invalid: must be a decimal "
            + "number in ASCII digits, such as 12.5"),
        m -> assertThat(m).startsWith("costs.csv:3: column 'channel' value 'pr\\u0000' is invalid: must not contain "
            + "control characters"),
        m -> assertThat(m).isEqualTo("costs.csv:4: record has 5 fields; the header has 4"),
        m -> assertThat(m).startsWith("costs.csv:5: ").contains("byte offset", "must be UTF-8"));
  }

  @Test
  void aColumnNamedTwiceIsRefused() {
    assertThatThrownBy(() -> READER.read(new StringReader("month,channel,amount,currency,Amount\n"), "costs.csv"))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessage("header column 'amount' appears twice (columns 3 and 5)");
  }
}
