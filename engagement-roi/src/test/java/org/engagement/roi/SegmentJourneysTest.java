package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.roi.investment.Cost;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.junit.jupiter.api.Test;

/**
 * A segment's journeys taken from everyone's journeys given with the data (issue 16: the report's value tiers no
 * longer cut their members' journeys again) give each segment the ROI that cutting its members' interactions with
 * the same rules gives, every figure exactly: the reports and the measured credits, on random worlds with segments
 * that overlap, a lookback that sets touches aside and conversions without a touch.
 */
class SegmentJourneysTest {
  private static final String EUR = "EUR";
  private static final Instant FROM = Instant.parse("2024-01-01T00:00:00Z");
  private static final List<Channel> CHANNELS = List.of(Channel.of("email", ChannelGroup.EMAIL),
      Channel.of("linkedin", ChannelGroup.ORGANIC_SOCIAL), Channel.of("search", ChannelGroup.PAID_SEARCH),
      Channel.of("shop", ChannelGroup.DIRECT));
  private static final InteractionType[] TYPES = {InteractionType.CLICK, InteractionType.VISIT,
      InteractionType.IMPRESSION, InteractionType.PURCHASE};

  @Test
  void segmentsOfEveryonesJourneysEqualSegmentsCutAgain() {
    Random random = new Random(16);
    for (String model : List.of("markov", "linear", "last-touch")) {
      for (int world = 0; world < 12; world++) {
        List<Interaction> interactions = world(random, 50 + random.nextInt(400));
        Instant asOf = interactions.stream().map(Interaction::timestamp).max(Instant::compareTo).orElseThrow();
        JourneyRules rules = JourneyRules.defaults().withLookback(Duration.ofDays(10 + random.nextInt(40)))
            .withAsOf(asOf);
        RoiAnalysis roi = RoiAnalysis.of(RoiSettings.defaults().withModel(model).withJourneys(rules));
        RoiData data = RoiData.of(interactions, investment()).withSurvey(answers(random, interactions));
        RoiSegments segments = segments(random, interactions);

        Map<String, RoiResult> cut = roi.perSegment(data, segments);
        Map<String, RoiResult> shared =
            roi.perSegment(data.withJourneys(rules.journeys(interactions).toJourneySet()), segments);

        assertThat(shared.keySet()).containsExactlyElementsOf(cut.keySet());
        cut.forEach((name, expected) -> {
          RoiResult actual = shared.get(name);
          assertThat(actual.report()).as("%s, segment %s", model, name).isEqualTo(expected.report());
          assertThat(actual.attribution().measured().valueByChannel())
              .isEqualTo(expected.attribution().measured().valueByChannel());
          assertThat(actual.attribution().measured().conversionsByChannel())
              .isEqualTo(expected.attribution().measured().conversionsByChannel());
        });
      }
    }
  }

  private static RoiSegments segments(Random random, List<Interaction> interactions) {
    Map<String, String> label = new HashMap<>();
    interactions.forEach(i -> label.putIfAbsent(i.customerId(), "tier " + random.nextInt(3)));
    return RoiSegments.byLabel(label);
  }

  private static List<SurveyAnswer> answers(Random random, List<Interaction> interactions) {
    List<SurveyAnswer> answers = new ArrayList<>();
    interactions.stream().map(Interaction::customerId).distinct().filter(id -> random.nextInt(4) == 0)
        .forEach(id -> answers.add(new SurveyAnswer(id, CHANNELS.get(random.nextInt(CHANNELS.size())).id())));
    return answers;
  }

  private static Investment investment() {
    return Investment.of(java.util.Currency.getInstance(EUR), List.of(
        Cost.of(YearMonth.of(2024, 1), "email", Money.parse("10.00", EUR)),
        Cost.of(YearMonth.of(2024, 2), "search", Money.parse("30.00", EUR)).withSegment("tier 1"),
        Cost.of(YearMonth.of(2024, 2), "linkedin", Money.parse("20.00", EUR)).withOwner("social team")));
  }

  private static List<Interaction> world(Random random, int rows) {
    List<Interaction> interactions = new ArrayList<>();
    int customers = 1 + random.nextInt(60);
    for (int i = 0; i < rows; i++) {
      InteractionType type = TYPES[random.nextInt(TYPES.length)];
      interactions.add(Interaction.builder()
          .customerId("c" + random.nextInt(customers))
          .channel(CHANNELS.get(random.nextInt(CHANNELS.size())))
          .timestamp(FROM.plusSeconds(random.nextInt(70 * 86_400)))
          .type(type)
          .direction(random.nextInt(4) == 0 ? Direction.OUTBOUND : Direction.INBOUND)
          .value(type == InteractionType.PURCHASE ? Money.of(BigDecimal.valueOf(1 + random.nextInt(500)),
              java.util.Currency.getInstance(EUR)) : null)
          .build());
    }
    return interactions;
  }
}
