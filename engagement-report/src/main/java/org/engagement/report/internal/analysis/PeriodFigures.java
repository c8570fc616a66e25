package org.engagement.report.internal.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;

/**
 * The headline figures of the two halves of the window, for the summary's period-over-period change: the
 * window's days (UTC, the first interaction's to the as-of instant's) are cut in two at the start of a day, so
 * that each half is a range of whole days that does not overlap the other and says what was counted: at the
 * first of the month nearest the middle day when that is within {@value #SNAP} of the window's days of it (the
 * halves then match the costs file's months, and a two-year window's halves are its years), otherwise at the
 * middle day (the earlier half taking the extra day of an odd count). Each half gets its purchase revenue, its new buyers
 * (first purchase in the half), its cost (each month of the costs file spread evenly over its days, as the
 * budget section spreads it, so a month the cut falls in is shared by its days) and the customers active in
 * it.
 *
 * <p>With them come {@value #RESAMPLES} bootstrap resamples of the customers (seed {@value #SEED}): each draws
 * as many customers as there are, at random with replacement, and recomputes every figure but the cost, which
 * is what was spent and so has no spread. Their percentiles are the summary's intervals: the spread the figures
 * of a population like this one would show. Immutable and thread-safe.
 *
 * @param earlierStart the window's start
 * @param middle where the later half starts: 00:00 UTC of its first day
 * @param end the as-of instant
 * @param observed the figures of the customers as they are
 * @param resamples the figures of each bootstrap resample, in draw order
 */
public record PeriodFigures(Instant earlierStart, Instant middle, Instant end, Sample observed, List<Sample> resamples) {
  /** The number of bootstrap resamples. */
  public static final int RESAMPLES = 400;
  /** How far from the middle day, as a share of the window's days, the cut may move to a month's first day. */
  public static final double SNAP = 0.05;
  /** The seed of the resampling, so that the page is the same on every run. */
  public static final long SEED = 0;

  /** Copies the list. */
  public PeriodFigures {
    resamples = List.copyOf(resamples);
  }

  /**
   * One half's figures. Immutable and thread-safe.
   *
   * @param revenue the value of the purchases in the value currency
   * @param newBuyers customers whose first purchase falls in the half
   * @param cost the cost of the half's months; empty without a costs file
   * @param active customers with an interaction in the half
   */
  public record Half(double revenue, long newBuyers, Optional<Double> cost, long active) {}

  /**
   * The figures of one set of customers. Immutable and thread-safe.
   *
   * @param earlier the earlier half
   * @param later the later half
   * @param retained customers active in both halves
   */
  public record Sample(Half earlier, Half later, long retained) {
    /** The revenue of the whole window. */
    public double revenue() {
      return earlier.revenue() + later.revenue();
    }

    /** The new buyers of the whole window. */
    public long newBuyers() {
      return earlier.newBuyers() + later.newBuyers();
    }
  }

  /** The earlier half's observed figures. */
  public Half earlier() {
    return observed.earlier();
  }

  /** The later half's observed figures. */
  public Half later() {
    return observed.later();
  }

  /** The customers observed active in both halves. */
  public long retained() {
    return observed.retained();
  }

  /**
   * The first day of the later half of the {@code days} days from {@code first}: the first of the month nearest
   * the middle day if within {@value #SNAP} of the days of it (and not the window's first day), else the middle
   * day.
   */
  static LocalDate split(LocalDate first, long days) {
    LocalDate middle = first.plusDays((days + 1) / 2);
    LocalDate before = middle.withDayOfMonth(1);
    LocalDate after = before.plusMonths(1);
    LocalDate nearest = ChronoUnit.DAYS.between(before, middle) <= ChronoUnit.DAYS.between(middle, after)
        ? before : after;
    long off = Math.abs(ChronoUnit.DAYS.between(nearest, middle));
    boolean inside = nearest.isAfter(first) && nearest.isBefore(first.plusDays(days));
    return inside && off <= SNAP * days ? nearest : middle;
  }

  /** The first day of the earlier half (UTC). */
  public LocalDate earlierFirstDay() {
    return day(earlierStart);
  }

  /** The last day of the earlier half (UTC): the day before the later half's first. */
  public LocalDate earlierLastDay() {
    return laterFirstDay().minusDays(1);
  }

  /** The first day of the later half (UTC). */
  public LocalDate laterFirstDay() {
    return day(middle);
  }

  /** The last day of the later half (UTC): the as-of instant's. */
  public LocalDate laterLastDay() {
    return day(end);
  }

  private static LocalDate day(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC).toLocalDate();
  }

  /**
   * The figures of {@code analysis}'s two halves, with their resamples.
   *
   * @throws IllegalArgumentException if the window is a single day, which has no halves of whole days
   */
  public static PeriodFigures of(Analysis analysis) {
    List<Interaction> interactions = analysis.input().interactions();
    Instant start = interactions.stream().map(Interaction::timestamp).min(Instant::compareTo).orElse(analysis.asOf());
    Instant end = analysis.asOf();
    long days = ChronoUnit.DAYS.between(day(start), day(end)) + 1;
    if (days < 2) {
      throw new IllegalArgumentException("the window is one day, " + day(end) + ", which has no halves of whole "
          + "days to compare");
    }
    Instant middle = split(day(start), days).atStartOfDay(ZoneOffset.UTC).toInstant();
    Customers customers = Customers.of(interactions, middle,
        analysis.currency().map(c -> c.getCurrencyCode()).orElse(""));
    Optional<double[]> costs = costs(analysis, middle);
    int[] once = new int[customers.size()];
    Arrays.fill(once, 1);
    List<Sample> resamples = new ArrayList<>(RESAMPLES);
    SplittableRandom random = new SplittableRandom(SEED);
    for (int r = 0; r < RESAMPLES && customers.size() > 0; r++) {
      int[] weights = new int[customers.size()];
      for (int k = 0; k < weights.length; k++) {
        weights[random.nextInt(weights.length)]++;
      }
      resamples.add(customers.sample(weights, costs));
    }
    return new PeriodFigures(start, middle, end, customers.sample(once, costs), resamples);
  }

  /**
   * Each customer's part of the figures, in parallel arrays: revenue per half, the half of the first purchase
   * (-1 for none) and activity per half.
   */
  private static final class Customers {
    private final double[] earlierRevenue;
    private final double[] laterRevenue;
    private final int[] firstHalf;
    private final boolean[] earlierActive;
    private final boolean[] laterActive;

    private Customers(int n) {
      earlierRevenue = new double[n];
      laterRevenue = new double[n];
      firstHalf = new int[n];
      earlierActive = new boolean[n];
      laterActive = new boolean[n];
    }

    static Customers of(List<Interaction> interactions, Instant middle, String currency) {
      Map<String, Integer> index = new HashMap<>();
      interactions.forEach(i -> index.putIfAbsent(i.customerId(), index.size()));
      int n = index.size();
      Customers c = new Customers(n);
      Instant[] first = new Instant[n];
      ConversionRule purchases = ConversionRule.purchases();
      for (Interaction interaction : interactions) {
        int k = java.util.Objects.requireNonNull(index.get(interaction.customerId()));
        boolean later = !interaction.timestamp().isBefore(middle);
        (later ? c.laterActive : c.earlierActive)[k] = true;
        if (purchases.isConversion(interaction)) {
          if (first[k] == null || interaction.timestamp().isBefore(first[k])) {
            first[k] = interaction.timestamp();
          }
          Money value = interaction.value();
          if (value != null && value.currency().getCurrencyCode().equals(currency)) {
            (later ? c.laterRevenue : c.earlierRevenue)[k] += value.amount().doubleValue();
          }
        }
      }
      for (int k = 0; k < n; k++) {
        c.firstHalf[k] = first[k] == null ? -1 : first[k].isBefore(middle) ? 0 : 1;
      }
      return c;
    }

    int size() {
      return firstHalf.length;
    }

    /** The figures of the customers each counted {@code weights[k]} times. */
    Sample sample(int[] weights, Optional<double[]> costs) {
      double[] revenue = new double[2];
      long[] newBuyers = new long[2];
      long[] active = new long[2];
      long retained = 0;
      for (int k = 0; k < weights.length; k++) {
        int w = weights[k];
        if (w == 0) {
          continue;
        }
        revenue[0] += w * earlierRevenue[k];
        revenue[1] += w * laterRevenue[k];
        if (firstHalf[k] >= 0) {
          newBuyers[firstHalf[k]] += w;
        }
        active[0] += earlierActive[k] ? w : 0;
        active[1] += laterActive[k] ? w : 0;
        retained += earlierActive[k] && laterActive[k] ? w : 0;
      }
      return new Sample(new Half(revenue[0], newBuyers[0], costs.map(c -> c[0]), active[0]),
          new Half(revenue[1], newBuyers[1], costs.map(c -> c[1]), active[1]), retained);
    }
  }

  /**
   * The cost of each half, each cost row's month spread evenly over its days; empty without a readable costs
   * file.
   */
  private static Optional<double[]> costs(Analysis analysis, Instant middle) {
    return analysis.input().file(AnalysisInput.COSTS).flatMap(file -> analysis.currency().map(currency -> {
      CostCsvReader reader = CostCsvReader.inCurrency(currency);
      CsvImport<Cost> read = CsvFiles.read(analysis, AnalysisInput.COSTS, file,
          source -> reader.read(source, AnalysisInput.COSTS));
      LocalDate split = day(middle);
      double[] cost = new double[2];
      read.values().forEach(c -> {
        double amount = c.amount().amount().doubleValue();
        long before = Math.max(0, Math.min(c.month().lengthOfMonth(),
            ChronoUnit.DAYS.between(c.month().atDay(1), split)));
        double earlier = amount * before / c.month().lengthOfMonth();
        cost[0] += earlier;
        cost[1] += amount - earlier;
      });
      return cost;
    }));
  }
}
