package org.engagement.report.internal.recommendation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.Recommendation.Direction;
import org.engagement.report.section.Recommendation.Stance;
import org.junit.jupiter.api.Test;

/**
 * Recommendations of two sources that contradict each other on a channel: the page never suggests moving money
 * into a channel another recommendation says to cut, nor out of one it says to grow (issue 15: the bundled
 * world's summary said to cut Facebook Ads and, two lines down, to test moving trade-show spend to it).
 */
class ReconciliationTest {
  private static final Stance FACEBOOK_MORE = new Stance("facebook-ads", "Facebook Ads", Direction.MORE);
  private static final Stance FACEBOOK_LESS = new Stance("facebook-ads", "Facebook Ads", Direction.LESS);
  private static final Stance TRADE_LESS = new Stance("trade-show", "Trade shows", Direction.LESS);
  private static final Stance PARTNER_MORE = new Stance("partner-referral", "Partner referrals", Direction.MORE);

  private static Recommendation cut(double strength) {
    return new Recommendation("Cut or rethink Facebook Ads.", "", "", "", strength, List.of(FACEBOOK_LESS));
  }

  private static Recommendation move(String to, double strength, Stance into) {
    return new Recommendation("Move 3.1% of Trade shows' spend to " + to + ".", "", "", "", strength,
        List.of(TRADE_LESS, into));
  }

  @Test
  void aMoveToTestIntoAChannelTheAttributionSaysToCutIsLeftOutWithANote() {
    Recommendation cut = cut(0.9);
    Recommendation intoFacebook = move("Facebook Ads", 0, FACEBOOK_MORE);
    Recommendation intoPartners = move("Partner referrals", 0, PARTNER_MORE);
    Reconciliation r = Reconciliation.of(List.of(List.of(intoFacebook, intoPartners), List.of(cut)));

    assertThat(r.kept()).containsExactly(List.of(intoPartners), List.of(cut));
    assertThat(r.notes()).singleElement().asString()
        .contains(intoFacebook.action(), "take money out of Facebook Ads", cut.action());
  }

  @Test
  void aSupportedCutOutOfAChannelAnotherSaysToGrowIsLeftOut() {
    Recommendation grow = new Recommendation("Grow Trade shows.", "", "", "", 0.4,
        List.of(new Stance("trade-show", "Trade shows", Direction.MORE)));
    Recommendation away = move("Partner referrals", 0, PARTNER_MORE);
    Reconciliation r = Reconciliation.of(List.of(List.of(grow), List.of(away)));

    assertThat(r.kept()).containsExactly(List.of(grow), List.of());
    assertThat(r.notes()).singleElement().asString().contains("put more money into Trade shows", grow.action());
  }

  @Test
  void twoSupportedClaimsThatContradictEachOtherAreBothLeftOut() {
    Recommendation cut = cut(0.9);
    Recommendation intoFacebook = move("Facebook Ads", 0.02, FACEBOOK_MORE);
    Recommendation unrelated = new Recommendation("Grow Partner referrals.", "", "", "", 0.5, List.of(PARTNER_MORE));
    Reconciliation r = Reconciliation.of(List.of(List.of(intoFacebook), List.of(cut, unrelated)));

    assertThat(r.kept()).containsExactly(List.of(), List.of(unrelated));
    assertThat(r.notes()).hasSize(2).allSatisfy(note -> assertThat(note).contains("contradict each other"));
  }

  @Test
  void casesToTestDoNotOverruleEachOtherAndRecommendationsWithoutStancesStay() {
    Recommendation intoFacebook = move("Facebook Ads", 0, FACEBOOK_MORE);
    Recommendation outOfFacebook = new Recommendation("Test before you move Facebook Ads' spend to Email.", "", "",
        "", 0, List.of(FACEBOOK_LESS));
    Recommendation plain = new Recommendation("Test Email before moving budget.", "", "", "", 0);
    List<List<Recommendation>> all = List.of(List.of(intoFacebook, plain), List.of(outOfFacebook));

    Reconciliation r = Reconciliation.of(all);

    assertThat(r.kept()).isEqualTo(all);
    assertThat(r.notes()).isEmpty();
  }
}
