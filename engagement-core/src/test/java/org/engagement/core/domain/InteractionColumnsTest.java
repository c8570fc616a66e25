package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The columnar interaction list gives back exactly what it was given, in source and in customer order. */
class InteractionColumnsTest {
  private static final Channel EMAIL = Channel.of("email", "Email", ChannelGroup.EMAIL);
  private static final Channel EMAIL_RENAMED = Channel.of("email", "E-mail", ChannelGroup.EMAIL);
  private static final Channel ADS = Channel.of("ads", "Paid search", ChannelGroup.PAID_SEARCH);

  /** Random interactions with every rare part: nanos, values in two currencies, ids, attributes, content. */
  private static List<Interaction> random(long seed, int count) {
    Random random = new Random(seed);
    Channel[] channels = {EMAIL, EMAIL_RENAMED, ADS};
    InteractionType[] types = InteractionType.values();
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Interaction.Builder b = Interaction.builder()
          .customerId("c" + random.nextInt(40))
          .channel(channels[random.nextInt(channels.length)])
          .timestamp(Instant.ofEpochSecond(1_700_000_000L + random.nextInt(1_000_000),
              random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0))
          .type(types[random.nextInt(types.length)]);
      if (random.nextInt(5) == 0) {
        b.value(Money.of(new BigDecimal(random.nextInt(10_000)).movePointLeft(2),
            Currency.getInstance(random.nextBoolean() ? "EUR" : "USD")));
      }
      if (random.nextInt(7) == 0) {
        b.sourceId("evt-" + i);
      }
      if (random.nextInt(9) == 0) {
        b.attributes(Attributes.of("campaign", "spring-" + random.nextInt(3)));
      }
      if (random.nextInt(11) == 0) {
        b.content(Content.ofText("hello " + i));
      }
      if (random.nextInt(13) == 0) {
        b.direction(Direction.OUTBOUND);
      }
      out.add(b.build());
    }
    return out;
  }

  @Test
  void givesBackEveryInteractionInSourceOrder() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Interaction> given = random(seed, 500);
      InteractionColumns columns = InteractionColumns.of(given);
      assertThat(columns).hasSize(given.size()).containsExactlyElementsOf(given);
      assertThat(columns).isEqualTo(given);
      assertThat(InteractionColumns.of(columns)).isSameAs(columns);
    }
  }

  @Test
  void perCustomerGroupsLikeATreeMapOfSourceOrderedLists() {
    for (long seed = 1; seed <= 20; seed++) {
      List<Interaction> given = random(seed, 500);
      Map<String, List<Interaction>> expected = new TreeMap<>();
      given.forEach(i -> expected.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
      List<List<Interaction>> actual = new ArrayList<>();
      InteractionColumns.of(given).perCustomer().forEach(actual::add);
      assertThat(actual).containsExactlyElementsOf(expected.values());
      InteractionColumns columns = InteractionColumns.of(given);
      expected.forEach((id, own) -> assertThat(columns.ofCustomer(id)).isEqualTo(own));
      assertThat(columns.ofCustomer("nobody")).isEmpty();
    }
  }

  /**
   * The columnar per-customer visit hands each customer's rows in {@code perCustomer}'s order, each row's parts
   * those of the interaction it stands for, then the customer's end; on the whole list and on a subset.
   */
  @Test
  void forEachRowPerCustomerVisitsWhatPerCustomerGives() {
    for (long seed = 1; seed <= 10; seed++) {
      InteractionColumns columns = InteractionColumns.of(random(seed, 500));
      Instant cut = Instant.ofEpochSecond(1_700_400_000L);
      for (InteractionColumns list : List.of(columns, columns.where(i -> i.timestamp().isBefore(cut)))) {
        List<List<Interaction>> expected = new ArrayList<>();
        list.perCustomer().forEach(expected::add);
        List<List<Interaction>> visited = new ArrayList<>();
        List<Interaction> current = new ArrayList<>();
        list.forEachRowPerCustomer(new InteractionColumns.CustomerRowVisitor() {
          @Override
          public void visit(int customer, int channel, long epochSecond, int nano, InteractionType type,
              Direction direction) {
            current.add(Interaction.builder().customerId(list.internedCustomers().get(customer))
                .channel(list.internedChannels().get(channel)).timestamp(Instant.ofEpochSecond(epochSecond, nano))
                .type(type).direction(direction).build());
          }

          @Override
          public void endCustomer(int customer) {
            String id = list.internedCustomers().get(customer);
            assertThat(current).isNotEmpty().allMatch(i -> i.customerId().equals(id));
            visited.add(List.copyOf(current));
            current.clear();
          }
        });
        assertThat(current).isEmpty();
        assertThat(visited).hasSameSizeAs(expected);
        for (int k = 0; k < expected.size(); k++) {
          List<Interaction> own = expected.get(k);
          assertThat(visited.get(k)).hasSameSizeAs(own);
          for (int r = 0; r < own.size(); r++) {
            Interaction a = visited.get(k).get(r);
            Interaction b = own.get(r);
            assertThat(List.of(a.customerId(), a.channel(), a.timestamp(), a.type(), a.direction()))
                .isEqualTo(List.of(b.customerId(), b.channel(), b.timestamp(), b.type(), b.direction()));
          }
        }
      }
    }
  }

  /**
   * Cutting by customer keeps what filtering each row by its customer keeps, in order, on the whole list and on a
   * subset, asking about each distinct customer once.
   */
  @Test
  void whereCustomerIsTheRowFilterAskedOncePerCustomer() {
    List<Interaction> given = random(11, 900);
    InteractionColumns columns = InteractionColumns.of(given);
    Map<String, Integer> asked = new TreeMap<>();
    InteractionColumns kept = columns.whereCustomer(id -> {
      asked.merge(id, 1, Integer::sum);
      return id.hashCode() % 3 != 0;
    });
    assertThat(kept).isEqualTo(given.stream().filter(i -> i.customerId().hashCode() % 3 != 0).toList());
    assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(
        given.stream().map(Interaction::customerId).distinct().toList());
    assertThat(asked.values()).containsOnly(1);
    Instant cut = Instant.ofEpochSecond(1_700_400_000L);
    InteractionColumns early = columns.where(i -> i.timestamp().isBefore(cut));
    assertThat(early.whereCustomer(id -> id.hashCode() % 2 == 0)).isEqualTo(given.stream()
        .filter(i -> i.timestamp().isBefore(cut) && i.customerId().hashCode() % 2 == 0).toList());
    assertThat(columns.whereCustomer(id -> true)).isSameAs(columns);
    assertThat(columns.whereCustomer(id -> false)).isEmpty();
  }

  /**
   * Cutting several customer groups in one pass gives each group what {@code whereCustomer} gives for it: groups
   * that overlap, a group of no one, bits above the groups ignored, a group of everyone the list itself, a subset's
   * groups from its rows only; the customer's groups asked once per distinct customer.
   */
  @Test
  void whereCustomerInIsWhereCustomerPerGroupAskedOncePerCustomer() {
    List<Interaction> given = random(13, 900);
    InteractionColumns columns = InteractionColumns.of(given);
    Map<String, Integer> asked = new TreeMap<>();
    List<InteractionColumns> groups = columns.whereCustomerIn(4, id -> {
      asked.merge(id, 1, Integer::sum);
      return groupsOf(id) | (1L << 40);
    });
    assertThat(groups).hasSize(4);
    for (int g = 0; g < 4; g++) {
      long bit = 1L << g;
      assertThat(groups.get(g)).as("group %d", g).isEqualTo(columns.whereCustomer(id -> (groupsOf(id) & bit) != 0));
    }
    assertThat(groups.get(0).size() + groups.get(1).size() + groups.get(2).size()).isEqualTo(given.size());
    assertThat(asked.keySet()).containsExactlyInAnyOrderElementsOf(
        given.stream().map(Interaction::customerId).distinct().toList());
    assertThat(asked.values()).containsOnly(1);
    List<InteractionColumns> everyoneAndNone = columns.whereCustomerIn(2, id -> 0b01L);
    assertThat(everyoneAndNone.get(0)).isSameAs(columns);
    assertThat(everyoneAndNone.get(1)).isEmpty();
    Instant cut = Instant.ofEpochSecond(1_700_400_000L);
    InteractionColumns early = columns.where(i -> i.timestamp().isBefore(cut));
    assertThat(early.whereCustomerIn(64, id -> id.hashCode() % 2 == 0 ? 1L << 63 : 1L).get(63))
        .isEqualTo(early.whereCustomer(id -> id.hashCode() % 2 == 0));
    assertThatThrownBy(() -> columns.whereCustomerIn(0, id -> 1L)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> columns.whereCustomerIn(65, id -> 1L)).isInstanceOf(InvalidFieldException.class);
  }

  /**
   * Walking the customers a test of their interned number accepts gives, customer for customer, what {@code
   * perCustomer} gives on the rows cut for those customers: on the whole list and on a subset, the test asked
   * before any list is made (a customer it refuses is never handed over), each list the visitor's own.
   */
  @Test
  void forEachCustomerIsPerCustomerOfTheCustomersAccepted() {
    for (long seed = 1; seed <= 10; seed++) {
      InteractionColumns columns = InteractionColumns.of(random(seed, 700));
      Instant cut = Instant.ofEpochSecond(1_700_400_000L);
      for (InteractionColumns list : List.of(columns, columns.where(i -> i.timestamp().isBefore(cut)))) {
        List<String> ids = list.internedCustomers();
        IntPredicate odd = c -> Math.floorMod(ids.get(c).hashCode(), 2) == 1;
        List<List<Interaction>> expected = new ArrayList<>();
        list.whereCustomer(id -> Math.floorMod(id.hashCode(), 2) == 1).perCustomer().forEach(expected::add);
        List<List<Interaction>> visited = new ArrayList<>();
        list.forEachCustomer(odd, (customer, own) -> {
          assertThat(odd.test(customer)).isTrue();
          assertThat(own).allMatch(i -> i.customerId().equals(ids.get(customer)));
          visited.add(own);
          own.sort(Comparator.comparing(Interaction::timestamp).reversed());
        });
        assertThat(visited).hasSameSizeAs(expected).isNotEmpty();
        for (int k = 0; k < expected.size(); k++) {
          assertThat(visited.get(k)).containsExactlyInAnyOrderElementsOf(expected.get(k));
        }
        List<List<Interaction>> again = new ArrayList<>();
        list.forEachCustomer(odd, (customer, own) -> again.add(own));
        assertThat(again).isEqualTo(expected);
      }
    }
  }

  /**
   * The index of each interned customer in ids given in order is the one a map of those ids gives, -1 for one not
   * among them; ids out of order or repeated are refused, naming the id.
   */
  @Test
  void indexesInIsTheLookUpOfEachInternedCustomerInIdsInOrder() {
    for (long seed = 1; seed <= 10; seed++) {
      InteractionColumns columns = InteractionColumns.of(random(seed, 300));
      Random random = new Random(seed);
      TreeSet<String> chosen = new TreeSet<>();
      columns.internedCustomers().stream().filter(id -> random.nextInt(3) > 0).forEach(chosen::add);
      List.of("a", "c00", "c5x", "zz").forEach(chosen::add);
      List<String> ids = List.copyOf(chosen);
      int[] index = columns.indexesIn(ids);
      assertThat(index).hasSize(columns.internedCustomers().size());
      for (int c = 0; c < index.length; c++) {
        assertThat(index[c]).isEqualTo(ids.indexOf(columns.internedCustomers().get(c)));
      }
    }
    InteractionColumns columns = InteractionColumns.of(random(3, 50));
    assertThat(columns.indexesIn(List.of())).containsOnly(-1);
    assertThatThrownBy(() -> columns.indexesIn(List.of("c2", "c1"))).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("c1").hasMessageContaining("ascending");
    assertThatThrownBy(() -> columns.indexesIn(List.of("c1", "c1"))).isInstanceOf(InvalidFieldException.class);
  }

  /** Groups 0, 1 and 2 split the customers; group 3 overlaps groups 0 and 1. */
  private static long groupsOf(String id) {
    int h = Math.floorMod(id.hashCode(), 3);
    return (1L << h) | (h == 2 ? 0 : 0b1000L);
  }

  @Test
  void whereKeepsASubsetThatGroupsAndSpansLikeTheFilteredList() {
    List<Interaction> given = random(7, 800);
    Instant cut = Instant.ofEpochSecond(1_700_400_000L);
    List<Interaction> expected = given.stream().filter(i -> i.timestamp().isBefore(cut)).toList();
    InteractionColumns kept = InteractionColumns.of(given).where(i -> i.timestamp().isBefore(cut));
    assertThat(kept).isEqualTo(expected);
    assertThat(kept.latest()).contains(expected.stream().map(Interaction::timestamp).max(Instant::compareTo)
        .orElseThrow());
    assertThat(kept.earliest()).contains(expected.stream().map(Interaction::timestamp).min(Instant::compareTo)
        .orElseThrow());
    Map<String, List<Interaction>> grouped = new TreeMap<>();
    expected.forEach(i -> grouped.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
    List<List<Interaction>> actual = new ArrayList<>();
    kept.perCustomer().forEach(actual::add);
    assertThat(actual).containsExactlyElementsOf(grouped.values());
    assertThat(kept.channels()).containsExactlyElementsOf(new LinkedHashSet<>(expected.stream()
        .map(Interaction::channel).toList()));
  }

  @Test
  void anEmptyListHasNoSpanAndNoCustomers() {
    InteractionColumns none = InteractionColumns.of(List.of());
    assertThat(none).isEmpty();
    assertThat(none.latest()).isEmpty();
    assertThat(none.earliest()).isEmpty();
    assertThat(none.perCustomer()).isEmpty();
    assertThat(none.channels()).isEmpty();
  }

  @Test
  void aBuilderIsUsedOnce() {
    InteractionColumns.Builder builder = InteractionColumns.builder();
    builder.add(random(3, 1).get(0));
    assertThat(builder.build()).hasSize(1);
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.add(random(3, 1).get(0))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void addRowAddsWhatAddingTheInteractionAdds() {
    List<Interaction> interactions = random(11, 3_000);
    InteractionColumns.Builder byRow = InteractionColumns.builder();
    InteractionColumns.Builder byInteraction = InteractionColumns.builder();
    for (Interaction i : interactions) {
      byInteraction.add(i);
      if (i.value() == null && i.sourceId() == null && i.attributes().isEmpty() && i.content() == null) {
        char[] buffer = ("ab," + i.customerId() + ",").toCharArray();
        Instant at = i.timestamp();
        byRow.addRow(buffer, 3, i.customerId().length(), i.channel(), at.getEpochSecond(), at.getNano(), i.type(),
            i.direction());
      } else {
        byRow.add(i);
      }
    }
    assertThat(byRow.build()).isEqualTo(byInteraction.build()).isEqualTo(interactions);
  }

  @Test
  void addRowNumbersARepeatedCustomerAsTheRowBeforeAndAnyOtherIdAsItsOwn() {
    String[] ids = {"c1", "c1", "c12", "c12", "c1", "c2", "c1", "c", "c", "c12", "x1", "c2", "c2"};
    long second = Instant.parse("2024-03-01T10:15:30Z").getEpochSecond();
    InteractionColumns.Builder byRow = InteractionColumns.builder();
    List<Interaction> expected = new ArrayList<>();
    for (int r = 0; r < ids.length; r++) {
      Interaction row = Interaction.builder().customerId(ids[r]).channel(EMAIL)
          .timestamp(Instant.ofEpochSecond(second + r)).type(InteractionType.VISIT).build();
      expected.add(row);
      if (r == 11) {
        byRow.add(row);
        continue;
      }
      char[] buffer = (",".repeat(r) + ids[r] + "2,").toCharArray();
      byRow.addRow(buffer, r, ids[r].length(), EMAIL, second + r, 0, InteractionType.VISIT, Direction.INBOUND);
      if (r == 3) {
        char[] bad = " c12".toCharArray();
        assertThatThrownBy(() -> byRow.addRow(bad, 0, 4, EMAIL, second, 0, InteractionType.VISIT, Direction.INBOUND))
            .isInstanceOf(InvalidFieldException.class).hasMessageContaining("customerId");
      }
    }
    assertThat(byRow.build()).isEqualTo(expected);
  }

  @Test
  void addRowChecksANewCustomerAndTheInstantAsAnInteractionDoesAndAddsNothingWhenOneFails() {
    InteractionColumns.Builder builder = InteractionColumns.builder();
    char[] bad = " c1".toCharArray();
    char[] good = "c1".toCharArray();
    long second = Instant.parse("2024-03-01T10:15:30Z").getEpochSecond();
    assertThatThrownBy(() -> builder.addRow(bad, 0, 3, EMAIL, second, 0, InteractionType.VISIT, Direction.INBOUND))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("customerId");
    long tooEarly = Instant.parse("0000-12-31T23:59:59Z").getEpochSecond();
    assertThatThrownBy(() -> builder.addRow(good, 0, 2, EMAIL, tooEarly, 0, InteractionType.VISIT, Direction.INBOUND))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("timestamp");
    long tooLate = Instant.parse("+10000-01-01T00:00:00Z").getEpochSecond();
    assertThatThrownBy(() -> builder.addRow(good, 0, 2, EMAIL, tooLate, 0, InteractionType.VISIT, Direction.INBOUND))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("timestamp");
    assertThatThrownBy(() -> builder.addRow(good, 1, 2, EMAIL, second, 0, InteractionType.VISIT, Direction.INBOUND))
        .isInstanceOf(IndexOutOfBoundsException.class);
    builder.addRow(good, 0, 2, EMAIL, second, 5, InteractionType.VISIT, Direction.INBOUND);
    InteractionColumns columns = builder.build();
    assertThat(columns).containsExactly(Interaction.builder().customerId("c1").channel(EMAIL)
        .timestamp(Instant.ofEpochSecond(second, 5)).type(InteractionType.VISIT).build());
    assertThatThrownBy(() -> builder.addRow(good, 0, 2, EMAIL, second, 0, InteractionType.VISIT, Direction.INBOUND))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void readsPastTheEndFailAsAListDoes() {
    InteractionColumns columns = InteractionColumns.of(random(5, 3));
    assertThatThrownBy(() -> columns.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
  }
}
