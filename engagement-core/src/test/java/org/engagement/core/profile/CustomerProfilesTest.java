package org.engagement.core.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.engagement.core.profile.ProfileWorld.day;
import static org.engagement.core.profile.ProfileWorld.interactions;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.value.tier.MetricNames;
import org.junit.jupiter.api.Test;

/** Profiles of {@link ProfileWorld} as of day 6 at noon, by hand. */
class CustomerProfilesTest {
  private static final Instant AS_OF = day(6).plus(Duration.ofHours(2));

  /**
   * e's only interaction (d7) is after the as-of instant, so e has no profile and its 40 USD is not a
   * purchase: EUR (three values) against USD (b's 30). Value a 150, b 200, c 0, d 0; last interaction a d3,
   * b d5, c d6, d d2, so recency 3, 1, 0 and 4 days.
   */
  @Test
  void builtInMetricsByHand() {
    List<CustomerProfile> profiles = CustomerProfiles.defaults().profiles(interactions(), AS_OF);

    assertThat(profiles).extracting(p -> p.customer().id()).containsExactly("a", "b", "c", "d");
    assertThat(profiles).extracting(p -> p.metric(MetricNames.VALUE).orElseThrow())
        .containsExactly(150.0, 200.0, 0.0, 0.0);
    assertThat(profiles).extracting(p -> p.metric(MetricNames.RECENCY_DAYS).orElseThrow())
        .containsExactly(3.0, 1.0, 0.0, 4.0);
    assertThat(profiles.get(0).customer().firstSeen()).isEqualTo(day(1));
    EngagementScorer scorer = EngagementScorer.defaults();
    for (CustomerProfile profile : profiles) {
      List<Interaction> own = interactions().stream()
          .filter(i -> i.customerId().equals(profile.customer().id())).toList();
      assertThat(profile.metric(MetricNames.ENGAGEMENT)).hasValue(scorer.score(own, AS_OF));
      assertThat(profile.metrics()).containsOnlyKeys(MetricNames.VALUE, MetricNames.ENGAGEMENT,
          MetricNames.RECENCY_DAYS);
    }
  }

  @Test
  void interactionsAfterTheAsOfInstantChangeNothing() {
    List<Interaction> later = new ArrayList<>(interactions());
    later.add(ProfileWorld.touch("a", ProfileWorld.EMAIL, 9, InteractionType.CLICK));
    later.add(ProfileWorld.purchase("f", 8, "999", "EUR"));

    assertThat(CustomerProfiles.defaults().profiles(later, AS_OF))
        .isEqualTo(CustomerProfiles.defaults().profiles(interactions(), AS_OF));
  }

  @Test
  void settingsChooseTheCurrencyTheRuleAndTheScorer() {
    ProfileSettings usd = ProfileSettings.defaults().withCurrency(Currency.getInstance("USD"));
    List<CustomerProfile> inUsd = CustomerProfiles.of(usd).profiles(interactions(), AS_OF);
    assertThat(inUsd).extracting(p -> p.metric(MetricNames.VALUE).orElseThrow())
        .containsExactly(0.0, 30.0, 0.0, 0.0);

    ProfileSettings leads = ProfileSettings.defaults()
        .withConversionRule(ConversionRule.ofTypes(Set.of(InteractionType.LIKE)));
    assertThat(CustomerProfiles.of(leads).profiles(interactions(), AS_OF))
        .extracting(p -> p.metric(MetricNames.VALUE).orElseThrow()).containsExactly(0.0, 0.0, 0.0, 0.0);

    EngagementScorer fast = EngagementScorer.defaults().withHalfLife(Duration.ofDays(1));
    CustomerProfile c = CustomerProfiles.of(ProfileSettings.defaults().withScorer(fast))
        .profiles(interactions(), AS_OF).get(2);
    assertThat(c.metric(MetricNames.ENGAGEMENT)).hasValue(fast.score(interactions().subList(5, 7), AS_OF));
  }

  /** A contributor sees the purchases in the value currency and adds its own metric. */
  @Test
  void contributorsAddMetrics() {
    ProfileMetrics purchaseCount = input -> {
      Map<String, Map<String, Double>> out = new HashMap<>();
      input.purchases().buyers().forEach(b -> out.put(b.customerId(), Map.of("purchases", (double) b.purchases())));
      assertThat(input.purchases().currency()).contains(Currency.getInstance("EUR"));
      assertThat(input.interactions()).hasSize(8);
      assertThat(input.asOfDate()).isEqualTo(LocalDate.of(2024, 1, 7));
      return out;
    };

    List<CustomerProfile> profiles =
        CustomerProfiles.defaults().withMetrics(purchaseCount).profiles(interactions(), AS_OF);

    assertThat(profiles.get(0).metric("purchases")).hasValue(2.0);
    assertThat(profiles.get(3).metric("purchases")).isEmpty();
    assertThat(profiles.get(0).metric(MetricNames.VALUE)).hasValue(150.0);
  }

  @Test
  void aMetricNameGivenTwiceIsRefused() {
    ProfileMetrics value = input -> Map.of("a", Map.of(MetricNames.VALUE, 1.0));
    ProfileMetrics visits = input -> Map.of("a", Map.of("visits", 1.0));

    assertThatThrownBy(() -> CustomerProfiles.defaults().withMetrics(value).profiles(interactions(), AS_OF))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("built-in");
    assertThatThrownBy(() -> CustomerProfiles.defaults().withMetrics(visits).withMetrics(visits)
        .profiles(interactions(), AS_OF))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("one contributor");
  }
}
