package org.engagement.attribution.calibration;

/**
 * What {@link LiftCalibration} does with the channels no experiment tested. Either way they keep the model's
 * relative split among themselves; the choices differ in the total, so in what the calibrated numbers mean.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum UntestedChannels {
  /**
   * Every credit becomes an estimate of incremental conversions (the default). A tested channel gets its
   * experiment's number; an untested channel gets its model credit times the tested channels' pooled
   * incrementality factor {@code k = Σ lift / Σ model credit} over the tested channels: how many conversions
   * an experiment found caused per conversion the model credited. The credits then add up to the estimated
   * incremental conversions, not to the observed ones: the difference is the baseline (conversions that would
   * have happened without any channel), which a model's credits hide inside every channel's share. With a
   * single tested channel the shares are the model's (only the scale is measured); with several, the tested
   * channels' relative sizes are the experiments'.
   */
  SCALED,
  /**
   * The credits keep adding up to the observed conversions: a tested channel gets its experiment's number and
   * the untested channels share what is left in the model's proportions. They then carry the baseline as well
   * as their own effect, so their credits overstate their incremental conversions; if the experiments claim
   * more than there were conversions the untested channels get nothing and a note says so.
   */
  REMAINDER
}
