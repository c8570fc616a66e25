package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ExposureHazardModelTest {
  private static final Instant T0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Currency USD = Currency.getInstance("USD");
  private static final double DAY = 86_400_000.0;
  private static final double MARKET_DAYS = 150;
  private static final double TOUCH_EVERY_DAYS = 14;

  /** A channel of the small world: who it reaches, from when (days after arrival), its hazard per week. */
  private record Spec(String name, double reach, double fromDay, double spreadDays, double hazard) {}

  /** Baseline per week, and three channels: one from arrival, one a little later, one from day 60 (late). */
  private static final double BASELINE = 0.005;
  private static final List<Spec> CHANNELS = List.of(new Spec("arrival", 0.7, 0, 0, 0.010),
      new Spec("middle", 0.5, 0, 40, 0.015), new Spec("late", 0.5, 60, 0, 0.025));

  /**
   * A person of the small world: where each channel starts touching them (NaN: never), and the exponential
   * threshold the integrated hazard must reach for them to buy (the same draw replayed without a channel).
   */
  private static final class Person {
    private final List<Spec> channels;
    private final double[] start;
    private final double threshold;

    Person(List<Spec> channels, double[] start, double threshold) {
      this.channels = channels;
      this.start = start;
      this.threshold = threshold;
    }

    double[] start() {
      return start;
    }

    double firstTouch() {
      return Arrays.stream(start).filter(s -> !Double.isNaN(s)).min().orElse(Double.NaN);
    }

    /** The day they buy with the channels {@code on}, or NaN if not within the market window. */
    double conversionDay(boolean[] on) {
      double from = firstTouch();
      if (!(from < MARKET_DAYS)) {
        return Double.NaN;
      }
      double[] points = Arrays.stream(start).filter(s -> !Double.isNaN(s)).sorted().toArray();
      double integrated = 0;
      double t = from;
      for (int k = 0; k <= points.length; k++) {
        double until = k < points.length ? Math.max(t, points[k]) : MARKET_DAYS;
        double rate = BASELINE;
        for (int c = 0; c < start.length; c++) {
          if (on[c] && !Double.isNaN(start[c]) && start[c] <= t) {
            rate += channels.get(c).hazard();
          }
        }
        double weeks = (until - t) / 7;
        if (integrated + rate * weeks >= threshold) {
          return t + (threshold - integrated) / rate * 7;
        }
        integrated += rate * weeks;
        t = until;
      }
      return Double.NaN;
    }
  }

  private static List<Person> people(long seed, int count) {
    return people(seed, count, CHANNELS);
  }

  private static List<Person> people(long seed, int count, List<Spec> channels) {
    Random random = new Random(seed);
    List<Person> people = new ArrayList<>();
    while (people.size() < count) {
      double[] start = new double[channels.size()];
      for (int c = 0; c < start.length; c++) {
        Spec spec = channels.get(c);
        start[c] = random.nextDouble() < spec.reach() ? spec.fromDay() + random.nextDouble() * spec.spreadDays()
            : Double.NaN;
      }
      Person person = new Person(channels, start, -Math.log(1 - random.nextDouble()));
      if (!Double.isNaN(person.firstTouch())) {
        people.add(person);
      }
    }
    return people;
  }

  private static boolean[] allBut(int dropped) {
    boolean[] on = new boolean[CHANNELS.size()];
    Arrays.fill(on, true);
    if (dropped >= 0) {
      on[dropped] = false;
    }
    return on;
  }

  /** The interactions: each channel touches every two weeks from its start until the purchase or market exit. */
  private static List<Interaction> interactions(List<Person> people) {
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person person = people.get(i);
      String customer = "p" + i;
      double bought = person.conversionDay(allBut(-1));
      double end = Double.isNaN(bought) ? MARKET_DAYS : bought;
      for (int c = 0; c < CHANNELS.size(); c++) {
        for (double day = person.start()[c]; day <= end; day += TOUCH_EVERY_DAYS) {
          out.add(at(customer, CHANNELS.get(c).name(), day, InteractionType.CLICK, null));
        }
      }
      if (!Double.isNaN(bought)) {
        out.add(at(customer, "web", bought, InteractionType.PURCHASE, Money.ofMinor(10_000, USD)));
      }
    }
    return out;
  }

  private static Interaction at(String customer, String channel, double day, InteractionType type,
      @Nullable Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(T0.plusMillis(Math.round(day * DAY))).type(type).value(value).build();
  }

  private static JourneySet journeys(List<Person> people) {
    return JourneyRules.defaults().withLookback(Duration.ofDays(365)).journeys(interactions(people))
        .toJourneySet();
  }

  /** The true shares: each channel's conversions lost when the same people are replayed without it. */
  private static Map<String, Double> truth(List<Person> people) {
    return truth(people, CHANNELS);
  }

  private static Map<String, Double> truth(List<Person> people, List<Spec> channels) {
    double[] lost = new double[channels.size()];
    for (Person person : people) {
      boolean bought = !Double.isNaN(person.conversionDay(allBut(-1)));
      for (int c = 0; c < lost.length; c++) {
        lost[c] += (bought ? 1 : 0) - (Double.isNaN(person.conversionDay(allBut(c))) ? 0 : 1);
      }
    }
    double sum = Arrays.stream(lost).sum();
    Map<String, Double> shares = new LinkedHashMap<>();
    for (int c = 0; c < lost.length; c++) {
      shares.put(channels.get(c).name(), lost[c] / sum);
    }
    return shares;
  }

  private static double share(AttributionResult result, String channel) {
    return result.conversions(channel) / result.totalConversions();
  }

  @Test
  void theFitInTimeRecoversTheHazardsOfTheWorldItAssumes() {
    JourneySet set = journeys(people(1, 8_000));
    ExposureTimes exposures = ExposureTimes.of(set.timed().orElseThrow(), set.channels(), List.of());
    double[] theta = ExposureHazardModel.fit(exposures);
    assertThat(theta[0]).as("baseline per week").isCloseTo(BASELINE, within(0.002));
    for (Spec spec : CHANNELS) {
      assertThat(theta[1 + set.channels().id(spec.name()).orElseThrow()]).as(spec.name())
          .isCloseTo(spec.hazard(), within(0.3 * spec.hazard()));
    }
  }

  /**
   * The late channel (touching from day 60) against the replay without it: the time-free fit of the same people
   * reads it as weak (measured share 0.029 for a true 0.341), the fit in time nearly recovers it (0.286; 0.285
   * before the horizon). The credit counts the conversions lost by each journey's end, not over the whole market
   * window, so a converter who would have bought later without a channel counts as lost: that leans towards
   * channels that touch early (measured: arrival 0.415 for a true 0.353, middle 0.299 for 0.306), hence the bound
   * of 0.08 on every channel and the late channel's error asked to be at most a quarter of the time-free fit's.
   */
  @Test
  void creditsTheLateChannelNearTheReplayWhereTheSetFitDoesNot() {
    List<Person> people = people(2, 8_000);
    JourneySet set = journeys(people);
    Map<String, Double> truth = truth(people);
    AttributionResult inTime = ExposureHazardModel.create().attribute(set);
    AttributionResult sets = AdditiveHazardModel.create().attribute(set);
    System.out.printf(Locale.ROOT, "truth %s; exposure-hazard late %.4f arrival %.4f middle %.4f;"
        + " additive-hazard late %.4f%n", truth, share(inTime, "late"), share(inTime, "arrival"),
        share(inTime, "middle"), share(sets, "late"));
    for (Spec spec : CHANNELS) {
      assertThat(share(inTime, spec.name())).as(spec.name()).isCloseTo(truth.get(spec.name()), within(0.08));
    }
    double lateInTime = Math.abs(share(inTime, "late") - truth.get("late"));
    double lateSets = Math.abs(share(sets, "late") - truth.get("late"));
    assertThat(lateSets).as("the time-free fit reads the late channel as weak").isGreaterThan(0.2);
    assertThat(lateInTime).isLessThan(lateSets / 4);
  }

  /** How long the data of the steady-channel world runs: three market windows. */
  private static final double DATA_DAYS = 3 * MARKET_DAYS;
  /**
   * The steady-channel world: the arrival and middle channels, and a steady one whose first touch falls anywhere
   * in the market window (a newsletter's first mail after a person signed up).
   */
  private static final List<Spec> STEADY = List.of(CHANNELS.get(0), CHANNELS.get(1),
      new Spec("steady", 0.5, 0, MARKET_DAYS, 0.025));

  /**
   * The interactions of the steady-channel world: each channel touches every two weeks from its start until the
   * purchase, or, for people who did not buy, until the data's end, long after the market window closed for them,
   * as a newsletter keeps mailing everyone on its list.
   */
  private static JourneySet steadyJourneys(List<Person> people) {
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person person = people.get(i);
      double bought = person.conversionDay(allBut(-1));
      double end = Double.isNaN(bought) ? DATA_DAYS : bought;
      for (int c = 0; c < STEADY.size(); c++) {
        for (double day = person.start()[c]; day <= end; day += TOUCH_EVERY_DAYS) {
          out.add(at("p" + i, STEADY.get(c).name(), day, InteractionType.CLICK, null));
        }
      }
      if (!Double.isNaN(bought)) {
        out.add(at("p" + i, "web", bought, InteractionType.PURCHASE, Money.ofMinor(10_000, USD)));
      }
    }
    return JourneyRules.defaults().withLookback(Duration.ofDays(500)).journeys(out).toJourneySet();
  }

  /**
   * Issue 13 (the newsletter of engagement-simulator's drawn confounded worlds of seeds 11 and 23): people who did
   * not buy are touched long after their market window closed, so a journey that did not convert, followed to its
   * last touch, adds purchase-free time that no hazard of the model explains, most of it to the steady channel,
   * whose first touches come latest. Followed only to the horizon of the observed conversions (the fit then reads
   * the time in which journeys are seen to convert), the steady and middle channels come near the replay.
   * Measured (8,000 people; shares arrival, middle, steady): replay 0.362, 0.335, 0.303; followed to the last touch
   * 0.468, 0.403, 0.130; with the horizon 0.472, 0.308, 0.220; with the touches of people who did not buy stopping
   * at the end of their market window 0.389, 0.329, 0.283 (what the data would need to say). The arrival channel's
   * excess is the lean to early channels of {@link #creditsTheLateChannelNearTheReplayWhereTheSetFitDoesNot}. The
   * bounds (steady within 0.1 of the replay, middle within 0.05) fail followed to the last touch (0.174, 0.068).
   */
  @Test
  void aChannelStillTouchingAfterTheMarketWindowIsNotReadAsWeak() {
    List<Person> people = people(6, 8_000, STEADY);
    Map<String, Double> truth = truth(people, STEADY);
    AttributionResult result = ExposureHazardModel.create().attribute(steadyJourneys(people));
    System.out.printf(Locale.ROOT, "steady channel after the market window: truth %s; exposure-hazard arrival %.4f"
        + " middle %.4f steady %.4f%n", truth, share(result, "arrival"), share(result, "middle"),
        share(result, "steady"));
    assertThat(share(result, "steady")).isCloseTo(truth.get("steady"), within(0.1));
    assertThat(share(result, "middle")).isCloseTo(truth.get("middle"), within(0.05));
  }

  /** Weekly rate of a buyer's repeat purchases, the same with or without any channel. */
  private static final double REPEAT_WEEKLY = 0.08;
  /** How long buyers are followed after the market window: the channels keep touching them. */
  private static final double FOLLOWED_DAYS = 300;

  /**
   * The small world with repeat buying: after the first purchase a buyer buys again at {@value #REPEAT_WEEKLY}
   * a week whatever touches them, and every channel that reached them keeps touching every two weeks until day
   * {@value #FOLLOWED_DAYS}. With {@code splitAtPurchases} each journey is given a customer of its own (the
   * same touches and purchases, but every journey a first journey: the clock of exposure-hazard before repeat
   * purchases had a stratum of their own).
   */
  private static JourneySet repeatJourneys(List<Person> people, long seed, boolean splitAtPurchases) {
    Random random = new Random(seed);
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Person person = people.get(i);
      double bought = person.conversionDay(allBut(-1));
      List<Double> purchases = new ArrayList<>();
      for (double day = bought; !Double.isNaN(bought) && day <= FOLLOWED_DAYS;
          day += -Math.log(1 - random.nextDouble()) / REPEAT_WEEKLY * 7) {
        purchases.add(day);
      }
      double end = Double.isNaN(bought) ? MARKET_DAYS : FOLLOWED_DAYS;
      for (int c = 0; c < CHANNELS.size(); c++) {
        for (double day = person.start()[c]; day <= end; day += TOUCH_EVERY_DAYS) {
          out.add(at(customer(i, day, purchases, splitAtPurchases), CHANNELS.get(c).name(), day,
              InteractionType.CLICK, null));
        }
      }
      for (double day : purchases) {
        out.add(at(customer(i, day, purchases, splitAtPurchases), "web", day, InteractionType.PURCHASE,
            Money.ofMinor(10_000, USD)));
      }
    }
    return JourneyRules.defaults().withLookback(Duration.ofDays(400)).journeys(out).toJourneySet();
  }

  /** Person {@code i}'s id, or with {@code split} the id of their journey that holds {@code day}. */
  private static String customer(int i, double day, List<Double> purchases, boolean split) {
    return split ? "p" + i + "/" + purchases.stream().filter(p -> p < day).count() : "p" + i;
  }

  /**
   * On journeys that count every purchase (a journey per purchase, as a report cuts them), the repeat purchases,
   * which no channel causes here, go to the repeat stratum's baseline: the shares stay near the replay of first
   * purchases (the same bound as on first journeys). Each journey its own customer (the single clock from each
   * journey's first touch) hands them to the channels that touch buyers. Measured (4,000 people, 5,788
   * purchases): mean absolute error of the shares 0.0148 with the strata (arrival 0.331, middle 0.336, late
   * 0.333 for a true 0.348, 0.314, 0.338; 0.0112 before the horizon), 0.1069 with the single clock (0.188, 0.331,
   * 0.481); the test asks the single clock's error to be at least twice the strata's.
   */
  @Test
  void repeatPurchasesThatNoChannelCausesStayWithTheRepeatBaseline() {
    List<Person> people = people(4, 4_000);
    Map<String, Double> truth = truth(people);
    JourneySet whole = repeatJourneys(people, 5, false);
    JourneySet split = repeatJourneys(people, 5, true);
    assertThat(whole.timed().orElseThrow().size()).isEqualTo(split.timed().orElseThrow().size());
    assertThat(whole.totalConversions()).isEqualTo(split.totalConversions()).isGreaterThan(2 * people.size() / 3.0);
    AttributionResult strata = ExposureHazardModel.create().attribute(whole);
    AttributionResult single = ExposureHazardModel.create().attribute(split);
    double strataError = 0;
    double singleError = 0;
    for (Spec spec : CHANNELS) {
      strataError += Math.abs(share(strata, spec.name()) - truth.get(spec.name())) / CHANNELS.size();
      singleError += Math.abs(share(single, spec.name()) - truth.get(spec.name())) / CHANNELS.size();
    }
    System.out.printf(Locale.ROOT, "repeat purchases: truth %s; strata arrival %.4f middle %.4f late %.4f (error"
        + " %.4f); single clock arrival %.4f middle %.4f late %.4f (error %.4f); %.0f conversions%n", truth,
        share(strata, "arrival"), share(strata, "middle"), share(strata, "late"), strataError,
        share(single, "arrival"), share(single, "middle"), share(single, "late"), singleError,
        whole.totalConversions());
    for (Spec spec : CHANNELS) {
      assertThat(share(strata, spec.name())).as(spec.name()).isCloseTo(truth.get(spec.name()), within(0.08));
    }
    assertThat(singleError).isGreaterThan(2 * strataError);
  }

  /**
   * The resample form (warm-started Newton fits from the point fit) gives a fresh fit's credits on customer
   * resamples of journeys with repeat purchases (both strata) and of first journeys, to 1e-9 relative, with the
   * same notes; on its own set it answers as the model.
   */
  @Test
  void theResampleFormGivesAFreshFitsCreditsOnCustomerResamples() {
    List<Person> people = people(6, 1_500);
    for (JourneySet journeys : List.of(repeatJourneys(people, 7, false), journeys(people))) {
      ExposureHazardModel model = ExposureHazardModel.create();
      AttributionModel resampling = model.forResamplesOf(journeys);
      assertThat(resampling.attribute(journeys)).isSameAs(model.attribute(journeys));
      assertThat(resampling.name()).isEqualTo(ExposureHazardModel.NAME);
      for (long seed = 1; seed <= 3; seed++) {
        JourneySet resample = customerResample(journeys, seed);
        AttributionResult warm = resampling.attribute(resample);
        AttributionResult fresh = ExposureHazardModel.create().attribute(resample);
        for (int c = 0; c < journeys.channels().size(); c++) {
          assertThat(warm.conversions(c)).as("seed %d channel %d", seed, c)
              .isCloseTo(fresh.conversions(c), within(1e-9 * fresh.conversions(c)));
          assertThat(warm.value(c)).isCloseTo(fresh.value(c), within(1e-9 * fresh.value(c)));
        }
        assertThat(warm.notes()).containsExactlyElementsOf(fresh.notes());
      }
    }
  }

  /**
   * A resample's copies of a journey are read once (its touches are not scanned again for each copy): the
   * exposures, likelihood, derivatives, fit and conversions lost are bit for bit those of the same journeys
   * stored apart (each copy in columns of its own, read one by one), with and without a pair, on journeys with
   * repeat purchases (both strata) and on first journeys.
   */
  @Test
  void aResamplesCopiesGiveWhatTheSameJourneysStoredApartGive() {
    List<Person> people = people(8, 1_500);
    for (JourneySet journeys : List.of(repeatJourneys(people, 9, false), journeys(people))) {
      int a = journeys.channels().id("arrival").orElseThrow();
      int b = journeys.channels().id("middle").orElseThrow();
      for (long seed = 1; seed <= 2; seed++) {
        Journeys drawn = customerResample(journeys, seed).timed().orElseThrow();
        Journeys apart = drawn.withoutChannels(Set.of());
        assertThat(apart.size()).isEqualTo(drawn.size());
        for (List<int[]> pairs : List.of(List.<int[]>of(), List.of(new int[] {a, b}))) {
          ExposureTimes copies = ExposureTimes.of(drawn, journeys.channels(), pairs);
          ExposureTimes stored = ExposureTimes.of(apart, journeys.channels(), pairs);
          double[] theta = ExposureHazardModel.fit(stored);
          assertThat(ExposureHazardModel.fit(copies)).containsExactly(theta);
          assertThat(copies.value(theta)).isEqualTo(stored.value(theta));
          assertThat(copies.conversions()).isEqualTo(stored.conversions());
          int n = copies.dimension();
          double[] gradient = new double[n];
          double[][] hessian = new double[n][n];
          double[] storedGradient = new double[n];
          double[][] storedHessian = new double[n][n];
          copies.derivatives(theta, gradient, hessian);
          stored.derivatives(theta, storedGradient, storedHessian);
          assertThat(gradient).containsExactly(storedGradient);
          assertThat(hessian).isDeepEqualTo(storedHessian);
          assertThat(copies.lostWithout(theta)).containsExactly(stored.lostWithout(theta));
        }
      }
    }
  }

  /** Each customer's journeys taken a Poisson(1) number of times, as a bootstrap over customers draws them. */
  private static JourneySet customerResample(JourneySet journeys, long seed) {
    Journeys timed = journeys.timed().orElseThrow();
    Random random = new Random(seed);
    Map<String, Integer> copies = new LinkedHashMap<>();
    int[] perJourney = new int[timed.size()];
    for (int j = 0; j < timed.size(); j++) {
      perJourney[j] = copies.computeIfAbsent(timed.customerId(j), id -> poissonOne(random));
    }
    return timed.resample(perJourney).toJourneySet();
  }

  private static int poissonOne(Random random) {
    int k = 0;
    for (double p = random.nextDouble(); p > Math.exp(-1); p *= random.nextDouble()) {
      k++;
    }
    return k;
  }

  @Test
  void matchesThePlainPerJourneyFitWithAndWithoutAPair() {
    JourneySet set = journeys(people(3, 3_000));
    Journeys timed = set.timed().orElseThrow();
    int a = set.channels().id("arrival").orElseThrow();
    int b = set.channels().id("middle").orElseThrow();
    for (List<int[]> pairs : List.of(List.<int[]>of(), List.of(new int[] {a, b}))) {
      ExposureTimes exposures = ExposureTimes.of(timed, set.channels(), pairs);
      double[] lost = exposures.lostWithout(ExposureHazardModel.fit(exposures));
      double[] reference = ExposureTimeReference.lostWithout(timed, set.channels(), pairs);
      double sum = Arrays.stream(lost).sum();
      double referenceSum = Arrays.stream(reference).sum();
      for (int c = 0; c < lost.length; c++) {
        assertThat(lost[c] / sum).as("channel %d, %d pairs", c, pairs.size())
            .isCloseTo(reference[c] / referenceSum, within(1e-6));
      }
    }
  }

  @Test
  void refusesJourneysWithoutTimes() {
    JourneySet paths = JourneySet.builder().add(List.of("a", "b"), 3, 30, 5).add(List.of("b"), 1, 10, 9).build();
    assertThatThrownBy(() -> ExposureHazardModel.create().attribute(paths))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exposure-hazard needs touch times")
        .hasMessageContaining("paths only");
  }

  @Test
  void isInTheRegistryWithTheScreensLevel() {
    assertThat(AttributionModels.defaults().create("exposure-hazard")).isInstanceOf(ExposureHazardModel.class);
    assertThat(ExposureHazardModel.of(0.01).parameters().isEmpty()).isFalse();
    assertThat(ExposureHazardModel.create().parameters().isEmpty()).isTrue();
  }

  @Property(tries = 25)
  void creditsAreNonNegativeAndAddUpToTheConversionsAndValue(@ForAll @LongRange(min = 1, max = 10_000) long seed,
      @ForAll @IntRange(min = 40, max = 400) int count) {
    JourneySet set = journeys(people(seed, count));
    if (!(set.totalConversions() > 0 && set.totalNulls() > 0)) {
      return;
    }
    AttributionResult result = ExposureHazardModel.create().attribute(set);
    double conversions = 0;
    double value = 0;
    for (int c = 0; c < set.channels().size(); c++) {
      assertThat(result.conversions(c)).isNotNegative();
      conversions += result.conversions(c);
      value += result.value(c);
    }
    assertThat(conversions).isCloseTo(set.totalConversions(), within(1e-9 * set.totalConversions()));
    assertThat(value).isCloseTo(set.totalValue(), within(1e-9 * set.totalValue()));
    assertThat(result.additive()).isTrue();
  }
}
