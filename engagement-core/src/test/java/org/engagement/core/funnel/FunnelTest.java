package org.engagement.core.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/**
 * The default funnel (touch, lead, opportunity, customer) on a small world worked out by hand. Day
 * {@code n} is 2024-01-01 plus n days.
 *
 * <pre>
 * a: linkedin CLICK d1, email OPEN d2, email LEAD d5, webinar OPPORTUNITY d10, direct PURCHASE d20
 *    first touch linkedin; reached touch d1, lead d5, opportunity d10, customer d20, all directly
 * b: email OPEN d3, email LEAD d4
 *    first touch email; touch d3, lead d4
 * c: linkedin LIKE d2, direct PURCHASE d12
 *    first touch linkedin; touch d2, lead d12 (implied), opportunity d12 (implied), customer d12
 * d: linkedin IMPRESSION d1
 *    first touch linkedin; touch d1
 * e: webinar LEAD d6, webinar OPPORTUNITY d8
 *    first touch webinar; touch d6 (implied by the lead), lead d6, opportunity d8
 * </pre>
 */
class FunnelTest {
  private static final Instant DAY0 = Instant.parse("2024-01-01T00:00:00Z");
  private static final Channel LINKEDIN = Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel EMAIL = Channel.of("email", ChannelGroup.EMAIL);
  private static final Channel WEBINAR = Channel.of("webinar", ChannelGroup.EVENTS);
  private static final Channel DIRECT = Channel.of("direct", ChannelGroup.DIRECT);

  private static Instant day(int n) {
    return DAY0.plus(Duration.ofDays(n));
  }

  private static Interaction touch(String customer, Channel channel, int day, InteractionType type) {
    return Interaction.builder().customerId(customer).channel(channel).timestamp(day(day)).type(type).build();
  }

  static List<Interaction> world() {
    return List.of(
        touch("a", LINKEDIN, 1, InteractionType.CLICK),
        touch("a", EMAIL, 2, InteractionType.OPEN),
        touch("a", EMAIL, 5, InteractionType.LEAD),
        touch("a", WEBINAR, 10, InteractionType.OPPORTUNITY),
        touch("a", DIRECT, 20, InteractionType.PURCHASE),
        touch("b", EMAIL, 3, InteractionType.OPEN),
        touch("b", EMAIL, 4, InteractionType.LEAD),
        touch("c", LINKEDIN, 2, InteractionType.LIKE),
        touch("c", DIRECT, 12, InteractionType.PURCHASE),
        touch("d", LINKEDIN, 1, InteractionType.IMPRESSION),
        touch("e", WEBINAR, 6, InteractionType.LEAD),
        touch("e", WEBINAR, 8, InteractionType.OPPORTUNITY));
  }

  private static Funnel funnel() {
    return Funnel.of(FunnelDefinition.defaults()).addAll(world());
  }

  @Test
  void defaultStages() {
    FunnelDefinition defaults = FunnelDefinition.defaults();

    assertThat(defaults.names()).containsExactly("touch", "lead", "opportunity", "customer");
    FunnelStage touch = defaults.stages().get(0);
    assertThat(touch.reachedBy(InteractionType.IMPRESSION)).isTrue();
    assertThat(touch.reachedBy(InteractionType.SUPPORT_REQUEST)).isTrue();
    assertThat(touch.reachedBy(InteractionType.LEAD)).isFalse();
    assertThat(touch.reachedBy(InteractionType.OPPORTUNITY)).isFalse();
    assertThat(touch.reachedBy(InteractionType.PURCHASE)).isFalse();
    assertThat(touch.types()).hasSize(InteractionType.values().length - 3);
  }

  @Test
  void perCustomerFirstReachWithImpliedStages() {
    Funnel funnel = funnel();

    assertThat(funnel.customerCount()).isEqualTo(5);
    assertThat(funnel.customer("c"))
        .contains(
            new CustomerFunnel("c", LINKEDIN, List.of(day(2), day(12), day(12), day(12)), List.of(true, false, false, true)));
    assertThat(funnel.customer("e"))
        .contains(new CustomerFunnel("e", WEBINAR, List.of(day(6), day(6), day(8)), List.of(false, true, true)));
    CustomerFunnel b = funnel.customer("b").orElseThrow();
    assertThat(b.currentStage()).isEqualTo(1);
    assertThat(b.reachedAt(1)).contains(day(4));
    assertThat(b.reachedAt(2)).isEmpty();
    assertThat(funnel.customer("z")).isEmpty();
  }

  @Test
  void overallCounts() {
    FunnelCounts overall = funnel().report().overall();

    // reached: touch {a,b,c,d,e} 5, lead {a,b,c,e} 4, opportunity {a,c,e} 3, customer {a,c} 2
    assertThat(overall.reached()).containsExactly(5, 4, 3, 2);
    // now: touch {d}, lead {b}, opportunity {e}, customer {a,c}
    assertThat(overall.current()).containsExactly(1, 1, 1, 2);
    assertThat(overall.customers()).isEqualTo(5);
    List<StageTransition> t = overall.transitions();
    // rates 4/5, 3/4, 2/3
    assertThat(t.get(0).conversionRate()).isEqualTo(0.8);
    assertThat(t.get(1).conversionRate()).isEqualTo(0.75);
    assertThat(t.get(2).conversionRate()).isCloseTo(2.0 / 3, within(1e-12));
    // touch->lead timed for a (d5 - d1 = 4 d) and b (d4 - d3 = 1 d), not c (lead implied) nor e (touch
    // implied): median (4 + 1) / 2 = 2.5 d = 60 h
    assertThat(t.get(0)).isEqualTo(new StageTransition("touch", "lead", 5, 4, 2, Duration.ofHours(60)));
    // lead->opportunity: a 10 - 5 = 5 d, e 8 - 6 = 2 d: median 3.5 d = 84 h
    assertThat(t.get(1)).isEqualTo(new StageTransition("lead", "opportunity", 4, 3, 2, Duration.ofHours(84)));
    // opportunity->customer: a 20 - 10 = 10 d; c's opportunity is implied
    assertThat(t.get(2)).isEqualTo(new StageTransition("opportunity", "customer", 3, 2, 1, Duration.ofDays(10)));
  }

  @Test
  void countsPerChannelOfFirstTouch() {
    FunnelReport report = funnel().report();

    assertThat(report.byFirstTouch()).extracting(FunnelReport.ByChannel::channel).containsExactly(EMAIL, LINKEDIN, WEBINAR);
    // email: b only
    FunnelCounts email = report.byFirstTouch().get(0).counts();
    assertThat(email.reached()).containsExactly(1, 1, 0, 0);
    assertThat(email.current()).containsExactly(0, 1, 0, 0);
    assertThat(email.transitions())
        .containsExactly(
            new StageTransition("touch", "lead", 1, 1, 1, Duration.ofDays(1)),
            new StageTransition("lead", "opportunity", 1, 0, 0, null),
            new StageTransition("opportunity", "customer", 0, 0, 0, null));
    // 0 / 0 is reported as 0
    assertThat(email.transitions().get(2).conversionRate()).isZero();
    // linkedin: a, c, d. reached 3, 2 (a, c), 2, 2; now d touch, a and c customer
    FunnelCounts linkedin = report.byFirstTouch().get(1).counts();
    assertThat(linkedin.reached()).containsExactly(3, 2, 2, 2);
    assertThat(linkedin.current()).containsExactly(1, 0, 0, 2);
    // rates 2/3, 2/2, 2/2; times only from a: 4 d, 5 d, 10 d
    assertThat(linkedin.transitions())
        .containsExactly(
            new StageTransition("touch", "lead", 3, 2, 1, Duration.ofDays(4)),
            new StageTransition("lead", "opportunity", 2, 2, 1, Duration.ofDays(5)),
            new StageTransition("opportunity", "customer", 2, 2, 1, Duration.ofDays(10)));
    // webinar: e. touch implied, so touch->lead untimed; lead->opportunity 2 d
    FunnelCounts webinar = report.byFirstTouch().get(2).counts();
    assertThat(webinar.reached()).containsExactly(1, 1, 1, 0);
    assertThat(webinar.current()).containsExactly(0, 0, 1, 0);
    assertThat(webinar.transitions().get(0)).isEqualTo(new StageTransition("touch", "lead", 1, 1, 0, null));
    assertThat(webinar.transitions().get(1).medianTime()).isEqualTo(Duration.ofDays(2));
  }

  @Test
  void firstTouchTiesGoToTheFirstChannelById() {
    Funnel funnel =
        Funnel.of(FunnelDefinition.defaults())
            .add(touch("f", LINKEDIN, 1, InteractionType.CLICK))
            .add(touch("f", EMAIL, 1, InteractionType.CLICK));

    // same instant: "email" < "linkedin"
    assertThat(funnel.customer("f").orElseThrow().firstTouch()).isEqualTo(EMAIL);
  }

  @Test
  void customStagesIgnoreInteractionsOfOtherTypes() {
    FunnelDefinition definition =
        FunnelDefinition.of(
            FunnelStage.of("subscriber", InteractionType.SUBSCRIBE),
            FunnelStage.of("buyer", InteractionType.PURCHASE));
    Funnel funnel =
        Funnel.of(definition)
            .add(touch("g", LINKEDIN, 1, InteractionType.CLICK))
            .add(touch("g", EMAIL, 2, InteractionType.SUBSCRIBE))
            .add(touch("h", LINKEDIN, 3, InteractionType.CLICK));

    // h reaches no stage and is left out; g's first touch is the subscription, not the click
    assertThat(funnel.customerCount()).isEqualTo(1);
    assertThat(funnel.customer("g").orElseThrow().firstTouch()).isEqualTo(EMAIL);
    assertThat(funnel.report().overall().reached()).containsExactly(1, 0);
  }

  @Test
  void mergeOfPartsEqualsTheWhole() {
    List<Interaction> all = world();
    Funnel left = Funnel.of(FunnelDefinition.defaults()).addAll(all.subList(0, 6));
    Funnel right = Funnel.of(FunnelDefinition.defaults()).addAll(all.subList(6, all.size()));

    assertThat(left.merge(right).report()).isEqualTo(funnel().report());
    assertThat(all.parallelStream().collect(Funnel.collector(FunnelDefinition.defaults())).report())
        .isEqualTo(funnel().report());
  }

  @Test
  void refusesBadDefinitions() {
    assertThatThrownBy(() -> FunnelDefinition.of()).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(
            () -> FunnelDefinition.of(FunnelStage.of("x", InteractionType.LEAD), FunnelStage.of("x", InteractionType.PURCHASE)))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("unique");
    assertThatThrownBy(() -> FunnelStage.of(" ", InteractionType.LEAD)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> FunnelStage.of("none")).isInstanceOf(InvalidFieldException.class);
    Funnel funnel = funnel();
    assertThatThrownBy(() -> funnel.merge(Funnel.of(FunnelDefinition.of(FunnelStage.of("x", InteractionType.LEAD)))))
        .isInstanceOf(InvalidFieldException.class);
  }
}
