package org.engagement.simulator.mix;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.engagement.roi.mix.MixData;
import org.engagement.roi.mix.MixPriors;

/** Turns a simulated marketing-mix world into the SDK's series. */
final class MixWorlds {
  private MixWorlds() {}

  /**
   * The world of a seed named by {@code -Dworld}: {@code s-curves} ({@link MixWorldSpec#sCurves}),
   * {@code misallocated} ({@link MixWorldSpec#misallocated}), {@code blended:w} ({@link #blended}) or, by default,
   * {@link MixWorldSpec#defaults}.
   */
  static MixWorldSpec spec(long seed) {
    String world = System.getProperty("world", "default");
    if (world.startsWith("blended:")) {
      return blended(seed, Double.parseDouble(world.substring("blended:".length())));
    }
    return switch (world) {
      case "s-curves" -> MixWorldSpec.sCurves(seed);
      case "misallocated" -> MixWorldSpec.misallocated(seed);
      case "default" -> MixWorldSpec.defaults(seed);
      default -> throw new IllegalArgumentException(
          "-Dworld=" + world + ": must be default, s-curves, misallocated or blended:w");
    };
  }

  /**
   * The default world with today's spend a fraction {@code w} of the way (geometrically, per channel, the total
   * kept) to {@link MixWorldSpec#misallocated}'s: 0 the default, 1 the misallocated world.
   */
  static MixWorldSpec blended(long seed, double w) {
    MixWorldSpec defaults = MixWorldSpec.defaults(seed);
    MixWorldSpec misallocated = MixWorldSpec.misallocated(seed);
    double[] spends = new double[defaults.channels().size()];
    double total = 0;
    double blendedTotal = 0;
    for (int c = 0; c < spends.length; c++) {
      double from = defaults.channels().get(c).meanSpend();
      spends[c] = from * Math.pow(misallocated.channels().get(c).meanSpend() / from, w);
      total += from;
      blendedTotal += spends[c];
    }
    List<MixChannel> channels = new ArrayList<>();
    for (int c = 0; c < spends.length; c++) {
      channels.add(defaults.channels().get(c).withMeanSpend(spends[c] * total / blendedTotal));
    }
    return defaults.withChannels(channels);
  }

  /**
   * How many units of the world's outcome make one of the series' ({@code -Dkpi=K}, default 1): with K, the
   * outcome is counted in conversions worth K each and the fit takes {@link MixPriors#kpi()}.
   */
  static double kpiValue() {
    return Double.parseDouble(System.getProperty("kpi", "1"));
  }

  /**
   * The priors that suit the series' outcome: revenue by default, a KPI under {@code -Dkpi}; {@code
   * -Dprior=revenue} keeps the revenue priors for a KPI, as the SDK did before it had KPI priors; {@code
   * -Dhalflife=channel:median:factor} adds an analyst's half-life prior on one channel ({@link
   * MixPriors#withHalfLife}).
   */
  static MixPriors priors() {
    MixPriors priors = System.getProperty("kpi") == null || "revenue".equals(System.getProperty("prior"))
        ? MixPriors.defaults() : MixPriors.kpi();
    String halfLife = System.getProperty("halflife");
    if (halfLife == null) {
      return priors;
    }
    String[] parts = halfLife.split(":", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException("-Dhalflife=" + halfLife + ": must be channel:median:factor");
    }
    return priors.withHalfLife(parts[0], Double.parseDouble(parts[1]), Double.parseDouble(parts[2]));
  }

  static MixData data(MixWorld world) {
    MixData.Builder builder = MixData.builder();
    List<LocalDate> periods = world.periods();
    double[] outcome = world.outcome();
    for (int t = 0; t < periods.size(); t++) {
      builder.outcome(periods.get(t), outcome[t] / kpiValue());
    }
    for (int c = 0; c < world.channels().size(); c++) {
      double[] spend = world.spend(c);
      for (int t = 0; t < spend.length; t++) {
        builder.spend(periods.get(t), world.channels().get(c), spend[t]);
      }
    }
    return builder.build();
  }
}
