package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.attribution.CreditChecks.answer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.attribution.journey.FirstTouches;
import org.engagement.attribution.journey.JourneyResampler;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;

/**
 * A resample's exposures read from the first touches of everyone's journeys ({@link FirstTouches}, read once per
 * bootstrap) are bit for bit those read from the resample's touches, journey by journey, as the resample form read
 * them before (issue 16): the likelihood, its derivatives, the fit and the conversions lost, with and without a
 * pair, with a channel index that lacks some of the journeys' channels, on random journeys of every purchase (both
 * strata) and random draws of the customers; and so the resample form's credits on a resample are those of the
 * same form whose first touches do not cover it (which reads the touches).
 */
class ResampleExposureTimesTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final String[] CHANNELS = {"display", "email", "search", "social", "video"};
  private static final JourneyRules RULES =
      JourneyRules.defaults().withLookback(Duration.ofDays(500)).withAsOf(T0.plus(Duration.ofDays(401)));

  @Property(tries = 150)
  void exposuresFromFirstTouchesEqualThoseReadFromTheTouches(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    JourneySet set = RULES.journeys(interactions(random)).toJourneySet();
    if (set.timed().orElseThrow().size() == 0) {
      return;
    }
    FirstTouches firsts = FirstTouches.of(set.timed().orElseThrow());
    JourneyResampler resampler = JourneyResampler.of(set);
    JourneySet resample = resampler.resample(draws(resampler.customers(), random));
    JourneySet few = resampler.resample(oneCustomer(resampler.customers(), random));
    Journeys drawn = resample.timed().orElseThrow();
    for (ChannelIndex index : List.of(resample.channels(), few.channels(), set.channels())) {
      for (List<int[]> pairs : pairs(index)) {
        assertSame(ExposureTimes.of(drawn, index, pairs, firsts), ExposureTimes.of(drawn, index, pairs), random);
      }
    }
  }

  @Property(tries = 60)
  void theResampleFormsCreditsAreThoseReadFromTheTouches(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    JourneySet set = RULES.journeys(interactions(random)).toJourneySet();
    if (set.timed().orElseThrow().size() == 0) {
      return;
    }
    JourneySet apart = set.timed().orElseThrow().withoutChannels(Set.of()).toJourneySet();
    AttributionModel reading = ExposureHazardModel.create().forResamplesOf(set);
    AttributionModel readingTouches = ExposureHazardModel.create().forResamplesOf(apart);
    JourneyResampler resampler = JourneyResampler.of(set);
    for (int r = 0; r < 3; r++) {
      JourneySet resample = resampler.resample(draws(resampler.customers(), random));
      assertThat(answer(reading, resample)).isEqualTo(answer(readingTouches, resample));
    }
  }

  private static void assertSame(ExposureTimes read, ExposureTimes reference, SplittableRandom random) {
    int n = reference.dimension();
    assertThat(read.dimension()).isEqualTo(n);
    assertThat(read.conversions()).isEqualTo(reference.conversions());
    double[] theta = ExposureHazardModel.fit(reference);
    assertThat(ExposureHazardModel.fit(read)).containsExactly(theta);
    double[] other = new double[n];
    for (int i = 0; i < n; i++) {
      other[i] = random.nextDouble() * 0.1 + 1e-4;
    }
    for (double[] at : List.of(theta, other)) {
      assertThat(read.value(at)).isEqualTo(reference.value(at));
      double[] gradient = new double[n];
      double[][] hessian = new double[n][n];
      double[] referenceGradient = new double[n];
      double[][] referenceHessian = new double[n][n];
      read.derivatives(at, gradient, hessian);
      reference.derivatives(at, referenceGradient, referenceHessian);
      assertThat(gradient).containsExactly(referenceGradient);
      assertThat(hessian).isDeepEqualTo(referenceHessian);
      assertThat(read.lostWithout(at)).containsExactly(reference.lostWithout(at));
    }
  }

  /** No pair, and the first two channels of {@code index} as a pair when it has two. */
  private static List<List<int[]>> pairs(ChannelIndex index) {
    return index.size() < 2 ? List.of(List.of()) : List.of(List.of(), List.of(new int[] {0, 1}));
  }

  /** Each customer 0 to 2 times, sometimes 4: a bootstrap's counts. */
  private static int[] draws(int customers, SplittableRandom random) {
    int[] copies = new int[customers];
    for (int k = 0; k < customers; k++) {
      copies[k] = random.nextInt(8) == 0 ? 4 : random.nextInt(3);
    }
    return copies;
  }

  private static int[] oneCustomer(int customers, SplittableRandom random) {
    int[] copies = new int[customers];
    copies[random.nextInt(customers)] = 1;
    return copies;
  }

  /**
   * Up to 40 customers over 400 days, each touched by a few channels from a day of their own (ties, touches after
   * a purchase), about one in four touches a purchase (so journeys after a purchase: the second stratum).
   */
  private static List<Interaction> interactions(SplittableRandom random) {
    List<Interaction> out = new ArrayList<>();
    int customers = 1 + random.nextInt(40);
    for (int k = 0; k < customers; k++) {
      int events = 1 + random.nextInt(14);
      int from = random.nextInt(300);
      for (int e = 0; e < events; e++) {
        double day = from + random.nextInt(100) + (random.nextBoolean() ? 0.5 : 0);
        String channel = CHANNELS[random.nextInt(CHANNELS.length)];
        boolean purchase = random.nextInt(4) == 0;
        out.add(Interaction.builder().customerId("c" + k).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
            .timestamp(T0.plusMillis(Math.round(day * 86_400_000)))
            .type(purchase ? InteractionType.PURCHASE : InteractionType.CLICK)
            .value(purchase ? Money.ofMinor(1999L + 7L * e, EUR) : null).build());
      }
    }
    return out;
  }
}
