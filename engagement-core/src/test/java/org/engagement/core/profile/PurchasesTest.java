package org.engagement.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.core.profile.ProfileWorld.interactions;
import static org.engagement.core.profile.ProfileWorld.purchase;

import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.value.ValueConcentration;
import org.engagement.core.value.rfm.RfmScores;
import org.junit.jupiter.api.Test;

/** Purchases of {@link ProfileWorld}, by hand. */
class PurchasesTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  /**
   * EUR (three values) beats USD (two): a 100 + 50 on d3, b 200 on d5, c one purchase worth 0 on d4;
   * b's 30 USD and e's 40 USD are left out and counted.
   */
  @Test
  void buyersAreCountedInTheCurrencyMostPurchasesCarry() {
    Purchases purchases = Purchases.of(interactions(), ConversionRule.purchases());

    assertThat(purchases.currency()).contains(EUR);
    assertThat(purchases.otherCurrency()).isEqualTo(2);
    assertThat(purchases.buyers()).containsExactly(
        new Buyer("a", 150, 2, LocalDate.of(2024, 1, 4)),
        new Buyer("b", 200, 1, LocalDate.of(2024, 1, 6)),
        new Buyer("c", 0, 1, LocalDate.of(2024, 1, 5)));
    assertThat(purchases.meanValue()).isEqualTo(350 / 3.0);
    assertThat(purchases.buyer("e")).isEmpty();
  }

  /** In USD: b 30 on d2, c 0 on d4, e 40 on d7; a's two and b's 200 EUR are in another currency. */
  @Test
  void anExplicitCurrencyCountsOnlyItsValues() {
    Purchases purchases = Purchases.of(interactions(), ConversionRule.purchases(), USD);

    assertThat(purchases.currency()).contains(USD);
    assertThat(purchases.otherCurrency()).isEqualTo(3);
    assertThat(purchases.buyers()).extracting(Buyer::customerId).containsExactly("b", "c", "e");
    assertThat(purchases.buyer("e").orElseThrow().value()).isEqualTo(40);
  }

  /**
   * Columns and a rule of types take the purchases from the type column (issue 16); the figures are those of
   * the same interactions as a list, with the majority currency, with a currency given, and with a rule of
   * several types that other types' rows carry.
   */
  @Test
  void columnsGiveTheFiguresOfTheSameInteractionsAsAList() {
    List<Interaction> list = interactions();
    InteractionColumns columns = InteractionColumns.of(list);
    ConversionRule clicksAndPurchases =
        ConversionRule.ofTypes(java.util.Set.of(InteractionType.CLICK, InteractionType.PURCHASE));

    for (ConversionRule rule : List.of(ConversionRule.purchases(), clicksAndPurchases)) {
      assertSame(Purchases.of(columns, rule), Purchases.of(list, rule));
      assertSame(Purchases.of(columns, rule, USD), Purchases.of(list, rule, USD));
    }
    assertThat(Purchases.of(columns, clicksAndPurchases).buyers())
        .isNotEqualTo(Purchases.of(columns, ConversionRule.purchases()).buyers());
  }

  private static void assertSame(Purchases actual, Purchases expected) {
    assertThat(actual.currency()).isEqualTo(expected.currency());
    assertThat(actual.otherCurrency()).isEqualTo(expected.otherCurrency());
    assertThat(actual.buyers()).isEqualTo(expected.buyers());
  }

  @Test
  void aTieGoesToTheFirstCodeInAlphabeticalOrder() {
    var tie = List.of(purchase("x", 1, "5", "USD"), purchase("y", 1, "7", "EUR"));

    assertThat(Purchases.of(tie, ConversionRule.purchases()).currency()).contains(EUR);
    assertThat(Purchases.of(List.of(tie.get(1), tie.get(0)), ConversionRule.purchases()).currency()).contains(EUR);
  }

  /**
   * Values 150, 200, 0 (total 350): the top 20 % is ceil(0.6) = 1 buyer, 200 / 350. RFM as of d7 (2024-01-08):
   * recency a 4, b 2, c 3 days; frequency 2, 1, 1; monetary 150, 200, 0.
   */
  @Test
  void concentrationAndRfmInputsComeFromTheBuyers() {
    Purchases purchases = Purchases.of(interactions(), ConversionRule.purchases());

    ValueConcentration concentration = purchases.concentration().orElseThrow();
    assertThat(concentration.customers()).isEqualTo(3);
    assertThat(concentration.topShare(0.2)).isEqualTo(200 / 350.0);
    assertThat(purchases.values()).containsExactly(150, 200, 0);
    RfmScores expected = RfmScores.of(new long[] {4, 2, 3}, new long[] {2, 1, 1}, new double[] {150, 200, 0});
    RfmScores rfm = purchases.rfm(LocalDate.of(2024, 1, 8));
    assertThat(rfm.size()).isEqualTo(3);
    for (int i = 0; i < 3; i++) {
      assertThat(rfm.score(i)).isEqualTo(expected.score(i));
    }
    assertThatThrownBy(() -> purchases.rfm(LocalDate.of(2024, 1, 5)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("recencyDays");
  }

  @Test
  void withoutBuyersThereIsNoConcentration() {
    Purchases none = Purchases.of(List.of(ProfileWorld.touch("d", ProfileWorld.SOCIAL, 1, InteractionType.LIKE)),
        ConversionRule.purchases());

    assertThat(none.isEmpty()).isTrue();
    assertThat(none.currency()).isEmpty();
    assertThat(none.concentration()).isEmpty();
    assertThat(none.meanValue()).isZero();
  }

  /** Rows: x 10 on 03-01 and 5.5 on 02-01; y 1 on 03-02. */
  @Test
  void rowsWithoutCurrencyAddUp() {
    Purchases rows = Purchases.builder()
        .add("x", LocalDate.of(2024, 3, 1), 10)
        .add("y", LocalDate.of(2024, 3, 2), 1)
        .add("x", LocalDate.of(2024, 2, 1), 5.5)
        .build();

    assertThat(rows.currency()).isEmpty();
    assertThat(rows.buyers()).containsExactly(new Buyer("x", 15.5, 2, LocalDate.of(2024, 3, 1)),
        new Buyer("y", 1, 1, LocalDate.of(2024, 3, 2)));
    assertThatThrownBy(() -> Purchases.builder().add("x", LocalDate.of(2024, 3, 1), -1))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("amount");
  }
}
