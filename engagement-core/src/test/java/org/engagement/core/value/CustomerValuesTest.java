package org.engagement.core.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.junit.jupiter.api.Test;

class CustomerValuesTest {
  private static final Currency EUR = Currency.getInstance("EUR");

  record Amount(String customerId, Money money) {}

  @Test
  void sumsEachCustomersAmountsExactlyAndReadsTheirConcentration() {
    CustomerValues values = CustomerValues.of(EUR)
        .add("ann", Money.parse("0.10", "EUR"))
        .add("bob", Money.parse("300", "EUR"))
        .add("ann", Money.parse("0.20", "EUR"))
        .add("cy", Money.parse("100", "EUR"))
        .add("ann", Money.parse("99.70", "EUR"));

    assertThat(values.valueOf("ann")).isEqualTo(Money.parse("100.00", "EUR"));
    assertThat(values.valueOf("nobody")).isEqualTo(Money.zero(EUR));
    assertThat(values.total()).isEqualTo(Money.parse("500", "EUR"));
    assertThat(values.customers()).containsExactlyInAnyOrder("ann", "bob", "cy");
    // the same figures as the report's example: values 100, 300, 100
    ValueConcentration expected = ValueConcentration.of(new double[] {100, 300, 100});
    assertThat(values.concentration().gini()).isEqualTo(expected.gini());
    assertThat(values.concentration().lorenzCurve()).containsExactly(expected.lorenzCurve());
    assertThat(values.concentration().topShare(0.2)).isEqualTo(0.6);
  }

  @Test
  void refusesOtherCurrenciesAndNegativeTotalsNamingTheField() {
    CustomerValues values = CustomerValues.of(EUR).add("ann", Money.parse("5", "EUR"));

    assertThatThrownBy(() -> values.add("ann", Money.parse("5", "USD")))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("amount '5.00 USD' is invalid: must be in EUR");
    assertThatThrownBy(() -> values.merge(CustomerValues.of(Currency.getInstance("USD"))))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.currency 'USD'");
    values.add("bob", Money.parse("-1", "EUR"));
    assertThatThrownBy(values::concentration)
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("value of customer bob '-1.00 EUR'");
    assertThatThrownBy(() -> CustomerValues.of(EUR).concentration()).hasMessageContaining("at least one");
    assertThatThrownBy(() -> CustomerValues.of(Currency.getInstance("XXX"))).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void mergeLeavesBothSidesAlone() {
    CustomerValues left = CustomerValues.of(EUR).add("ann", Money.parse("1", "EUR"));
    CustomerValues right = CustomerValues.of(EUR).add("ann", Money.parse("2", "EUR")).add("bob", Money.parse("3", "EUR"));

    CustomerValues merged = left.merge(right);

    assertThat(merged.valueOf("ann")).isEqualTo(Money.parse("3", "EUR"));
    assertThat(merged.valueOf("bob")).isEqualTo(Money.parse("3", "EUR"));
    assertThat(left.customers()).containsExactly("ann");
    assertThat(left.valueOf("ann")).isEqualTo(Money.parse("1", "EUR"));
    assertThat(right.valueOf("ann")).isEqualTo(Money.parse("2", "EUR"));
  }

  /**
   * Amounts split at random into three partitions (a customer's amounts often across several): the
   * laws of {@link org.engagement.core.aggregate.Mergeable} hold, the merged partitions equal the
   * values built whole, and so does their concentration, which is the concentration of the exact sums.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(@ForAll("amounts") List<Amount> amounts,
      @ForAll long seed) {
    List<List<Amount>> parts = Partitions.ofItems(amounts, seed);
    CustomerValues a = build(parts.get(0));
    CustomerValues b = build(parts.get(1));
    CustomerValues c = build(parts.get(2));

    MergeableLaws.check(CustomerValues.of(EUR), a, b, c);
    CustomerValues whole = build(amounts);
    CustomerValues merged = b.merge(c).merge(a);
    assertThat(merged).isEqualTo(whole);
    if (!amounts.isEmpty()) {
      Map<String, BigDecimal> sums = new HashMap<>();
      amounts.forEach(x -> sums.merge(x.customerId(), x.money().amount(), BigDecimal::add));
      double[] exact = sums.values().stream().mapToDouble(BigDecimal::doubleValue).toArray();
      ValueConcentration expected = ValueConcentration.of(exact);
      assertThat(merged.concentration().lorenzCurve()).containsExactly(expected.lorenzCurve());
      assertThat(merged.concentration().gini()).isEqualTo(expected.gini());
    }
  }

  private static CustomerValues build(List<Amount> amounts) {
    CustomerValues values = CustomerValues.of(EUR);
    amounts.forEach(x -> values.add(x.customerId(), x.money()));
    return values;
  }

  @Provide
  Arbitrary<List<Amount>> amounts() {
    return Combinators.combine(
            Arbitraries.integers().between(0, 12).map(n -> "c" + n),
            Arbitraries.longs().between(0, 10_000_00))
        .as((id, cents) -> new Amount(id, Money.ofMinor(cents, EUR)))
        .list()
        .ofMaxSize(60);
  }
}
