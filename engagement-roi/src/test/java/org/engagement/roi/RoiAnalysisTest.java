package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.core.segment.Segment;
import org.engagement.roi.evidence.ChannelEvidence;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The ROI pipeline on a world worked by hand (2024, UTC), with linear attribution so the credits are easy:
 *
 * <pre>
 * a  01-05 email click, 01-12 purchase 100        journey [email] 100
 * b  01-08 social click, 02-01 email lead,
 *    02-03 purchase 300                           journey [social, email] 300
 * c  01-20 email open, 03-01 purchase 50,
 *    03-05 purchase 50                            journey [email] 50; the second purchase is untouched
 * d  02-10 social impression                      a prospect
 * </pre>
 *
 * Linear credit: email 100 + 150 + 50 = 300, social 150; total 450. Costs (EUR): email 10.00 in 2023-12,
 * email 6.00 in 2024-01 aimed at segment "vip", social 20.00 in 2024-02 by the social team. Survey: a says
 * "your Email", b "on social"; mapped by channel name, half each.
 */
class RoiAnalysisTest {
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Channel EMAIL = Channel.of("email", "Email", ChannelGroup.EMAIL);
  private static final Channel SOCIAL = Channel.of("social", "Social", ChannelGroup.ORGANIC_SOCIAL);
  private static final Channel SHOP = Channel.of("shop", "Shop", ChannelGroup.DIRECT);
  private static final double EPS = 1e-9;
  private static final RoiAnalysis LINEAR = RoiAnalysis.of(RoiSettings.defaults().withModel("linear"));

  private static Interaction at(String customer, Channel channel, String instant, InteractionType type,
      @Nullable String value) {
    return Interaction.builder().customerId(customer).channel(channel).timestamp(Instant.parse(instant)).type(type)
        .value(value == null ? null : Money.of(new BigDecimal(value), EUR)).build();
  }

  static List<Interaction> interactions() {
    return List.of(
        at("a", EMAIL, "2024-01-05T10:00:00Z", InteractionType.CLICK, null),
        at("a", SHOP, "2024-01-12T10:00:00Z", InteractionType.PURCHASE, "100"),
        at("b", SOCIAL, "2024-01-08T10:00:00Z", InteractionType.CLICK, null),
        at("b", EMAIL, "2024-02-01T10:00:00Z", InteractionType.LEAD, null),
        at("b", SHOP, "2024-02-03T10:00:00Z", InteractionType.PURCHASE, "300"),
        at("c", EMAIL, "2024-01-20T10:00:00Z", InteractionType.OPEN, null),
        at("c", SHOP, "2024-03-01T10:00:00Z", InteractionType.PURCHASE, "50"),
        at("c", SHOP, "2024-03-05T12:00:00Z", InteractionType.PURCHASE, "50"),
        at("d", SOCIAL, "2024-02-10T10:00:00Z", InteractionType.IMPRESSION, null));
  }

  static Investment investment() {
    return Investment.of(EUR, List.of(
        Cost.of(YearMonth.of(2023, 12), "email", Money.parse("10.00", "EUR")),
        Cost.of(YearMonth.of(2024, 1), "email", Money.parse("6.00", "EUR")).withSegment("vip"),
        Cost.of(YearMonth.of(2024, 2), "social", Money.parse("20.00", "EUR")).withOwner("social team")));
  }

  static RoiData data() {
    return RoiData.of(interactions(), investment())
        .withSurvey(List.of(new SurveyAnswer("a", "your Email"), new SurveyAnswer("b", "on social")));
  }

  /**
   * Window 2023-12 (the first cost) to 2024-03 (the as-of month). Measured terms at weight 0.5: email
   * 0.5 × 300 = 150, social 75; self-reported: half of 450 each, times 0.5 = 112.5. A kept customer is
   * worth the mean value per buyer, (100 + 300 + 100) / 3.
   */
  @Test
  void everyoneByHand() {
    RoiResult result = LINEAR.calculate(data());
    RoiReport report = result.report();

    assertThat(report.firstMonth()).isEqualTo(YearMonth.of(2023, 12));
    assertThat(report.lastMonth()).isEqualTo(YearMonth.of(2024, 3));
    assertThat(result.valuePerCustomer()).isCloseTo(500 / 3.0, within(EPS));
    assertThat(result.attribution().weight()).isEqualTo(0.5);
    RoiLine email = report.channel("email").orElseThrow();
    assertThat(email.cost()).isEqualTo(Money.parse("16.00", "EUR"));
    assertThat(email.reward(RewardComponent.ATTRIBUTED_REVENUE)).hasValueCloseTo(150.0, within(EPS));
    assertThat(email.reward(RewardComponent.SELF_REPORTED_INFLUENCE)).hasValueCloseTo(112.5, within(EPS));
    RoiLine social = report.channel("social").orElseThrow();
    assertThat(social.reward(RewardComponent.ATTRIBUTED_REVENUE)).hasValueCloseTo(75.0, within(EPS));
    assertThat(social.reward(RewardComponent.SELF_REPORTED_INFLUENCE)).hasValueCloseTo(112.5, within(EPS));
    assertThat(report.owner("social team").orElseThrow().cost()).isEqualTo(Money.parse("20.00", "EUR"));

    ChannelEvidence evidence = ChannelEvidence.of(interactions(), Instant.parse("2023-12-01T00:00:00Z"),
        Instant.parse("2024-04-01T00:00:00Z"));
    assertThat(email.engagedCustomers()).isEqualTo((double) evidence.engagedCustomers().get("email"));
    // every buyer engaged on email, so there is no baseline to compare with: no evidence, no retained value
    assertThat(evidence.retention(Duration.ofDays(90), 500 / 3.0)).doesNotContainKey("email");
    assertThat(email.reward(RewardComponent.RETAINED_VALUE)).hasValue(0.0);
  }

  @Test
  void withoutASurveyTheAttributionIsMeasuredOnly() {
    RoiResult result = LINEAR.calculate(RoiData.of(interactions(), investment()));

    assertThat(result.attribution().weight()).isZero();
    assertThat(result.report().channel("email").orElseThrow().reward(RewardComponent.ATTRIBUTED_REVENUE))
        .hasValueCloseTo(300.0, within(EPS));
    assertThat(result.report().channel("email").orElseThrow().reward(RewardComponent.SELF_REPORTED_INFLUENCE))
        .hasValue(0.0);
  }

  /**
   * vip = a, b (2 of 4 customers): email 10.00 × 2/4 = 5.00 plus the 6.00 aimed at vip, social 10.00;
   * journeys [email] 100 and [social, email] 300, so linear email 250, social 150; the survey answers are
   * both vip's. rest = c, d: email 5.00, social 10.00, journey [email] 50.
   */
  @Test
  void perSegmentByHand() {
    Map<String, RoiResult> results = LINEAR.perSegment(data(), RoiSegments.byLabel(
        Map.of("a", "vip", "b", "vip", "c", "rest", "d", "rest")));

    assertThat(results).containsOnlyKeys("rest", "vip");
    assertThat(results.keySet()).containsExactly("rest", "vip");
    RoiReport vip = results.get("vip").report();
    assertThat(vip.channel("email").orElseThrow().cost()).isEqualTo(Money.parse("11.00", "EUR"));
    assertThat(vip.channel("social").orElseThrow().cost()).isEqualTo(Money.parse("10.00", "EUR"));
    assertThat(vip.channel("email").orElseThrow().reward(RewardComponent.ATTRIBUTED_REVENUE))
        .hasValueCloseTo(125.0, within(EPS));
    assertThat(vip.channel("email").orElseThrow().reward(RewardComponent.SELF_REPORTED_INFLUENCE))
        .hasValueCloseTo(0.5 * 0.5 * 400, within(EPS));
    assertThat(vip.firstMonth()).isEqualTo(YearMonth.of(2023, 12));
    assertThat(results.get("vip").valuePerCustomer()).isCloseTo(500 / 3.0, within(EPS));
    RoiReport rest = results.get("rest").report();
    assertThat(rest.channel("email").orElseThrow().cost()).isEqualTo(Money.parse("5.00", "EUR"));
    assertThat(rest.channel("email").orElseThrow().reward(RewardComponent.ATTRIBUTED_REVENUE))
        .hasValueCloseTo(50.0, within(EPS));
    assertThat(results.get("rest").attribution().weight()).isZero();
  }

  /** Segments over profiles give the same reports as the same customers by label; an empty one has none. */
  @Test
  void segmentsOverProfilesAreTheSameSegmentation() {
    List<CustomerProfile> profiles = List.of("a", "b", "c", "d").stream()
        .map(id -> CustomerProfile.of(Customer.of(id, Instant.EPOCH))).toList();
    Set<String> vipIds = Set.of("a", "b");
    RoiSegments segments = RoiSegments.of(List.of(
        Segment.of("vip", p -> vipIds.contains(p.customer().id())),
        Segment.of("nobody", p -> false),
        Segment.of("rest", p -> !vipIds.contains(p.customer().id()))), profiles);

    Map<String, RoiResult> results = LINEAR.perSegment(data(), segments);

    assertThat(results.keySet()).containsExactly("vip", "rest");
    Map<String, RoiResult> byLabel = LINEAR.perSegment(data(), RoiSegments.byLabel(
        Map.of("a", "vip", "b", "vip", "c", "rest", "d", "rest")));
    assertThat(results.get("vip").report()).isEqualTo(byLabel.get("vip").report());
    assertThat(results.get("rest").report()).isEqualTo(byLabel.get("rest").report());
    assertThat(segments.share("vip")).isEqualTo(0.5);
    assertThatThrownBy(() -> RoiSegments.of(List.of(Segment.everyone(), Segment.everyone()), profiles))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("everyone");
  }

  /**
   * Segments cut from the interactions together give each segment the report it has alone: segments that overlap
   * (everyone beside vip and rest), and more than 64 segments (cut one at a time), where 67 padded with empty
   * segments and 65 that are not empty (vip's members under other names) change nothing.
   */
  @Test
  void segmentsCutTogetherAreEachSegmentAlone() {
    List<CustomerProfile> profiles = List.of("a", "b", "c", "d").stream()
        .map(id -> CustomerProfile.of(Customer.of(id, Instant.EPOCH))).toList();
    Set<String> vipIds = Set.of("a", "b");
    Segment vip = Segment.of("vip", p -> vipIds.contains(p.customer().id()));
    Segment rest = Segment.of("rest", p -> !vipIds.contains(p.customer().id()));
    List<Segment> overlapping = List.of(Segment.everyone(), vip, rest);
    Map<String, RoiResult> together = LINEAR.perSegment(data(), RoiSegments.of(overlapping, profiles));
    for (Segment alone : overlapping) {
      assertThat(together.get(alone.name()).report()).as(alone.name())
          .isEqualTo(LINEAR.perSegment(data(), RoiSegments.of(List.of(alone), profiles)).get(alone.name()).report());
    }
    List<Segment> many = new ArrayList<>(List.of(vip, rest));
    for (int k = 0; k < 63; k++) {
      many.add(Segment.of("vip " + k, p -> vipIds.contains(p.customer().id())));
    }
    Map<String, RoiResult> sixtyFive = LINEAR.perSegment(data(), RoiSegments.of(many, profiles));
    assertThat(sixtyFive).hasSize(65);
    assertThat(sixtyFive.get("vip").report()).isEqualTo(together.get("vip").report());
    assertThat(sixtyFive.get("vip 62").report()).isEqualTo(LINEAR.perSegment(data(),
        RoiSegments.of(List.of(many.get(64)), profiles)).get("vip 62").report());
    assertThat(sixtyFive.get("rest").report()).isEqualTo(together.get("rest").report());
    many.add(Segment.of("nobody", p -> false));
    many.add(Segment.of("nobody either", p -> false));
    Map<String, RoiResult> padded = LINEAR.perSegment(data(), RoiSegments.of(many, profiles));
    assertThat(padded.keySet()).isEqualTo(sixtyFive.keySet());
    assertThat(padded.get("vip").report()).isEqualTo(together.get("vip").report());
  }

  /**
   * Segments labelled in one pass over the profiles are the segments the same labels make by predicate: same
   * members in profile order, same reports; a name no profile is labelled with has no member, a label among no
   * name puts the profile in no segment.
   */
  @Test
  void segmentsLabelledInOnePassAreTheSegmentsByPredicate() {
    List<CustomerProfile> profiles = List.of("a", "b", "c", "d", "e").stream()
        .map(id -> CustomerProfile.of(Customer.of(id, Instant.EPOCH))).toList();
    Map<String, String> label = Map.of("a", "vip", "b", "vip", "c", "rest", "d", "rest", "e", "unlisted");
    RoiSegments byLabel = RoiSegments.byLabel(List.of("vip", "nobody", "rest"), profiles,
        p -> label.get(p.customer().id()));
    RoiSegments byPredicate = RoiSegments.of(List.of(
        Segment.of("vip", p -> label.get(p.customer().id()).equals("vip")),
        Segment.of("nobody", p -> false),
        Segment.of("rest", p -> label.get(p.customer().id()).equals("rest"))), profiles);

    assertThat(byLabel.members()).isEqualTo(byPredicate.members());
    assertThat(byLabel.members().keySet()).containsExactly("vip", "nobody", "rest");
    assertThat(byLabel.members().get("rest")).containsExactly("c", "d");
    assertThat(byLabel.population()).isEqualTo(5);
    assertThat(byLabel.share("vip")).isEqualTo(0.4);
    assertThat(LINEAR.perSegment(data(), byLabel).get("rest").report())
        .isEqualTo(LINEAR.perSegment(data(), byPredicate).get("rest").report());
    assertThatThrownBy(() -> byLabel.members().get("vip").add("x")).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> RoiSegments.byLabel(List.of("vip", "vip"), profiles, p -> "vip"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("vip");
    assertThatThrownBy(() -> RoiSegments.byLabel(List.of(" "), profiles, p -> " "))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("blank");
  }

  /**
   * Segments are their members whatever the order of the profiles: profiles out of id order, one given twice, a
   * customer in two overlapping segments and one in none give the same sets (ids in order, each once), the same
   * shares and the same reports as the profiles in order; the member sets are sets (contains, equals, unmodifiable).
   */
  @Test
  void segmentsAreTheirMembersWhateverTheOrderOfTheProfiles() {
    List<CustomerProfile> inOrder = List.of("a", "b", "c", "d", "e").stream()
        .map(id -> CustomerProfile.of(Customer.of(id, Instant.EPOCH))).toList();
    List<CustomerProfile> shuffled = List.of(inOrder.get(3), inOrder.get(0), inOrder.get(4), inOrder.get(2),
        inOrder.get(0), inOrder.get(1));
    Map<String, String> label = Map.of("a", "vip", "b", "vip", "c", "rest", "d", "rest", "e", "unlisted");
    List<String> names = List.of("vip", "rest");
    RoiSegments sorted = RoiSegments.byLabel(names, inOrder, p -> label.get(p.customer().id()));
    RoiSegments unsorted = RoiSegments.byLabel(names, shuffled, p -> label.get(p.customer().id()));

    assertThat(unsorted.members()).isEqualTo(sorted.members())
        .isEqualTo(Map.of("vip", Set.of("a", "b"), "rest", Set.of("c", "d")));
    assertThat(unsorted.members().get("vip")).containsExactly("a", "b").contains("a").doesNotContain("c", "e");
    assertThat(unsorted.members().get("vip").hashCode()).isEqualTo(Set.of("a", "b").hashCode());
    assertThat(unsorted.population()).isEqualTo(6);
    assertThat(unsorted.share("vip")).isEqualTo(2 / 6.0);
    assertThatThrownBy(() -> unsorted.members().get("rest").clear()).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> unsorted.members().put("x", Set.of())).isInstanceOf(UnsupportedOperationException.class);
    RoiSegments sortedOverlap = RoiSegments.of(List.of(Segment.everyone(),
        Segment.of("vip", p -> label.get(p.customer().id()).equals("vip"))), inOrder);
    RoiSegments unsortedOverlap = RoiSegments.of(List.of(Segment.everyone(),
        Segment.of("vip", p -> label.get(p.customer().id()).equals("vip"))), shuffled);
    assertThat(unsortedOverlap.members().get("everyone")).containsExactly("a", "b", "c", "d", "e");
    assertThat(unsortedOverlap.members()).isEqualTo(sortedOverlap.members());
    Map<String, RoiResult> fromSorted = LINEAR.perSegment(data(), sortedOverlap);
    Map<String, RoiResult> fromUnsorted = LINEAR.perSegment(data(), RoiSegments.of(List.of(Segment.everyone(),
        Segment.of("vip", p -> label.get(p.customer().id()).equals("vip"))), List.of(inOrder.get(4),
        inOrder.get(3), inOrder.get(2), inOrder.get(1), inOrder.get(0))));
    assertThat(fromUnsorted.keySet()).containsExactly("everyone", "vip");
    fromSorted.forEach((name, result) -> assertThat(fromUnsorted.get(name).report()).as(name)
        .isEqualTo(result.report()));
    assertThat(RoiSegments.byLabel(Map.of("b", "x", "a", "y", "c", "x")).members())
        .isEqualTo(Map.of("x", Set.of("b", "c"), "y", Set.of("a")));
  }

  /** As of 2024-02-05 c's purchases are left out: email 100 + 150 = 250, social 150; the window ends in February. */
  @Test
  void anExplicitAsOfLeavesLaterInteractionsOut() {
    RoiResult result = LINEAR.calculate(RoiData.of(interactions(), investment())
        .withAsOf(Instant.parse("2024-02-05T00:00:00Z")));

    assertThat(result.report().lastMonth()).isEqualTo(YearMonth.of(2024, 2));
    assertThat(result.report().channel("email").orElseThrow().reward(RewardComponent.ATTRIBUTED_REVENUE))
        .hasValueCloseTo(250.0, within(EPS));
    assertThat(result.valuePerCustomer()).isCloseTo(200.0, within(EPS));
  }

  @Test
  void settingsAreValuesAndChecked() {
    assertThat(RoiSettings.defaults().withSurveyWeight(0.5).withCalculator(RelationshipRoiCalculator.defaults()))
        .isEqualTo(RoiSettings.defaults());
    assertThat(RoiSettings.defaults().withSurveyWeight(0.3)).isNotEqualTo(RoiSettings.defaults());
    assertThatThrownBy(() -> RoiSettings.defaults().withSurveyWeight(1.5))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("surveyWeight");
    assertThatThrownBy(() -> RoiSettings.defaults().withInactivity(Duration.ZERO))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("inactivity");
    assertThatThrownBy(() -> RoiAnalysis.of(RoiSettings.defaults().withModel("no-such-model")))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("no-such-model");
  }
}
