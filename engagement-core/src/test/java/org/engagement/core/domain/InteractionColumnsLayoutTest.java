package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The compact layout's edges give back exactly what was added (issue 16): more than 256 channels (the channel column
 * widens from a byte to an int a row), instants whose seconds lie further apart than an int (the offset column
 * widens to a long), and rows already in customer order (no permutation is kept) as well as rows out of it, each
 * grouped per customer as a map of source-ordered lists would group them, on the whole list and on a subset.
 */
class InteractionColumnsLayoutTest {

  private static List<Interaction> random(long seed, int count, int channels, long secondsSpread) {
    Random random = new Random(seed);
    InteractionType[] types = InteractionType.values();
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      long offset = (long) (random.nextDouble() * secondsSpread);
      long second = 1_700_000_000L + (random.nextBoolean() ? offset : -offset);
      Interaction.Builder b = Interaction.builder()
          .customerId(String.format("c%04d", random.nextInt(300)))
          .channel(Channel.of("ch" + random.nextInt(channels), ChannelGroup.EMAIL))
          .timestamp(Instant.ofEpochSecond(second, random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0))
          .type(types[random.nextInt(types.length)])
          .direction(random.nextBoolean() ? Direction.OUTBOUND : Direction.INBOUND);
      if (random.nextInt(4) == 0) {
        b.value(Money.of(new BigDecimal(random.nextInt(100_000)).movePointLeft(2),
            Currency.getInstance(random.nextBoolean() ? "EUR" : "USD")));
      }
      if (random.nextInt(6) == 0) {
        b.sourceId("evt-" + i);
      }
      if (random.nextInt(5) == 0) {
        b.attributes(Attributes.of("purchase_number", random.nextInt(4)));
      }
      if (random.nextInt(9) == 0) {
        b.content(Content.ofText("hello " + i));
      }
      out.add(b.build());
    }
    return out;
  }

  @Test
  void everyPartComesBackAcrossTheLayoutsEdges() {
    long[] spreads = {1_000_000L, 4_000_000_000L, 50_000_000_000L};
    int[] channelCounts = {3, 256, 257, 700};
    long seed = 0;
    for (long spread : spreads) {
      for (int channels : channelCounts) {
        for (boolean sorted : new boolean[] {false, true}) {
          List<Interaction> given = random(++seed, 3000, channels, spread);
          if (sorted) {
            given.sort(Comparator.comparing(Interaction::customerId));
          }
          InteractionColumns all = InteractionColumns.of(given);
          assertThat(all).containsExactlyElementsOf(given);
          InteractionColumns odd = all.where(i -> i.timestamp().getEpochSecond() % 2 != 0);
          for (InteractionColumns columns : List.of(all, odd)) {
            assertGroupedPerCustomer(columns);
          }
          assertThat(all.latest()).contains(given.stream().map(Interaction::timestamp).max(Comparator.naturalOrder())
              .orElseThrow());
          assertThat(all.earliest()).contains(given.stream().map(Interaction::timestamp)
              .min(Comparator.naturalOrder()).orElseThrow());
        }
      }
    }
  }

  private static void assertGroupedPerCustomer(InteractionColumns columns) {
    Map<String, List<Interaction>> expected = new TreeMap<>();
    List<Interaction> copy = new ArrayList<>(columns);
    copy.forEach(i -> expected.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
    List<List<Interaction>> actual = new ArrayList<>();
    columns.perCustomer().forEach(actual::add);
    assertThat(actual).containsExactlyElementsOf(expected.values());
    List<Interaction> visited = new ArrayList<>();
    columns.forEachRowPerCustomer(new InteractionColumns.CustomerRowVisitor() {
      @Override
      public void visit(int customer, int channel, long epochSecond, int nano, InteractionType type,
          Direction direction) {
        visited.add(Interaction.builder().customerId(columns.internedCustomers().get(customer))
            .channel(columns.internedChannels().get(channel)).timestamp(Instant.ofEpochSecond(epochSecond, nano))
            .type(type).direction(direction).build());
      }

      @Override
      public void endCustomer(int customer) {}
    });
    List<Interaction> flat = expected.values().stream().flatMap(List::stream).toList();
    assertThat(visited).hasSameSizeAs(flat);
    for (int k = 0; k < flat.size(); k++) {
      Interaction want = flat.get(k);
      Interaction got = visited.get(k);
      assertThat(List.of(got.customerId(), got.channel(), got.timestamp(), got.type(), got.direction()))
          .isEqualTo(List.of(want.customerId(), want.channel(), want.timestamp(), want.type(), want.direction()));
    }
  }
}
