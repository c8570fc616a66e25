package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.roi.RelationshipRoiCalculatorTest.DEC;
import static org.engagement.roi.RelationshipRoiCalculatorTest.EPS;
import static org.engagement.roi.RelationshipRoiCalculatorTest.JAN;
import static org.engagement.roi.RelationshipRoiCalculatorTest.eur;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.domain.Money;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.SelfReportedAttribution;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.junit.jupiter.api.Test;

/** The calculator SPI: typed in Money, optional reward components, no survey required. */
class RoiSpiTest {

  /** Without a survey the self-reported influence is 0 and attributed revenue is the whole linear credit. */
  @Test
  void inputsNeedNoSurvey() throws IOException {
    RoiInputs inputs = RoiInputs.builder(RelationshipRoiCalculatorTest.investment(),
        RelationshipRoiCalculatorTest.linear(), JAN, DEC).build();

    assertThat(inputs.surveyed()).isFalse();
    assertThat(inputs.attribution().weight()).isZero();
    assertThat(inputs.currency()).isEqualTo(RelationshipRoiCalculatorTest.EUR);
    RoiReport report = RelationshipRoiCalculator.defaults().calculate(inputs);
    RoiLine email = report.channel("email").orElseThrow();
    assertThat(email.reward(RewardComponent.ATTRIBUTED_REVENUE)).hasValueCloseTo(200.0, within(EPS));
    assertThat(email.reward(RewardComponent.SELF_REPORTED_INFLUENCE)).hasValue(0.0);
  }

  /** Adding the survey to measured inputs gives the report of inputs blended up front. */
  @Test
  void aSurveyAddedToTheInputsBlendsAsHybridAttributionDoes() throws IOException {
    AnswerMapping mapping = AnswerMapping.builder().map("pr", "blog post").map("email", "newsletter").build();
    List<SurveyAnswer> answers = List.of(new SurveyAnswer("c1", "A blog post"),
        new SurveyAnswer("c2", "your BLOG post"), new SurveyAnswer("c3", "the newsletter"),
        new SurveyAnswer("c4", "don't remember"));
    RoiInputs added = RoiInputs.builder(RelationshipRoiCalculatorTest.investment(),
            RelationshipRoiCalculatorTest.linear(), JAN, DEC)
        .survey(SelfReportedAttribution.of(answers, mapping), 0.5).build();
    RoiInputs blended = RoiInputs.builder(RelationshipRoiCalculatorTest.investment(),
        RelationshipRoiCalculatorTest.hybrid(), JAN, DEC).build();

    assertThat(added.surveyed()).isTrue();
    assertThat(RelationshipRoiCalculator.defaults().calculate(added))
        .isEqualTo(RelationshipRoiCalculator.defaults().calculate(blended));
  }

  /**
   * A line with only attributed revenue (40) and retained value (-10) on a cost of 50.00: total reward 30,
   * ROI (30 - 50) / 50 = -0.4, ROAS 40 / 50 = 0.8; the other two components are absent, not 0.
   */
  @Test
  void absentComponentsAreNotComputedAndCountNothing() {
    RoiLine line = new RoiLine("blog", eur("50.00"), Map.of(RewardComponent.ATTRIBUTED_REVENUE, 40.0,
        RewardComponent.RETAINED_VALUE, -10.0), 2, 0, 12, 1, OptionalInt.empty());

    assertThat(line.reward(RewardComponent.SELF_REPORTED_INFLUENCE)).isEmpty();
    assertThat(line.reward(RewardComponent.RETAINED_VALUE)).hasValue(-10.0);
    assertThat(line.rewards()).containsOnlyKeys(RewardComponent.ATTRIBUTED_REVENUE, RewardComponent.RETAINED_VALUE);
    assertThat(line.totalReward()).isEqualTo(30.0);
    assertThat(line.roi()).hasValue(-0.4);
    assertThat(line.roas()).hasValue(0.8);
    assertThat(line.costPerAcquisition()).hasValue(25.0);

    RoiLine retainedOnly = new RoiLine("email", eur("50.00"), Map.of(RewardComponent.RETAINED_VALUE, 60.0), 0, 0, 12,
        1, OptionalInt.empty());
    assertThat(retainedOnly.roas()).isEmpty();
    assertThat(retainedOnly.roi()).hasValue(0.2);
  }

  @Test
  void linesAndReportsCheckTheirAmounts() {
    assertThatThrownBy(() -> new RoiLine("x", eur("-1.00"), Map.of(), 0, 0, 1, 1, OptionalInt.empty()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("cost of x");
    assertThatThrownBy(() -> new RoiLine("x", eur("1.00"), Map.of(RewardComponent.ENGAGEMENT_LIFT, Double.NaN), 0, 0,
        1, 1, OptionalInt.empty()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("ENGAGEMENT_LIFT");
    RoiLine dollars = new RoiLine("x", Money.parse("1.00", "USD"), Map.of(), 0, 0, 12, 1, OptionalInt.empty());
    RoiLine euros = new RoiLine("total", eur("1.00"), Map.of(), 0, 0, 12, 1, OptionalInt.empty());
    assertThatThrownBy(() -> new RoiReport("c", RelationshipRoiCalculatorTest.EUR, JAN, DEC, List.of(dollars),
        List.of(), euros))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("currency of x").hasMessageContaining("EUR");
  }
}
