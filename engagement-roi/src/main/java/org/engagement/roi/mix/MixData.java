package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;

/**
 * The series a mix model is fitted to: periods (each named by the date it starts, weeks or months, in
 * order), the outcome per period, the spend (or activity: mentions, posts, events) per channel and period, and
 * optional control series. Channels are in lexicographic order, as every result of the SDK.
 *
 * <p>Immutable (arrays are copied in and out) and thread-safe.
 *
 * @since 0.1.0
 */
public final class MixData {
  /** The fewest periods a model is fitted to. */
  public static final int MIN_PERIODS = 26;
  /** The least outcome per unit of spend, an ROI's unit, that a model is fitted to (see {@code checkUnits}). */
  private static final double MIN_RETURN_UNIT = 1e-300;
  /** The largest outcome per unit of spend, an ROI's unit, that a model is fitted to. */
  private static final double MAX_RETURN_UNIT = 1e300;

  private final List<LocalDate> periods;
  private final List<String> channels;
  private final double[][] spend;
  private final double[] outcome;
  private final List<String> controlNames;
  private final double[][] controls;

  private MixData(List<LocalDate> periods, List<String> channels, double[][] spend, double[] outcome,
      List<String> controlNames, double[][] controls) {
    this.periods = List.copyOf(periods);
    this.channels = List.copyOf(channels);
    this.spend = spend;
    this.outcome = outcome;
    this.controlNames = List.copyOf(controlNames);
    this.controls = controls;
  }

  /** A builder of series from rows (as a CSV holds them). */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Monthly series from the SDK's own data: each channel's costs per month as spend, and per month the value
   * (or, with {@code countConversions}, the number) of the interactions the rule counts as conversions, in
   * UTC. Months run from the first to the last month with a cost or a conversion; a month with none is 0.
   *
   * @param investment the costs per channel and month
   * @param interactions the interactions holding the conversions
   * @param rule which interactions are conversions
   * @param countConversions count conversions instead of summing their value
   * @return the series
   * @throws InvalidFieldException if the series are too short or a channel has no spend
   */
  public static MixData fromCosts(Investment investment, Iterable<Interaction> interactions,
      ConversionRule rule, boolean countConversions) {
    Builder builder = builder();
    TreeMap<YearMonth, Double> outcome = new TreeMap<>();
    for (Cost cost : investment.costs()) {
      outcome.putIfAbsent(cost.month(), 0.0);
      builder.spend(cost.month().atDay(1), cost.channel(), cost.amount().amount().doubleValue());
    }
    for (Interaction interaction : interactions) {
      if (!rule.isConversion(interaction)) {
        continue;
      }
      YearMonth month = YearMonth.from(interaction.timestamp().atZone(ZoneOffset.UTC));
      Money value = interaction.value();
      double amount = countConversions || value == null ? (countConversions ? 1 : 0)
          : value.amount().doubleValue();
      outcome.merge(month, amount, Double::sum);
    }
    if (!outcome.isEmpty()) {
      for (YearMonth m = outcome.firstKey(); !m.isAfter(outcome.lastKey()); m = m.plusMonths(1)) {
        builder.outcome(m.atDay(1), outcome.getOrDefault(m, 0.0));
      }
    }
    return builder.build();
  }

  /** The start date of every period, in order. */
  public List<LocalDate> periods() {
    return periods;
  }

  /** The channels, in lexicographic order. */
  public List<String> channels() {
    return channels;
  }

  /** The names of the control series. */
  public List<String> controlNames() {
    return controlNames;
  }

  /** The spend of a channel per period (a copy). */
  public double[] spend(String channel) {
    return spend[index(channel)].clone();
  }

  /** The total spend of a channel over all periods. */
  public double totalSpend(String channel) {
    double sum = 0;
    for (double v : spend[index(channel)]) {
      sum += v;
    }
    return sum;
  }

  /** The outcome per period (a copy). */
  public double[] outcome() {
    return outcome.clone();
  }

  /** The outcome summed over all periods. */
  public double totalOutcome() {
    double sum = 0;
    for (double v : outcome) {
      sum += v;
    }
    return sum;
  }

  /** A control series per period (a copy). */
  public double[] control(String name) {
    int at = controlNames.indexOf(name);
    if (at < 0) {
      throw new InvalidFieldException("control", name, "must be one of " + controlNames);
    }
    return controls[at].clone();
  }

  /** The index of a channel in {@link #channels()}. */
  int index(String channel) {
    int at = channels.indexOf(channel);
    if (at < 0) {
      throw new InvalidFieldException("channel", channel, "must be one of the data's channels");
    }
    return at;
  }

  /** The index of the period starting on {@code day}, or of the period holding it. */
  int periodOf(LocalDate day) {
    int at = java.util.Collections.binarySearch(periods, day);
    return at >= 0 ? at : Math.max(0, -at - 2);
  }

  /**
   * The first {@code count} periods of these series, or {@code null} when some channel spends nothing in them
   * (a fold of a validation that cannot fit that channel).
   */
  @org.jspecify.annotations.Nullable MixData firstPeriods(int count) {
    double[][] x = new double[spend.length][];
    for (int c = 0; c < spend.length; c++) {
      x[c] = java.util.Arrays.copyOf(spend[c], count);
      if (!(java.util.Arrays.stream(x[c]).sum() > 0)) {
        return null;
      }
    }
    double[][] z = new double[controls.length][];
    for (int j = 0; j < controls.length; j++) {
      z[j] = java.util.Arrays.copyOf(controls[j], count);
    }
    return new MixData(periods.subList(0, count), channels, x, java.util.Arrays.copyOf(outcome, count),
        controlNames, z);
  }

  double[][] spendMatrix() {
    double[][] copy = new double[spend.length][];
    for (int c = 0; c < spend.length; c++) {
      copy[c] = spend[c].clone();
    }
    return copy;
  }

  double[][] controlMatrix() {
    double[][] copy = new double[controls.length][];
    for (int j = 0; j < controls.length; j++) {
      copy[j] = controls[j].clone();
    }
    return copy;
  }

  /**
   * Collects rows into series. Spend rows for the same period and channel add up; a period's outcome and a
   * control's value are given once. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final TreeMap<LocalDate, Double> outcome = new TreeMap<>();
    private final TreeMap<String, Map<LocalDate, Double>> spend = new TreeMap<>();
    private final TreeMap<String, Map<LocalDate, Double>> controls = new TreeMap<>();

    private Builder() {}

    /**
     * Adds spend (or activity) of a channel in a period.
     *
     * @param period the period's start date
     * @param channel the channel
     * @param amount the spend, finite and not negative
     * @return this builder
     */
    public Builder spend(LocalDate period, String channel, double amount) {
      requireNonNull(period, "period");
      requireNonNull(channel, "channel");
      if (channel.isBlank()) {
        throw new InvalidFieldException("channel", channel, "must not be blank");
      }
      if (!(amount >= 0 && amount < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("spend", amount, "must be a finite number, not negative");
      }
      spend.computeIfAbsent(channel, c -> new TreeMap<>()).merge(period, amount, Double::sum);
      return this;
    }

    /**
     * Sets the outcome of a period.
     *
     * @param period the period's start date
     * @param value the outcome, finite
     * @return this builder
     * @throws InvalidFieldException if the period already has an outcome
     */
    public Builder outcome(LocalDate period, double value) {
      requireNonNull(period, "period");
      if (!Double.isFinite(value)) {
        throw new InvalidFieldException("outcome", value, "must be a finite number");
      }
      if (outcome.putIfAbsent(period, value) != null) {
        throw new InvalidFieldException("period", period, "must have one outcome; it has two");
      }
      return this;
    }

    /**
     * Sets a control's value in a period (price, distribution, a competitor's activity, a holiday flag).
     *
     * @param period the period's start date
     * @param name the control's name
     * @param value the value, finite
     * @return this builder
     */
    public Builder control(LocalDate period, String name, double value) {
      requireNonNull(period, "period");
      requireNonNull(name, "name");
      if (!Double.isFinite(value)) {
        throw new InvalidFieldException("control", value, "must be a finite number");
      }
      if (controls.computeIfAbsent(name, c -> new TreeMap<>()).putIfAbsent(period, value) != null) {
        throw new InvalidFieldException("period", period, "must have one value of control " + name);
      }
      return this;
    }

    /**
     * The series.
     *
     * @return the data
     * @throws InvalidFieldException if fewer than {@link #MIN_PERIODS} periods have an outcome, the periods are
     *     not evenly spaced (a missing period), a period has spend or a control but no outcome, a control misses
     *     a period, no channel is given, a channel never spends, the outcome's mean is not positive or it
     *     never varies, or the spend over all periods and channels (or the outcome's absolute values over the
     *     periods) add up past the largest double, or the outcome's mean over a channel's mean spend is not
     *     between 1e-300 and 1e300
     */
    public MixData build() {
      List<LocalDate> periods = new ArrayList<>(outcome.keySet());
      if (periods.size() < MIN_PERIODS) {
        throw new InvalidFieldException("periods", periods.size(), "must be at least " + MIN_PERIODS);
      }
      checkEvenlySpaced(periods);
      if (spend.isEmpty()) {
        throw new InvalidFieldException("channels", 0, "must be at least one channel with spend");
      }
      double[] y = new double[periods.size()];
      double sum = 0;
      int t = 0;
      for (double value : outcome.values()) {
        y[t++] = value;
        sum += value;
      }
      checkTotal(y);
      if (!(sum > 0)) {
        throw new InvalidFieldException("outcome", sum / y.length, "must have a positive mean");
      }
      if (java.util.Arrays.stream(y).allMatch(v -> v == y[0])) {
        throw new InvalidFieldException("outcome", y[0],
            "must vary over the periods (every period has it, so there is nothing for the spend to explain)");
      }
      List<String> names = new ArrayList<>(spend.keySet());
      double[][] x = series(spend, periods, "spend", true);
      checkTotals(x, names);
      for (int c = 0; c < x.length; c++) {
        double total = 0;
        for (double v : x[c]) {
          total += v;
        }
        if (!(total > 0)) {
          throw new InvalidFieldException("channel", names.get(c), "must have some spend");
        }
      }
      checkUnits(x, names, sum / y.length);
      return new MixData(periods, names, x, y, new ArrayList<>(controls.keySet()),
          series(controls, periods, "control", false));
    }

    /**
     * The spend over every period and channel must have a finite total: each channel's total is an answer of
     * the model (its spend, its ROI's denominator) and the budget is the total per period. Each value is finite,
     * but a few near the largest double add up past it, and the model's sums would then be infinite.
     */
    private static void checkTotals(double[][] x, List<String> names) {
      double all = 0;
      for (int c = 0; c < x.length; c++) {
        for (double v : x[c]) {
          all += v;
        }
        if (all == Double.POSITIVE_INFINITY) {
          throw tooLarge(x[c], "spend", "the periods and channels", "channel '" + names.get(c) + "'");
        }
      }
    }

    /**
     * Every ROI is outcome over spend, so the outcome's mean per period over each channel's mean spend per period
     * must lie between {@code 1e-300} and {@code 1e300}: the ROIs, their intervals (up to 16 times an estimate)
     * and marginal returns are then numbers a double holds at full precision. Past that they would overflow to
     * infinity or fall below the smallest normal double after the fit, and the plan would fail with a misleading
     * message.
     */
    private static void checkUnits(double[][] x, List<String> names, double outcomeMean) {
      for (int c = 0; c < x.length; c++) {
        double spendMean = 0;
        for (double v : x[c]) {
          spendMean += v / x[c].length;
        }
        double ratio = outcomeMean / spendMean;
        if (!(ratio >= MIN_RETURN_UNIT && ratio <= MAX_RETURN_UNIT)) {
          throw new InvalidFieldException("spend", spendMean, "is channel '" + names.get(c) + "''s mean per period"
              + " and the outcome's is " + outcomeMean + ": the outcome per unit of spend (the unit of an ROI)"
              + " must lie between 1e-300 and 1e300, so that the ROIs and their intervals are numbers; give the"
              + " spend or the outcome in other units");
        }
      }
    }

    /** Refuses an outcome whose absolute values add up past the largest double (its mean is the fit's scale). */
    private static void checkTotal(double[] y) {
      double total = 0;
      for (double v : y) {
        total += Math.abs(v);
      }
      if (total == Double.POSITIVE_INFINITY) {
        throw tooLarge(y, "outcome", "the periods", "the outcome");
      }
    }

    private static InvalidFieldException tooLarge(double[] values, String field, String over, String whose) {
      double largest = java.util.Arrays.stream(values).map(Math::abs).max().orElse(0);
      return new InvalidFieldException(field, largest, "must total at most 1.8e308 over " + over
          + " (the largest number held); " + whose + ", up to this much a period, takes the total past it: give"
          + " the " + field + " in larger units");
    }

    /**
     * Carry-over runs from one period to the next, so the periods must follow each other without a gap: each a
     * month after the one before (when the second is a month after the first), or else each the same number of
     * days after the one before (weeks).
     */
    private static void checkEvenlySpaced(List<LocalDate> periods) {
      LocalDate first = periods.get(0);
      boolean months = periods.get(1).equals(first.plusMonths(1));
      long days = java.time.temporal.ChronoUnit.DAYS.between(first, periods.get(1));
      for (int t = 2; t < periods.size(); t++) {
        LocalDate expected = months ? first.plusMonths(t) : first.plusDays(t * days);
        if (!periods.get(t).equals(expected)) {
          throw new InvalidFieldException("period", periods.get(t), "must come "
              + (months ? "a month" : days == 7 ? "a week" : days + " days") + " after " + periods.get(t - 1)
              + ", as the periods before it do: " + expected + " is missing (a period without spend still needs"
              + " its outcome)");
        }
      }
    }

    private double[][] series(Map<String, Map<LocalDate, Double>> rows, List<LocalDate> periods,
        String what, boolean missingIsZero) {
      double[][] out = new double[rows.size()][periods.size()];
      int c = 0;
      for (Map.Entry<String, Map<LocalDate, Double>> entry : rows.entrySet()) {
        for (Map.Entry<LocalDate, Double> cell : entry.getValue().entrySet()) {
          if (!outcome.containsKey(cell.getKey())) {
            throw new InvalidFieldException("period", cell.getKey(),
                "must have an outcome, as it has " + what + " for " + entry.getKey());
          }
        }
        for (int t = 0; t < periods.size(); t++) {
          Double value = entry.getValue().get(periods.get(t));
          if (value == null && !missingIsZero) {
            throw new InvalidFieldException("period", periods.get(t),
                "must have a value of " + what + " " + entry.getKey());
          }
          out[c][t] = value == null ? 0 : value;
        }
        c++;
      }
      return out;
    }
  }
}
