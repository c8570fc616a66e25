package org.engagement.report.internal.analysis;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.io.CostCsvReader;
import org.hipparchus.distribution.discrete.BinomialDistribution;

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
    InteractionColumns interactions = InteractionColumns.of(analysis.input().interactions());
    Instant start = interactions.earliest().orElse(analysis.asOf());
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
    return new PeriodFigures(start, middle, end, customers.observed(costs), customers.resamples(costs));
  }

  /**
   * The figures of {@code interactions}' customers with the later half from {@code middle} on, revenue counted in
   * {@code currency}, and {@code costs} as each half's cost: the observed sample then the {@value #RESAMPLES}
   * resamples, in draw order. What {@link #of(Analysis)} computes, for the tests.
   */
  static List<Sample> samples(InteractionColumns interactions, Instant middle, String currency,
      Optional<double[]> costs) {
    Customers customers = Customers.of(interactions, middle, currency);
    List<Sample> all = new ArrayList<>();
    all.add(customers.observed(costs));
    all.addAll(customers.resamples(costs));
    return all;
  }

  /**
   * Each customer's part of the figures (issue 16: read from the columns, no interaction made but the purchases),
   * numbered in order of first appearance. A customer's counted figures are one of a few kinds (active in each
   * half, the half of the first purchase), so a resample counts the kinds it draws rather than weighing every
   * customer; only the revenue, a sum of doubles whose order fixes its last bits, is summed customer by customer
   * in that numbering, over the customers who have any (the payers).
   */
  private static final class Customers {
    private static final int EARLIER_ACTIVE = 1;
    private static final int LATER_ACTIVE = 2;
    private static final int FIRST_EARLIER = 4;
    private static final int FIRST_LATER = 8;
    private static final int KINDS = 16;

    /** How many customers there are of each kind. */
    private final long[] kindCounts;
    /** How many customers who pay nothing there are of each kind. */
    private final long[] nonPayerCounts;
    /** Each payer's kind, payers in customer order. */
    private final byte[] payerKind;
    private final double[] earlierRevenue;
    private final double[] laterRevenue;

    private Customers(long[] kindCounts, long[] nonPayerCounts, byte[] payerKind, double[] earlierRevenue,
        double[] laterRevenue) {
      this.kindCounts = kindCounts;
      this.nonPayerCounts = nonPayerCounts;
      this.payerKind = payerKind;
      this.earlierRevenue = earlierRevenue;
      this.laterRevenue = laterRevenue;
    }

    static Customers of(InteractionColumns interactions, Instant middle, String currency) {
      long middleSecond = middle.getEpochSecond();
      int middleNano = middle.getNano();
      int[] number = new int[interactions.internedCustomers().size()];
      Arrays.fill(number, -1);
      int[] count = {0};
      byte[][] kinds = {new byte[1024]};
      double[][] revenue = {new double[1024], new double[1024]};
      interactions.forEachRow((index, customer, channel, second, nano, type) -> {
        int k = number[customer];
        if (k < 0) {
          k = count[0]++;
          number[customer] = k;
          if (k == kinds[0].length) {
            kinds[0] = Arrays.copyOf(kinds[0], 2 * k);
            revenue[0] = Arrays.copyOf(revenue[0], 2 * k);
            revenue[1] = Arrays.copyOf(revenue[1], 2 * k);
          }
        }
        boolean later = second > middleSecond || (second == middleSecond && nano >= middleNano);
        kinds[0][k] |= (byte) (later ? LATER_ACTIVE : EARLIER_ACTIVE);
        if (type == InteractionType.PURCHASE) {
          kinds[0][k] |= (byte) (later ? FIRST_LATER : FIRST_EARLIER);
          Money value = interactions.get(index).value();
          if (value != null && value.currency().getCurrencyCode().equals(currency)) {
            revenue[later ? 1 : 0][k] += value.amount().doubleValue();
          }
        }
      });
      return compacted(Arrays.copyOf(kinds[0], count[0]), revenue[0], revenue[1]);
    }

    /**
     * The customers with their first purchase's half settled (earlier if any purchase was), counted by kind, and the
     * payers' kinds and revenue kept in customer order: adding a customer's 0.0 leaves a sum of non-negative
     * amounts as it was.
     */
    private static Customers compacted(byte[] kind, double[] earlier, double[] later) {
      long[] kindCounts = new long[KINDS];
      long[] nonPayerCounts = new long[KINDS];
      int payers = 0;
      for (int k = 0; k < kind.length; k++) {
        if ((kind[k] & FIRST_EARLIER) != 0) {
          kind[k] &= (byte) ~FIRST_LATER;
        }
        kindCounts[kind[k]]++;
        if (earlier[k] != 0 || later[k] != 0) {
          payers++;
        } else {
          nonPayerCounts[kind[k]]++;
        }
      }
      byte[] payerKind = new byte[payers];
      double[] earlierRevenue = new double[payers];
      double[] laterRevenue = new double[payers];
      int b = 0;
      for (int k = 0; k < kind.length; k++) {
        if (earlier[k] != 0 || later[k] != 0) {
          payerKind[b] = kind[k];
          earlierRevenue[b] = earlier[k];
          laterRevenue[b] = later[k];
          b++;
        }
      }
      return new Customers(kindCounts, nonPayerCounts, payerKind, earlierRevenue, laterRevenue);
    }

    /** The figures of the customers as they are: each counted once. */
    Sample observed(Optional<double[]> costs) {
      int[] weights = new int[payerKind.length];
      Arrays.fill(weights, 1);
      return sample(kindCounts.clone(), weights, costs);
    }

    /**
     * The {@value #RESAMPLES} bootstrap resamples, the generator seeded {@value #SEED}: each draws as many customers
     * as there are, uniformly with replacement, counted in the way that takes the fewest draws (issue 16: drawn one
     * by one, at 10 million interactions 744 million draws, 6-8 s of one core). How many of the draws fall on
     * payers is binomial; those are drawn one by one among the payers (each one's revenue counts), and the rest
     * fall on the customers who pay nothing, of whom only the kind counts, multinomially by kind. That is the
     * distribution of the draws one by one, split by where they fall (the multinomial's conditional form), with a
     * sixth of the draws at 10 million interactions (a buyer in six customers). Binomials are drawn by inverting
     * Hipparchus's distribution function with one uniform each.
     */
    List<Sample> resamples(Optional<double[]> costs) {
      long n = Arrays.stream(kindCounts).sum();
      int payers = payerKind.length;
      List<Sample> resamples = new ArrayList<>(RESAMPLES);
      SplittableRandom random = new SplittableRandom(SEED);
      BoundedDraws draws = BoundedDraws.below(Math.max(payers, 1));
      int[] weights = new int[payers];
      long[] kinds = new long[KINDS];
      for (int r = 0; r < RESAMPLES && n > 0; r++) {
        Arrays.fill(weights, 0);
        Arrays.fill(kinds, 0);
        long onPayers = binomial(n, payers, n, random);
        for (long d = 0; d < onPayers; d++) {
          int b = draws.next(random);
          weights[b]++;
          kinds[payerKind[b]]++;
        }
        multinomial(n - onPayers, kinds, random);
        resamples.add(sample(kinds, weights, costs));
      }
      return resamples;
    }

    /** Adds to {@code kinds} {@code trials} draws among the customers who pay nothing, counted by kind. */
    private void multinomial(long trials, long[] kinds, SplittableRandom random) {
      long left = trials;
      long population = Arrays.stream(nonPayerCounts).sum();
      for (int k = 0; k < KINDS && left > 0; k++) {
        long here = nonPayerCounts[k];
        if (here > 0) {
          long drawn = binomial(left, here, population, random);
          kinds[k] += drawn;
          left -= drawn;
          population -= here;
        }
      }
    }

    /**
     * How many of {@code trials} uniform draws among {@code population} fall on a given {@code part} of it:
     * binomial, by inversion with one uniform (none when the answer is certain).
     */
    private static long binomial(long trials, long part, long population, SplittableRandom random) {
      if (trials == 0 || part == 0) {
        return 0;
      }
      if (part == population) {
        return trials;
      }
      BinomialDistribution distribution = new BinomialDistribution(Math.toIntExact(trials), (double) part / population);
      return distribution.inverseCumulativeProbability(random.nextDouble());
    }

    /**
     * The figures of the customers drawn {@code kinds[kind]} times by kind, the paying ones each {@code
     * weights[payer]} times: the revenue summed payer by payer in customer order.
     */
    private Sample sample(long[] kinds, int[] weights, Optional<double[]> costs) {
      double[] revenue = new double[2];
      for (int b = 0; b < weights.length; b++) {
        int w = weights[b];
        if (w != 0) {
          revenue[0] += w * earlierRevenue[b];
          revenue[1] += w * laterRevenue[b];
        }
      }
      long[] newBuyers = new long[2];
      long[] active = new long[2];
      long retained = 0;
      for (int k = 0; k < KINDS; k++) {
        long w = kinds[k];
        newBuyers[0] += (k & FIRST_EARLIER) != 0 ? w : 0;
        newBuyers[1] += (k & FIRST_LATER) != 0 ? w : 0;
        active[0] += (k & EARLIER_ACTIVE) != 0 ? w : 0;
        active[1] += (k & LATER_ACTIVE) != 0 ? w : 0;
        retained += (k & (EARLIER_ACTIVE | LATER_ACTIVE)) == (EARLIER_ACTIVE | LATER_ACTIVE) ? w : 0;
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
