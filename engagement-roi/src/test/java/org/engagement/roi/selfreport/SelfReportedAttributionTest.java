package org.engagement.roi.selfreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.heuristic.HeuristicModel;
import org.engagement.attribution.journey.PathFormat;
import org.junit.jupiter.api.Test;

class SelfReportedAttributionTest {
  private static final AnswerMapping MAPPING = AnswerMapping.builder()
      .map("events", "conference", "trade show")
      .map("pr", "blog post", "article")
      .map("referral", "friend")
      .build();

  @Test
  void answersMapToTheFirstChannelWithAWholeWordPhraseIgnoringCaseAndAccents() {
    assertThat(MAPPING.channelOf("Saw you at a Conférence!")).hasValue("events");
    assertThat(MAPPING.channelOf("an ARTICLE, then a trade-show")).hasValue("events"); // events comes first
    assertThat(MAPPING.channelOf("an article")).hasValue("pr");
    assertThat(MAPPING.channelOf("friendly staff")).isEmpty(); // "friend" is not a whole word here
    assertThat(MAPPING.channelOf("")).isEmpty();
    assertThat(MAPPING.channels()).containsExactly("events", "pr", "referral");
  }

  @Test
  void mappingsAreChecked() {
    assertThatThrownBy(() -> AnswerMapping.builder().map("pr"))
        .hasMessage("phrases 'pr' is invalid: must hold at least one phrase per channel");
    assertThatThrownBy(() -> AnswerMapping.builder().map("pr", "!!"))
        .hasMessage("phrase '!!' is invalid: must contain a letter or digit");
    assertThatThrownBy(() -> AnswerMapping.builder().map("pr", "a").map("pr", "b"))
        .hasMessage("channel 'pr' is invalid: must be mapped once");
  }

  @Test
  void countsAnswersPerChannel() {
    SelfReportedAttribution survey = SelfReportedAttribution.of(List.of(
        new SurveyAnswer("c1", "a friend"), new SurveyAnswer("c2", "Friend!"),
        new SurveyAnswer("c3", "blog post"), new SurveyAnswer("c4", "no idea")), MAPPING);

    assertThat(survey.answers()).isEqualTo(4);
    assertThat(survey.mapped()).isEqualTo(3);
    assertThat(survey.unmapped()).isEqualTo(1);
    assertThat(survey.countsByChannel()).containsExactly(entry("pr", 1L), entry("referral", 2L));
    assertThat(survey.share("referral")).isEqualTo(2.0 / 3);
    assertThat(survey.share("events")).isZero();
  }

  /**
   * Answers that repeat a text (each distinct text mapped once, issue 16) are counted as every answer mapped on its
   * own: random answers drawn from phrases that map, do not map, and differ only in case or accents.
   */
  @Test
  void repeatedAnswersCountAsEachMappedAlone() {
    List<String> texts = List.of("a friend", "FRIEND!", "saw you at a Conférence", "an article", "no idea", "",
        "trade show, then a blog post", "a friendly article");
    Random random = new Random(3);
    for (int round = 0; round < 20; round++) {
      List<SurveyAnswer> answers = new ArrayList<>();
      Map<String, Long> expected = new TreeMap<>();
      long mapped = 0;
      int count = random.nextInt(200);
      for (int k = 0; k < count; k++) {
        String text = texts.get(random.nextInt(texts.size()));
        answers.add(new SurveyAnswer("c" + k, text));
        Optional<String> channel = MAPPING.channelOf(text);
        if (channel.isPresent()) {
          expected.merge(channel.get(), 1L, Long::sum);
          mapped++;
        }
      }

      SelfReportedAttribution survey = SelfReportedAttribution.of(answers, MAPPING);

      assertThat(survey.countsByChannel()).isEqualTo(expected);
      assertThat(survey.mapped()).isEqualTo(mapped);
      assertThat(survey.answers()).isEqualTo(answers.size());
    }
  }

  @Test
  void hybridBlendsMeasuredAndSelfReportedCreditByTheWeight() throws IOException {
    // last touch: email 3 conversions / 300, direct 1 / 50
    AttributionResult lastTouch = HeuristicModel.lastTouch().attribute(PathFormat.channelAttribution().read(
        new StringReader("path,total_conversions,total_conversion_value,total_null\n"
            + "pr > email,2,200.00,0\nemail,1,100.00,0\ndirect,1,50.00,0\n")));
    SelfReportedAttribution survey = SelfReportedAttribution.of(List.of(
        new SurveyAnswer("c1", "blog post"), new SurveyAnswer("c2", "an article"),
        new SurveyAnswer("c3", "friend"), new SurveyAnswer("c4", "friend")), MAPPING);

    HybridAttribution hybrid = HybridAttribution.blend(lastTouch, survey, 0.4);

    // pr: 0.6 x 0 + 0.4 x 1/2 x 350 = 70; email: 0.6 x 300 = 180; referral: 0.4 x 1/2 x 350 = 70
    assertThat(hybrid.value("pr")).isCloseTo(70, within(1e-9));
    assertThat(hybrid.value("email")).isCloseTo(180, within(1e-9));
    assertThat(hybrid.selfReportedValue("referral")).isCloseTo(70, within(1e-9));
    assertThat(hybrid.measuredValue("referral")).isZero();
    // conversions: email 0.6 x 3 = 1.8; pr 0.4 x 1/2 x 4 = 0.8
    assertThat(hybrid.conversions("email")).isCloseTo(1.8, within(1e-9));
    assertThat(hybrid.conversions("pr")).isCloseTo(0.8, within(1e-9));
    assertThat(hybrid.channels()).containsExactly("direct", "email", "pr", "referral");
    double sum = hybrid.channels().stream().mapToDouble(hybrid::value).sum();
    assertThat(sum).isCloseTo(lastTouch.totalValue(), within(1e-9));
  }

  @Test
  void aSurveyThatNamesNoChannelCarriesNoWeight() throws IOException {
    AttributionResult lastTouch = HeuristicModel.lastTouch().attribute(PathFormat.channelAttribution().read(
        new StringReader("path,total_conversions,total_conversion_value,total_null\nemail,1,100.00,0\n")));
    SelfReportedAttribution vague = SelfReportedAttribution.of(List.of(new SurveyAnswer("c1", "no idea")), MAPPING);

    assertThat(HybridAttribution.blend(lastTouch, vague, 0.5).weight()).isZero();
    assertThat(HybridAttribution.blend(lastTouch, vague, 0.5).value("email")).isEqualTo(100);
    assertThatThrownBy(() -> HybridAttribution.blend(lastTouch, vague, 1.5))
        .hasMessage("weight '1.5' is invalid: must be in [0, 1]");
  }
}
