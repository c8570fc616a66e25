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
 * 1.2 (a factor 3.3 either way at one sd). Immutable and thread-safe.
 *
 * @param roi the ROI prior of every channel without its own, or {@code null} for none
 * @param channelRois ROI priors of named channels
 * @param halfLives half-life priors of named channels
 * @since 0.1.0
 */
public record MixPriors(@Nullable Roi roi, Map<String, Roi> channelRois, Map<String, HalfLife> halfLives) {

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

  /** Copies the maps. */
  public MixPriors {
    channelRois = Map.copyOf(channelRois);
    halfLives = Map.copyOf(halfLives);
  }

  /**
   * Meridian's default ROI prior for every channel (mean 1.83, sd 2.04) and the default half-life prior.
   *
   * @return the priors
   */
  public static MixPriors defaults() {
    return new MixPriors(new Roi(1.83, 2.04), Map.of(), Map.of());
  }

  /**
   * No ROI prior: the media effects are only kept small by the settings' ridge (the fit before priors).
   *
   * @return the priors
   */
  public static MixPriors none() {
    return new MixPriors(null, Map.of(), Map.of());
  }

  /** These priors with a channel's own ROI prior. */
  public MixPriors withRoi(String channel, double mean, double sd) {
    TreeMap<String, Roi> more = new TreeMap<>(channelRois);
    more.put(channel, new Roi(mean, sd));
    return new MixPriors(roi, more, halfLives);
  }

  /** These priors with a channel's half-life prior: median {@code median} periods, ×/÷ {@code factor}. */
  public MixPriors withHalfLife(String channel, double median, double factor) {
    TreeMap<String, HalfLife> more = new TreeMap<>(halfLives);
    more.put(channel, new HalfLife(median, factor));
    return new MixPriors(roi, channelRois, more);
  }
}
