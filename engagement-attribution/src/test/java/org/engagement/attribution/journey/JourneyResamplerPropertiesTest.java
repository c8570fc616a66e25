package org.engagement.attribution.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.attribution.CreditChecks.answer;
import static org.engagement.attribution.journey.JourneyRulesTest.T0;
import static org.engagement.attribution.journey.JourneyRulesTest.click;
import static org.engagement.attribution.journey.JourneyRulesTest.purchase;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * A resample made without copying ({@link JourneyResampler}, {@link Journeys#resample}) equals, bit for bit, the
 * resample made the way the bootstrap made it before: every drawn journey copied into a builder, sorted, and
 * grouped by path again ({@link #copied}, kept here as the reference).
 */
class JourneyResamplerPropertiesTest {
  private static final JourneyRules RULES =
      JourneyRules.defaults().withCollapseRepeats(Duration.ofDays(2)).withAsOf(T0.minus(Duration.ofDays(3)));

  /** Interactions of up to 12 customers over 200 days, some after the as-of; values in odd cents. */
  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12"),
        Arbitraries.of("email", "search", "social", "display", "İnstagram"),
        Arbitraries.integers().between(0, 200),
        Arbitraries.integers().between(0, 4))
        .as((customer, channel, day, kind) -> kind == 0
            ? purchase(customer, channel, day, 1999L + 7 * day)
            : click(customer, channel, day));
    return interaction.list().ofMaxSize(80);
  }

  @Property(tries = 300)
  void resampleEqualsTheCopiedJourneysGroupedAgain(@ForAll("interactions") List<Interaction> interactions,
      @ForAll long seed) {
    JourneySet set = RULES.journeys(interactions).toJourneySet();
    Journeys timed = set.timed().orElseThrow();
    JourneyResampler resampler = JourneyResampler.of(set);
    int[] customerCopies = draw(resampler.customers(), seed);
    int[] copies = journeyCopies(timed, customerCopies);

    Journeys reference = copied(timed, copies);
    JourneySet resampled = resampler.resample(customerCopies);
    JourneySet grouped = reference.toJourneySet();

    assertThat(timed.resample(copies)).isEqualTo(reference);
    assertThat(timed.resample(copies).hashCode()).isEqualTo(reference.hashCode());
    assertThat(resampled).isEqualTo(grouped);
    assertThat(resampled.hashCode()).isEqualTo(grouped.hashCode());
    assertThat(resampled.channels().names()).isEqualTo(grouped.channels().names());
    assertThat(resampled.totalValue()).isEqualTo(grouped.totalValue());
    assertThat(resampled.notes()).isEqualTo(grouped.notes());
    assertThat(resampled.timed().orElseThrow().size()).isEqualTo(reference.size());
  }

  /** Models read the resample's timed journeys through the accessors: time-aware ones answer as on a copy. */
  @Property(tries = 100)
  void modelsAnswerOnAResampleAsOnTheCopy(@ForAll("interactions") List<Interaction> interactions,
      @ForAll long seed) {
    JourneySet set = RULES.journeys(interactions).toJourneySet();
    JourneyResampler resampler = JourneyResampler.of(set);
    int[] customerCopies = draw(resampler.customers(), seed);
    JourneySet resampled = resampler.resample(customerCopies);
    JourneySet grouped = copied(set.timed().orElseThrow(),
        journeyCopies(set.timed().orElseThrow(), customerCopies)).toJourneySet();
    for (String name : List.of("time-decay", "w-shaped", "markov", "linear")) {
      AttributionModel model = AttributionModels.defaults().create(name);
      assertThat(answer(model, resampled)).isEqualTo(answer(model, grouped));
    }
  }

  /** A resample of a resample, merged, and serialised reads back as the journeys it holds. */
  @Property(tries = 100)
  void resamplesComposeMergeAndSerialiseAsCopies(@ForAll("interactions") List<Interaction> interactions,
      @ForAll long seed) throws IOException, ClassNotFoundException {
    Journeys timed = RULES.journeys(interactions);
    int[] copies = draw(timed.size(), seed);
    Journeys once = timed.resample(copies);
    int[] again = draw(once.size(), seed + 1);
    assertThat(once.resample(again)).isEqualTo(copied(copied(timed, copies), again));
    assertThat(once.merge(timed)).isEqualTo(copied(timed, copies).merge(timed));
    assertThat(roundTrip(once)).isEqualTo(copied(timed, copies));
    assertThat(roundTrip(once.toJourneySet())).isEqualTo(copied(timed, copies).toJourneySet());
  }

  @Test
  void refusesWrongCountsAndPathOnlySets() {
    JourneySet set = RULES.journeys(List.of(click("a", "email", 9), purchase("a", "search", 8, 500),
        click("b", "email", 7))).toJourneySet();
    JourneyResampler resampler = JourneyResampler.of(set);
    assertThat(resampler.customers()).isEqualTo(2);
    assertThatThrownBy(() -> resampler.resample(new int[3])).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("copies");
    assertThatThrownBy(() -> resampler.resample(new int[] {1, -1})).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("negative");
    assertThat(resampler.resample(new int[2]).pathCount()).isZero();
    assertThatThrownBy(() -> JourneyResampler.of(JourneySet.builder().add(List.of("email"), 1, 1, 0).build()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("timed journeys");
  }

  /** {@code n} counts, mostly 0 to 2, sometimes 5. */
  private static int[] draw(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int[] copies = new int[n];
    for (int k = 0; k < n; k++) {
      copies[k] = random.nextInt(10) == 0 ? 5 : random.nextInt(3);
    }
    return copies;
  }

  /** Each journey's count: its customer's. */
  private static int[] journeyCopies(Journeys journeys, int[] customerCopies) {
    int[] copies = new int[journeys.size()];
    int customer = -1;
    for (int j = 0; j < copies.length; j++) {
      if (j == 0 || !journeys.customerId(j).equals(journeys.customerId(j - 1))) {
        customer++;
      }
      copies[j] = customerCopies[customer];
    }
    return copies;
  }

  /** The reference: every journey copied {@code copies[j]} times into a builder, which sorts them. */
  private static Journeys copied(Journeys journeys, int[] copies) {
    Journeys.Builder builder = new Journeys.Builder(journeys.asOf().orElse(null));
    builder.currency(journeys.currency().orElse(null));
    builder.untouched(journeys.untouchedConversions(), new BigDecimal(Double.toString(journeys.untouchedValue())));
    builder.setAside(journeys.setAside());
    int[] map = new int[journeys.channels().size()];
    for (int c = 0; c < map.length; c++) {
      map[c] = builder.intern(journeys.channels().name(c));
    }
    for (int j = 0; j < copies.length; j++) {
      for (int k = 0; k < copies[j]; k++) {
        for (int i = journeys.start(j); i < journeys.end(j); i++) {
          builder.touch(map[journeys.channelAt(i)], journeys.touchMillis(i), journeys.touchType(i));
        }
        builder.endJourney(journeys.customerId(j), journeys.endMillis(j), journeys.converted(j), journeys.value(j));
      }
    }
    return builder.build();
  }

  @SuppressWarnings("unchecked")
  private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(value);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      return (T) in.readObject();
    }
  }
}
