package org.engagement.roi.mix;

import java.util.Map;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * What is known of the channels before the data, as the real tools carry it: a prior on each channel's ROI
 * (Meridian's ROI parameterisation) and on its carry-over half-life (Robyn's per-channel ranges, Meridian's
 * per-channel priors). A weekly series of two or three years rarely tells a slow channel from the trend or
 * from another slow channel; a prior says which of the explanations the data allow is believed, and an
 * analyst who knows that partnerships pay over months should say so.
 *
 * <p>The ROI prior is Gaussian (so the linear part of the fit stays exact) and enters the fit as a
 * pseudo-observation of the channel's ROI over the series at the noise level of a first, unpenalised fit; the
 * default has the mean (1.83) and standard deviation (2.04) of Meridian's default {@code LogNormal(0.2, 0.9)}
 * ROI prior, which pulls a channel the data cannot see towards a typical return instead of towards zero. The
 * half-life prior is log-normal; the default for every channel has its median at two periods and a log-sd of
 * 1.2 (a factor 3.3 either way at one sd).
 *
 * <p>That ROI prior is a return per unit of money, so it holds only where the outcome is revenue in the spend's
 * currency. Where it is another quantity (conversions, sign-ups, installs) or in other units, a fixed prior would
 * make the answer depend on the units: the same series with its outcome counted in cents instead of euros moved
 * one channel's share from 64 % to 87 %. {@link #kpi()} then takes Meridian's default for an outcome that is
 * not revenue: one common prior on every channel such that the media together bring, over the series, 40 % of
 * the outcome with a standard deviation of 20 % (channels independent a priori). It is set from the data's own
 * totals when the model is fitted, so it scales with the outcome and the spend and the fit answers the same in
 * any units. Immutable and thread-safe.
 *
 * @param roi the ROI prior of every channel without its own, or {@code null} for none (or for {@code mediaShare})
 * @param channelRois ROI priors of named channels
 * @param halfLives half-life priors of named channels
 * @param mediaShare the prior on the media's share of the outcome that sets every channel's ROI prior without its
 *     own, in place of {@code roi}; or {@code null}
 * @since 0.1.0
 */
public record MixPriors(@Nullable Roi roi, Map<String, Roi> channelRois, Map<String, HalfLife> halfLives,
    @Nullable MediaShare mediaShare) {

  /**
   * A Gaussian prior on a channel's ROI over the series.
   *
   * @param mean the prior mean, not negative
   * @param sd the prior standard deviation, positive
   * @since 0.1.0
   */
  public record Roi(double mean, double sd) {
    /** Validates the prior. */
    public Roi {
      if (!(mean >= 0 && mean < Double.POSITIVE_INFINITY && sd > 0 && sd < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("roi prior", mean + " ± " + sd,
            "needs a finite mean, not negative, and a positive finite sd");
      }
    }
  }

  /**
   * A log-normal prior on a channel's carry-over half-life in periods (the delayed carry-over's width).
   *
   * @param median the prior median in periods, positive
   * @param factor the factor one standard deviation spans either way ({@code e^sd} of the log), above 1
   * @since 0.1.0
   */
  public record HalfLife(double median, double factor) {
    /** Validates the prior. */
    public HalfLife {
      if (!(median > 0 && median < Double.POSITIVE_INFINITY && factor > 1 && factor < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("half-life prior", median + " ×/÷ " + factor,
            "needs a positive finite median and a finite factor above 1");
      }
    }
  }

  /**
   * A prior on the share of the outcome that all channels together bring over the series, the common ROI prior
   * of a model whose outcome is not revenue (Meridian's "total paid media contribution prior").
   *
   * @param mean the prior mean of the share, in (0, 1)
   * @param sd its prior standard deviation, positive
   * @since 0.1.0
   */
  public record MediaShare(double mean, double sd) {
    /** Validates the prior. */
    public MediaShare {
      if (!(mean > 0 && mean < 1 && sd > 0 && sd < Double.POSITIVE_INFINITY)) {
        throw new InvalidFieldException("media share prior", mean + " ± " + sd,
            "needs a mean between 0 and 1 (exclusive) and a positive finite sd");
      }
    }

    /**
     * The common ROI prior of channels with these total spends over an outcome with this total: mean {@code mean
     * · outcome / Σ spend}, so that the media's share has this mean, and sd {@code sd · outcome / √(Σ spend²)}, so
     * that with each channel's ROI independent the share has this standard deviation.
     *
     * @param outcome the outcome's total over the series, positive
     * @param spends each channel's total spend over the series, each not negative and one positive
     * @return the ROI prior
     */
    public Roi roi(double outcome, double[] spends) {
      double sum = 0;
      double largest = 0;
      for (double s : spends) {
        sum += s;
        largest = Math.max(largest, s);
      }
      // √(Σ s²) as largest · √(Σ (s / largest)²): the squares of spends near 1e200 or 1e-200 would overflow or
      // underflow
      double squares = 0;
      for (double s : spends) {
        squares += (s / largest) * (s / largest);
      }
      return new Roi(mean * (outcome / sum), sd * (outcome / largest) / Math.sqrt(squares));
    }
  }

  /** Copies the maps and checks that one common ROI prior at most is given. */
  public MixPriors {
    channelRois = Map.copyOf(channelRois);
    halfLives = Map.copyOf(halfLives);
    if (roi != null && mediaShare != null) {
      throw new IllegalArgumentException("a common ROI prior and a media share prior exclude each other");
    }
  }

  /**
   * Meridian's default ROI prior for every channel (mean 1.83, sd 2.04) and the default half-life prior: for an
   * outcome that is revenue in the spend's currency.
   *
   * @return the priors
   */
  public static MixPriors defaults() {
    return new MixPriors(new Roi(1.83, 2.04), Map.of(), Map.of(), null);
  }

  /**
   * For an outcome that is not revenue in the spend's currency: every channel's ROI prior set so that the media
   * bring 40 % of the outcome with a standard deviation of 20 % (Meridian's default for a KPI that is not
   * revenue), and the default half-life prior.
   *
   * @return the priors
   */
  public static MixPriors kpi() {
    return kpi(0.4, 0.2);
  }

  /**
   * For an outcome that is not revenue in the spend's currency, with a stated belief in the media's share of it.
   *
   * @param mean the prior mean of the share of the outcome the channels together bring, in (0, 1)
   * @param sd its prior standard deviation, positive
   * @return the priors
   */
  public static MixPriors kpi(double mean, double sd) {
    return new MixPriors(null, Map.of(), Map.of(), new MediaShare(mean, sd));
  }

  /**
   * No ROI prior: the media effects are only kept small by the settings' ridge (the fit before priors).
   *
   * @return the priors
   */
  public static MixPriors none() {
    return new MixPriors(null, Map.of(), Map.of(), null);
  }

  /**
   * The ROI prior of a channel without its own: the common prior, or the one the media share prior sets for
   * this data; {@code null} for none.
   *
   * @param data the series
   * @return the prior
   */
  public @Nullable Roi common(MixData data) {
    if (mediaShare == null) {
      return roi;
    }
    double[] spends = new double[data.channels().size()];
    for (int c = 0; c < spends.length; c++) {
      spends[c] = data.totalSpend(data.channels().get(c));
    }
    return mediaShare.roi(data.totalOutcome(), spends);
  }

  /** These priors with a channel's own ROI prior. */
  public MixPriors withRoi(String channel, double mean, double sd) {
    TreeMap<String, Roi> more = new TreeMap<>(channelRois);
    more.put(channel, new Roi(mean, sd));
    return new MixPriors(roi, more, halfLives, mediaShare);
  }

  /** These priors with a channel's half-life prior: median {@code median} periods, ×/÷ {@code factor}. */
  public MixPriors withHalfLife(String channel, double median, double factor) {
    TreeMap<String, HalfLife> more = new TreeMap<>(halfLives);
    more.put(channel, new HalfLife(median, factor));
    return new MixPriors(roi, channelRois, more, mediaShare);
  }
}
