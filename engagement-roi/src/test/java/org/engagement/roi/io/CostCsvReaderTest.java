package org.engagement.roi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
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
        "record 3 (line 4): month '2024-13' is invalid: must be an ISO year-month such as 2024-03",
        "record 4 (line 5): amount '-5.00 EUR' is invalid: must not be negative",
        "record 5 (line 6): currency 'USD' is invalid: must be EUR",
        "record 6 (line 7): amount '5.001' is invalid: must have at most 2 decimal places for EUR",
        "record 7 (line 8): channel '' is invalid: must not be blank");
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
}
