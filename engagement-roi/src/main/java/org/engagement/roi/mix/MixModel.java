package org.engagement.roi.mix;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.lift.Interval;
import org.engagement.roi.mix.internal.Allocation;
import org.engagement.roi.mix.internal.Caution;
import org.engagement.roi.mix.internal.ChannelCurve;
import org.engagement.roi.mix.internal.Release;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * A fitted marketing mix model: each channel's response curve (point estimate and bootstrap resamples), the
 * baseline, and what follows from them: contributions, ROI and marginal ROI with intervals, carry-over
 * half-lives, response curves and budget recommendations.
 *
 * <p>Two point curves per channel, which differ only for a channel that is neither pinned down nor lift-tested
 * ({@link #identification()}) and not collinear with the model's other columns: what the model <em>reports</em> about such a channel (its contributions, share,
 * ROI, marginal ROI, half-life and response curve) is taken at its profile posterior's mean ROI, because the fit
 * is a posterior mode and for such a channel the mode sits at the edge of what the series allows (often at no
 * effect); budget plans are made from the fit itself and its bootstrap resamples, which hold such a channel at
 * its spend anyway, so every plan is what the fit alone supports. For every other channel both are the fit's.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class MixModel {
  /** The confidence level of every interval. */
  public static final double LEVEL = 0.90;
  private static final double MARGINAL_STEP = 0.01;
  private static final int BUDGET_STEPS = 1_000;

  private final MixData data;
  private final MixSettings settings;
  /** The fit's curves (its mode): the plans' point draw. */
  private final List<ChannelCurve> curves;
  /** The curves the effects report: the fit's, or a profile posterior's mean for a channel held by caution. */
  private final List<ChannelCurve> reported;
  private final double[] baseline;
  private final List<List<ChannelCurve>> resamples;
  private final List<LiftTest> lifts;
  private final List<MixWarning> warnings;
  private final List<ChannelIdentification> identification;
  private final List<double[]> profiles;

  MixModel(MixData data, MixSettings settings, List<ChannelCurve> curves, List<ChannelCurve> reported,
      double[] baseline, List<List<ChannelCurve>> resamples, List<LiftTest> lifts, List<MixWarning> warnings,
      List<ChannelIdentification> identification, List<double[]> profiles) {
    this.data = requireNonNull(data, "data");
    this.settings = requireNonNull(settings, "settings");
    this.curves = List.copyOf(curves);
    this.reported = List.copyOf(reported);
    this.baseline = baseline.clone();
    this.resamples = resamples.stream().map(List::copyOf).toList();
    this.lifts = List.copyOf(lifts);
    this.warnings = List.copyOf(warnings);
    this.identification = List.copyOf(identification);
    this.profiles = profiles.stream().map(double[]::clone).toList();
  }

  /**
   * Whether the fit pins each channel's ROI down (profile and collinearity, see {@link
   * ChannelIdentification}): a cautious {@link #recommend recommendation} moves only the channels that are
   * pinned down or backed by a lift test.
   *
   * @return one entry per channel, in channel order
   */
  public List<ChannelIdentification> identification() {
    return identification;
  }

  /**
   * What a reader should know before acting on the figures: channels estimated at zero, estimates at a limit
   * of the range searched, channels whose spend never varies; empty when none applies.
   *
   * @return the warnings, channel by channel in channel order
   */
  public List<MixWarning> warnings() {
    return warnings;
  }

  /** The data the model was fitted to. */
  public MixData data() {
    return data;
  }

  /** The settings of the fit. */
  public MixSettings settings() {
    return settings;
  }

  /** The lift tests the fit was calibrated by. */
  public List<LiftTest> lifts() {
    return lifts;
  }

  /** The number of bootstrap resamples behind the intervals. */
  public int resamples() {
    return resamples.size();
  }

  /** The outcome per period without media: intercept, trend, season and controls. */
  public double[] baseline() {
    return baseline.clone();
  }

  /** A channel's contribution per period: the outcome its spend added. */
  public double[] contributions(String channel) {
    int c = data.index(channel);
    return reported.get(c).contributions(data.spend(channel));
  }

  /** The modelled outcome per period: baseline plus every channel's contribution. */
  public double[] fitted() {
    double[] out = baseline.clone();
    for (String channel : data.channels()) {
      double[] part = contributions(channel);
      for (int t = 0; t < out.length; t++) {
        out[t] += part[t];
      }
    }
    return out;
  }

  /** A channel's modelled contribution over periods {@code from} to {@code to} (indices, both included). */
  public double contribution(String channel, int from, int to) {
    double[] part = contributions(channel);
    double sum = 0;
    for (int t = from; t <= to; t++) {
      sum += part[t];
    }
    return sum;
  }

  /** A channel's carry-over half-life in periods. */
  public double halfLife(String channel) {
    return reported.get(data.index(channel)).halfLife();
  }

  /** Every channel's effect over the data, in channel order. */
  public List<ChannelEffect> effects() {
    int channels = data.channels().size();
    double[] contribution = totals(reported);
    double sum = Arrays.stream(contribution).sum();
    double[][] roiDraws = roiDraws();
    double[][] marginalDraws = new double[channels][resamples.size()];
    for (int r = 0; r < resamples.size(); r++) {
      for (int c = 0; c < channels; c++) {
        marginalDraws[c][r] = marginalRoi(resamples.get(r).get(c), c);
      }
    }
    List<ChannelEffect> effects = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      String channel = data.channels().get(c);
      double spend = data.totalSpend(channel);
      double roi = contribution[c] / spend;
      double marginal = marginalRoi(reported.get(c), c);
      Interval roiInterval = roiInterval(roiDraws[c], roi, c);
      Interval marginalInterval = interval(marginalDraws[c], marginal);
      if (!reported.get(c).equals(curves.get(c))) {
        roiInterval = holding(roiInterval, roi);
        marginalInterval = holding(marginalInterval, marginal);
      }
      effects.add(new ChannelEffect(channel, spend, contribution[c], sum > 0 ? contribution[c] / sum : 0, roi,
          roiInterval, marginal, marginalInterval, reported.get(c).halfLife()));
    }
    return effects;
  }

  /** Each channel's ROI in each bootstrap resample, {@code [channel][resample]}. */
  private double[][] roiDraws() {
    double[][] out = new double[data.channels().size()][resamples.size()];
    for (int r = 0; r < resamples.size(); r++) {
      double[] totals = totals(resamples.get(r));
      for (int c = 0; c < out.length; c++) {
        out[c][r] = totals[c] / data.totalSpend(data.channels().get(c));
      }
    }
    return out;
  }

  /** The effect of one channel. */
  public ChannelEffect effect(String channel) {
    return effects().get(data.index(channel));
  }

  /**
   * A channel's response curve: the outcome per period of constant spends per period from 0 to
   * {@code maxSpend}.
   *
   * @param channel the channel
   * @param maxSpend the largest spend per period, positive
   * @param points the number of points, at least 2
   * @return the points, by increasing spend
   */
  public List<ResponsePoint> responseCurve(String channel, double maxSpend, int points) {
    if (!(maxSpend > 0 && maxSpend < Double.POSITIVE_INFINITY) || points < 2 || points > 100_000) {
      throw new InvalidFieldException("responseCurve", maxSpend + " x " + points,
          "needs a positive finite spend and 2 to 100000 points");
    }
    ChannelCurve curve = reported.get(data.index(channel));
    List<ResponsePoint> out = new ArrayList<>(points);
    for (int i = 0; i < points; i++) {
      double spend = maxSpend * i / (points - 1);
      double step = Math.max(spend, curve.spendScale()) * 1e-4;
      out.add(new ResponsePoint(spend, curve.steady(spend),
          (curve.steady(spend + step) - curve.steady(spend)) / step));
    }
    return out;
  }

  /** A channel's expected outcome per period of a constant spend per period, once carried over. */
  public double steadyResponse(String channel, double spendPerPeriod) {
    return reported.get(data.index(channel)).steady(spendPerPeriod);
  }

  /**
   * Recommends how to split a budget per period among the channels to maximise the outcome within the request's
   * bounds; the current split is the data's shares of spend scaled to the budget. A channel without explicit
   * bounds also stays within the range of spend the data saw (its carried-over spend's 5th to 95th percentile,
   * or the current spend), where its curve is fitted rather than extrapolated, unless that range cannot meet
   * the budget. A cautious request (the default, see {@link BudgetRequest}) keeps each channel that is neither
   * pinned down nor lift-tested ({@link #identification()}) at its current spend unless it has explicit bounds
   * (all of them free again if that cannot meet the request), values each channel's change at a lower
   * quantile over the estimate's and the bootstrap's curves, and scales the plan back towards the current split
   * until its gain is positive in {@value BudgetRequest#CONFIDENCE} of the draws; without caution the plan
   * maximises the expected outcome (the mean over those curves). With a minimum ROI the plan's budget is the
   * total it recommends, at most the request's, and its gain is measured against the current split of the
   * request's whole budget (so it may be negative: less outcome for less spend).
   *
   * <p>A request {@link BudgetRequest#releasingHeld() releasing held channels} lets each of them move in the
   * direction its marginal return's interval supports. Why: a channel is held because the data cannot rule out
   * half or twice its ROI, an uncertain level; but a level scales the whole curve, so a channel spent deep into
   * saturation returns little at the margin at every level the data allow, and holding it keeps money that
   * should leave it. Each channel's marginal-return interval at the current spend is the 90 % percentile
   * interval of its steady marginal return over the estimate's and the bootstrap's curves, widened to the
   * estimate's marginal return times its ROI interval over its ROI ({@code m · [low, high] / roi}, the
   * profile's levels). A held channel whose interval's upper end is below the lower end of some channel the plan
   * moves anyway (pinned down, lift-tested or bounded) may fall, never rise; one whose lower end is above the
   * upper end of such a channel may rise, never fall; each only as far as its interval, taken at the new spend,
   * keeps supporting the move (a falling channel's marginal return rises as it falls). One whose interval
   * supports both directions or neither, whose ROI is estimated at 0, or any channel of a model without
   * resamples stays held. The plan is then valued and scaled back as every cautious plan.
   *
   * @param request the budget and bounds
   * @return the plan
   * @throws InvalidFieldException if the bounds cannot meet the budget or the minimum ROI, or name an unknown
   *     channel
   */
  public BudgetPlan recommend(BudgetRequest request) {
    int channels = data.channels().size();
    double[] current = new double[channels];
    double[] lower = new double[channels];
    double[] upper = new double[channels];
    double totalPerPeriod = 0;
    for (int c = 0; c < channels; c++) {
      current[c] = data.totalSpend(data.channels().get(c)) / data.periods().size();
      totalPerPeriod += current[c];
    }
    for (String named : request.bounds().keySet()) {
      data.index(named);
    }
    for (int c = 0; c < channels; c++) {
      current[c] *= request.perPeriod() / totalPerPeriod;
      BudgetRequest.Bounds bounds = request.bounds().get(data.channels().get(c));
      lower[c] = bounds != null ? bounds.least() : request.lowFactor() * current[c];
      upper[c] = bounds != null ? bounds.most() : request.highFactor() * current[c];
    }
    observedRange(request, current, lower, upper);
    boolean cautious = request.cautious();
    List<List<ChannelCurve>> draws = draws();
    DoubleUnaryOperator[] responses = cautious ? Caution.responses(draws, current) : expectedResponses(draws);
    double[] recommended = !cautious ? null
        : request.releaseHeld() ? released(responses, request, current, lower, upper, draws)
        : split(responses, request, current, lower, upper, held(request));
    if (recommended == null) {
      recommended = split(responses, request, current, lower, upper, new boolean[channels]);
    }
    if (recommended == null) {
      throw request.minimumRoi() > 0
          ? new InvalidFieldException("minimumRoi", request.minimumRoi(),
              "is not reached by any split of at most " + String.format(java.util.Locale.ROOT, "%.2f",
                  request.perPeriod()) + " within the channels' bounds")
          : new InvalidFieldException("budget", request.perPeriod(), "cannot be split within the channels' bounds");
    }
    if (cautious && request.minimumRoi() == 0 && within(current, lower, upper)) {
      recommended = Caution.scaledBack(curves, resamples, current, recommended, BudgetRequest.CONFIDENCE);
    }
    double total = request.minimumRoi() > 0 ? Arrays.stream(recommended).sum() : request.perPeriod();
    return plan(total, current, recommended);
  }

  /** Whether every channel's current spend meets its bounds, so that scaling back towards it keeps them. */
  private static boolean within(double[] current, double[] lower, double[] upper) {
    for (int c = 0; c < current.length; c++) {
      double slack = 1e-9 * current[c];
      if (current[c] < lower[c] - slack || current[c] > upper[c] + slack) {
        return false;
      }
    }
    return true;
  }

  /**
   * The cautious split releasing held channels: those the fit cannot pin down held at their current spend,
   * except that each may move in the direction its marginal return's interval supports, as far as it supports it
   * ({@link Release}). {@code null} when the bounds (or the minimum ROI) cannot be met.
   */
  private double @org.jspecify.annotations.Nullable [] released(DoubleUnaryOperator[] responses,
      BudgetRequest request, double[] current, double[] lower, double[] upper, List<List<ChannelCurve>> draws) {
    boolean[] held = held(request);
    double[] fit = totals(curves);
    double[][] roiDraws = roiDraws();
    double[] @org.jspecify.annotations.Nullable [] roiScale = new double[held.length][];
    for (int c = 0; c < held.length; c++) {
      // the fit's ROI (the mode), as the plan's curves are the fit's
      double roi = fit[c] / data.totalSpend(data.channels().get(c));
      Interval interval = roiInterval(roiDraws[c], roi, c);
      roiScale[c] = roi > 0 ? new double[] {interval.lower() / roi, interval.upper() / roi} : null;
    }
    double[] @org.jspecify.annotations.Nullable [] released =
        Release.bounds(draws, current, roiScale, held, lower, upper);
    double[] low = lower.clone();
    double[] high = upper.clone();
    for (int c = 0; c < held.length; c++) {
      double[] range = released[c];
      if (range != null) {
        held[c] = false;
        low[c] = range[0];
        high[c] = range[1];
      }
    }
    return split(responses, request, current, low, high, held);
  }

  /** The channels a cautious request holds: neither movable nor bounded by the request. */
  private boolean[] held(BudgetRequest request) {
    boolean[] held = new boolean[data.channels().size()];
    for (int c = 0; c < held.length; c++) {
      held[c] = !identification.get(c).movable() && !request.bounds().containsKey(data.channels().get(c));
    }
    return held;
  }

  /**
   * The best split with the {@code held} channels at their current spend and the others split by the dynamic
   * programme; {@code null} when the bounds (or the minimum ROI) cannot be met.
   */
  private double @org.jspecify.annotations.Nullable [] split(DoubleUnaryOperator[] responses,
      BudgetRequest request, double[] current, double[] lower, double[] upper, boolean[] held) {
    int channels = current.length;
    int free = 0;
    double heldSpend = 0;
    double heldOutcome = 0;
    for (int c = 0; c < channels; c++) {
      if (held[c]) {
        heldSpend += current[c];
        heldOutcome += responses[c].applyAsDouble(current[c]);
      } else {
        free++;
      }
    }
    if (free == 0) {
      boolean meets = heldOutcome >= request.minimumRoi() * heldSpend;
      return meets ? current.clone() : null;
    }
    DoubleUnaryOperator[] freeResponses = new DoubleUnaryOperator[free];
    double[] freeLower = new double[free];
    double[] freeUpper = new double[free];
    for (int c = 0, f = 0; c < channels; c++) {
      if (!held[c]) {
        freeResponses[f] = responses[c];
        freeLower[f] = lower[c];
        freeUpper[f++] = upper[c];
      }
    }
    double[] freeSplit = Allocation.best(freeResponses, request.perPeriod() - heldSpend, freeLower, freeUpper,
        BUDGET_STEPS, request.minimumRoi(), heldOutcome, heldSpend);
    if (freeSplit == null) {
      return null;
    }
    double[] out = new double[channels];
    for (int c = 0, f = 0; c < channels; c++) {
      out[c] = held[c] ? current[c] : freeSplit[f++];
    }
    return out;
  }

  /**
   * Values a split of the budget chosen elsewhere (a single move between two channels, say) as {@link
   * #recommend} values its own: against the current split at the same total, with the gain's bootstrap
   * interval, so that any proposed move is judged by the same curves and the same uncertainty.
   *
   * @param spendPerPeriod the proposed spend per period of every channel
   * @return the plan of that split
   * @throws InvalidFieldException if a channel is missing or unknown, or a spend is negative or not finite, or
   *     the total is not positive
   */
  public BudgetPlan evaluate(Map<String, Double> spendPerPeriod) {
    int channels = data.channels().size();
    double[] proposed = new double[channels];
    double total = 0;
    for (String named : spendPerPeriod.keySet()) {
      data.index(named);
    }
    for (int c = 0; c < channels; c++) {
      Double spend = spendPerPeriod.get(data.channels().get(c));
      if (spend == null || !(spend >= 0) || spend == Double.POSITIVE_INFINITY) {
        throw new InvalidFieldException("spendPerPeriod." + data.channels().get(c), spend,
            "must be given, finite and not negative for every channel");
      }
      proposed[c] = spend;
      total += spend;
    }
    if (!(total > 0)) {
      throw new InvalidFieldException("spendPerPeriod", total, "must total more than 0");
    }
    double[] current = new double[channels];
    double currentTotal = 0;
    for (int c = 0; c < channels; c++) {
      current[c] = data.totalSpend(data.channels().get(c)) / data.periods().size();
      currentTotal += current[c];
    }
    for (int c = 0; c < channels; c++) {
      current[c] *= total / currentTotal;
    }
    return plan(total, current, proposed);
  }

  private BudgetPlan plan(double budget, double[] current, double[] recommended) {
    int channels = current.length;
    List<ChannelAllocation> lines = new ArrayList<>(channels);
    for (int c = 0; c < channels; c++) {
      ChannelCurve curve = curves.get(c);
      lines.add(new ChannelAllocation(data.channels().get(c), current[c], recommended[c],
          curve.steady(current[c]), curve.steady(recommended[c])));
    }
    double gain = gain(curves, current, recommended);
    double[] draws = new double[resamples.size()];
    for (int r = 0; r < draws.length; r++) {
      draws[r] = gain(resamples.get(r), current, recommended);
    }
    return new BudgetPlan(budget, lines, gain, interval(draws, gain));
  }

  /** The estimate's curves and every resample's. */
  private List<List<ChannelCurve>> draws() {
    List<List<ChannelCurve>> draws = new ArrayList<>(resamples.size() + 1);
    draws.add(curves);
    draws.addAll(resamples);
    return draws;
  }

  /**
   * Each channel's expected response: the mean over the point estimate and the bootstrap resamples, so that a
   * recommendation maximises the expected outcome under the fit's uncertainty rather than betting on the
   * point estimate's curvature.
   */
  private static DoubleUnaryOperator[] expectedResponses(List<List<ChannelCurve>> draws) {
    DoubleUnaryOperator[] out = new DoubleUnaryOperator[draws.get(0).size()];
    for (int c = 0; c < out.length; c++) {
      int channel = c;
      out[c] = spend -> draws.stream().mapToDouble(set -> set.get(channel).steady(spend)).average().orElse(0);
    }
    return out;
  }

  /**
   * Narrows the default bounds of the channels without explicit ones to the range the data saw: the 5th to
   * 95th percentile of the channel's carried-over spend (the first tenth of the periods left out while the
   * carry-over builds up), widened to include the current spend. A steady spend per period carries over to
   * itself, so outside that range the curve is extrapolated. Left as it was when the narrowed bounds cannot
   * meet the budget.
   */
  private void observedRange(BudgetRequest request, double[] current, double[] lower, double[] upper) {
    int channels = current.length;
    double[] low = lower.clone();
    double[] high = upper.clone();
    for (int c = 0; c < channels; c++) {
      String channel = data.channels().get(c);
      if (request.bounds().containsKey(channel)) {
        continue;
      }
      double[] carried = curves.get(c).carry(data.spend(channel));
      Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
      percentile.setData(Arrays.copyOfRange(carried, carried.length / 10, carried.length));
      low[c] = Math.max(lower[c], Math.min(current[c], percentile.evaluate(5)));
      high[c] = Math.min(upper[c], Math.max(current[c], percentile.evaluate(95)));
    }
    double least = Arrays.stream(low).sum();
    double most = Arrays.stream(high).sum();
    if (least <= request.perPeriod() && (most >= request.perPeriod() || request.minimumRoi() > 0)) {
      System.arraycopy(low, 0, lower, 0, channels);
      System.arraycopy(high, 0, upper, 0, channels);
    }
  }

  private static double gain(List<ChannelCurve> curves, double[] current, double[] recommended) {
    return Caution.gain(curves, current, recommended);
  }

  private double[] totals(List<ChannelCurve> set) {
    double[] out = new double[set.size()];
    for (int c = 0; c < out.length; c++) {
      for (double v : set.get(c).contributions(data.spend(data.channels().get(c)))) {
        out[c] += v;
      }
    }
    return out;
  }

  private double marginalRoi(ChannelCurve curve, int c) {
    double[] spend = data.spend(data.channels().get(c));
    double before = 0;
    double spent = 0;
    for (double v : curve.contributions(spend)) {
      before += v;
    }
    for (int t = 0; t < spend.length; t++) {
      spent += spend[t];
      spend[t] *= 1 + MARGINAL_STEP;
    }
    double after = 0;
    for (double v : curve.contributions(spend)) {
      after += v;
    }
    return (after - before) / (MARGINAL_STEP * spent);
  }

  /**
   * The interval widened to hold the estimate: for a channel reported at its profile posterior's mean ROI, whose
   * bootstrap refits lie around the fit's mode. (Elsewhere an estimate outside its refits' interval is left so: it
   * says the refits, drawn towards the ROI prior, disagree with the fit.)
   */
  private static Interval holding(Interval interval, double estimate) {
    return new Interval(Math.min(interval.lower(), estimate), Math.max(interval.upper(), estimate), LEVEL);
  }

  /**
   * The union of the bootstrap's percentile interval and the channel's profile interval: the refits start from
   * the estimate and share its basin, the profile finds the other fits of a channel the data cannot see.
   */
  private Interval roiInterval(double[] draws, double roi, int c) {
    Interval bootstrap = interval(draws, roi);
    if (profiles.isEmpty()) {
      return bootstrap;
    }
    double[] profile = profiles.get(c);
    return new Interval(Math.min(bootstrap.lower(), profile[0]), Math.max(bootstrap.upper(), profile[1]), LEVEL);
  }

  private static Interval interval(double[] draws, double estimate) {
    if (draws.length == 0) {
      return new Interval(estimate, estimate, LEVEL);
    }
    // linear interpolation between order statistics, the percentile definition of numpy and R's default
    Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
    percentile.setData(draws);
    double tail = (1 - LEVEL) / 2;
    return new Interval(percentile.evaluate(100 * tail), percentile.evaluate(100 * (1 - tail)), LEVEL);
  }
}
