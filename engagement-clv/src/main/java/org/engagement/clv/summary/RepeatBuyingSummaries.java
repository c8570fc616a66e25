package org.engagement.clv.summary;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns transactions into per-customer {@link RepeatBuyingSummary} rows, the way the CDNOW summary files
 * of Fader and Hardie were made.
 *
 * <p>Rules: transactions of one customer on one calendar day are merged into one purchase (amounts
 * summed). A customer whose first purchase is after the calibration end is left out (not in the cohort).
 * With {@code d} distinct calibration purchase days, first day {@code f} and last day {@code l}: {@code x =
 * d - 1} ({@code d} under {@link FirstPurchase#INCLUDED}), {@code t_x = unit.between(f, l)} (0 when only
 * one day), {@code T = unit.between(f, calibrationEnd)}, and the mean spend is the mean of the counted
 * days' amounts. The holdout frequency counts distinct purchase days in {@code (calibrationEnd,
 * observationEnd]}. Rows come out in the order in which customers first appear in the input.
 *
 * <p>Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class RepeatBuyingSummaries {
  private RepeatBuyingSummaries() {}

  /** Summarises {@code transactions} (in any order) under {@code options}. */
  public static List<RepeatBuyingSummary> summarize(
      Iterable<Transaction> transactions, SummaryOptions options) {
    Map<String, TreeMap<LocalDate, Double>> days = new LinkedHashMap<>();
    for (Transaction t : transactions) {
      if (!t.date().isAfter(options.observationEnd())) {
        days.computeIfAbsent(t.customerId(), id -> new TreeMap<>())
            .merge(t.date(), t.amount(), Double::sum);
      }
    }
    List<RepeatBuyingSummary> out = new ArrayList<>(days.size());
    for (Map.Entry<String, TreeMap<LocalDate, Double>> customer : days.entrySet()) {
      TreeMap<LocalDate, Double> daily = customer.getValue();
      LocalDate first = daily.firstKey();
      if (first.isAfter(options.calibrationEnd())) {
        continue;
      }
      int calibrationDays = 0;
      int holdout = 0;
      LocalDate last = first;
      double counted = 0;
      for (Map.Entry<LocalDate, Double> day : daily.entrySet()) {
        if (day.getKey().isAfter(options.calibrationEnd())) {
          holdout++;
        } else {
          calibrationDays++;
          last = day.getKey();
          if (calibrationDays > 1 || options.firstPurchase() == FirstPurchase.INCLUDED) {
            counted += day.getValue();
          }
        }
      }
      int frequency =
          options.firstPurchase() == FirstPurchase.INCLUDED ? calibrationDays : calibrationDays - 1;
      double meanSpend = frequency == 0 ? 0.0 : counted / frequency;
      PeriodUnit unit = options.unit();
      out.add(new RepeatBuyingSummary(customer.getKey(), frequency, unit.between(first, last),
          unit.between(first, options.calibrationEnd()), meanSpend, holdout));
    }
    return out;
  }
}
