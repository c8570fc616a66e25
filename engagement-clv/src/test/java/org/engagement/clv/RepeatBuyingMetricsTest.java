package org.engagement.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.value.tier.MetricNames;
import org.junit.jupiter.api.Test;

/** The repeat-buying profile metrics, by hand. */
class RepeatBuyingMetricsTest {
  private static final Channel SHOP = Channel.of("shop", ChannelGroup.DIRECT);

  private static Interaction interaction(String customer, String instant, InteractionType type, String amount) {
    return Interaction.builder().customerId(customer).channel(SHOP).timestamp(Instant.parse(instant)).type(type)
        .value(amount.isEmpty() ? null : Money.of(new BigDecimal(amount), Currency.getInstance("EUR"))).build();
  }

  /**
   * As of 2024-01-29: a bought on 01-01 (10), 01-15 (20) and 01-22 (30): 2 repeat days, span 21 days, age
   * 28 days, mean repeat spend 25; b bought once on 01-08: 0, 0, 21, 0; c only visited, so no metrics.
   */
  @Test
  void buyersGetTheirRepeatBuyingInDays() {
    List<Interaction> interactions = List.of(
        interaction("a", "2024-01-01T09:00:00Z", InteractionType.PURCHASE, "10"),
        interaction("a", "2024-01-15T09:00:00Z", InteractionType.PURCHASE, "20"),
        interaction("a", "2024-01-22T09:00:00Z", InteractionType.PURCHASE, "30"),
        interaction("b", "2024-01-08T09:00:00Z", InteractionType.PURCHASE, "5"),
        interaction("c", "2024-01-10T09:00:00Z", InteractionType.VISIT, ""));

    List<CustomerProfile> profiles = CustomerProfiles.defaults().withMetrics(RepeatBuyingMetrics.inDays())
        .profiles(interactions, Instant.parse("2024-01-29T12:00:00Z"));

    CustomerProfile a = profiles.get(0);
    assertThat(a.metric(LifetimeValuePredictor.REPEAT_PURCHASES)).hasValue(2.0);
    assertThat(a.metric(LifetimeValuePredictor.PURCHASE_SPAN_DAYS)).hasValue(21.0);
    assertThat(a.metric(LifetimeValuePredictor.CUSTOMER_AGE_DAYS)).hasValue(28.0);
    assertThat(a.metric(LifetimeValuePredictor.MEAN_REPEAT_SPEND)).hasValue(25.0);
    assertThat(a.metric(MetricNames.VALUE)).hasValue(60.0);
    CustomerProfile b = profiles.get(1);
    assertThat(b.metric(LifetimeValuePredictor.REPEAT_PURCHASES)).hasValue(0.0);
    assertThat(b.metric(LifetimeValuePredictor.CUSTOMER_AGE_DAYS)).hasValue(21.0);
    assertThat(profiles.get(2).metric(LifetimeValuePredictor.CUSTOMER_AGE_DAYS)).isEmpty();
  }

  @Test
  void withoutValuesThereAreNoMetrics() {
    List<Interaction> unvalued = List.of(interaction("a", "2024-01-01T09:00:00Z", InteractionType.PURCHASE, ""));

    CustomerProfile a = CustomerProfiles.defaults().withMetrics(RepeatBuyingMetrics.inDays())
        .profiles(unvalued, Instant.parse("2024-01-02T00:00:00Z")).get(0);

    assertThat(a.metrics()).containsOnlyKeys(MetricNames.VALUE, MetricNames.ENGAGEMENT, MetricNames.RECENCY_DAYS);
  }
}
