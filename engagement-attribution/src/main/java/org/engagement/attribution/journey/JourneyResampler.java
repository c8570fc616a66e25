package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * Resamples the customers of a journey set made from {@linkplain JourneySet#timed() timed journeys}, for a
 * bootstrap, without copying a journey.
 *
 * <p>{@link #resample(int[])} equals {@code set.timed().get().resample(copies).toJourneySet()} (the customer's
 * count given to each of their journeys), bit for bit, but is made from what this resampler learnt once: the
 * customer and the path of every journey. Each resample then costs one pass over the journeys and one over the
 * distinct paths: its path counts are summed in journey order as grouping the copies would sum them, its timed
 * journeys {@linkplain Journeys#resample share the original's columns} (one {@code int} per journey drawn), and
 * its paths and channels are those the drawn journeys touch, in canonical order. Copying the journeys instead
 * (touch ids, times and types) and grouping them again took a few hundred megabytes and seconds per resample
 * at 10 million interactions.
 *
 * <p>The resampler holds two {@code int}s per journey. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneyResampler {
  private final JourneySet set;
  private final Journeys timed;
  private final int[] customerOf;
  private final int[] pathOf;
  private final int customers;

  private JourneyResampler(JourneySet set, Journeys timed) {
    this.set = set;
    this.timed = timed;
    this.customerOf = new int[timed.size()];
    int count = 0;
    for (int j = 0; j < timed.size(); j++) {
      if (j > 0 && !timed.customerId(j).equals(timed.customerId(j - 1))) {
        count++;
      }
      customerOf[j] = count;
    }
    this.customers = timed.size() == 0 ? 0 : count + 1;
    this.pathOf = set.pathsOf(timed);
  }

  /**
   * A resampler of {@code set}'s customers.
   *
   * @throws InvalidFieldException if the set has no timed journeys (read from paths, built by hand, or
   *     merged with such a set: its customers are not known)
   */
  public static JourneyResampler of(JourneySet set) {
    requireNonNull(set, "set");
    Journeys timed = set.timed().orElseThrow(() -> new InvalidFieldException("set", set,
        "must have timed journeys (made from interactions) for its customers to be resampled"));
    return new JourneyResampler(set, timed);
  }

  /** How many customers have journeys: customer {@code k} is the {@code k}-th in the journeys' order. */
  public int customers() {
    return customers;
  }

  /**
   * The set with every journey of customer {@code k} taken {@code copies[k]} times (0 leaves the customer
   * out): equal to {@code timed().resample(journeyCopies).toJourneySet()}. The channels kept are those the
   * drawn journeys touch, the counts set aside, untouched conversions, currency and as-of are the input's.
   *
   * @param copies how many times to take each customer, one entry per {@linkplain #customers() customer}
   * @throws InvalidFieldException if {@code copies} has another length or a negative entry, or draws more
   *     than {@link Integer#MAX_VALUE} - 8 journeys
   */
  public JourneySet resample(int[] copies) {
    requireNonNull(copies, "copies");
    if (copies.length != customers) {
      throw new InvalidFieldException("copies", copies.length, "must have one entry per customer (" + customers
          + ")");
    }
    long total = 0;
    for (int j = 0; j < customerOf.length; j++) {
      int count = copies[customerOf[j]];
      if (count < 0) {
        throw new InvalidFieldException("copies", count, "must not be negative");
      }
      total += count;
    }
    if (total > Integer.MAX_VALUE - 8) {
      throw new InvalidFieldException("copies", total, "must draw at most " + (Integer.MAX_VALUE - 8)
          + " journeys");
    }
    int paths = set.pathCount();
    double[] conversions = new double[paths];
    double[] values = new double[paths];
    double[] nulls = new double[paths];
    int[] rows = new int[(int) total];
    int k = 0;
    for (int j = 0; j < customerOf.length; j++) {
      int count = copies[customerOf[j]];
      if (count == 0) {
        continue;
      }
      int p = pathOf[j];
      boolean converted = timed.converted(j);
      double value = timed.value(j);
      int row = timed.storedRow(j);
      for (int c = 0; c < count; c++) {
        rows[k++] = row;
        // One journey at a time, in journey order, as grouping the copies adds them.
        if (converted) {
          conversions[p] += 1;
          values[p] += value;
        } else {
          nulls[p] += 1;
        }
      }
    }
    return set.drawn(timed.picking(rows), conversions, values, nulls);
  }

  @Override
  public String toString() {
    return "JourneyResampler[" + customers + " customers, " + customerOf.length + " journeys, "
        + set.pathCount() + " paths]";
  }
}
