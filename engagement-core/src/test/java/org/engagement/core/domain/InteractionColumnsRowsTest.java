package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The columnar reads of {@link InteractionColumns}: a row visit hands each row's interned customer and channel,
 * instant and type as {@code get} makes them, on the whole list and on a subset; {@code notAfter} keeps what the
 * equivalent {@code where} keeps, with and without nanoseconds and at the cut's exact instant; {@code ofTypes}
 * keeps what {@code where} on the type keeps, on the whole list and on a subset; {@code withContent} keeps the rows
 * {@code where} on the content keeps.
 */
class InteractionColumnsRowsTest {
  private static final Instant START = Instant.parse("2024-05-01T00:00:00Z");
  private static final List<Channel> CHANNELS =
      List.of(Channel.of("email", ChannelGroup.EMAIL), Channel.of("x", ChannelGroup.ORGANIC_SOCIAL));

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> one = Combinators.combine(
            Arbitraries.integers().between(0, 6),
            Arbitraries.of(CHANNELS),
            Arbitraries.longs().between(0, 10),
            Arbitraries.of(0, 0, 5),
            Arbitraries.of(InteractionType.values()))
        .as((customer, channel, seconds, nano, type) -> Interaction.builder().customerId("c" + customer)
            .channel(channel).timestamp(START.plusSeconds(seconds).plusNanos(nano)).type(type).build());
    return one.list().ofMaxSize(40);
  }

  /** The columns give back what they were built from, customers' runs of rows and returns alike, each interned once. */
  @Property
  void theColumnsGiveBackTheInteractionsTheyWereBuiltFrom(@ForAll("interactions") List<Interaction> interactions) {
    InteractionColumns columns = InteractionColumns.of(interactions);
    assertThat(columns).containsExactlyElementsOf(interactions);
    assertThat(columns.internedCustomers()).doesNotHaveDuplicates();
    assertThat(columns.internedChannels()).doesNotHaveDuplicates();
  }

  @Property
  void rowVisitsHandWhatGetMakes(@ForAll("interactions") List<Interaction> interactions) {
    InteractionColumns all = InteractionColumns.of(interactions);
    for (InteractionColumns columns : List.of(all, all.where(i -> i.timestamp().getEpochSecond() % 2 == 0))) {
      List<Interaction> visited = new ArrayList<>();
      columns.forEachRow((index, customer, channel, second, nano, type) -> {
        assertThat(index).isEqualTo(visited.size());
        visited.add(Interaction.builder().customerId(columns.internedCustomers().get(customer))
            .channel(columns.internedChannels().get(channel)).timestamp(Instant.ofEpochSecond(second, nano))
            .type(type).build());
      });
      assertThat(visited).hasSize(columns.size());
      for (int i = 0; i < visited.size(); i++) {
        Interaction expected = columns.get(i);
        assertThat(visited.get(i).customerId()).isEqualTo(expected.customerId());
        assertThat(visited.get(i).channel()).isEqualTo(expected.channel());
        assertThat(visited.get(i).timestamp()).isEqualTo(expected.timestamp());
        assertThat(visited.get(i).type()).isEqualTo(expected.type());
      }
    }
  }

  @Property
  void notAfterKeepsWhatWhereKeeps(@ForAll("interactions") List<Interaction> interactions,
      @ForAll("cuts") Instant cut) {
    InteractionColumns columns = InteractionColumns.of(interactions);
    assertThat(columns.notAfter(cut)).containsExactlyElementsOf(columns.where(i -> !i.timestamp().isAfter(cut)));
  }

  @Property
  void ofTypesKeepsWhatWhereKeeps(@ForAll("interactions") List<Interaction> interactions,
      @ForAll("typeSets") Set<InteractionType> types) {
    InteractionColumns all = InteractionColumns.of(interactions);
    for (InteractionColumns columns : List.of(all, all.where(i -> i.timestamp().getEpochSecond() % 2 == 0))) {
      assertThat(columns.ofTypes(types)).containsExactlyElementsOf(columns.where(i -> types.contains(i.type())));
    }
  }

  /** Rows with content, with a value but no content, and plain rows: only the first kind is kept. */
  @Property
  void withContentKeepsWhatWhereKeeps(@ForAll("interactions") List<Interaction> interactions) {
    List<Interaction> mixed = new ArrayList<>();
    for (int k = 0; k < interactions.size(); k++) {
      Interaction i = interactions.get(k);
      mixed.add(switch (k % 3) {
        case 0 -> i.toBuilder().content(Content.ofText("text " + k)).build();
        case 1 -> i.toBuilder().value(Money.parse("1", "EUR")).build();
        default -> i;
      });
    }
    InteractionColumns all = InteractionColumns.of(mixed);
    for (InteractionColumns columns : List.of(all, all.where(i -> i.timestamp().getEpochSecond() % 2 == 0))) {
      assertThat(columns.withContent()).containsExactlyElementsOf(columns.where(Interaction::hasContent));
    }
  }

  @Provide
  Arbitrary<Set<InteractionType>> typeSets() {
    return Arbitraries.of(InteractionType.values()).set().ofMaxSize(3);
  }

  @Provide
  Arbitrary<Instant> cuts() {
    return Combinators.combine(Arbitraries.longs().between(-1, 11), Arbitraries.of(0, 4, 5, 6))
        .as((seconds, nano) -> START.plusSeconds(seconds).plusNanos(nano));
  }
}
