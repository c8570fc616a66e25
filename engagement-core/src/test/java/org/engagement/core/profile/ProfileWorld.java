package org.engagement.core.profile;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.jspecify.annotations.Nullable;

/**
 * A world small enough to work by hand. Day {@code n} is 2024-01-01 plus n days, at 10:00 UTC.
 *
 * <pre>
 * a  d1 email click, d3 purchase 100 EUR, d3 purchase 50 EUR (same day)
 * b  d2 purchase 30 USD, d5 purchase 200 EUR
 * c  d4 purchase without a value, d6 social like
 * d  d2 social impression
 * e  d7 purchase 40 USD
 * </pre>
 *
 * Purchase values: three in EUR, two in USD, so EUR is the value currency.
 */
final class ProfileWorld {
  static final Instant DAY0 = Instant.parse("2024-01-01T10:00:00Z");
  static final Channel EMAIL = Channel.of("email", ChannelGroup.EMAIL);
  static final Channel SOCIAL = Channel.of("social", ChannelGroup.ORGANIC_SOCIAL);
  static final Channel SHOP = Channel.of("shop", ChannelGroup.DIRECT);

  private ProfileWorld() {}

  static Instant day(int n) {
    return DAY0.plus(Duration.ofDays(n));
  }

  static Interaction touch(String customer, Channel channel, int day, InteractionType type) {
    return Interaction.builder().customerId(customer).channel(channel).timestamp(day(day)).type(type).build();
  }

  static Interaction purchase(String customer, int day, @Nullable String amount, String currency) {
    return Interaction.builder().customerId(customer).channel(SHOP).timestamp(day(day)).type(InteractionType.PURCHASE)
        .value(amount == null ? null : Money.of(new BigDecimal(amount), Currency.getInstance(currency)))
        .build();
  }

  static List<Interaction> interactions() {
    return List.of(
        touch("a", EMAIL, 1, InteractionType.CLICK),
        purchase("a", 3, "100", "EUR"),
        purchase("a", 3, "50", "EUR"),
        purchase("b", 2, "30", "USD"),
        purchase("b", 5, "200", "EUR"),
        purchase("c", 4, null, "EUR"),
        touch("c", SOCIAL, 6, InteractionType.LIKE),
        touch("d", SOCIAL, 2, InteractionType.IMPRESSION),
        purchase("e", 7, "40", "USD"));
  }
}
