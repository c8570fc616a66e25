package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.InteractionType;
import org.junit.jupiter.api.Test;

/**
 * The compact columns of {@link Journeys} (a byte per touch's channel up to 256 channels, whole seconds in an
 * {@code int} from the earliest instant): every touch and end reads back as it was added, whichever layout the
 * content allows, and journeys of either layout compare, hash and serialise by content.
 */
class JourneyColumnsTest {
  private static final long T0 = Instant.parse("2024-06-30T12:00:00Z").toEpochMilli();

  /**
   * Journeys of {@code customers} customers (one journey each, ids and channel names in their canonical order,
   * so the built ids are the added ones) over {@code channels} channels, times whole seconds or not.
   */
  private static Journeys journeys(long seed, int customers, int channels, boolean wholeSeconds, long[][] times,
      int[][] touched) {
    Random random = new Random(seed);
    Journeys.Builder builder = new Journeys.Builder(null);
    for (int c = 0; c < channels; c++) {
      builder.intern(String.format(Locale.ROOT, "ch%04d", c));
    }
    for (int k = 0; k < customers; k++) {
      int length = 1 + random.nextInt(6);
      times[k] = new long[length + 1];
      touched[k] = new int[length];
      for (int i = 0; i < length; i++) {
        touched[k][i] = random.nextInt(channels);
        long offset = (long) random.nextInt(400 * 86_400) * 1000 + (wholeSeconds ? 0 : random.nextInt(1000));
        times[k][i] = T0 - offset;
        builder.touch(touched[k][i], times[k][i], InteractionType.VISIT);
      }
      times[k][length] = T0 + k * 1000L;
      builder.endJourney(String.format(Locale.ROOT, "c%06d", k), times[k][length], k % 2 == 0, k);
    }
    return builder.build();
  }

  @Property(tries = 40)
  void touchesAndEndsReadBackAsAdded(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int customers,
      @ForAll @IntRange(min = 1, max = 300) int channels, @ForAll boolean wholeSeconds) {
    long[][] times = new long[customers][];
    int[][] touched = new int[customers][];
    Journeys journeys = journeys(seed, customers, channels, wholeSeconds, times, touched);
    assertThat(journeys.size()).isEqualTo(customers);
    for (int k = 0; k < customers; k++) {
      int length = touched[k].length;
      assertThat(journeys.end(k) - journeys.start(k)).isEqualTo(length);
      for (int i = 0; i < length; i++) {
        assertThat(journeys.channelAt(journeys.start(k) + i)).isEqualTo(touched[k][i]);
        assertThat(journeys.touchMillis(journeys.start(k) + i)).isEqualTo(times[k][i]);
      }
      assertThat(journeys.endMillis(k)).isEqualTo(times[k][length]);
    }
  }

  @Test
  void aMillisecondKeepsTheLongLayoutAndEqualityStaysByContent() throws Exception {
    Journeys.Builder seconds = new Journeys.Builder(null);
    Journeys.Builder millis = new Journeys.Builder(null);
    for (Journeys.Builder b : new Journeys.Builder[] {seconds, millis}) {
      b.touch(b.intern("email"), T0 - 5000, InteractionType.VISIT);
      b.touch(b.intern("search"), T0 - 2000, InteractionType.VISIT);
    }
    seconds.endJourney("a", T0, true, 1);
    millis.endJourney("a", T0 + 1, true, 1);
    Journeys inSeconds = seconds.build();
    Journeys inMillis = millis.build();
    assertThat(inMillis.endMillis(0)).isEqualTo(T0 + 1);
    assertThat(inMillis.touchMillis(0)).isEqualTo(T0 - 5000);
    assertThat(inSeconds).isNotEqualTo(inMillis);
    assertThat(roundTrip(inSeconds)).isEqualTo(inSeconds).hasSameHashCodeAs(inSeconds);
    assertThat(roundTrip(inMillis)).isEqualTo(inMillis).hasSameHashCodeAs(inMillis);
  }

  @Test
  void timesFurtherApartThanAnIntOfSecondsKeepTheLongLayout() {
    Journeys.Builder b = new Journeys.Builder(null);
    long far = T0 - 80L * 365 * 86_400_000;
    b.touch(b.intern("email"), far, InteractionType.VISIT);
    b.touch(b.intern("email"), T0 - 1000, InteractionType.VISIT);
    b.endJourney("a", T0, true, 1);
    Journeys journeys = b.build();
    assertThat(journeys.touchMillis(0)).isEqualTo(far);
    assertThat(journeys.touchMillis(1)).isEqualTo(T0 - 1000);
    assertThat(journeys.endMillis(0)).isEqualTo(T0);
  }

  private static Journeys roundTrip(Journeys journeys) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(journeys);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (Journeys) in.readObject();
    }
  }
}
