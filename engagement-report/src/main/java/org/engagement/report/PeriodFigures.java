package org.engagement.report;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;

/**
 * The headline figures of the two halves of the window, for the summary's period-over-period change: the
 * window (first interaction to the as-of instant) is cut in two at its middle, and each half gets its
 * purchase revenue, its new buyers (first purchase in the half), its cost (the costs file's months whose
 * first day falls in the half) and the customers active in it. Immutable and thread-safe.
 *
 * @param earlierStart the window's start
 * @param middle where the later half starts
 * @param end the as-of instant
 * @param earlier the earlier half
 * @param later the later half
 * @param retained customers active in both halves
 */
record PeriodFigures(Instant earlierStart, Instant middle, Instant end, Half earlier, Half later, long retained) {

  /**
   * One half's figures. Immutable and thread-safe.
   *
   * @param revenue the value of the purchases in the value currency
   * @param newBuyers customers whose first purchase falls in the half
   * @param cost the cost of the half's months; empty without a costs file
   * @param active customers with an interaction in the half
   */
  record Half(double revenue, long newBuyers, Optional<Double> cost, long active) {}

  /** The figures of {@code analysis}'s two halves. */
  static PeriodFigures of(Analysis analysis) {
    List<Interaction> interactions = analysis.input().interactions();
    Instant start = interactions.stream().map(Interaction::timestamp).min(Instant::compareTo).orElse(analysis.asOf());
    Instant end = analysis.asOf();
    Instant middle = start.plus(Duration.between(start, end).dividedBy(2));
    ConversionRule purchases = ConversionRule.purchases();
    String currency = analysis.currency().map(c -> c.getCurrencyCode()).orElse("");
    Map<String, Instant> firstPurchase = new HashMap<>();
    double[] revenue = new double[2];
    List<Set<String>> active = List.of(new HashSet<>(), new HashSet<>());
    for (Interaction interaction : interactions) {
      int half = interaction.timestamp().isBefore(middle) ? 0 : 1;
      active.get(half).add(interaction.customerId());
      if (purchases.isConversion(interaction)) {
        firstPurchase.merge(interaction.customerId(), interaction.timestamp(), (a, b) -> a.isBefore(b) ? a : b);
        if (interaction.value() != null && interaction.value().currency().getCurrencyCode().equals(currency)) {
          revenue[half] += interaction.value().amount().doubleValue();
        }
      }
    }
    long[] newBuyers = new long[2];
    firstPurchase.values().forEach(first -> newBuyers[first.isBefore(middle) ? 0 : 1]++);
    Optional<double[]> costs = costs(analysis, middle);
    long retained = active.get(0).stream().filter(active.get(1)::contains).count();
    return new PeriodFigures(start, middle, end,
        new Half(revenue[0], newBuyers[0], costs.map(c -> c[0]), active.get(0).size()),
        new Half(revenue[1], newBuyers[1], costs.map(c -> c[1]), active.get(1).size()), retained);
  }

  /** The cost of each half, by the month of each cost row; empty without a readable costs file. */
  private static Optional<double[]> costs(Analysis analysis, Instant middle) {
    return analysis.input().file(AnalysisInput.COSTS).flatMap(file -> analysis.currency().map(currency -> {
      CostCsvReader reader = CostCsvReader.inCurrency(currency);
      CsvImport<Cost> read = CsvFiles.read(analysis, AnalysisInput.COSTS, file,
          source -> reader.read(source, AnalysisInput.COSTS));
      YearMonth split = YearMonth.from(middle.atOffset(ZoneOffset.UTC));
      double[] cost = new double[2];
      read.values().forEach(c -> cost[c.month().isBefore(split) ? 0 : 1] += c.amount().amount().doubleValue());
      return cost;
    }));
  }
}
