package org.engagement.roi.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.roi.lift.DifferenceInDifferences;
import org.engagement.roi.lift.LiftEstimate;
import org.junit.jupiter.api.Test;

/**
 * The evidence folded one customer at a time into per-channel sums (issue 16) gives the figures of the map of
 * every customer's activity it replaced, kept here as the reference: counts and churn exactly, the lift's test to
 * rounding (the per-customer values reach the test in another order).
 */
class ChannelEvidenceFoldTest {
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2024-03-01T00:00:00Z");
  private static final List<Channel> CHANNELS = List.of(Channel.of("email", ChannelGroup.EMAIL),
      Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL), Channel.of("search", ChannelGroup.PAID_SEARCH),
      Channel.of("shop", ChannelGroup.DIRECT));
  private static final InteractionType[] TYPES = {InteractionType.CLICK, InteractionType.VISIT,
      InteractionType.IMPRESSION, InteractionType.PURCHASE};

  @Test
  void foldedEqualsTheMapOfEveryCustomer() {
    Random random = new Random(16);
    for (int world = 0; world < 30; world++) {
      List<Interaction> interactions = world(random, 20 + random.nextInt(300));
      ChannelEvidence folded = ChannelEvidence.of(interactions, FROM, TO);
      Reference reference = new Reference(interactions);

      assertThat(folded.activeCustomers()).isEqualTo(reference.customers.size());
      assertThat(folded.engagedOnAnyChannel()).isEqualTo(reference.engagedOnAny());
      assertThat(folded.engagedCustomers()).isEqualTo(reference.engaged());
      Duration inactivity = Duration.ofDays(5 + random.nextInt(40));
      assertThat(folded.retention(inactivity, 70)).isEqualTo(reference.retention(inactivity));
      Map<String, ChannelLift> lifts = folded.engagementLift(3);
      Map<String, long[]> groups = reference.groups();
      assertThat(lifts.keySet()).isEqualTo(reference.liftTests().keySet());
      reference.liftTests().forEach((channel, expected) -> {
        ChannelLift lift = lifts.get(channel);
        assertThat(lift.treatedCustomers()).isEqualTo(groups.get(channel)[0]);
        assertThat(lift.controlCustomers()).isEqualTo(groups.get(channel)[1]);
        assertThat(lift.test().absoluteLift()).isCloseTo(expected.absoluteLift(), within(1e-9));
        assertThat(lift.test().standardError()).isCloseTo(expected.standardError(), within(1e-9));
        assertThat(lift.test().pValue()).isCloseTo(expected.pValue(), within(1e-9));
      });
    }
  }

  /**
   * Under the default rule the evidence is read from the columns without making an interaction (issue 16); a fold
   * of the customers one at a time, in another order, under a rule equal in effect but another instance (so made
   * into interactions) gives the same evidence, every figure exactly.
   */
  @Test
  void fromTheColumnsAndFoldedOneCustomerAtATimeEqualsFromTheInteractions() {
    Random random = new Random(9);
    for (int world = 0; world < 30; world++) {
      List<Interaction> interactions = world(random, 20 + random.nextInt(300));
      InteractionColumns columns = InteractionColumns.of(interactions);
      ChannelEvidence fromColumns = ChannelEvidence.of(columns, FROM, TO);
      List<List<Interaction>> customers = new ArrayList<>();
      columns.perCustomer().forEach(customers::add);
      Collections.shuffle(customers, random);
      ChannelEvidence.Fold fold = ChannelEvidence.fold(FROM, TO, i -> ChannelEvidence.INBOUND_NOT_PURCHASE.test(i));
      customers.forEach(fold::add);
      ChannelEvidence folded = fold.evidence();

      assertThat(fromColumns.activeCustomers()).isEqualTo(folded.activeCustomers());
      assertThat(fromColumns.engagedOnAnyChannel()).isEqualTo(folded.engagedOnAnyChannel());
      assertThat(fromColumns.engagedCustomers()).isEqualTo(folded.engagedCustomers());
      Duration inactivity = Duration.ofDays(5 + random.nextInt(40));
      assertThat(fromColumns.retention(inactivity, 70)).isEqualTo(folded.retention(inactivity, 70));
      assertThat(fromColumns.engagementLift(3)).isEqualTo(folded.engagementLift(3));
    }
  }

  /**
   * Groups of customers read in one pass over the columns (issue 16) each give the evidence of their own members'
   * interactions, made into interactions and folded apart (a rule equal in effect but another instance), every figure
   * exactly: groups that overlap, a group of everyone and an empty group.
   */
  @Test
  void groupsFromOnePassEqualEachGroupAlone() {
    Random random = new Random(23);
    for (int world = 0; world < 30; world++) {
      List<Interaction> interactions = world(random, 20 + random.nextInt(300));
      InteractionColumns columns = InteractionColumns.of(interactions);
      List<String> interned = columns.internedCustomers();
      List<Set<String>> groups = new ArrayList<>();
      groups.add(new HashSet<>(interned));
      groups.add(Set.of());
      for (int g = 0; g < 3; g++) {
        Set<String> group = new HashSet<>();
        interned.stream().filter(id -> random.nextInt(3) == 0).forEach(group::add);
        groups.add(group);
      }
      List<IntPredicate> members = groups.stream()
          .<IntPredicate>map(group -> customer -> group.contains(interned.get(customer))).toList();

      List<ChannelEvidence> together = ChannelEvidence.ofGroups(columns, FROM, TO, members);

      assertThat(together).hasSameSizeAs(groups);
      Duration inactivity = Duration.ofDays(5 + random.nextInt(40));
      for (int g = 0; g < groups.size(); g++) {
        Set<String> group = groups.get(g);
        ChannelEvidence alone = ChannelEvidence.of(interactions.stream().filter(i -> group.contains(i.customerId()))
            .toList(), FROM, TO, i -> ChannelEvidence.INBOUND_NOT_PURCHASE.test(i));
        ChannelEvidence read = together.get(g);
        assertThat(read.activeCustomers()).as("group %d", g).isEqualTo(alone.activeCustomers());
        assertThat(read.engagedOnAnyChannel()).isEqualTo(alone.engagedOnAnyChannel());
        assertThat(read.engagedCustomers()).isEqualTo(alone.engagedCustomers());
        assertThat(read.retention(inactivity, 70)).isEqualTo(alone.retention(inactivity, 70));
        assertThat(read.engagementLift(3)).isEqualTo(alone.engagementLift(3));
      }
      assertThat(together.get(0).activeCustomers()).isPositive();
      assertThat(together.get(1).activeCustomers()).isZero();
    }
  }

  @Test
  void aFoldIsUsedOnce() {
    ChannelEvidence.Fold fold = ChannelEvidence.fold(FROM, TO, ChannelEvidence.INBOUND_NOT_PURCHASE);
    fold.evidence();
    assertThatThrownBy(() -> fold.add(List.of())).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(fold::evidence).isInstanceOf(IllegalStateException.class);
  }

  private static List<Interaction> world(Random random, int rows) {
    List<Interaction> interactions = new ArrayList<>();
    int customers = 1 + random.nextInt(40);
    for (int i = 0; i < rows; i++) {
      interactions.add(Interaction.builder()
          .customerId("c" + random.nextInt(customers))
          .channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
          .timestamp(FROM.plusSeconds(random.nextInt(70 * 86_400)).minus(Duration.ofDays(5))
              .plusNanos(random.nextInt(3) == 0 ? random.nextInt(1_000_000_000) : 0))
          .type(TYPES[random.nextInt(TYPES.length)])
          .direction(random.nextInt(4) == 0 ? Direction.OUTBOUND : Direction.INBOUND)
          .build());
    }
    return interactions;
  }

  /** The evidence as it was computed before the fold: a map of every customer's activity. */
  private static final class Reference {
    private final Map<String, CustomerActivity> customers = new HashMap<>();
    private final TreeSet<String> channels = new TreeSet<>();
    private final long middle;

    Reference(List<Interaction> interactions) {
      long start = FROM.toEpochMilli();
      long end = TO.toEpochMilli();
      middle = start + (end - start) / 2;
      for (Interaction interaction : interactions) {
        long at = interaction.timestamp().toEpochMilli();
        if (at < start || at >= end) {
          continue;
        }
        CustomerActivity activity = customers.computeIfAbsent(interaction.customerId(), id -> new CustomerActivity());
        activity.lastActiveMillis = Math.max(activity.lastActiveMillis, at);
        activity.activeInFirstHalf |= at < middle;
        activity.bought |= interaction.type() == InteractionType.PURCHASE;
        if (ChannelEvidence.INBOUND_NOT_PURCHASE.test(interaction)) {
          channels.add(interaction.channel().id());
          CustomerActivity.ChannelCounts counts = activity.channels.computeIfAbsent(interaction.channel().id(),
              c -> new CustomerActivity.ChannelCounts());
          counts.firstMillis = Math.min(counts.firstMillis, at);
          if (at < middle) {
            counts.firstHalf++;
          } else {
            counts.secondHalf++;
          }
        }
      }
    }

    long engagedOnAny() {
      return customers.values().stream().filter(a -> !a.channels.isEmpty()).count();
    }

    Map<String, Long> engaged() {
      Map<String, Long> engaged = new java.util.TreeMap<>();
      customers.values().forEach(a -> a.channels.keySet().forEach(c -> engaged.merge(c, 1L, Long::sum)));
      return engaged;
    }

    Map<String, RetentionEvidence> retention(Duration inactivity) {
      long cutoff = TO.minus(inactivity).toEpochMilli();
      Map<String, RetentionEvidence> evidence = new java.util.TreeMap<>();
      for (String channel : channels) {
        long engaged = 0;
        long engagedChurned = 0;
        long others = 0;
        long othersChurned = 0;
        for (CustomerActivity activity : customers.values()) {
          if (!activity.bought) {
            continue;
          }
          boolean churned = activity.lastActiveMillis < cutoff;
          if (activity.channels.containsKey(channel)) {
            engaged++;
            engagedChurned += churned ? 1 : 0;
          } else {
            others++;
            othersChurned += churned ? 1 : 0;
          }
        }
        if (engaged > 0 && others > 0) {
          evidence.put(channel, new RetentionEvidence(
              engaged, engagedChurned / (double) engaged, othersChurned / (double) others, 70));
        }
      }
      return evidence;
    }

    /** Per channel: treated and control customers. */
    Map<String, long[]> groups() {
      Map<String, long[]> groups = new HashMap<>();
      for (String channel : channels) {
        groups.put(channel,
            new long[] {treatedOrControl(channel, true).size(), treatedOrControl(channel, false).size()});
      }
      return groups;
    }

    Map<String, LiftEstimate> liftTests() {
      Map<String, LiftEstimate> tests = new HashMap<>();
      for (String channel : channels) {
        List<long[]> treated = treatedOrControl(channel, true);
        List<long[]> control = treatedOrControl(channel, false);
        if (treated.size() >= 2 && control.size() >= 2) {
          tests.put(channel, DifferenceInDifferences.perCustomer(column(treated, 0), column(treated, 1),
              column(control, 0), column(control, 1)));
        }
      }
      return tests;
    }

    private List<long[]> treatedOrControl(String channel, boolean treated) {
      List<long[]> rows = new ArrayList<>();
      for (CustomerActivity activity : customers.values()) {
        if (!activity.activeInFirstHalf) {
          continue;
        }
        CustomerActivity.ChannelCounts counts = activity.channels.get(channel);
        long[] prePost = {activity.engagedElsewhere(channel, false), activity.engagedElsewhere(channel, true)};
        if (treated ? counts != null && counts.firstMillis >= middle : counts == null) {
          rows.add(prePost);
        }
      }
      return rows;
    }

    private static double[] column(List<long[]> rows, int index) {
      return rows.stream().mapToDouble(r -> r[index]).toArray();
    }
  }
}
