package org.engagement.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.simulator.Journey.Touch;
import org.hipparchus.random.RandomDataGenerator;
import org.jspecify.annotations.Nullable;

/**
 * Simulates one person of a world from their own random stream, so that a person's life depends only on the
 * seed and their index, never on which other people are simulated or in what order. Immutable and
 * thread-safe.
 */
final class CustomerSimulation {
  static final long DAY = 86_400_000L;
  static final long WEEK = 7 * DAY;
  private static final String[] SEGMENTS = {"smb", "mid-market", "enterprise"};
  private static final double[] SEGMENT_CUMULATIVE = {0.6, 0.9, 1.0};
  private static final InteractionType[] STAGES =
      {InteractionType.LEAD, InteractionType.OPPORTUNITY, InteractionType.PURCHASE};
  /** The attribute of purchases that numbers them per customer ("1" is the first purchase). */
  static final String PURCHASE_NUMBER = "purchase_number";
  /** The customer attribute naming the segment. */
  static final String SEGMENT = "segment";
  /** The customer attribute holding the instant a customer left, for those who did. */
  static final String CHURNED_AT = "churned_at";
  private static final Comparator<Interaction> ORDER = Comparator.comparing(Interaction::timestamp)
      .thenComparing(Interaction::type)
      .thenComparing(i -> i.channel().id());

  private final WorldSpec spec;
  private final List<ChannelSpec> channels;
  private final long start;
  private final long end;
  private final long arrivalSpan;
  private final double valueScale;
  private final Channel untouchedChannel;
  private final FunnelJourneys funnel;
  private final MarkovJourneys markov;

  CustomerSimulation(WorldSpec spec) {
    this.spec = spec;
    this.channels = spec.channels();
    this.start = spec.startInstant().toEpochMilli();
    this.end = spec.endInstant().toEpochMilli();
    long inMarket = spec.inMarketWeeks() * WEEK;
    this.arrivalSpan = end - start > inMarket + WEEK ? end - start - inMarket : Math.max(DAY, (end - start) / 2);
    this.valueScale = StrictMath.pow(10, spec.currency().getDefaultFractionDigits());
    this.untouchedChannel = channels.stream().map(ChannelSpec::channel)
        .filter(c -> c.group() == ChannelGroup.DIRECT).findFirst().orElse(channels.get(0).channel());
    this.funnel = new FunnelJourneys(spec);
    this.markov = new MarkovJourneys(spec);
  }

  /** The id of person {@code index} (from 0): {@code c} and seven digits from 1. */
  static String customerId(int index) {
    return String.format(Locale.ROOT, "c%07d", index + 1L);
  }

  /** A well-mixed seed for person {@code index} (the finaliser of MurmurHash3 over seed and index). */
  static long seedOf(long seed, int index) {
    long z = seed + (index + 1L) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
    z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
    return z ^ (z >>> 33);
  }

  CustomerLife simulate(int index) {
    SplittableRandom rng = new SplittableRandom(seedOf(spec.seed(), index));
    String id = customerId(index);
    long arrival = seconds(start + (long) (rng.nextDouble() * arrivalSpan));
    int segment = segment(rng.nextDouble());
    SplittableRandom funnelRandom = rng.split();
    SplittableRandom valueRandom = rng.split();
    SplittableRandom surveyRandom = rng.split();
    RandomDataGenerator traits = RandomDataGenerator.of(new HipparchusRandom(rng.split()));
    SplittableRandom holdoutRandom = rng.split();
    SplittableRandom confoundRandom = rng.split();
    RepeatBuying buyers = spec.buyers();
    double rate = traits.nextGamma(buyers.r(), 1 / buyers.alpha());
    double dropout = traits.nextBeta(buyers.a(), buyers.b());
    double spendScale = traits.nextGamma(buyers.q(), 1 / buyers.gamma());
    double intent = traits.nextGamma(WorldMechanism.INTENT_SHAPE, 1 / WorldMechanism.INTENT_SHAPE);
    int heldOut = heldOut(holdoutRandom);

    Journey journey = spec.mechanism() == WorldMechanism.MARKOV
        ? markov.journey(rng.split(), funnelRandom, arrival, heldOut)
        : funnel.journey(rng.split(), funnelRandom, confoundRandom, arrival, heldOut,
            spec.mechanism() == WorldMechanism.CONFOUNDED ? intent : 1);
    List<Touch> touches = journey.touches();
    boolean purchased = journey.purchaseAt() >= 0;

    List<Interaction> events = new ArrayList<>();
    RandomDataGenerator spend = RandomDataGenerator.of(new HipparchusRandom(valueRandom));
    RepeatPurchases purchases = new RepeatPurchases(spec, untouchedChannel, valueScale);
    funnelEvents(id, journey, purchases.value(spend, spendScale), events);
    RepeatPurchases.Outcome repeat = purchased
        ? purchases.simulate(id, journey.purchaseAt(), rate, dropout, spendScale, spend, events)
        : null;
    long churnAt = repeat == null || repeat.aliveAtEnd() ? Long.MAX_VALUE : repeat.droppedAt();
    for (Touch touch : touches) {
      if (touch.millis() < churnAt) {
        events.add(toInteraction(id, touch));
      }
    }
    events.sort(ORDER);
    Attributes.Builder attributes = Attributes.builder().put(SEGMENT, SEGMENTS[segment]);
    if (churnAt != Long.MAX_VALUE) {
      attributes.put(CHURNED_AT, Instant.ofEpochMilli(churnAt));
    }
    Customer customer = new Customer(id, Instant.ofEpochMilli(arrival), attributes.build());
    SurveyAnswer answer = purchased ? answer(id, surveyRandom, touches, journey.purchaseAt()) : null;
    CustomerTruth truth = repeat == null ? null : new CustomerTruth(id, rate, dropout,
        buyers.spendShape() / spendScale, repeat.aliveAtEnd(), repeat.holdoutPurchases());
    return new CustomerLife(customer, List.copyOf(events), answer, purchased, journey.gained(), journey.lost(),
        truth, heldOut);
  }

  /** The channels this person is held out of: one draw per holdout of the spec, in its order. */
  private int heldOut(SplittableRandom random) {
    int mask = 0;
    for (Holdout holdout : spec.holdouts()) {
      if (random.nextDouble() < holdout.share()) {
        mask |= 1 << spec.channelIndex(holdout.channel());
      }
    }
    return mask;
  }

  private static int segment(double u) {
    int s = 0;
    while (u >= SEGMENT_CUMULATIVE[s]) {
      s++;
    }
    return s;
  }

  /** {@code millis} cut to whole seconds (the CSV format's precision). */
  static long seconds(long millis) {
    return millis - Math.floorMod(millis, 1000L);
  }

  /** Adds the lead, opportunity and first purchase (worth {@code firstValue}) that the journey reached. */
  private void funnelEvents(String id, Journey journey, Money firstValue, List<Interaction> out) {
    long[] times = journey.stageTimes();
    for (int k = 0; k < STAGES.length && times[k] >= 0; k++) {
      Interaction.Builder event = Interaction.builder().customerId(id).channel(sourceOf(journey.touches(), times[k]))
          .timestamp(Instant.ofEpochMilli(times[k])).type(STAGES[k]);
      if (STAGES[k] == InteractionType.PURCHASE) {
        event.value(firstValue).attributes(Attributes.of(PURCHASE_NUMBER, "1"));
      }
      out.add(event.build());
    }
  }

  /** The channel of the latest touch at or before {@code t}: where the CRM records the stage as coming from. */
  private Channel sourceOf(List<Touch> touches, long t) {
    Channel source = untouchedChannel;
    for (Touch touch : touches) {
      if (touch.millis() > t) {
        break;
      }
      source = channels.get(touch.channel()).channel();
    }
    return source;
  }

  private Interaction toInteraction(String customerId, Touch touch) {
    return Interaction.builder().customerId(customerId).channel(channels.get(touch.channel()).channel())
        .timestamp(Instant.ofEpochMilli(touch.millis())).type(touch.type()).build();
  }

  /**
   * The survey answer of a buyer: given with the response rate; a random channel's phrase with the error rate;
   * otherwise the phrase of a channel that touched them before the purchase, drawn in proportion to its lift
   * (people name what made them buy), or, when none of those had any lift, of the channel of their first touch.
   */
  private @Nullable SurveyAnswer answer(String id, SplittableRandom random, List<Touch> touches, long purchaseAt) {
    if (random.nextDouble() >= spec.surveyResponseRate()) {
      return null;
    }
    int channel;
    if (random.nextDouble() < spec.surveyErrorRate()) {
      channel = random.nextInt(channels.size());
    } else {
      int seen = 0;
      for (Touch touch : touches) {
        seen |= touch.millis() <= purchaseAt ? 1 << touch.channel() : 0;
      }
      channel = drawByLift(random, seen);
      if (channel < 0) {
        if (touches.isEmpty() || touches.get(0).millis() > purchaseAt) {
          return null;
        }
        channel = touches.get(0).channel();
      }
    }
    List<String> phrases = channels.get(channel).surveyPhrases();
    return new SurveyAnswer(id, phrases.get(random.nextInt(phrases.size())));
  }

  private int drawByLift(SplittableRandom random, int mask) {
    double total = 0;
    for (int bits = mask; bits != 0; bits &= bits - 1) {
      total += channels.get(Integer.numberOfTrailingZeros(bits)).lift();
    }
    if (total <= 0) {
      return -1;
    }
    double u = random.nextDouble() * total;
    int chosen = -1;
    for (int bits = mask; bits != 0; bits &= bits - 1) {
      int c = Integer.numberOfTrailingZeros(bits);
      double lift = channels.get(c).lift();
      if (lift > 0) {
        chosen = c;
        u -= lift;
        if (u < 0) {
          break;
        }
      }
    }
    return chosen;
  }
}
