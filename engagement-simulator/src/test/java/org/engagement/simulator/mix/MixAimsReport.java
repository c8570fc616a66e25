package org.engagement.simulator.mix;

import java.util.List;
import java.util.Locale;
import org.engagement.roi.mix.MixSettings;

/**
 * Prints issue 14's aims per seed and over seeds 1 to 8 ({@link MixAims}), the harness behind the figures in
 * the README: {@code java -cp ... org.engagement.simulator.mix.MixAimsReport [resamples [seeds]]}, with
 * {@code -Dlift=channel,...} a lift test on those channels ({@link MixAims#measure(long, MixSettings, List)}), with
 * {@code -Dridge=x} another ridge penalty (with {@code -Dridge=cv} the one {@link
 * org.engagement.roi.mix.MarketingMix#validatedRidge} chooses per seed), with {@code -Ddetails=true} each channel's share, ROI interval,
 * half-life, identification and recommended spend against the truth, with {@code -Dplans=true} on the worlds'
 * campaign spend plans ({@link MixWorldSpec.Plans#CAMPAIGNS}) instead of the default ones, with {@code -Dfrom=9} the
 * seeds from 9 on (a fresh set to confirm figures judged on seeds 1 to 8), with {@code -Dworld=s-curves} on
 * {@link MixWorldSpec#sCurves} (every channel S-shaped) or {@code -Dworld=misallocated} on {@link
 * MixWorldSpec#misallocated} (today's budget far from the optimum) instead of {@link MixWorldSpec#defaults}, with
 * {@code -Dseparation=roi} the "separated" plan's marginal ROI intervals scaled from the ROI intervals
 * ({@link MixAims#separated}); "releasing held" is the cautious plan of {@link
 * org.engagement.roi.mix.BudgetRequest#releasingHeld()}. "reflected"
 * counts the true ROIs inside each interval reflected about its estimate (the basic bootstrap interval, had the
 * model's been a percentile one).
 */
final class MixAimsReport {
  private MixAimsReport() {}

  public static void main(String[] args) {
    int resamples = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String lift = System.getProperty("lift", "");
    List<String> tested = lift.isEmpty() ? List.of() : List.of(lift.split(","));
    MixSettings w = MixSettings.weekly();
    String ridgeOption = System.getProperty("ridge", String.valueOf(w.ridge()));
    boolean validate = "cv".equals(ridgeOption);
    double ridge = validate ? w.ridge() : Double.parseDouble(ridgeOption);
    MixSettings settings = new MixSettings(w.adstock(), w.maxLag(), w.maxHalfLife(), w.seasonLength(),
        w.fourierOrder(), ridge, w.starts(), w.evaluations(), resamples, w.blockLength(), w.seed());
    double error = 0;
    int covered = 0;
    int reflected = 0;
    int intervals = 0;
    double ratio = 0;
    double seen = 0;
    double expected = 0;
    int losses = 0;
    int expectedLosses = 0;
    double held = 0;
    int heldLosses = 0;
    double separated = 0;
    int separatedLosses = 0;
    double released = 0;
    int releasedLosses = 0;
    boolean plans = Boolean.getBoolean("plans");
    long first = Long.getLong("from", 1);
    for (long seed = first; seed < first + seeds; seed++) {
      MixWorldSpec world = MixWorlds.spec(seed);
      MixWorldSpec spec = plans ? world.withPlans(MixWorldSpec.Plans.CAMPAIGNS) : world;
      MixAims aims = MixAims.measure(spec, settings, tested, validate);
      System.out.printf(Locale.ROOT,
          "seed %d: share error %.4f, covered %d/%d (reflected %d), gain ratio %.3f (within the spend seen %.3f;"
          + " without caution %.3f, without caution but holding %.3f, holding and separated %.3f; releasing held"
          + " %.3f), fit %.1f s%n",
          seed, aims.shareError(), aims.covered(), aims.channels(), aims.coveredBasic(), aims.gainRatio(),
          aims.seenGainRatio(), aims.expectedGainRatio(), aims.heldGainRatio(), aims.separatedGainRatio(),
          aims.releasedGainRatio(), aims.seconds());
      if (Boolean.getBoolean("details")) {
        System.out.print(aims.details());
      }
      error += aims.shareError() / seeds;
      covered += aims.covered();
      reflected += aims.coveredBasic();
      intervals += aims.channels();
      ratio += aims.gainRatio() / seeds;
      seen += aims.seenGainRatio() / seeds;
      expected += aims.expectedGainRatio() / seeds;
      held += aims.heldGainRatio() / seeds;
      heldLosses += aims.heldGainRatio() < 0 ? 1 : 0;
      separated += aims.separatedGainRatio() / seeds;
      separatedLosses += aims.separatedGainRatio() < 0 ? 1 : 0;
      released += aims.releasedGainRatio() / seeds;
      releasedLosses += aims.releasedGainRatio() < 0 ? 1 : 0;
      losses += aims.gainRatio() < 0 ? 1 : 0;
      expectedLosses += aims.expectedGainRatio() < 0 ? 1 : 0;
    }
    System.out.printf(Locale.ROOT,
        "mean share error %.4f, coverage %.3f (reflected %.3f), mean gain ratio %.3f (within the spend seen %.3f),"
        + " losses on %d of %d seeds; without caution %.3f, losses on %d; without caution but holding %.3f,"
        + " losses on %d; holding and separated %.3f, losses on %d; cautious releasing held %.3f, losses on %d%n",
        error, (double) covered / intervals, (double) reflected / intervals, ratio, seen, losses, seeds, expected,
        expectedLosses, held, heldLosses, separated, separatedLosses, released, releasedLosses);
  }
}
