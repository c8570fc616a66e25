package org.engagement.benchmarks.clv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.prediction.CustomerColumns;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.InvalidFieldException;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Simulates customers from a BG/NBD model (Fader, Hardie and Lee 2005) in a CDNOW-like cohort: first
 * purchases spread evenly over the first {@value #COHORT_WEEKS} weeks, observation ending at week {@value
 * #CALIBRATION_WEEKS}, so the age {@code T} runs from 27 to 39 weeks as in the CDNOW calibration period.
 *
 * <p>Per customer: {@code lambda ~ Gamma(r, 1 / alpha)} (purchases a week), {@code p ~ Beta(a, b)}; repeat
 * purchases come at exponential gaps of mean {@code 1 / lambda}, and after each one the customer drops out
 * with probability {@code p}. Times are then recorded at a {@code resolution}: purchases on the same day (or
 * week) count once, as {@link org.engagement.clv.summary.RepeatBuyingSummaries} counts calendar days,
 * and {@code t_x} and {@code T} are whole days (or weeks) expressed in weeks. A coarser resolution gives
 * fewer distinct {@code (x, t_x, T)} rows for the compressed likelihood.
 *
 * <p>Deterministic for a seed. Not thread-safe (it owns a random generator).
 *
 * @since 0.1.0
 */
public final class BgNbdSimulator {
  /** Weeks over which first purchases are spread. */
  public static final int COHORT_WEEKS = 12;
  /** The calibration end, in weeks after the cohort starts. */
  public static final int CALIBRATION_WEEKS = 39;
  /** The seed of the benchmarks. */
  public static final long DEFAULT_SEED = 20_050_402L;

  private final BgNbdModel model;
  private final double resolution;
  private final RandomDataGenerator random;

  private BgNbdSimulator(BgNbdModel model, PeriodUnit resolution, long seed) {
    if (model.unit() != PeriodUnit.WEEK) {
      throw new InvalidFieldException("model.unit", model.unit(), "must be WEEK");
    }
    this.model = model;
    this.resolution = resolution.convert(1, PeriodUnit.WEEK);
    this.random = new RandomDataGenerator(seed);
  }

  /** A simulator of {@code model} (in weeks) recording times to whole {@code resolution}s. */
  public static BgNbdSimulator of(BgNbdModel model, PeriodUnit resolution, long seed) {
    return new BgNbdSimulator(requireNonNull(model, "model"), requireNonNull(resolution, "resolution"), seed);
  }

  /** {@code customers} simulated histories, in weeks, with no spend. */
  public CustomerColumns columns(int customers) {
    int[] x = new int[customers];
    double[] tx = new double[customers];
    double[] t = new double[customers];
    double[] history = new double[2];
    for (int i = 0; i < customers; i++) {
      t[i] = age();
      x[i] = simulate(t[i], history);
      tx[i] = history[0];
    }
    return CustomerColumns.of(PeriodUnit.WEEK, x, tx, t);
  }

  /** {@code customers} simulated summaries (ids {@code 0, 1, ...}), in weeks, with no spend or holdout. */
  public List<RepeatBuyingSummary> summaries(int customers) {
    List<RepeatBuyingSummary> out = new ArrayList<>(customers);
    double[] history = new double[2];
    for (int i = 0; i < customers; i++) {
      double age = age();
      int x = simulate(age, history);
      out.add(new RepeatBuyingSummary(Integer.toString(i), x, history[0], age, 0, 0));
    }
    return out;
  }

  /** The age at the calibration end of a customer whose first purchase is uniform over the cohort weeks. */
  private double age() {
    double first = Math.floor(random.nextDouble() * COHORT_WEEKS / resolution) * resolution;
    return CALIBRATION_WEEKS - first;
  }

  /** The repeat purchases within {@code age}; the recorded recency goes to {@code history[0]}. */
  private int simulate(double age, double[] history) {
    double lambda = random.nextGamma(model.r(), 1 / model.alpha());
    double p = random.nextBeta(model.a(), model.b());
    int x = 0;
    double now = 0;
    double lastSlot = 0;
    while (true) {
      now += random.nextExponential(1 / lambda);
      double slot = Math.ceil(now / resolution) * resolution;
      if (slot > age) {
        break;
      }
      if (slot > lastSlot) {
        x++;
        lastSlot = slot;
      }
      if (random.nextDouble() < p) {
        break;
      }
    }
    history[0] = lastSlot;
    return x;
  }
}
