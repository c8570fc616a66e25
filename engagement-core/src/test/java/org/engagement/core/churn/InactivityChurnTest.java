package org.engagement.core.churn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.SegmentRollup;
import org.junit.jupiter.api.Test;

class InactivityChurnTest {
  private static final InactivityChurn THIRTY_DAYS = InactivityChurn.ofDays(30);
  private static final ActivityHistory HISTORY = ActivityHistory.of(ChurnFixture.INTERACTIONS);

  @Test
  void churnedAtAnInstantUsesAHalfOpenWindow() {
    // bob's only activity is 2024-01-20T00:00Z. At t = 2024-02-19T00:00Z the window is (20 Jan 00:00, 19 Feb]:
    // 20 Jan 00:00 itself is outside, so bob is churned; one second earlier it is inside.
    assertThat(THIRTY_DAYS.isChurned(HISTORY, "bob", Instant.parse("2024-02-19T00:00:00Z"))).isTrue();
    assertThat(THIRTY_DAYS.isActive(HISTORY, "bob", Instant.parse("2024-02-18T23:59:59Z"))).isTrue();
    // The window includes t itself.
    assertThat(THIRTY_DAYS.isActive(HISTORY, "bob", Instant.parse("2024-01-20T00:00:00Z"))).isTrue();
    // Before the first activity: not acquired, so neither active nor churned.
    Instant before = Instant.parse("2024-01-19T00:00:00Z");
    assertThat(THIRTY_DAYS.isActive(HISTORY, "bob", before)).isFalse();
    assertThat(THIRTY_DAYS.isChurned(HISTORY, "bob", before)).isFalse();
    assertThat(THIRTY_DAYS.isChurned(HISTORY, "nobody", before)).isFalse();
  }

  @Test
  void churnMetricAndShareAtAnInstant() {
    // t = 15 Mar, window (14 Feb, 15 Mar]: ann (20 Feb) active; bob (20 Jan) churned; cat (10 Feb, next
    // 25 Mar after t) churned; dan (1 Mar) active; eve not acquired yet. Share 2 / 4 = 0.5.
    Instant t = Instant.parse("2024-03-15T00:00:00Z");
    assertThat(THIRTY_DAYS.churnMetric(HISTORY, t))
        .isEqualTo(Map.of("ann", 0.0, "bob", 1.0, "cat", 1.0, "dan", 0.0));
    assertThat(THIRTY_DAYS.churnedShare(HISTORY, t)).isEqualTo(0.5);
    assertThat(THIRTY_DAYS.churnedShare(ActivityHistory.empty(), t)).isZero();
  }

  @Test
  void monthlyChurnWorkedByHand() {
    // State at the end of month M: activity in [end - 30 days, end).
    // end Dec: nobody yet.
    // end Jan, [2 Jan, 1 Feb): ann (5 Jan), bob (20 Jan) active.
    // end Feb, [31 Jan, 1 Mar) (Feb 2024 has 29 days): ann (20 Feb), cat (10 Feb) active; bob churned.
    // end Mar, [2 Mar, 1 Apr): cat (25 Mar) active; ann churned; dan (1 Mar) acquired and already lapsed.
    // end Apr, [1 Apr, 1 May): nobody active; cat churned.
    List<ChurnPeriod> months = THIRTY_DAYS.monthly(HISTORY, YearMonth.of(2024, 1), YearMonth.of(2024, 4));
    assertThat(months).containsExactly(
        new ChurnPeriod(YearMonth.of(2024, 1), 0, 0, 2), // rate 0: nobody active at the start
        new ChurnPeriod(YearMonth.of(2024, 2), 2, 1, 2), // bob: 1 / 2
        new ChurnPeriod(YearMonth.of(2024, 3), 2, 1, 1), // ann: 1 / 2; dan was not active at the start
        new ChurnPeriod(YearMonth.of(2024, 4), 1, 1, 0)); // cat: 1 / 1
    assertThat(months.stream().map(ChurnPeriod::rate)).containsExactly(0.0, 0.5, 0.5, 1.0);
  }

  @Test
  void monthlyChurnPerSegment() {
    // Segment plan = pro: ann and cat. Feb: start {ann}, nobody lost: 0. Mar: start {ann, cat}, ann lost:
    // 1 / 2. Apr: start {cat}, cat lost: 1 / 1.
    Map<String, CustomerProfile> profiles = Map.of(
        "ann", profile("ann", "pro"), "bob", profile("bob", "free"), "cat", profile("cat", "pro"),
        "dan", profile("dan", "free"));
    List<ChurnPeriod> pro = THIRTY_DAYS.monthly(HISTORY, YearMonth.of(2024, 2), YearMonth.of(2024, 4),
        Segment.attributeEquals("plan", "pro"), profiles);
    assertThat(pro).containsExactly(
        new ChurnPeriod(YearMonth.of(2024, 2), 1, 0, 2),
        new ChurnPeriod(YearMonth.of(2024, 3), 2, 1, 1),
        new ChurnPeriod(YearMonth.of(2024, 4), 1, 1, 0));
  }

  @Test
  void monthsFollowTheZone() {
    // In Tokyo (UTC+9) bob's 20 Jan 00:00Z is 09:00 on 20 Jan; ann's 20 Feb is still February. The end of
    // January is 1 Feb 00:00 +09:00 = 31 Jan 15:00Z; nothing else moves across a month boundary here.
    InactivityChurn tokyo = new InactivityChurn(Duration.ofDays(30), ZoneId.of("Asia/Tokyo"));
    assertThat(tokyo.monthly(HISTORY, YearMonth.of(2024, 2), YearMonth.of(2024, 2)))
        .containsExactly(new ChurnPeriod(YearMonth.of(2024, 2), 2, 1, 2));
  }

  @Test
  void onlyTheInteractionsThatCountAreActivity() {
    // Purchases only: ann 5 Jan, cat 25 Mar. End Feb, [31 Jan, 1 Mar): ann churned. Feb: 1 / 1.
    ActivityHistory purchases = ActivityHistory.of(ChurnFixture.INTERACTIONS, i -> i.type() == InteractionType.PURCHASE);
    assertThat(purchases.customers()).containsExactlyInAnyOrder("ann", "cat");
    assertThat(THIRTY_DAYS.monthly(purchases, YearMonth.of(2024, 2), YearMonth.of(2024, 2)))
        .containsExactly(new ChurnPeriod(YearMonth.of(2024, 2), 1, 1, 0));
  }

  @Test
  void badInputIsRefused() {
    assertThatThrownBy(() -> InactivityChurn.ofDays(0)).isInstanceOf(InvalidFieldException.class)
        .hasMessage("days '0' is invalid: must be positive");
    assertThatThrownBy(() -> THIRTY_DAYS.monthly(HISTORY, YearMonth.of(2024, 2), YearMonth.of(2024, 1)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("must not be before from 2024-02");
    assertThatThrownBy(() -> THIRTY_DAYS.monthly(HISTORY, YearMonth.of(1000, 1), YearMonth.of(3000, 1)))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("12000");
    assertThatThrownBy(() -> new ChurnPeriod(YearMonth.of(2024, 1), 1, 2, 0)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void churnMetricFeedsSegmentRollups() {
    // At 15 Mar bob and cat are churned (see churnMetricAndShareAtAnInstant). Plan pro = ann, cat: 1 / 2;
    // plan free = bob, dan: 1 / 2; everyone: 2 / 4.
    Map<String, Double> churned = THIRTY_DAYS.churnMetric(HISTORY, Instant.parse("2024-03-15T00:00:00Z"));
    List<CustomerProfile> profiles = List.of(profile("ann", "pro"), profile("bob", "free"),
        profile("cat", "pro"), profile("dan", "free")).stream()
        .map(p -> new CustomerProfile(p.customer(), Map.of(MetricNames.CHURNED, churned.get(p.customer().id()))))
        .toList();
    assertThat(SegmentRollup.of(Segment.attributeEquals("plan", "pro"), profiles).churnRate()).isEqualTo(0.5);
    assertThat(SegmentRollup.of(Segment.everyone(), profiles))
        .isEqualTo(new SegmentRollup("everyone", 4, 0, 0, 0.5));
  }

  private static CustomerProfile profile(String id, String plan) {
    return CustomerProfile.of(new Customer(id, Instant.EPOCH, Attributes.of("plan", plan)));
  }
}
