package org.engagement.core.conversation.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.core.conversation.ConversationFixtures.LINKEDIN;
import static org.engagement.core.conversation.ConversationFixtures.X;
import static org.engagement.core.conversation.ConversationFixtures.said;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.Trend;
import org.engagement.core.engagement.TrendRule;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ShareOfVoiceTest {
  static final Brands BRANDS = Brands.of("Acme", "Rival", "Other");
  private static final LocalDate WEEK_1 = LocalDate.of(2024, 3, 4);
  private static final LocalDate WEEK_2 = LocalDate.of(2024, 3, 11);

  static Content about(@Nullable String brand, @Nullable Double sentiment) {
    return Content.builder().brand(brand).sentiment(sentiment).build();
  }

  static List<Interaction> conversation() {
    return List.of(
        said("a", X, "2024-03-04T09:00:00Z", InteractionType.MENTION, about(null, 0.8)),
        said("b", X, "2024-03-04T10:00:00Z", InteractionType.SHARE, about("ácme", 0.02)),
        said("c", X, "2024-03-05T10:00:00Z", InteractionType.MENTION, about("Acme", null)),
        said("d", X, "2024-03-06T10:00:00Z", InteractionType.MENTION, about("ACME", -0.5)),
        said("e", X, "2024-03-06T11:00:00Z", InteractionType.MENTION, about("Rival", 0.9)),
        said("f", X, "2024-03-06T12:00:00Z", InteractionType.MENTION, about("Other", -0.9)),
        said("g", X, "2024-03-06T13:00:00Z", InteractionType.MENTION, about("Nobody", 0.0)),
        said("h", X, "2024-03-06T14:00:00Z", InteractionType.MENTION, Direction.OUTBOUND, about(null, 1.0)),
        said("i", LINKEDIN, "2024-03-07T09:00:00Z", InteractionType.MENTION, about("Rival", null)),
        said("j", X, "2024-03-12T09:00:00Z", InteractionType.MENTION, about("Acme", 0.6)),
        said("k", X, "2024-03-13T09:00:00Z", InteractionType.MENTION, about("Rival", -0.2)));
  }

  private static VoiceReport report() {
    return ShareOfVoice.of(BRANDS, Granularity.WEEK, ZoneOffset.UTC).addAll(conversation()).report();
  }

  @Test
  void countsEachBrandsMentionsAndTone() {
    VoiceRow xWeek1 = report().rows(X).get(0);
    // Ours on X in week 1: a (+0.8 positive), b (0.02 neutral, 'ácme' folds to acme), c (unscored), d (-0.5
    // negative) = 4 mentions, 3 scored, 1 positive, 1 negative. g names no brand we compare; h is outbound.
    assertThat(xWeek1.periodStart()).isEqualTo(WEEK_1);
    assertThat(xWeek1.brands()).containsExactly(
        new BrandVoice("Acme", 4, 3, 1, 1), new BrandVoice("Rival", 1, 1, 1, 0), new BrandVoice("Other", 1, 1, 0, 1));
    // Share of voice 4 / (4 + 1 + 1) = 2/3; net sentiment (1 − 1) / 3 = 0.
    assertThat(xWeek1.shareOfVoice()).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(xWeek1.netSentiment()).isZero();
    // Reputation 100 · (0.5 · 2/3 + 0.5 · (0 + 1) / 2) = 100 · (1/3 + 1/4) = 58.33...
    assertThat(xWeek1.reputation(ReputationIndex.defaults())).isCloseTo(175.0 / 3, within(1e-9));
    assertThat(xWeek1.shareOf(1)).isCloseTo(1.0 / 6, within(1e-12));
  }

  @Test
  void rowsForAllChannelsAddTheChannelsUp() {
    List<VoiceRow> all = report().rows(null);
    // Week 1: ours 4 (X), Rival 1 (X) + 1 (LinkedIn), Other 1: share 4/7. Week 2: ours 1, Rival 1: 1/2.
    assertThat(all).extracting(VoiceRow::periodStart).containsExactly(WEEK_1, WEEK_2);
    assertThat(all.get(0).shareOfVoice()).isCloseTo(4.0 / 7, within(1e-12));
    assertThat(all.get(1).shareOfVoice()).isEqualTo(0.5);
    // Week 2 net sentiment: j is our only scored mention, positive: 1 / 1 = 1.
    assertThat(all.get(1).netSentiment()).isEqualTo(1.0);
    assertThat(report().rows(LINKEDIN)).singleElement().satisfies(r -> assertThat(r.shareOfVoice()).isZero());
  }

  @Test
  void trendsOfVoiceSentimentAndReputation() {
    VoiceReport report = report();
    TrendRule rule = TrendRule.defaults();
    // Share of voice 4/7 = 0.571 then 0.5: 0.5 < 0.571 · 0.9 = 0.514, falling.
    assertThat(report.shareOfVoiceTrend(null, rule)).isEqualTo(Trend.FALLING);
    // Net sentiment 0 then 1: 1 > 0 + 0.1, rising.
    assertThat(report.netSentimentTrend(null, rule)).isEqualTo(Trend.RISING);
    // Reputation 100 · (0.5 · 4/7 + 0.25) = 53.6 then 100 · (0.25 + 0.5) = 75: rising.
    assertThat(report.reputationTrend(null, ReputationIndex.defaults(), rule)).isEqualTo(Trend.RISING);
    // LinkedIn has no row in week 2: its share counts as 0 there, 0 then 0 is stable.
    assertThat(report.shareOfVoiceTrend(LINKEDIN, rule)).isEqualTo(Trend.STABLE);
  }

  @Test
  void reputationIndexFollowsItsFormula() {
    ReputationIndex index = ReputationIndex.defaults();
    assertThat(index.of(0.5, 0)).isEqualTo(50.0);
    assertThat(index.of(1, 1)).isEqualTo(100.0);
    assertThat(index.of(0, 0)).isEqualTo(25.0);
    // w = 0.8: 100 · (0.8 · 0.25 + 0.2 · (−0.5 + 1) / 2) = 100 · (0.2 + 0.05) = 25.
    assertThat(new ReputationIndex(0.8).of(0.25, -0.5)).isCloseTo(25.0, within(1e-12));
    assertThatThrownBy(() -> new ReputationIndex(1.5)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> index.of(0.5, -2)).isInstanceOf(InvalidFieldException.class);
  }

  @Test
  void brandsMustDifferIgnoringCaseAndAccents() {
    assertThatThrownBy(() -> Brands.of("Acme", "ACMÉ"))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("must differ from 'Acme'");
  }

  @Test
  void mergeRefusesOtherSettingsNamingTheSetting() {
    ShareOfVoice weekly = ShareOfVoice.of(BRANDS, Granularity.WEEK, ZoneOffset.UTC);

    assertThatThrownBy(() -> weekly.merge(ShareOfVoice.of(Brands.of("Acme", "Rival"), Granularity.WEEK, ZoneOffset.UTC)))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.brands");
    assertThatThrownBy(() -> weekly.merge(ShareOfVoice.of(BRANDS, Granularity.DAY, ZoneOffset.UTC)))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.granularity");
    assertThatThrownBy(() -> weekly.merge(ShareOfVoice.of(BRANDS, Granularity.WEEK, ZoneOffset.ofHours(1))))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.zone");
    assertThatThrownBy(() -> weekly.merge(ShareOfVoice.of(BRANDS, Granularity.WEEK, ZoneOffset.UTC, 0.1)))
        .isInstanceOf(InvalidFieldException.class).hasMessageStartingWith("other.neutralBand");
    assertThat(weekly.merge(ShareOfVoice.of(Brands.of("Acme", "Rival", "Other"), Granularity.WEEK, ZoneOffset.UTC)))
        .isEqualTo(weekly);
  }

  @Test
  void brandNamesAreTheSameIgnoringCaseAccentsAndSpacing() {
    assertThat(Brands.sameName("Café Nord", "cafe  NORD")).isTrue();
    assertThat(Brands.sameName("Acme", "Acne")).isFalse();
  }
}
