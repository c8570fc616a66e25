package org.engagement.simulator.mix;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A generated marketing-mix world: the observed series (spend per channel and period, the outcome) and the
 * truth behind them (each channel's contribution per period, hence its ROI and share).
 *
 * <p>Immutable (arrays are copied in and out) and thread-safe.
 *
 * @since 0.1.0
 */
public final class MixWorld {
  private final MixWorldSpec spec;
  private final double[][] spend;
  private final double[][] contribution;
  private final double[] outcome;

  MixWorld(MixWorldSpec spec, double[][] spend, double[][] contribution, double[] outcome) {
    this.spec = requireNonNull(spec, "spec");
    this.spend = spend;
    this.contribution = contribution;
    this.outcome = outcome;
  }

  /** The spec the world was made from. */
  public MixWorldSpec spec() {
    return spec;
  }

  /** The first day of every period, in order. */
  public List<LocalDate> periods() {
    List<LocalDate> days = new ArrayList<>(outcome.length);
    for (int t = 0; t < outcome.length; t++) {
      days.add(spec.start().plusDays((long) t * spec.periodDays()));
    }
    return days;
  }

  /** The channel names, in the spec's order. */
  public List<String> channels() {
    return spec.channels().stream().map(MixChannel::name).toList();
  }

  /** The spend of channel {@code c} (spec order) per period. */
  public double[] spend(int c) {
    return spend[check(c)].clone();
  }

  /** The observed outcome per period. */
  public double[] outcome() {
    return outcome.clone();
  }

  /** The true contribution of channel {@code c} per period: what its spend added to the outcome. */
  public double[] trueContribution(int c) {
    return contribution[check(c)].clone();
  }

  /** The true total contribution of channel {@code c} over the series. */
  public double trueTotalContribution(int c) {
    double sum = 0;
    for (double v : contribution[check(c)]) {
      sum += v;
    }
    return sum;
  }

  /** The true contribution of channel {@code c} over periods {@code from} to {@code to}, both included. */
  public double trueContribution(int c, int from, int to) {
    double sum = 0;
    for (int t = from; t <= to; t++) {
      sum += contribution[check(c)][t];
    }
    return sum;
  }

  /** The true ROI of channel {@code c} over the series: its contribution per unit spent. */
  public double trueRoi(int c) {
    double spent = 0;
    for (double v : spend[check(c)]) {
      spent += v;
    }
    return trueTotalContribution(c) / spent;
  }

  /** Each channel's true share of the media contribution (summing to 1), in spec order. */
  public double[] trueShares() {
    double[] shares = new double[spend.length];
    double total = 0;
    for (int c = 0; c < shares.length; c++) {
      shares[c] = trueTotalContribution(c);
      total += shares[c];
    }
    for (int c = 0; c < shares.length; c++) {
      shares[c] /= total;
    }
    return shares;
  }

  /** The mean spend per period of channel {@code c} as observed. */
  public double meanSpend(int c) {
    double sum = 0;
    for (double v : spend[check(c)]) {
      sum += v;
    }
    return sum / outcome.length;
  }

  private int check(int c) {
    if (c < 0 || c >= spend.length) {
      throw new InvalidFieldException("channel", c, "must be an index below " + spend.length);
    }
    return c;
  }
}
