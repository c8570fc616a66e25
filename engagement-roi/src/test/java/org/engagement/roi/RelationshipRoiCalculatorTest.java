package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import org.engagement.roi.evidence.EngagementLiftEvidence;
import org.engagement.roi.evidence.RetentionEvidence;

import java.io.IOException;
import java.io.StringReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.journey.PathFormat;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.HybridAttribution;
import org.engagement.roi.selfreport.SelfReportedAttribution;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.junit.jupiter.api.Test;

/**
 * A small world worked by hand: four channels, two owners, one year, linear attribution blended with a
 * survey at weight 0.5, retention evidence for email and events, lift evidence for PR.
 */
class RelationshipRoiCalculatorTest {
  static final Currency EUR = Currency.getInstance("EUR");
  static final YearMonth JAN = YearMonth.of(2024, 1);
  static final YearMonth DEC = YearMonth.of(2024, 12);
  static final double EPS = 1e-9;

  /** Linear: pr 1 conversion / 100, email 2 / 200, direct 1 / 50; total 4 / 350. */
  static final String PATHS = "path,total_conversions,total_conversion_value,total_null\n"
      + "pr > email,2,200.00,0\n"
      + "email,1,100.00,0\n"
      + "direct,1,50.00,0\n";

  static AttributionResult linear() throws IOException {
    return HeuristicModel.linear().attribute(PathFormat.channelAttribution().read(new StringReader(PATHS)));
  }

  /** Two answers name pr, one email, one nothing: shares pr 2/3, email 1/3 of the 3 mapped. */
  static HybridAttribution hybrid() throws IOException {
    AnswerMapping mapping = AnswerMapping.builder().map("pr", "blog post").map("email", "newsletter").build();
    List<SurveyAnswer> answers = List.of(new SurveyAnswer("c1", "A blog post"),
        new SurveyAnswer("c2", "your BLOG post"), new SurveyAnswer("c3", "the newsletter"),
        new SurveyAnswer("c4", "don't remember"));
    return HybridAttribution.blend(linear(), SelfReportedAttribution.of(answers, mapping), 0.5);
  }

  static Investment investment() {
    List<Cost> costs = new ArrayList<>();
    costs.add(Cost.of(JAN, "pr", eur("1200.00")).withOwner("anna"));
    costs.add(Cost.of(JAN, "events", eur("300.00")).withOwner("anna"));
    costs.add(Cost.of(YearMonth.of(2024, 6), "email", eur("300.00")).withOwner("anna"));
    for (int month = 1; month <= 12; month++) {
      costs.add(Cost.of(YearMonth.of(2024, month), "email", eur("100.00")).withOwner("ben"));
    }
    return Investment.of(EUR, costs);
  }

  static RoiInputs inputs() throws IOException {
    return RoiInputs.builder(investment(), hybrid(), JAN, DEC)
        .engagedCustomers("pr", 50)
        .engagedCustomers("email", 100)
        // 100 x (0.25 - 0.10) = 15 customers kept x 40 = 600
        .retention("email", new RetentionEvidence(100, 0.10, 0.25, 40))
        // 20 x (0.50 - 0.25) = 5 customers kept x 96 = 480 (binary fractions, so payback below is exact)
        .retention("events", new RetentionEvidence(20, 0.25, 0.50, 96))
        // 30 extra interactions x 2 = 60
        .lift("pr", new EngagementLiftEvidence(30, 2))
        .build();
  }

  static RoiReport report(RelationshipRoiCalculator calculator) throws IOException {
    return calculator.calculate(inputs());
  }

  static RelationshipRoiCalculator undiscounted24() {
    return RelationshipRoiCalculator.builder().annualDiscountRate(0).horizonMonths(24).build();
  }

  @Test
  void rewardsOfEachChannelComeFromTheirSources() throws IOException {
    RoiReport report = report(undiscounted24());

    RoiLine pr = report.channel("pr").orElseThrow();
    // attributed: 0.5 x 100 = 50; self-reported: 0.5 x 2/3 x 350 = 116.667; lift 60
    assertThat(pr.reward(RewardComponent.ATTRIBUTED_REVENUE)).hasValueCloseTo(50.0, within(EPS));
    assertThat(pr.reward(RewardComponent.SELF_REPORTED_INFLUENCE)).hasValueCloseTo(350.0 / 3, within(EPS));
    assertThat(pr.reward(RewardComponent.RETAINED_VALUE)).hasValue(0.0);
    assertThat(pr.reward(RewardComponent.ENGAGEMENT_LIFT)).hasValueCloseTo(60.0, within(EPS));
    assertThat(pr.totalReward()).isCloseTo(50 + 350.0 / 3 + 60, within(EPS));
    assertThat(pr.cost()).isEqualTo(eur("1200.00"));
    // ROI (226.667 - 1200) / 1200 = -0.81111; ROAS 166.667 / 1200 = 0.13889
    assertThat(pr.roi().orElseThrow()).isCloseTo((50 + 350.0 / 3 + 60 - 1200) / 1200, within(EPS));
    assertThat(pr.roas().orElseThrow()).isCloseTo((50 + 350.0 / 3) / 1200, within(EPS));
    // conversions 0.5 x 1 + 0.5 x 2/3 x 4 = 1.8333; CPA 1200 / 1.8333 = 654.55
    assertThat(pr.conversions()).isCloseTo(0.5 + 4.0 / 3, within(EPS));
    assertThat(pr.costPerAcquisition().orElseThrow()).isCloseTo(1200 / (0.5 + 4.0 / 3), within(1e-6));
    // 1200 / 50 customers / 1 year = 24 a year each
    assertThat(pr.costPerEngagedCustomerPerYear().orElseThrow()).isCloseTo(24, within(EPS));

    RoiLine email = report.channel("email").orElseThrow();
    // attributed 0.5 x 200 = 100; self-reported 0.5 x 1/3 x 350 = 58.333; retained 600; cost 1500
    assertThat(email.totalReward()).isCloseTo(100 + 350.0 / 6 + 600, within(EPS));
    assertThat(email.cost()).isEqualTo(eur("1500.00"));
    assertThat(email.roi().orElseThrow()).isCloseTo((100 + 350.0 / 6 + 600 - 1500) / 1500, within(EPS));
    assertThat(email.costPerEngagedCustomerPerYear().orElseThrow()).isCloseTo(15, within(EPS));

    RoiLine direct = report.channel("direct").orElseThrow();
    // no cost: rewards shown, ratios over cost empty
    assertThat(direct.totalReward()).isCloseTo(25, within(EPS));
    assertThat(direct.roi()).isEmpty();
    assertThat(direct.roas()).isEmpty();
    assertThat(direct.paybackMonth()).isEmpty();
    assertThat(direct.costPerEngagedCustomerPerYear()).isEmpty();
  }

  @Test
  void paybackCountsMonthlyCashFlowsOverTheHorizon() throws IOException {
    RoiReport report = report(undiscounted24());

    // events: 300 spent in month 1; 480 retained value flows 480 / 24 = 20 a month: 15 x 20 = 300
    assertThat(report.channel("events").orElseThrow().paybackMonth()).hasValue(15);
    // email: months 1-12 net 158.333/12 + 600/24 - 100 (-300 in June) < 0; months 13-24 +25 each: never
    assertThat(report.channel("email").orElseThrow().paybackMonth()).isEmpty();

    RoiReport discounted = report(RelationshipRoiCalculator.builder().horizonMonths(24).build());
    // at 10 % a year, f = 1.1^(-1/12) a month: 20 (f + ... + f^m) >= 300 f needs (1 - f^m) / (1 - f) >= 15,
    // f^m <= 0.88134, m >= ln(0.88134) / ln(f) = 15.9: month 16
    assertThat(discounted.channel("events").orElseThrow().paybackMonth()).hasValue(16);
  }

  @Test
  void ownersShareTheRewardsOfTheChannelsTheyPayFor() throws IOException {
    RoiReport report = report(undiscounted24());
    double pr = 50 + 350.0 / 3 + 60;
    double email = 100 + 350.0 / 6 + 600;

    // anna paid all of pr and events and 300 of email's 1500 (a fifth)
    RoiLine anna = report.owner("anna").orElseThrow();
    assertThat(anna.cost()).isEqualTo(eur("1800.00"));
    assertThat(anna.totalReward()).isCloseTo(pr + 480 + email / 5, within(EPS));
    RoiLine ben = report.owner("ben").orElseThrow();
    assertThat(ben.cost()).isEqualTo(eur("1200.00"));
    assertThat(ben.totalReward()).isCloseTo(email * 4 / 5, within(EPS));
    assertThat(ben.engagedCustomers()).isCloseTo(80, within(EPS));
  }

  @Test
  void theTotalIsTheSumOfTheChannels() throws IOException {
    RoiReport report = report(undiscounted24());

    // 226.667 + 758.333 + 25 + 480 = 1490 against 3000
    assertThat(report.total().totalReward()).isCloseTo(1490, within(EPS));
    assertThat(report.total().cost()).isEqualTo(eur("3000.00"));
    assertThat(report.total().roi().orElseThrow()).isCloseTo((1490 - 3000) / 3000.0, within(EPS));
    for (RewardComponent component : RewardComponent.values()) {
      double sum = report.channels().stream().mapToDouble(line -> line.reward(component).orElseThrow()).sum();
      assertThat(report.total().reward(component)).hasValueCloseTo(sum, within(EPS));
    }
    assertThat(report.channels()).extracting(RoiLine::key).containsExactly("direct", "email", "events", "pr");
    assertThat(report.currency()).isEqualTo(EUR);
  }

  @Test
  void theTotalCountsEachEngagedCustomerOnceWhenTold() throws IOException {
    // without the distinct count the total adds the channels: 50 + 100 = 150 (a customer on both counts twice)
    assertThat(report(undiscounted24()).total().engagedCustomers()).isEqualTo(150);

    RoiInputs inputs = RoiInputs.builder(investment(), hybrid(), JAN, DEC)
        .engagedCustomers("pr", 50).engagedCustomers("email", 100).distinctEngagedCustomers(120).build();
    RoiLine total = undiscounted24().calculate(inputs).total();

    // 3000 spent on 120 customers over one year: 25 each
    assertThat(total.engagedCustomers()).isEqualTo(120);
    assertThat(total.costPerEngagedCustomerPerYear().orElseThrow()).isCloseTo(25, within(EPS));
  }

  @Test
  void marginScalesTheContribution() throws IOException {
    RoiLine email = report(RelationshipRoiCalculator.builder().margin(0.4).build()).channel("email").orElseThrow();

    assertThat(email.contribution()).isCloseTo(0.4 * email.totalReward(), within(EPS));
    assertThat(email.roi().orElseThrow()).isCloseTo((0.4 * email.totalReward() - 1500) / 1500, within(EPS));
  }

  @Test
  void costsOutsideTheWindowAreRefused() {
    Investment late = Investment.of(EUR, List.of(Cost.of(YearMonth.of(2025, 1), "pr", eur("1.00"))));

    assertThatThrownBy(() -> RoiInputs.builder(late, hybrid(), JAN, DEC))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("cost.month '2025-01' is invalid: must be inside the window 2024-01 to 2024-12");
  }

  @Test
  void settingsAreChecked() {
    assertThatThrownBy(() -> RelationshipRoiCalculator.builder().margin(0))
        .hasMessage("margin '0.0' is invalid: must be in (0, 1]");
    assertThatThrownBy(() -> RelationshipRoiCalculator.builder().horizonMonths(0))
        .hasMessage("horizonMonths '0' is invalid: must be in [1, 1200]");
    assertThatThrownBy(() -> new RetentionEvidence(1, 1.5, 0, 1))
        .hasMessage("engagedChurnRate '1.5' is invalid: must be in [0, 1]");
  }

  static Money eur(String amount) {
    return Money.parse(amount, "EUR");
  }
}
