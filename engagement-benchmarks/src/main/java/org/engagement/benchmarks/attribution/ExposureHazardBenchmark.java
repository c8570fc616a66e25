package org.engagement.benchmarks.attribution;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.hazard.ExposureHazardModel;
import org.engagement.attribution.journey.JourneyResampler;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The {@code exposure-hazard} fit (issue 16: the report's {@code recommended} model on journeys that keep their
 * touch times, fitted once in the attribution section and once per bootstrap resample in the ROI section) on
 * timed journeys of {@value #PEOPLE} generated people over {@value #CHANNELS} channels: each channel reaches a
 * person with probability 0.3 from a day drawn in the first 120 and touches them every two weeks to day 150; a
 * person buys at a weekly hazard of 0.005 plus each started channel's effect (and a synergy for {@value #PAIRS}
 * pairs), then again at 0.02 a week (the repeat stratum). In milliseconds per run (single shot).
 * <ul>
 *   <li>{@code attribute}: the model on a journey set it has not seen (the additive fit and screen behind the
 *       pairs, the exposures, the fit in time and the credits), as in the attribution section;
 *   <li>{@code resampleRefit}: what the ROI bootstrap does on each resample of customers
 *       ({@link ExposureHazardModel#forResamplesOf}): the same steps with the fits started from the whole set's.
 * </ul>
 * Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar ExposureHazard}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10)
@Measurement(iterations = 10)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ExposureHazardBenchmark {
  /** People generated. */
  public static final int PEOPLE = 100_000;
  /** Channels. */
  public static final int CHANNELS = 10;
  /** Pairs of channels with synergy. */
  public static final int PAIRS = 2;

  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Money VALUE = Money.ofMinor(5_000, Currency.getInstance("USD"));
  private static final int DAYS = 150;

  private Journeys timed = JourneyRules.defaults().journeys(List.of());
  private JourneySet journeys = timed.toJourneySet();
  private JourneySet fresh = journeys;
  private JourneySet resample = journeys;
  private AttributionModel resampling = ExposureHazardModel.create();
  private JourneyResampler resampler = JourneyResampler.of(journeys);
  private long draws;

  /** Generates the journeys (seeded) and fits the model on them for the resamples' start. */
  @Setup(Level.Trial)
  public void makeJourneys() {
    timed = JourneyRules.defaults().withLookback(Duration.ofDays(DAYS + 1)).withAsOf(T0.plus(Duration.ofDays(DAYS)))
        .journeys(generate(new SplittableRandom(16)));
    journeys = timed.toJourneySet();
    resampling = ExposureHazardModel.create().forResamplesOf(journeys);
    resampler = JourneyResampler.of(journeys);
  }

  /** Another instance of the journeys, and another resample of their customers, for the next run. */
  @Setup(Level.Invocation)
  public void draw() {
    fresh = timed.toJourneySet();
    SplittableRandom random = new SplittableRandom(++draws);
    int customers = resampler.customers();
    int[] copies = new int[customers];
    for (int k = 0; k < customers; k++) {
      copies[random.nextInt(customers)]++;
    }
    resample = resampler.resample(copies);
  }

  /** The model on a journey set it has not seen; returns the first channel's credit. */
  @Benchmark
  public double attribute() {
    return ExposureHazardModel.create().attribute(fresh).conversions(0);
  }

  /** The resample form on a resample of the customers; returns the first channel's credit. */
  @Benchmark
  public double resampleRefit() {
    return resampling.attribute(resample).conversions(0);
  }

  private static List<Interaction> generate(SplittableRandom random) {
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      String customer = "p" + i;
      int[] start = new int[CHANNELS];
      for (int c = 0; c < CHANNELS; c++) {
        start[c] = random.nextDouble() < 0.3 ? random.nextInt(120) : -1;
        for (int day = start[c]; day >= 0 && day <= DAYS; day += 14) {
          out.add(at(customer, "channel-" + c, day + random.nextDouble(), InteractionType.CLICK, null));
        }
      }
      boolean bought = false;
      for (int day = 0; day < DAYS; day += 7) {
        double weekly = bought ? 0.02 : hazard(start, day);
        if (random.nextDouble() < -Math.expm1(-weekly)) {
          out.add(at(customer, "web", day + 7 * random.nextDouble(), InteractionType.PURCHASE, VALUE));
          bought = true;
        }
      }
    }
    return out;
  }

  private static double effect(int channel) {
    return 0.002 * (1 + channel);
  }

  /** The weekly hazard on {@code day} of a person whose channels started on the days {@code start} (-1: never). */
  private static double hazard(int[] start, int day) {
    double hazard = 0.005;
    for (int c = 0; c < CHANNELS; c++) {
      hazard += start[c] >= 0 && start[c] <= day ? effect(c) : 0;
    }
    for (int p = 0; p < PAIRS; p++) {
      int a = 2 * p;
      int b = 2 * p + 1;
      if (start[a] >= 0 && start[a] <= day && start[b] >= 0 && start[b] <= day) {
        hazard += 2 * (effect(a) + effect(b));
      }
    }
    return hazard;
  }

  private static Interaction at(String customer, String channel, double day, InteractionType type,
      @Nullable Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.plusMillis(Math.round(day * 86_400_000.0))).type(type).value(value).build();
  }
}
