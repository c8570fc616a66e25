package org.engagement.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import org.jspecify.annotations.Nullable;

/**
 * Simulates one person of a world from their own random stream, so that a person's life depends only on the
 * seed and their index, never on which other people are simulated or in what order. Immutable and
 * thread-safe.
 */
final class CustomerSimulation {
  static final long DAY = 86_400_000L;
  static final long WEEK = 7 * DAY;
  private static final long MONTH = 30 * DAY;
  private static final double DAYS_PER_MONTH = 30.4375;
  private static final String[] SEGMENTS = {"smb", "mid-market", "enterprise"};
  private static final double[] SEGMENT_CUMULATIVE = {0.6, 0.9, 1.0};
  private static final double[] SEGMENT_SPEND = {1, 3, 10};
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
  private final double[] lifts;
  private final long start;
  private final long end;
  private final long memory;
  private final long arrivalSpan;
  private final double valueScale;
  private final Channel untouchedChannel;

  CustomerSimulation(WorldSpec spec) {
    this.spec = spec;
    this.channels = spec.channels();
    this.lifts = channels.stream().mapToDouble(ChannelSpec::lift).toArray();
    this.start = spec.startInstant().toEpochMilli();
    this.end = spec.endInstant().toEpochMilli();
    this.memory = spec.memoryDays() * DAY;
    long inMarket = spec.inMarketWeeks() * WEEK;
    this.arrivalSpan = end - start > inMarket + WEEK ? end - start - inMarket : Math.max(DAY, (end - start) / 2);
    this.valueScale = StrictMath.pow(10, spec.currency().getDefaultFractionDigits());
    this.untouchedChannel = channels.stream().map(ChannelSpec::channel)
        .filter(c -> c.group() == ChannelGroup.DIRECT).findFirst().orElse(channels.get(0).channel());
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
    List<Touch> touches = touches(rng, arrival);

    int weeks = (int) Math.min(spec.inMarketWeeks(), Math.max(0, (end - arrival - 1) / WEEK));
    int[] masks = exposures(touches, arrival, weeks);
    double[] uniforms = new double[weeks];
    for (int w = 0; w < weeks; w++) {
      uniforms[w] = funnelRandom.nextDouble();
    }
    int[] stageWeeks = funnel(masks, uniforms, 0);
    int purchaseWeek = stageWeeks[STAGES.length - 1];
    boolean purchased = purchaseWeek >= 0;
    int causedBy = purchased ? causes(masks, uniforms, purchaseWeek) : 0;

    List<Interaction> events = new ArrayList<>();
    long purchaseAt = funnelEvents(id, arrival, stageWeeks, touches, segment, funnelRandom, valueRandom, events);
    long churnAt = purchased ? repeatPurchases(id, purchaseAt, segment, valueRandom, events) : Long.MAX_VALUE;
    for (Touch touch : touches) {
      if (touch.millis() < churnAt) {
        events.add(touch.toInteraction(id, channels));
      }
    }
    events.sort(ORDER);
    Attributes.Builder attributes = Attributes.builder().put(SEGMENT, SEGMENTS[segment]);
    if (churnAt != Long.MAX_VALUE) {
      attributes.put(CHURNED_AT, Instant.ofEpochMilli(churnAt));
    }
    Customer customer = new Customer(id, Instant.ofEpochMilli(arrival), attributes.build());
    SurveyAnswer answer = purchased
        ? answer(id, surveyRandom, masks[purchaseWeek], touches, purchaseAt) : null;
    return new CustomerLife(customer, List.copyOf(events), answer, purchased, causedBy);
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

  /** Every touch of every channel, in time order; each channel draws from its own split stream. */
  private List<Touch> touches(SplittableRandom rng, long arrival) {
    List<Touch> touches = new ArrayList<>();
    for (int c = 0; c < channels.size(); c++) {
      SplittableRandom random = rng.split();
      ChannelSpec channel = channels.get(c);
      if (random.nextDouble() >= channel.reach()) {
        continue;
      }
      if (channel.timing() == TouchTiming.EARLY) {
        int count = 1 + Draws.poisson(random, 2 * channel.touchesPerMonth());
        for (int k = 0; k < count; k++) {
          addTouch(touches, random, channel, c, arrival + (long) (random.nextDouble() * TouchTiming.EARLY_DAYS * DAY));
        }
      } else if (channel.touchesPerMonth() > 0) {
        double meanGap = DAYS_PER_MONTH * DAY / channel.touchesPerMonth();
        long t = arrival;
        while (true) {
          t += (long) (Draws.exponential(random) * meanGap);
          if (t >= end || t < arrival) {
            break;
          }
          addTouch(touches, random, channel, c, t);
        }
      }
    }
    touches.sort(Comparator.comparingLong(Touch::millis).thenComparingInt(Touch::channel));
    return touches;
  }

  private void addTouch(List<Touch> touches, SplittableRandom random, ChannelSpec channel, int c, long millis) {
    InteractionType type = channel.touchTypes().get(random.nextInt(channel.touchTypes().size()));
    if (millis < end) {
      touches.add(new Touch(seconds(millis), c, type));
    }
  }

  /** For each week, the channels the person remembers at the week's end (bit c for channel c). */
  private int[] exposures(List<Touch> touches, long arrival, int weeks) {
    long[] last = new long[channels.size()];
    Arrays.fill(last, Long.MIN_VALUE);
    int[] masks = new int[weeks];
    int next = 0;
    for (int w = 0; w < weeks; w++) {
      long t = weekEnd(arrival, w);
      while (next < touches.size() && touches.get(next).millis() <= t) {
        last[touches.get(next).channel()] = touches.get(next).millis();
        next++;
      }
      int mask = 0;
      for (int c = 0; c < last.length; c++) {
        if (last[c] != Long.MIN_VALUE && last[c] > t - memory) {
          mask |= 1 << c;
        }
      }
      masks[w] = mask;
    }
    return masks;
  }

  private static long weekEnd(long arrival, int week) {
    return arrival + (week + 1L) * WEEK;
  }

  /** The week of each stage advance (-1 if never), with the channels of {@code removed} taken away. */
  private int[] funnel(int[] masks, double[] uniforms, int removed) {
    int[] stageWeeks = {-1, -1, -1};
    int stage = 0;
    for (int w = 0; w < masks.length && stage < STAGES.length; w++) {
      if (uniforms[w] < spec.baseHazard() + liftOf(masks[w] & ~removed)) {
        stageWeeks[stage++] = w;
      }
    }
    return stageWeeks;
  }

  private double liftOf(int mask) {
    double sum = 0;
    for (int bits = mask; bits != 0; bits &= bits - 1) {
      sum += lifts[Integer.numberOfTrailingZeros(bits)];
    }
    return sum;
  }

  /** The channels without which the first purchase (in week {@code purchaseWeek}) would not happen. */
  private int causes(int[] masks, double[] uniforms, int purchaseWeek) {
    int seen = 0;
    for (int w = 0; w <= purchaseWeek; w++) {
      seen |= masks[w];
    }
    int caused = 0;
    for (int bits = seen; bits != 0; bits &= bits - 1) {
      int c = Integer.numberOfTrailingZeros(bits);
      if (lifts[c] > 0 && funnel(masks, uniforms, 1 << c)[STAGES.length - 1] < 0) {
        caused |= 1 << c;
      }
    }
    return caused;
  }

  /** Adds the lead, opportunity and first purchase; returns the purchase's instant (or MAX_VALUE). */
  private long funnelEvents(String id, long arrival, int[] stageWeeks, List<Touch> touches, int segment,
      SplittableRandom funnelRandom, SplittableRandom valueRandom, List<Interaction> out) {
    long purchaseAt = Long.MAX_VALUE;
    for (int k = 0; k < STAGES.length && stageWeeks[k] >= 0; k++) {
      long weekEnd = weekEnd(arrival, stageWeeks[k]);
      long t = seconds(Math.min(end - 1000, weekEnd + (long) (funnelRandom.nextDouble() * 6 * 3_600_000L)));
      Interaction.Builder event = Interaction.builder().customerId(id).channel(sourceOf(touches, weekEnd))
          .timestamp(Instant.ofEpochMilli(t)).type(STAGES[k]);
      if (STAGES[k] == InteractionType.PURCHASE) {
        event.value(purchaseValue(segment, valueRandom)).attributes(Attributes.of(PURCHASE_NUMBER, "1"));
        purchaseAt = t;
      }
      out.add(event.build());
    }
    return purchaseAt;
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

  /** Monthly churn and repeat-purchase draws after the first purchase; returns the churn instant or MAX_VALUE. */
  private long repeatPurchases(String id, long firstPurchase, int segment, SplittableRandom random,
      List<Interaction> out) {
    int number = 1;
    for (long t = firstPurchase + MONTH; t < end; t += MONTH) {
      if (random.nextDouble() < spec.monthlyChurn()) {
        return t;
      }
      if (random.nextDouble() < spec.repeatPurchasesPerMonth()) {
        Money value = purchaseValue(segment, random);
        number++;
        out.add(Interaction.builder().customerId(id).channel(untouchedChannel).timestamp(Instant.ofEpochMilli(t))
            .type(InteractionType.PURCHASE).value(value)
            .attributes(Attributes.of(PURCHASE_NUMBER, Integer.toString(number))).build());
      }
    }
    return Long.MAX_VALUE;
  }

  private Money purchaseValue(int segment, SplittableRandom random) {
    double amount = spec.medianPurchase() * SEGMENT_SPEND[segment]
        * StrictMath.exp(spec.purchaseSigma() * Draws.gaussian(random));
    return Money.ofMinor(Math.max(1, Math.round(amount * valueScale)), spec.currency());
  }

  /**
   * The survey answer of a buyer: given with the response rate; a random channel's phrase with the error rate;
   * otherwise the phrase of a channel remembered at the purchase, drawn in proportion to its lift (people name
   * what made them buy), or, when no remembered channel had any lift, of the channel of their first touch.
   */
  private @Nullable SurveyAnswer answer(String id, SplittableRandom random, int remembered, List<Touch> touches,
      long purchaseAt) {
    if (random.nextDouble() >= spec.surveyResponseRate()) {
      return null;
    }
    int channel;
    if (random.nextDouble() < spec.surveyErrorRate()) {
      channel = random.nextInt(channels.size());
    } else {
      channel = drawByLift(random, remembered);
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
    double total = liftOf(mask);
    if (total <= 0) {
      return -1;
    }
    double u = random.nextDouble() * total;
    int chosen = -1;
    for (int bits = mask; bits != 0; bits &= bits - 1) {
      int c = Integer.numberOfTrailingZeros(bits);
      if (lifts[c] > 0) {
        chosen = c;
        u -= lifts[c];
        if (u < 0) {
          break;
        }
      }
    }
    return chosen;
  }

  /** One touch before it becomes an {@link Interaction}. */
  private record Touch(long millis, int channel, InteractionType type) {
    Interaction toInteraction(String customerId, List<ChannelSpec> channels) {
      return Interaction.builder().customerId(customerId).channel(channels.get(channel).channel())
          .timestamp(Instant.ofEpochMilli(millis)).type(type).build();
    }
  }
}
