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
   * channels' relative sizes are the experiments'. Where the experiments' lifts add up to less than zero the
   * factor is zero (the untested channels get nothing, a note says so), so that the factor does not jump as a
   * bootstrap resample's draw of the experiments crosses zero; where the model credited the tested channels
   * with nothing there is no factor and the untested channels keep the model's credits.
   */
  SCALED,
  /**
   * The credits keep adding up to the observed conversions: a tested channel gets its experiment's number and
   * the untested channels share what is left in the model's proportions. They then carry the baseline as well
   * as their own effect, so their credits overstate their incremental conversions; if the experiments claim
   * more than there were conversions the untested channels get nothing and a note says so.
   */
  REMAINDER,
  /**
   * The model is run again on the journeys without the tested channels' touches, and each untested channel
   * gets its credit from that run; needs the model and the journeys
   * ({@link LiftCalibration#calibrate(org.engagement.attribution.AttributionModel,
   * org.engagement.attribution.journey.JourneySet, java.util.List)}).
   *
   * <p>This is for the channels a marketer tests because their exposure is suspect: retargeting shown to
   * people who were going to buy anyway, navigational visits (direct, brand search) just before a purchase.
   * Their touches sit next to conversions without causing them, so any model run on the journeys hands them
   * credit, and, worse, takes it from the channels that did cause the conversions (in an additive-hazard fit
   * they explain the conversions that the causal channels would otherwise explain). Scaling the model's
   * credits cannot undo that; leaving the tested channels out of the journeys, and taking their effect from
   * the experiments alone, does. A journey left with no touch is dropped. The untested credits mean what the
   * model's credits mean: conversions caused for {@code additive-hazard} (the scale of the experiments), a
   * split of the observed conversions for rate-based models such as {@code shao-li}.
   */
  REFITTED
}
