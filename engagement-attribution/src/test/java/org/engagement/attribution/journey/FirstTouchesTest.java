package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.engagement.core.domain.InteractionType;

/**
 * {@link FirstTouches} answers for every journey of the journeys it was read from, and of any resample of them,
 * what reading the journey's touches gives: the channels in the order they first appear, each one's earliest
 * instant, the latest instant, and a customer number that is equal where the customer ids are; touches within a
 * journey in any order, with ties, instants in whole seconds and in milliseconds.
 */
class FirstTouchesTest {
  private static final String[] CHANNELS = {"display", "email", "search", "social", "video", "İnstagram"};

  @Property(tries = 200)
  void firstAndLastTouchesAreThoseReadFromTheTouches(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    Journeys journeys = journeys(random);
    FirstTouches firsts = FirstTouches.of(journeys);
    assertReadAsTheTouches(firsts, journeys);

    int[] copies = new int[journeys.size()];
    for (int j = 0; j < copies.length; j++) {
      copies[j] = random.nextInt(4) == 0 ? 0 : random.nextInt(3);
    }
    Journeys resample = journeys.resample(copies);
    assertThat(firsts.covers(resample)).isTrue();
    assertReadAsTheTouches(firsts, resample);
    assertReadAsTheTouches(FirstTouches.of(resample), resample);
    if (journeys.size() > 0) {
      JourneySet set = journeys.toJourneySet();
      JourneyResampler resampler = JourneyResampler.of(set);
      int[] draws = new int[resampler.customers()];
      draws[random.nextInt(draws.length)] = 2;
      assertReadAsTheTouches(firsts, resampler.resample(draws).timed().orElseThrow());
    }
  }

  @Property(tries = 20)
  void otherColumnsAreRefused(@ForAll long seed) {
    Journeys journeys = journeys(new SplittableRandom(seed));
    Journeys apart = journeys.withoutChannels(Set.of());
    FirstTouches firsts = FirstTouches.of(journeys);
    assertThat(firsts.covers(apart)).isFalse();
    if (apart.size() > 0) {
      assertThatThrownBy(() -> firsts.indexOf(apart, 0)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("other journeys' columns");
    }
  }

  private static void assertReadAsTheTouches(FirstTouches firsts, Journeys journeys) {
    for (int j = 0; j < journeys.size(); j++) {
      int index = firsts.indexOf(journeys, j);
      for (int k = 0; k < journeys.size(); k++) {
        assertThat(firsts.customer(firsts.indexOf(journeys, k)) == firsts.customer(index))
            .isEqualTo(journeys.customerId(k).equals(journeys.customerId(j)));
      }
      List<Integer> order = new ArrayList<>();
      List<Long> earliest = new ArrayList<>();
      long last = Long.MIN_VALUE;
      for (int p = journeys.start(j); p < journeys.end(j); p++) {
        int k = order.indexOf(journeys.channelAt(p));
        if (k < 0) {
          order.add(journeys.channelAt(p));
          earliest.add(journeys.touchMillis(p));
        } else {
          earliest.set(k, Math.min(earliest.get(k), journeys.touchMillis(p)));
        }
        last = Math.max(last, journeys.touchMillis(p));
      }
      List<Integer> readOrder = new ArrayList<>();
      List<Long> readEarliest = new ArrayList<>();
      for (int e = firsts.start(index); e < firsts.end(index); e++) {
        readOrder.add(firsts.channel(e));
        readEarliest.add(firsts.firstMillis(e));
      }
      assertThat(readOrder).as("journey %d", j).isEqualTo(order);
      assertThat(readEarliest).as("journey %d", j).isEqualTo(earliest);
      assertThat(firsts.lastMillis(index)).as("journey %d", j).isEqualTo(last);
    }
  }

  /**
   * Up to 30 journeys of up to 8 customers, up to 12 touches each in no order, instants with many ties, in whole
   * seconds or (one set in two) with milliseconds.
   */
  private static Journeys journeys(SplittableRandom random) {
    Journeys.Builder builder = new Journeys.Builder(null);
    long millis = random.nextBoolean() ? 0 : 7;
    int[] ids = new int[CHANNELS.length];
    for (int c = 0; c < ids.length; c++) {
      ids[c] = builder.intern(CHANNELS[c]);
    }
    int count = random.nextInt(31);
    for (int j = 0; j < count; j++) {
      int touches = 1 + random.nextInt(12);
      long end = 1_000_000L * (20 + random.nextInt(40));
      for (int t = 0; t < touches; t++) {
        long at = (random.nextInt(3) == 0 ? 5_000_000L : 1_000_000L * random.nextInt(20)) + millis;
        builder.touch(ids[random.nextInt(ids.length)], at, InteractionType.CLICK);
      }
      boolean converted = random.nextBoolean();
      builder.endJourney("c" + random.nextInt(8), end, converted, converted ? 10 : 0);
    }
    return builder.build();
  }
}
