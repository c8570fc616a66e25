package org.engagement.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.value.tier.MetricNames;
import org.junit.jupiter.api.Test;

/**
 * Profiles written straight into columns (issue 16) equal, metric order included, the profiles the map-per-customer
 * computation made: that computation is kept here as the reference, on random worlds with no, one and two
 * contributors whose metric sets differ between customers.
 */
class CustomerProfilesAsColumnsTest {
  private static final Instant AS_OF = Instant.parse("2025-06-30T12:00:00Z");
  private static final List<Channel> CHANNELS = List.of(Channel.of("email", ChannelGroup.EMAIL),
      Channel.of("social", ChannelGroup.ORGANIC_SOCIAL), Channel.of("shop", ChannelGroup.DIRECT));

  @Test
  void equalToTheMapPerCustomerProfilesWithTheirMetricOrder() {
    for (long seed = 1; seed <= 12; seed++) {
      List<Interaction> world = world(new SplittableRandom(seed), 400);
      List<List<ProfileMetrics>> contributorSets = List.of(List.of(), List.of(repeatLike()),
          List.of(sometimes(seed)), List.of(repeatLike(), sometimes(seed)));
      for (List<ProfileMetrics> contributors : contributorSets) {
        CustomerProfiles profiles = CustomerProfiles.defaults();
        for (ProfileMetrics c : contributors) {
          profiles = profiles.withMetrics(c);
        }
        List<CustomerProfile> columns = profiles.profiles(world, AS_OF);
        List<CustomerProfile> reference = reference(profiles.settings(), contributors, world, AS_OF);

        assertThat(columns).as("seed %d, %d contributors", seed, contributors.size()).isEqualTo(reference);
        for (int i = 0; i < reference.size(); i++) {
          assertThat(List.copyOf(columns.get(i).metrics().keySet()))
              .containsExactlyElementsOf(reference.get(i).metrics().keySet());
        }
      }
    }
  }

  @Test
  void aMetricThatIsNotFiniteIsRefusedAsTheProfileRefusedIt() {
    List<Interaction> world = world(new SplittableRandom(3), 50);
    ProfileMetrics broken = input -> Map.of(world.get(0).customerId(), Map.of("odd", Double.NaN));
    CustomerProfiles profiles = CustomerProfiles.defaults().withMetrics(broken);

    assertThatThrownBy(() -> reference(profiles.settings(), List.of(broken), world, AS_OF)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must be a finite number");
    assertThatThrownBy(() -> profiles.profiles(world, AS_OF)).isInstanceOf(InvalidFieldException.class)
        .hasMessage(messageOf(() -> reference(profiles.settings(), List.of(broken), world, AS_OF)));
  }

  private static String messageOf(Runnable failing) {
    try {
      failing.run();
    } catch (InvalidFieldException e) {
      return e.getMessage();
    }
    throw new AssertionError("did not fail");
  }

  /** Four metrics for every buyer, from one {@code Map.of} each, as the CLV module's contributor gives them. */
  private static ProfileMetrics repeatLike() {
    return input -> {
      Map<String, Map<String, Double>> out = new HashMap<>();
      input.purchases().buyers().forEach(b -> out.put(b.customerId(), Map.of("repeat_purchases",
          (double) b.purchases() - 1, "purchase_span_days", b.value() / 7, "customer_age_days", 3.0,
          "mean_repeat_spend", b.value() / b.purchases())));
      return out;
    };
  }

  /** A varying set of metrics for some customers, each in a map filled in its own order. */
  private static ProfileMetrics sometimes(long seed) {
    return input -> {
      SplittableRandom random = new SplittableRandom(seed * 31);
      Map<String, Map<String, Double>> out = new HashMap<>();
      List<String> names = List.of("alpha", "zeta", "Aa", "BB", "visits");
      for (Interaction i : input.interactions()) {
        if (random.nextInt(5) == 0) {
          Map<String, Double> own = out.computeIfAbsent(i.customerId(), c -> new HashMap<>());
          own.put(names.get(random.nextInt(names.size())), random.nextDouble(-50, 50));
        }
      }
      return out;
    };
  }

  private static List<Interaction> world(SplittableRandom random, int customers) {
    List<Interaction> out = new ArrayList<>();
    Instant start = AS_OF.minus(400, ChronoUnit.DAYS);
    for (int c = 0; c < customers; c++) {
      String id = random.nextInt(4) == 0 ? "anon-" + random.nextInt(1_000_000) : String.format("c%07d", c * 7);
      int n = 1 + random.nextInt(6);
      for (int k = 0; k < n; k++) {
        Instant at = start.plusSeconds(random.nextLong(420L * 86_400)).plusNanos(random.nextInt(3) * 1000L);
        Channel channel = CHANNELS.get(random.nextInt(CHANNELS.size()));
        if (random.nextInt(3) == 0) {
          Money value = random.nextInt(6) == 0 ? null
              : Money.of(BigDecimal.valueOf(random.nextInt(50_000), 2),
                  Currency.getInstance(random.nextInt(5) == 0 ? "USD" : "EUR"));
          out.add(new Interaction(id, channel, at, InteractionType.PURCHASE, Direction.INBOUND, value, null,
              Attributes.empty(), null));
        } else {
          out.add(new Interaction(id, channel, at, InteractionType.CLICK, Direction.INBOUND, null, null,
              Attributes.empty(), null));
        }
      }
    }
    return out;
  }

  /** The computation before issue 16's columns: a metrics map and a {@link CustomerProfile} per customer. */
  private static List<CustomerProfile> reference(ProfileSettings settings, List<ProfileMetrics> contributors,
      List<Interaction> interactions, Instant asOf) {
    InteractionColumns seen = InteractionColumns.of(interactions).notAfter(asOf);
    Purchases purchases = settings.purchases(seen);
    Map<String, Map<String, Double>> extra = new HashMap<>();
    for (ProfileMetrics contributor : contributors) {
      contributor.metrics(new ProfileInput(seen, asOf, settings.conversionRule(), purchases))
          .forEach((customer, named) -> named.forEach((name, v) ->
              extra.computeIfAbsent(customer, k -> new HashMap<>()).putIfAbsent(name, v)));
    }
    Map<String, Double> value = new HashMap<>();
    purchases.buyers().forEach(b -> value.put(b.customerId(), b.value()));
    LocalDate asOfDate = asOf.atOffset(ZoneOffset.UTC).toLocalDate();
    EngagementScorer scorer = settings.scorer();
    List<CustomerProfile> out = new ArrayList<>();
    for (List<Interaction> list : seen.perCustomer()) {
      String id = list.get(0).customerId();
      Instant first = list.get(0).timestamp();
      Instant last = first;
      for (Interaction interaction : list) {
        Instant at = interaction.timestamp();
        first = at.isBefore(first) ? at : first;
        last = at.isAfter(last) ? at : last;
      }
      Map<String, Double> metrics = new HashMap<>(extra.getOrDefault(id, Map.of()));
      metrics.put(MetricNames.VALUE, value.getOrDefault(id, 0.0));
      metrics.put(MetricNames.ENGAGEMENT, scorer.score(list, asOf));
      metrics.put(MetricNames.RECENCY_DAYS,
          (double) ChronoUnit.DAYS.between(last.atOffset(ZoneOffset.UTC).toLocalDate(), asOfDate));
      out.add(new CustomerProfile(Customer.of(id, first), metrics));
    }
    return out;
  }
}
