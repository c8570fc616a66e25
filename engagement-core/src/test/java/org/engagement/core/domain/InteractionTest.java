package org.engagement.core.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InteractionTest {
  private static final Channel EMAIL = Channel.of("newsletter", "Newsletter", ChannelGroup.EMAIL);
  private static final Instant T = Instant.parse("2024-03-01T10:15:30Z");

  private static Interaction.Builder valid() {
    return Interaction.builder().customerId("c-1").channel(EMAIL).timestamp(T).type(InteractionType.OPEN);
  }

  @Test
  void builderFillsTheTypesDefaultDirection() {
    assertThat(valid().build().direction()).isEqualTo(Direction.INBOUND);
    assertThat(valid().type(InteractionType.IMPRESSION).build().direction()).isEqualTo(Direction.OUTBOUND);
    assertThat(valid().type(InteractionType.REPLY).direction(Direction.OUTBOUND).build().direction())
        .isEqualTo(Direction.OUTBOUND);
  }

  @Test
  void toBuilderRoundTrips() {
    Interaction i = valid().value(Money.parse("5", "EUR")).sourceId("s-1")
        .attributes(Attributes.of("campaign", "spring")).build();
    assertThat(i.toBuilder().build()).isEqualTo(i);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", " c-1", "c-1 ", "c\u0000d", "c\nd"})
  void refusesUnusableCustomerIds(String id) {
    assertThatThrownBy(() -> valid().customerId(id).build())
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("customerId '");
  }

  /**
   * The customer id accepted last is not scanned again (issue 16), which must not let a bad id through: after a
   * good one, from another thread, or between two uses of the good one.
   */
  @Test
  void aCustomerIdAcceptedBeforeLetsNoBadOneThrough() throws Exception {
    String good = "c-2";
    Interaction first = valid().customerId(good).build();
    assertThat(valid().customerId(good).build()).isEqualTo(first);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<Integer>> refusals = new ArrayList<>();
      for (int t = 0; t < 2; t++) {
        String bad = t == 0 ? "c\u0000" + t : " c-" + t;
        refusals.add(pool.submit(() -> {
          int refused = 0;
          for (int k = 0; k < 2_000; k++) {
            valid().customerId(good).build();
            Customer.of(good, T);
            try {
              valid().customerId(k % 2 == 0 ? bad : new String(bad)).build();
            } catch (InvalidFieldException expected) {
              refused++;
            }
          }
          return refused;
        }));
      }
      for (Future<Integer> refused : refusals) {
        assertThat(refused.get()).isEqualTo(2_000);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThatThrownBy(() -> Customer.of("c\nd", T)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void refusesOverlongIdsAndShowsTheirLength() {
    String id = "x".repeat(257);
    assertThatThrownBy(() -> valid().customerId(id).build())
        .hasMessageContaining("(257 characters)")
        .hasMessageContaining("at most 256 characters");
  }

  @Test
  void refusesNegativeValuesAndNamesTheField() {
    assertThatThrownBy(() -> valid().value(Money.parse("-1", "EUR")).build())
        .isInstanceOf(InvalidFieldException.class)
        .hasMessage("value '-1.00 EUR' is invalid: must not be negative");
  }

  @Test
  void refusesTimestampsOutsideTheYears1To9999() {
    assertThatThrownBy(() -> valid().timestamp(Instant.parse("+10000-01-01T00:00:00Z")).build())
        .hasMessageContaining("must be between years 0001 and 9999");
    assertThat(valid().timestamp(Instant.parse("9999-12-31T23:59:59Z")).build()).isNotNull();
  }

  @Test
  void namesMissingRequiredParts() {
    assertThatThrownBy(() -> Interaction.builder().channel(EMAIL).timestamp(T).type(InteractionType.OPEN).build())
        .isInstanceOf(InvalidFieldException.class).hasMessage("customerId is missing: is required");
    assertThatThrownBy(() -> valid().channel(null).build()).isInstanceOf(InvalidFieldException.class)
        .hasMessage("channel is missing: is required");
  }

  @Test
  void typeParsingIsLenientAboutCaseAndSeparatorsButListsTheValidTypes() {
    assertThat(InteractionType.parse("type", "Support request")).isEqualTo(InteractionType.SUPPORT_REQUEST);
    assertThat(InteractionType.parse("type", "EVENT-ATTENDANCE")).isEqualTo(InteractionType.EVENT_ATTENDANCE);
    assertThat(InteractionType.parse("type", "click")).isEqualTo(InteractionType.CLICK);
    assertThatThrownBy(() -> InteractionType.parse("type", "retweet"))
        .hasMessageStartingWith("type 'retweet' is invalid: must be one of [impression, send, visit");
  }

  @Test
  void channelIdsMayNotContainThePathSeparator() {
    assertThatThrownBy(() -> Channel.of("a > b", ChannelGroup.REFERRAL)).hasMessageContaining("'>'");
    assertThat(Channel.ofGroup(ChannelGroup.ORGANIC_SOCIAL))
        .isEqualTo(new Channel("organic_social", "Organic Social", ChannelGroup.ORGANIC_SOCIAL));
    assertThat(ChannelGroup.parse("g", "Organic Social")).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);
    assertThat(ChannelGroup.parse("g", "paid-search")).isEqualTo(ChannelGroup.PAID_SEARCH);
    assertThat(ChannelGroup.parse("g", "PR")).isEqualTo(ChannelGroup.PUBLIC_RELATIONS);
    assertThatThrownBy(() -> ChannelGroup.parse("channel_group", "tv")).hasMessageContaining("channel_group 'tv'");
  }

  @Test
  void conversionRulesSelectByType() {
    Interaction purchase = valid().type(InteractionType.PURCHASE).value(Money.parse("10", "EUR")).build();
    assertThat(ConversionRule.purchases().toConversion(purchase)).hasValueSatisfying(
        c -> assertThat(c.value()).contains(Money.parse("10", "EUR")));
    assertThat(ConversionRule.purchases().isConversion(valid().build())).isFalse();
    assertThat(ConversionRule.ofTypes(java.util.Set.of(InteractionType.LEAD))
        .isConversion(valid().type(InteractionType.LEAD).build())).isTrue();
    assertThatThrownBy(() -> ConversionRule.ofTypes(java.util.Set.of())).hasMessageContaining("at least one");
  }
}
