package org.engagement.attribution;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.OptionalInt;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.InvalidFieldException;

/**
 * One model's credits journey by journey: rows {@code (journey, channel, conversions, value)} over
 * {@link Journeys}, with the per-channel {@link #result()} they belong to. A host joins them to its own
 * customers (which customer's journey earned a channel its credit), where the per-channel
 * {@link AttributionResult} only says how much each channel earned in all.
 *
 * <p>Rows are in journey order (the canonical order of {@link Journeys}), then channel id; channel ids are
 * those of {@link Journeys#channels()}. A (journey, channel) pair whose conversion and value credits are
 * both zero has no row, so a journey that earned nothing (one that did not convert, under most models) has
 * none.
 *
 * <p>How the rows relate to the result depends on how the model credits ({@link #spread()}):
 * <ul>
 *   <li><b>Journey by journey</b> ({@code spread() == false}): models whose credit of a journey depends on
 *       that journey alone (the heuristics, time decay, W-shaped) give each journey its own credits, and
 *       {@link #result()}'s credit of each channel is the sum of that channel's rows taken in row order, so
 *       the rows add up to it exactly (bit for bit, when summed in that order in double precision). It
 *       equals the model's {@link AttributionModel#attribute} of {@link Journeys#toJourneySet()} to
 *       rounding (the sums are grouped differently).
 *   <li><b>Spread</b> ({@code spread() == true}): models that credit channels or paths globally (Markov,
 *       Shapley) have no credit of their own per journey. {@link #spread(AttributionResult, Journeys)}
 *       shares each channel's credit from the model's result over the converting journeys that touched the
 *       channel: the conversion credit in equal parts, the value credit in proportion to the journeys'
 *       conversion values (in equal parts when all of them are zero). A channel with a credit that no
 *       converting journey touched (possible when a model credits a channel for the journeys that did not
 *       convert) shares it in equal parts over every journey that touched it. {@link #result()} is the
 *       model's own result, and each channel's rows add up to it to rounding (a few units in the last place
 *       per row).
 * </ul>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class JourneyCredits {
  private final Journeys journeys;
  private final AttributionResult result;
  private final boolean spread;
  private final int[] journey;
  private final int[] channel;
  private final double[] conversions;
  private final double[] values;

  private JourneyCredits(Builder b, AttributionResult result, boolean spread) {
    this.journeys = b.journeys;
    this.result = result;
    this.spread = spread;
    this.journey = Arrays.copyOf(b.rowJourney, b.rows);
    this.channel = Arrays.copyOf(b.rowChannel, b.rows);
    this.conversions = Arrays.copyOf(b.rowConversions, b.rows);
    this.values = Arrays.copyOf(b.rowValues, b.rows);
  }

  /**
   * A builder of journey-by-journey credits of the model {@code model} over {@code journeys}, for the
   * models that credit each journey on its own: credit the touches of each journey, then end it.
   *
   * @param model the model's name, as its results carry it
   * @param journeys the journeys credited
   * @param additive whether each converting journey hands out exactly its conversion and value (false for
   *     participation, which gives every channel of a journey its whole conversion)
   */
  public static Builder builder(String model, Journeys journeys, boolean additive) {
    return new Builder(requireNonNull(model, "model"), requireNonNull(journeys, "journeys"), additive);
  }

  /**
   * {@code result}, a model's per-channel credits of {@link Journeys#toJourneySet() journeys.toJourneySet()},
   * spread over the journeys by the rule of the class comment. What {@link AttributionModel#creditJourneys}
   * does for the models that credit globally.
   *
   * @throws InvalidFieldException if {@code result} credits a channel that no journey touched
   */
  public static JourneyCredits spread(AttributionResult result, Journeys journeys) {
    requireNonNull(result, "result");
    requireNonNull(journeys, "journeys");
    return new Spreader(result, journeys).spread();
  }

  /** The journeys credited. */
  public Journeys journeys() {
    return journeys;
  }

  /**
   * The per-channel credits: the sums of the rows in row order for credits journey by journey, the model's
   * own result for credits {@linkplain #spread() spread}; with the notes of what the journeys set aside.
   */
  public AttributionResult result() {
    return result;
  }

  /**
   * Whether the rows are the model's global credits spread over the journeys by the rule of the class
   * comment (true), or the model's own credit of each journey (false).
   */
  public boolean spread() {
    return spread;
  }

  /** The number of rows. */
  public int size() {
    return journey.length;
  }

  /** The journey (an index into {@link #journeys()}) of row {@code row}. */
  public int journey(int row) {
    return journey[row];
  }

  /** The channel id (of {@link Journeys#channels()}) of row {@code row}. */
  public int channel(int row) {
    return channel[row];
  }

  /** The conversion credit of row {@code row}. */
  public double conversions(int row) {
    return conversions[row];
  }

  /** The value credit of row {@code row}, in major units of the journeys' currency. */
  public double value(int row) {
    return values[row];
  }

  @Override
  public String toString() {
    return "JourneyCredits[" + result.model() + ", " + size() + " rows over " + journeys.size() + " journeys"
        + (spread ? ", spread" : "") + "]";
  }

  /**
   * Collects the credits of one journey at a time, in journey order; {@link #build()} adds them up per
   * channel. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String model;
    private final Journeys journeys;
    private final boolean additive;
    private final double[] pendingConversions;
    private final double[] pendingValues;
    private final boolean[] pending;
    private int[] touched = new int[16];
    private int touchedCount;
    private int lastJourney = -1;
    private int rows;
    private int[] rowJourney = new int[64];
    private int[] rowChannel = new int[64];
    private double[] rowConversions = new double[64];
    private double[] rowValues = new double[64];

    private Builder(String model, Journeys journeys, boolean additive) {
      this.model = model;
      this.journeys = journeys;
      this.additive = additive;
      int channels = journeys.channels().size();
      this.pendingConversions = new double[channels];
      this.pendingValues = new double[channels];
      this.pending = new boolean[channels];
    }

    /**
     * Adds {@code conversions} and {@code value} to channel {@code channel} in the journey being credited
     * (several touches on one channel add up into its one row).
     *
     * @param channel a channel id of the journeys' {@link Journeys#channels()}
     * @return this builder
     * @throws InvalidFieldException if the channel id is out of range or a credit is not finite
     */
    public Builder credit(int channel, double conversions, double value) {
      if (channel < 0 || channel >= pending.length) {
        throw new InvalidFieldException("channel", channel, "must be a channel id below " + pending.length);
      }
      if (!Double.isFinite(conversions) || !Double.isFinite(value)) {
        throw new InvalidFieldException("credit", conversions + "/" + value, "must be finite");
      }
      if (!pending[channel]) {
        pending[channel] = true;
        if (touchedCount == touched.length) {
          touched = Arrays.copyOf(touched, touchedCount * 2);
        }
        touched[touchedCount++] = channel;
      }
      pendingConversions[channel] += conversions;
      pendingValues[channel] += value;
      return this;
    }

    /**
     * Ends journey {@code journey}: the credits added since the previous journey become its rows, in
     * channel order, without the pairs whose credits are both zero.
     *
     * @return this builder
     * @throws InvalidFieldException if {@code journey} is not after the previous one or out of range
     */
    public Builder endJourney(int journey) {
      if (journey <= lastJourney || journey >= journeys.size()) {
        throw new InvalidFieldException("journey", journey,
            "must come after journey " + lastJourney + " and be below " + journeys.size());
      }
      lastJourney = journey;
      Arrays.sort(touched, 0, touchedCount);
      for (int k = 0; k < touchedCount; k++) {
        int c = touched[k];
        if (pendingConversions[c] != 0 || pendingValues[c] != 0) {
          row(journey, c, pendingConversions[c], pendingValues[c]);
        }
        pending[c] = false;
        pendingConversions[c] = 0;
        pendingValues[c] = 0;
      }
      touchedCount = 0;
      return this;
    }

    private void row(int journey, int channel, double conversions, double value) {
      if (rows == rowJourney.length) {
        rowJourney = Arrays.copyOf(rowJourney, rows * 2);
        rowChannel = Arrays.copyOf(rowChannel, rows * 2);
        rowConversions = Arrays.copyOf(rowConversions, rows * 2);
        rowValues = Arrays.copyOf(rowValues, rows * 2);
      }
      rowJourney[rows] = journey;
      rowChannel[rows] = channel;
      rowConversions[rows] = conversions;
      rowValues[rows] = value;
      rows++;
    }

    /**
     * The credits, journey by journey, with the per-channel result summed from the rows in row order.
     *
     * @throws InvalidFieldException if a journey's credits were added but the journey was not ended
     */
    public JourneyCredits build() {
      requireEnded();
      ChannelIndex channels = journeys.channels();
      double[] conversions = new double[channels.size()];
      double[] values = new double[channels.size()];
      for (int r = 0; r < rows; r++) {
        conversions[rowChannel[r]] += rowConversions[r];
        values[rowChannel[r]] += rowValues[r];
      }
      double totalConversions = 0;
      double totalValue = 0;
      for (int j = 0; j < journeys.size(); j++) {
        if (journeys.converted(j)) {
          totalConversions++;
          totalValue += journeys.value(j);
        }
      }
      AttributionResult result = AttributionResult.of(model, channels, conversions, values, totalConversions,
          totalValue, additive).withNotes(journeys.notes());
      return new JourneyCredits(this, result, false);
    }

    /** The credits spread from {@code result}, which they add up to by construction. */
    JourneyCredits build(AttributionResult result) {
      requireEnded();
      return new JourneyCredits(this, result, true);
    }

    private void requireEnded() {
      if (touchedCount > 0) {
        throw new InvalidFieldException("journey", lastJourney + 1, "has credits but was not ended");
      }
    }
  }

  /** Spreads a per-channel result over the journeys (the rule of the class comment). Not thread-safe. */
  private static final class Spreader {
    private final AttributionResult result;
    private final Journeys journeys;
    private final double[] conversionCredit;
    private final double[] valueCredit;
    /** Per channel: converting journeys that touched it, their value, and all journeys that touched it. */
    private final int[] converting;
    private final double[] convertingValue;
    private final int[] touching;
    private final int[] stamp;

    Spreader(AttributionResult result, Journeys journeys) {
      this.result = result;
      this.journeys = journeys;
      int channels = journeys.channels().size();
      this.conversionCredit = new double[channels];
      this.valueCredit = new double[channels];
      this.converting = new int[channels];
      this.convertingValue = new double[channels];
      this.touching = new int[channels];
      this.stamp = new int[channels];
      Arrays.fill(stamp, -1);
    }

    JourneyCredits spread() {
      mapCredits();
      for (int j = 0; j < journeys.size(); j++) {
        for (int i = journeys.start(j); i < journeys.end(j); i++) {
          int c = journeys.channelAt(i);
          if (stamp[c] != j) {
            stamp[c] = j;
            touching[c]++;
            if (journeys.converted(j)) {
              converting[c]++;
              convertingValue[c] += journeys.value(j);
            }
          }
        }
      }
      for (int c = 0; c < touching.length; c++) {
        if (touching[c] == 0 && (conversionCredit[c] != 0 || valueCredit[c] != 0)) {
          throw new InvalidFieldException("channel", journeys.channels().name(c),
              "has a credit but no journey touched it, so it cannot be spread over journeys");
        }
      }
      Arrays.fill(stamp, -1);
      Builder builder = new Builder(result.model(), journeys, result.additive());
      for (int j = 0; j < journeys.size(); j++) {
        for (int i = journeys.start(j); i < journeys.end(j); i++) {
          int c = journeys.channelAt(i);
          if (stamp[c] != j) {
            stamp[c] = j;
            share(builder, j, c);
          }
        }
        builder.endJourney(j);
      }
      return builder.build(result);
    }

    /** The result's credits by the journeys' channel ids. */
    private void mapCredits() {
      ChannelIndex from = result.channels();
      for (int c = 0; c < from.size(); c++) {
        String name = from.name(c);
        double conversions = result.conversions(c);
        double value = result.value(c);
        OptionalInt id = journeys.channels().id(name);
        if (id.isPresent()) {
          conversionCredit[id.getAsInt()] = conversions;
          valueCredit[id.getAsInt()] = value;
        } else if (conversions != 0 || value != 0) {
          throw new InvalidFieldException("channel", name,
              "has a credit but no journey touched it, so it cannot be spread over journeys");
        }
      }
    }

    private void share(Builder builder, int j, int c) {
      if (converting[c] > 0) {
        if (!journeys.converted(j)) {
          return;
        }
        double value = convertingValue[c] > 0 ? valueCredit[c] * (journeys.value(j) / convertingValue[c])
            : valueCredit[c] / converting[c];
        builder.credit(c, conversionCredit[c] / converting[c], value);
      } else {
        builder.credit(c, conversionCredit[c] / touching[c], valueCredit[c] / touching[c]);
      }
    }
  }
}
