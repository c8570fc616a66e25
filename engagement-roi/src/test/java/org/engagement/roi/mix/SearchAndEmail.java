package org.engagement.roi.mix;

import java.time.LocalDate;
import java.util.function.IntToDoubleFunction;

/**
 * A made-up weekly series for the mix API's tests: search spend stepping every four weeks, email every three from
 * a given week on (nothing before), and an outcome of {@code 1,000 + 5t + 3·search + 2·email + 20 sin t} plus a
 * term of the test's own, in the given unit.
 */
final class SearchAndEmail {
  /** The first week. */
  static final LocalDate START = LocalDate.of(2024, 1, 1);

  private SearchAndEmail() {}

  /**
   * The series' rows, to which a test may add its own (controls).
   *
   * @param weeks the number of weeks
   * @param emailFrom the first week email spends
   * @param unit what the outcome is multiplied by (its unit)
   * @param extra a term added to week {@code t}'s outcome before the unit
   * @return the builder
   */
  static MixData.Builder weeks(int weeks, int emailFrom, double unit, IntToDoubleFunction extra) {
    return weeks(weeks, emailFrom, unit, 1, extra);
  }

  /**
   * The series' rows with the spend in other units too: the same series, counted otherwise.
   *
   * @param weeks the number of weeks
   * @param emailFrom the first week email spends
   * @param unit what the outcome is multiplied by (its unit)
   * @param spendUnit what every spend is multiplied by (its unit)
   * @param extra a term added to week {@code t}'s outcome before the unit
   * @return the builder
   */
  static MixData.Builder weeks(int weeks, int emailFrom, double unit, double spendUnit,
      IntToDoubleFunction extra) {
    MixData.Builder builder = MixData.builder();
    for (int t = 0; t < weeks; t++) {
      double search = 100 + 60 * ((t / 4) % 3);
      double email = t < emailFrom ? 0 : 50 + 30 * ((t / 3) % 2);
      builder.spend(START.plusWeeks(t), "search", spendUnit * search)
          .spend(START.plusWeeks(t), "email", spendUnit * email)
          .outcome(START.plusWeeks(t), unit * (1_000 + 5 * t + 3 * search + 2 * email + 20 * Math.sin(t)
              + extra.applyAsDouble(t)));
    }
    return builder;
  }
}
