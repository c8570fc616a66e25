package org.engagement.report.internal.analysis;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.mix.MixData;

/**
 * The weekly series the budget section's marketing mix model is fitted to, made from the report's own files:
 * per ISO week (Monday to Sunday, UTC) the revenue of the purchases in the value currency, and each channel's
 * spend, its costs file's monthly amounts spread evenly over the days of their month (a week spanning two
 * months takes each day's share of its own month). Weeks run from the first whole week with both a cost and
 * an interaction to the last whole week before the as-of date, so no week is cut short.
 *
 * <p>Weeks rather than months because a mix model needs at least {@value MixData#MIN_PERIODS} periods and a
 * two-year window has 24 months; the price is that the spend still changes only from month to month, so the
 * model learns from about as many spend levels as there are months. The page says so.
 *
 * <p>Immutable and thread-safe.
 *
 * @param data the series
 * @param first the Monday of the first week
 * @param last the Monday of the last week
 */
public record WeeklyMix(MixData data, LocalDate first, LocalDate last) {
  private static final long SECONDS_PER_DAY = 86_400;

  /**
   * The weekly series of {@code analysis}; empty without a costs file or a value currency.
   *
   * @throws InvalidFieldException if the window holds fewer than {@value MixData#MIN_PERIODS} whole weeks
   */
  public static Optional<WeeklyMix> of(Analysis analysis) {
    return analysis.input().file(AnalysisInput.COSTS).flatMap(file -> analysis.currency().map(currency -> {
      CostCsvReader reader = CostCsvReader.inCurrency(currency);
      CsvImport<Cost> read = CsvFiles.read(analysis, AnalysisInput.COSTS, file,
          source -> reader.read(source, AnalysisInput.COSTS));
      return of(read.values(), analysis);
    }));
  }

  private static WeeklyMix of(Collection<Cost> costs, Analysis analysis) {
    Map<String, Map<YearMonth, Double>> monthly = new TreeMap<>();
    costs.forEach(c -> monthly.computeIfAbsent(c.channel(), k -> new HashMap<>())
        .merge(c.month(), c.amount().amount().doubleValue(), Double::sum));
    YearMonth firstMonth = costs.stream().map(Cost::month).min(YearMonth::compareTo)
        .orElseThrow(() -> new InvalidFieldException(AnalysisInput.COSTS, 0, "must hold a cost for a mix model"));
    YearMonth lastMonth = costs.stream().map(Cost::month).max(YearMonth::compareTo).orElseThrow();
    LocalDate firstDay = analysis.firstInstant().atOffset(ZoneOffset.UTC).toLocalDate();
    LocalDate start = later(firstMonth.atDay(1), firstDay).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    LocalDate end = earlier(lastMonth.atEndOfMonth(), analysis.asOfDate().minusDays(1));
    LocalDate last = end.minusDays(6).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    long weeks = last.isBefore(start) ? 0 : ChronoUnit.WEEKS.between(start, last) + 1;
    if (weeks < MixData.MIN_PERIODS) {
      throw new InvalidFieldException("weeks", weeks, "a marketing mix model needs at least "
          + MixData.MIN_PERIODS + " whole weeks with costs and interactions");
    }
    MixData.Builder builder = MixData.builder();
    for (Map.Entry<String, Map<YearMonth, Double>> channel : monthly.entrySet()) {
      Map<LocalDate, Double> spend = new TreeMap<>();
      for (LocalDate week = start; !week.isAfter(last); week = week.plusWeeks(1)) {
        spend.put(week, weekSpend(channel.getValue(), week));
      }
      if (spend.values().stream().mapToDouble(Double::doubleValue).sum() > 0) {
        spend.forEach((week, amount) -> builder.spend(week, channel.getKey(), amount));
      }
    }
    outcome(analysis, start, last).forEach(builder::outcome);
    return new WeeklyMix(builder.build(), start, last);
  }

  /** The spend of the week starting {@code monday}: each day's even share of its month's cost. */
  private static double weekSpend(Map<YearMonth, Double> monthly, LocalDate monday) {
    double spend = 0;
    for (LocalDate day = monday; day.isBefore(monday.plusWeeks(1)); day = day.plusDays(1)) {
      YearMonth month = YearMonth.from(day);
      spend += monthly.getOrDefault(month, 0.0) / month.lengthOfMonth();
    }
    return spend;
  }

  /**
   * The revenue of each week from {@code first} to the end of the week of {@code last}: the purchases' values in the
   * value currency, added in the interactions' order. One columnar pass; only the purchases (a few percent of the
   * rows) are made into interactions, for their values.
   */
  private static Map<LocalDate, Double> outcome(Analysis analysis, LocalDate first, LocalDate last) {
    Map<LocalDate, Double> revenue = new TreeMap<>();
    for (LocalDate week = first; !week.isAfter(last); week = week.plusWeeks(1)) {
      revenue.put(week, 0.0);
    }
    String currency = analysis.currency().map(c -> c.getCurrencyCode()).orElse("");
    InteractionColumns interactions = analysis.interactions();
    interactions.forEachRow((index, customer, channel, epochSecond, nano, type) -> {
      if (type != InteractionType.PURCHASE) {
        return;
      }
      Money value = interactions.get(index).value();
      if (value == null || !value.currency().getCurrencyCode().equals(currency)) {
        return;
      }
      LocalDate week = LocalDate.ofEpochDay(Math.floorDiv(epochSecond, SECONDS_PER_DAY))
          .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
      double amount = value.amount().doubleValue();
      revenue.computeIfPresent(week, (k, v) -> v + amount);
    });
    return revenue;
  }

  private static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  private static LocalDate earlier(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
