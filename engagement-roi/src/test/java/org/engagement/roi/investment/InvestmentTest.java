package org.engagement.roi.investment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

class InvestmentTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final YearMonth JAN = YearMonth.of(2024, 1);
  private static final YearMonth FEB = YearMonth.of(2024, 2);

  @Test
  void totalsByChannelOwnerAndMonth() {
    Investment investment = Investment.of(EUR, List.of(
        Cost.of(JAN, "pr", eur("100.00")).withOwner("anna"),
        Cost.of(FEB, "pr", eur("50.00")).withOwner("ben"),
        Cost.of(FEB, "email", eur("25.50")).withOwner("ben")));

    assertThat(investment.total()).isEqualTo(eur("175.50"));
    assertThat(investment.byChannel()).containsExactly(entry("email", eur("25.50")), entry("pr", eur("150.00")));
    assertThat(investment.byOwner()).containsExactly(entry("anna", eur("100.00")), entry("ben", eur("75.50")));
    assertThat(investment.byMonth()).containsExactly(entry(JAN, eur("100.00")), entry(FEB, eur("75.50")));
    assertThat(investment.filter(cost -> cost.owner().equals("ben")).total()).isEqualTo(eur("75.50"));
  }

  @Test
  void timeSpentIsCostedAtItsRate() {
    // 2.5 h x 40.00 = 100.00; 1/3 h x 10.00 = 3.333... rounds half-even to 3.33
    TimeSpent meeting = new TimeSpent(JAN, "events", "anna", 2.5, eur("40.00"));
    TimeSpent replies = new TimeSpent(JAN, "social", "ben", 1.0 / 3, eur("10.00"));

    Investment investment = Investment.none(EUR).plusTime(List.of(meeting, replies));

    assertThat(investment.costs()).containsExactly(
        new Cost(JAN, "events", "anna", null, eur("100.00")), new Cost(JAN, "social", "ben", null, eur("3.33")));
  }

  @Test
  void allocatingToASegmentKeepsItsOwnCostsAndAShareOfTheGeneralOnes() {
    Investment investment = Investment.of(EUR, List.of(
        Cost.of(JAN, "email", eur("90.00")).withSegment("vip"),
        Cost.of(JAN, "email", eur("10.00")).withSegment("new"),
        Cost.of(JAN, "pr", eur("200.00"))));

    // vip: its own 90 + 25 % of the untargeted 200 = 140
    Investment vip = investment.allocatedTo("vip", 0.25);

    assertThat(vip.total()).isEqualTo(eur("140.00"));
    assertThat(vip.costs()).allMatch(cost -> "vip".equals(cost.segment()));
    assertThatThrownBy(() -> investment.allocatedTo("vip", 2))
        .hasMessage("shareOfEveryone '2.0' is invalid: must be in [0, 1]");
  }

  @Test
  void oneCurrencyPerInvestment() {
    assertThatThrownBy(() -> Investment.of(EUR, List.of(Cost.of(JAN, "pr", Money.parse("1", "USD")))))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("amount '1.00 USD' is invalid: must be in the investment's currency EUR");
    assertThatThrownBy(() -> Cost.of(JAN, " ", eur("1")))
        .hasMessage("channel ' ' is invalid: must not be blank");
  }

  private static Money eur(String amount) {
    return Money.parse(amount, "EUR");
  }
}
