package org.engagement.simulator.mix;

import java.util.List;
import java.util.Locale;
import org.engagement.roi.mix.MixSettings;

/**
 * Prints issue 14's aims per seed and over seeds 1 to 8 ({@link MixAims}), the harness behind the figures in
 * the README: {@code java -cp ... org.engagement.simulator.mix.MixAimsReport [resamples [seeds]]}, with
 * {@code -Dlift=channel,...} a lift test on those channels ({@link MixAims#measure(long, MixSettings, List)}), with
 * {@code -Dridge=x} another ridge penalty, with {@code -Ddetails=true} each channel's share, ROI interval, half-life and recommended spend against the truth.
 */
final class MixAimsReport {
  private MixAimsReport() {}

  public static void main(String[] args) {
    int resamples = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int seeds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    String lift = System.getProperty("lift", "");
    List<String> tested = lift.isEmpty() ? List.of() : List.of(lift.split(","));
    MixSettings w = MixSettings.weekly();
    double ridge = Double.parseDouble(System.getProperty("ridge", String.valueOf(w.ridge())));
    MixSettings settings = new MixSettings(w.adstock(), w.maxLag(), w.maxHalfLife(), w.seasonLength(),
        w.fourierOrder(), ridge, w.starts(), w.evaluations(), resamples, w.blockLength(), w.seed());
    double error = 0;
    int covered = 0;
    int intervals = 0;
    double ratio = 0;
    double seen = 0;
    for (long seed = 1; seed <= seeds; seed++) {
      MixAims aims = MixAims.measure(seed, settings, tested);
      System.out.printf(Locale.ROOT,
          "seed %d: share error %.4f, covered %d/%d, gain ratio %.3f (within the spend seen %.3f), fit %.1f s%n",
          seed, aims.shareError(), aims.covered(), aims.channels(), aims.gainRatio(), aims.seenGainRatio(),
          aims.seconds());
      if (Boolean.getBoolean("details")) {
        System.out.print(aims.details());
      }
      error += aims.shareError() / seeds;
      covered += aims.covered();
      intervals += aims.channels();
      ratio += aims.gainRatio() / seeds;
      seen += aims.seenGainRatio() / seeds;
    }
    System.out.printf(Locale.ROOT,
        "mean share error %.4f, coverage %.3f, mean gain ratio %.3f (within the spend seen %.3f)%n", error,
        (double) covered / intervals, ratio, seen);
  }
}
