package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;

/**
 * Credit per channel for conversions and conversion value, as computed by one model on one journey set.
 *
 * <p>Credits are exact fractions in double precision, indexed by the channel ids of the journey set's
 * {@link ChannelIndex} (channels in lexicographic order of their names, so results do not depend on how
 * the journeys were partitioned). For an {@linkplain #additive() additive}
 * model the conversion credits add up to {@link #totalConversions()} and the value credits to
 * {@link #totalValue()}; for a non-additive one (participation) each channel's credit is a share of the
 * totals on its own and the credits together exceed them.
 *
 * <p>{@link #valueAsMoney(Money)} shows value credits as money with largest-remainder rounding, so the
 * parts add up to the whole to the minor unit.
 *
 * <p>{@link #notes()} says, in sentences, what a reader of the credits should know: what the journeys
 * left out on the way ({@link JourneySet#notes()}: touches outside the lookback, interactions after the
 * as-of, ...) and the model's own warnings (for example a Markov chain without a journey that did not
 * convert). The built-in models fill them; a page or a command line shows them with the credits.
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AttributionResult {
  private final String model;
  private final ChannelIndex channels;
  private final double[] conversions;
  private final double[] values;
  private final double totalConversions;
  private final double totalValue;
  private final boolean additive;
  private final List<String> notes;

  private AttributionResult(String model, ChannelIndex channels, double[] conversions, double[] values,
      double totalConversions, double totalValue, boolean additive, List<String> notes) {
    this.model = model;
    this.channels = channels;
    this.conversions = conversions;
    this.values = values;
    this.totalConversions = totalConversions;
    this.totalValue = totalValue;
    this.additive = additive;
    this.notes = notes;
  }

  /**
   * A result; the arrays are copied.
   *
   * @param model the model's name
   * @param channels the channels the credits are indexed by
   * @param conversions conversion credit per channel id
   * @param values value credit per channel id
   * @param totalConversions the journey set's total conversions
   * @param totalValue the journey set's total value
   * @param additive whether the credits add up to the totals
   * @throws InvalidFieldException if an array's length is not the number of channels or a credit is not
   *     finite
   */
  public static AttributionResult of(String model, ChannelIndex channels, double[] conversions,
      double[] values, double totalConversions, double totalValue, boolean additive) {
    requireNonNull(model, "model");
    requireNonNull(channels, "channels");
    requireNonNull(conversions, "conversions");
    requireNonNull(values, "values");
    check("conversions", conversions, channels.size());
    check("values", values, channels.size());
    return new AttributionResult(model, channels, conversions.clone(), values.clone(), totalConversions,
        totalValue, additive, List.of());
  }

  /**
   * A result on {@code journeys}: indexed by its channels, with its totals, and with its
   * {@linkplain JourneySet#notes() notes} of what was set aside. The arrays are copied.
   *
   * @param model the model's name
   * @param journeys the journeys attributed
   * @param conversions conversion credit per channel id
   * @param values value credit per channel id
   * @param additive whether the credits add up to the totals
   * @throws InvalidFieldException if an array's length is not the number of channels or a credit is not
   *     finite
   */
  public static AttributionResult of(String model, JourneySet journeys, double[] conversions, double[] values,
      boolean additive) {
    requireNonNull(journeys, "journeys");
    return of(model, journeys.channels(), conversions, values, journeys.totalConversions(), journeys.totalValue(),
        additive).withNotes(journeys.notes());
  }

  /**
   * This result with {@code more} notes after its own (blank notes are skipped).
   *
   * @param more sentences, one per note
   */
  public AttributionResult withNotes(List<String> more) {
    requireNonNull(more, "more");
    List<String> all = new ArrayList<>(notes);
    for (String note : more) {
      if (!requireNonNull(note, "note").isBlank()) {
        all.add(note);
      }
    }
    return new AttributionResult(model, channels, conversions, values, totalConversions, totalValue, additive,
        List.copyOf(all));
  }

  /**
   * What a reader of these credits should know, in sentences, in the order they were added: what the
   * journeys set aside, then the model's warnings. Empty when there is nothing to say.
   */
  public List<String> notes() {
    return notes;
  }

  private static void check(String field, double[] credits, int size) {
    if (credits.length != size) {
      throw new InvalidFieldException(field, credits.length, "must have one credit per channel (" + size + ")");
    }
    for (double credit : credits) {
      if (!Double.isFinite(credit)) {
        throw new InvalidFieldException(field, credit, "must hold finite credits");
      }
    }
  }

  /** The name of the model that computed this result. */
  public String model() {
    return model;
  }

  /** The channels, by id. */
  public ChannelIndex channels() {
    return channels;
  }

  /** Conversion credit of channel id {@code channel}. */
  public double conversions(int channel) {
    return conversions[channel];
  }

  /** Value credit of channel id {@code channel}. */
  public double value(int channel) {
    return values[channel];
  }

  /** Conversion credit of the channel called {@code name}; 0 if it is not in the journeys. */
  public double conversions(String name) {
    return channels.id(name).stream().mapToDouble(id -> conversions[id]).findFirst().orElse(0);
  }

  /** Value credit of the channel called {@code name}; 0 if it is not in the journeys. */
  public double value(String name) {
    return channels.id(name).stream().mapToDouble(id -> values[id]).findFirst().orElse(0);
  }

  /** Conversion credits by channel name, in channel order. */
  public Map<String, Double> conversionsByChannel() {
    return byName(conversions);
  }

  /** Value credits by channel name, in channel order. */
  public Map<String, Double> valueByChannel() {
    return byName(values);
  }

  private Map<String, Double> byName(double[] credits) {
    Map<String, Double> map = new LinkedHashMap<>();
    for (int c = 0; c < credits.length; c++) {
      map.put(channels.name(c), credits[c]);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The total conversions of the journeys attributed. */
  public double totalConversions() {
    return totalConversions;
  }

  /** The total conversion value of the journeys attributed. */
  public double totalValue() {
    return totalValue;
  }

  /**
   * Whether the credits add up to the totals. False for models such as participation that give every
   * channel on a path full credit.
   */
  public boolean additive() {
    return additive;
  }

  /**
   * The value credits as money: {@code total} split across channels in proportion to their value credits
   * by largest-remainder rounding (each channel first gets the floor of its exact share in minor units;
   * the minor units left over go one each to the largest fractional parts, ties to the lower channel id).
   * The parts add up to {@code total} exactly.
   *
   * @param total the amount to split (usually the journeys' total value as money); not negative
   * @return the money per channel name, in channel order
   * @throws InvalidFieldException if {@code total} is negative, or not zero while every value credit is
   */
  public Map<String, Money> valueAsMoney(Money total) {
    requireNonNull(total, "total");
    long[] parts = largestRemainder(values, total.minorUnits());
    Map<String, Money> map = new LinkedHashMap<>();
    for (int c = 0; c < parts.length; c++) {
      map.put(channels.name(c), Money.ofMinor(parts[c], total.currency()));
    }
    return Collections.unmodifiableMap(map);
  }

  /**
   * Splits {@code total} minor units in proportion to {@code weights} by largest-remainder rounding.
   *
   * @throws InvalidFieldException if {@code total} is negative, a weight is negative, or every weight is
   *     zero while {@code total} is not
   */
  public static long[] largestRemainder(double[] weights, long total) {
    requireNonNull(weights, "weights");
    if (total < 0) {
      throw new InvalidFieldException("total", total, "must not be negative");
    }
    double sum = 0;
    for (double w : weights) {
      if (!(w >= 0) || !Double.isFinite(w)) {
        throw new InvalidFieldException("weights", w, "must be finite and not negative");
      }
      sum += w;
    }
    long[] parts = new long[weights.length];
    if (total == 0) {
      return parts;
    }
    if (sum == 0) {
      throw new InvalidFieldException("total", total, "cannot be split: every credit is zero");
    }
    double[] remainders = new double[weights.length];
    long assigned = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = weights[i] / sum * total;
      long floor = (long) Math.floor(exact);
      parts[i] = floor;
      remainders[i] = exact - floor;
      assigned += floor;
    }
    long left = total - assigned;
    Integer[] order = new Integer[weights.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> {
      int byRemainder = Double.compare(remainders[b], remainders[a]);
      return byRemainder != 0 ? byRemainder : Integer.compare(a, b);
    });
    // Floating point may make the floors overshoot or undershoot by a unit; walk the order either way.
    for (int k = 0; left > 0; k = (k + 1) % order.length) {
      if (weights[order[k]] > 0) {
        parts[order[k]]++;
        left--;
      }
    }
    for (int k = order.length - 1; left < 0; k = k == 0 ? order.length - 1 : k - 1) {
      if (parts[order[k]] > 0) {
        parts[order[k]]--;
        left++;
      }
    }
    return parts;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(model).append('{');
    for (int c = 0; c < conversions.length; c++) {
      sb.append(c == 0 ? "" : ", ").append(channels.name(c)).append('=').append(conversions[c])
          .append('/').append(values[c]);
    }
    return sb.append('}').toString();
  }

  /** Convenience for tests and reports: the channel names, by id. */
  public List<String> channelNames() {
    return channels.names();
  }
}
