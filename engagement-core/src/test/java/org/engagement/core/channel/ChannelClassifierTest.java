package org.engagement.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelClassifierTest {

  private static final ChannelClassifier DEFAULTS = ChannelClassifier.defaultRules();

  /**
   * The default rules on touches as they appear in real exports. Unquoted empty cells are missing
   * values; quoted cells keep their white space. Surefire runs with a Turkish default locale, so
   * the upper-case rows also check that no lower-casing depends on it.
   */
  @ParameterizedTest(name = "{index}: {0} / {1} / {2} / {3} -> {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # source        | medium        | campaign            | referrer                                | expected
          # --- search
          google          | cpc           |                     |                                         | PAID_SEARCH
          bing            | ppc           |                     |                                         | PAID_SEARCH
          GOOGLE          | CPC           |                     |                                         | PAID_SEARCH
          google          | cpm           |                     |                                         | PAID_SEARCH
          google          | organic       |                     |                                         | ORGANIC_SEARCH
          duckduckgo      |               |                     |                                         | ORGANIC_SEARCH
          yahoo           | referral      |                     |                                         | ORGANIC_SEARCH
          ecosia          | organic       |                     |                                         | ORGANIC_SEARCH
                          | organic       |                     |                                         | ORGANIC_SEARCH
          # --- social
          facebook        | paid_social   |                     |                                         | PAID_SOCIAL
          fb              | paid          |                     |                                         | PAID_SOCIAL
          INSTAGRAM       | PAID_SOCIAL   |                     |                                         | PAID_SOCIAL
          Facebook.com    | Paid_Social   |                     |                                         | PAID_SOCIAL
          tiktok          | paid_social   |                     |                                         | PAID_SOCIAL
          reddit          | cpc           |                     |                                         | PAID_SOCIAL
          linkedin        | social        |                     |                                         | ORGANIC_SOCIAL
          LINKEDIN        | SOCIAL        |                     |                                         | ORGANIC_SOCIAL
          t.co            | referral      |                     |                                         | ORGANIC_SOCIAL
          acme-community  | social media  |                     |                                         | ORGANIC_SOCIAL
          linkedin        | event         |                     |                                         | ORGANIC_SOCIAL
          # --- video
          youtube         | cpv           |                     |                                         | PAID_VIDEO
          YouTube         | CPV           |                     |                                         | PAID_VIDEO
          youtube         |               |                     |                                         | ORGANIC_VIDEO
          vimeo           | referral      |                     |                                         | ORGANIC_VIDEO
          acme-blog       | video         |                     |                                         | ORGANIC_VIDEO
          # --- display and other paid
          criteo          | display       |                     |                                         | DISPLAY
          criteo          | cpm           |                     |                                         | DISPLAY
          gumgum          | banner        |                     |                                         | DISPLAY
          taboola         | cpc           |                     |                                         | PAID_OTHER
          outbrain        | retargeting   |                     |                                         | PAID_OTHER
          adroll          | paid_display  |                     |                                         | PAID_OTHER
                          | cpc           |                     |                                         | PAID_OTHER
          # --- campaigns: cross-network and shopping
          google          | cpc           | cross-network-pmax  |                                         | CROSS_NETWORK
          google          | cpc           | Spring_Shopping     |                                         | PAID_SHOPPING
          pinterest       | paid          | shop-the-look       |                                         | PAID_SHOPPING
          google          | cpc           | workshop-signups    |                                         | PAID_SEARCH
          amazon          | cpc           |                     |                                         | PAID_SHOPPING
          amazon          | referral      |                     |                                         | ORGANIC_SHOPPING
          instagram       | social        | eshop-launch        |                                         | ORGANIC_SHOPPING
          # --- email, affiliates, audio, sms, push
          newsletter      | email         |                     |                                         | EMAIL
          mailchimp       | E-Mail        |                     |                                         | EMAIL
          NEWSLETTER      | EMAIL         |                     |                                         | EMAIL
          email           | newsletter    |                     |                                         | EMAIL
          partnerx        | affiliate     |                     |                                         | AFFILIATES
          spotify         | audio         |                     |                                         | AUDIO
          twilio          | sms           |                     |                                         | SMS
          sms             | text          |                     |                                         | SMS
          onesignal       | web-push      |                     |                                         | MOBILE_PUSH
          braze           | mobile        |                     |                                         | MOBILE_PUSH
          firebase        | inapp         |                     |                                         | MOBILE_PUSH
          # --- direct
          (direct)        | (none)        |                     |                                         | DIRECT
          (direct)        | (not set)     |                     |                                         | DIRECT
                          |               |                     |                                         | DIRECT
          ''              | ''            | ''                  | '  '                                    | DIRECT
          (direct)        | (none)        |                     | https://www.google.com/                 | DIRECT
          # --- referrer only
                          |               |                     | https://l.facebook.com/l.php?u=x        | ORGANIC_SOCIAL
                          |               |                     | lm.facebook.com                         | ORGANIC_SOCIAL
                          |               |                     | https://x.com/acme/status/1             | ORGANIC_SOCIAL
                          |               |                     | https://www.google.com/                 | ORGANIC_SEARCH
                          |               |                     | https://www.google.co.uk/search?q=crm   | ORGANIC_SEARCH
                          |               |                     | https://search.yahoo.co.jp/search?p=crm | ORGANIC_SEARCH
                          |               |                     | http://user@WWW.Bing.com:443/search     | ORGANIC_SEARCH
                          |               |                     | https://m.youtube.com/watch?v=abc       | ORGANIC_VIDEO
                          |               |                     | https://www.ebay.de/itm/123             | ORGANIC_SHOPPING
                          |               |                     | https://news.ycombinator.com/item?id=1  | REFERRAL
                          |               |                     | https://github.com/acme/sdk             | REFERRAL
          newsletter      |               |                     | https://www.google.com/                 | UNASSIGNED
          # --- extensions
          meetup          | event         |                     |                                         | EVENTS
          hubspot         | Webinar       |                     |                                         | EVENTS
          techcrunch      | pr            |                     |                                         | PUBLIC_RELATIONS
          zendesk         | support       |                     |                                         | SUPPORT
          flyer           | print         |                     |                                         | OFFLINE
          postal          | direct-mail   |                     |                                         | OFFLINE
          # --- white space and unknowns
          '  Google  '    | ' cpc '       |                     |                                         | PAID_SEARCH
          acme            | partner       |                     |                                         | UNASSIGNED
          acme            |               | spring-sale         |                                         | UNASSIGNED
          """)
  void classifiesRealWorldTouches(
      @Nullable String source,
      @Nullable String medium,
      @Nullable String campaign,
      @Nullable String referrer,
      ChannelGroup expected) {
    TrafficSource traffic = new TrafficSource(source, medium, campaign, referrer);

    assertThat(DEFAULTS.classify(traffic)).isEqualTo(expected);
  }

  @Test
  void directFactoryIsDirect() {
    assertThat(DEFAULTS.classify(TrafficSource.direct())).isEqualTo(ChannelGroup.DIRECT);
  }

  @Test
  void rejectsNullTraffic() {
    assertThatNullPointerException()
        .isThrownBy(() -> DEFAULTS.classify(null))
        .withMessageContaining("traffic");
    ChannelClassifier custom =
        ChannelClassifier.builder().sourceIs("acme", ChannelGroup.REFERRAL).build();
    assertThatNullPointerException()
        .isThrownBy(() -> custom.classify(null))
        .withMessageContaining("traffic");
  }

  @Nested
  class CustomRules {

    @Test
    void takePrecedenceOverDefaultRules() {
      TrafficSource newsletterShare = TrafficSource.of("newsletter", "social");
      assertThat(DEFAULTS.classify(newsletterShare)).isEqualTo(ChannelGroup.ORGANIC_SOCIAL);

      ChannelClassifier classifier =
          ChannelClassifier.builder().sourceIs("Newsletter", ChannelGroup.EMAIL).build();

      assertThat(classifier.classify(newsletterShare)).isEqualTo(ChannelGroup.EMAIL);
    }

    @Test
    void fallBackToDefaultRulesWhenNoneMatches() {
      ChannelClassifier classifier =
          ChannelClassifier.builder().mediumIs("partner", ChannelGroup.AFFILIATES).build();

      assertThat(classifier.classify(TrafficSource.of("acme", "PARTNER")))
          .isEqualTo(ChannelGroup.AFFILIATES);
      assertThat(classifier.classify(TrafficSource.of("google", "cpc")))
          .isEqualTo(ChannelGroup.PAID_SEARCH);
      assertThat(classifier.classify(TrafficSource.of("acme", "qr")))
          .isEqualTo(ChannelGroup.UNASSIGNED);
    }

    @Test
    void areTriedInTheOrderAdded() {
      TrafficSource traffic = new TrafficSource("google", "cpc", "partner-q3", null);

      ChannelClassifier campaignFirst =
          ChannelClassifier.builder()
              .campaignMatches("partner-.*", ChannelGroup.AFFILIATES)
              .sourceIs("google", ChannelGroup.PAID_OTHER)
              .build();
      ChannelClassifier sourceFirst =
          ChannelClassifier.builder()
              .sourceIs("google", ChannelGroup.PAID_OTHER)
              .campaignMatches("partner-.*", ChannelGroup.AFFILIATES)
              .build();

      assertThat(campaignFirst.classify(traffic)).isEqualTo(ChannelGroup.AFFILIATES);
      assertThat(sourceFirst.classify(traffic)).isEqualTo(ChannelGroup.PAID_OTHER);
    }

    @Test
    void campaignPatternMustMatchTheWholeCampaignIgnoringCase() {
      ChannelClassifier classifier =
          ChannelClassifier.builder()
              .campaignMatches("^partner-.*", ChannelGroup.AFFILIATES)
              .build();

      assertThat(classifier.classify(new TrafficSource("acme", "link", "Partner-Q3", null)))
          .isEqualTo(ChannelGroup.AFFILIATES);
      assertThat(classifier.classify(new TrafficSource("acme", "link", "q3-partner-x", null)))
          .isEqualTo(ChannelGroup.REFERRAL);
      assertThat(classifier.classify(TrafficSource.of("acme", "link")))
          .isEqualTo(ChannelGroup.REFERRAL);
    }

    @Test
    void acceptAnyClassificationRule() {
      ClassificationRule internalTools =
          traffic ->
              traffic.source() != null && traffic.source().endsWith(".internal")
                  ? Optional.of(ChannelGroup.SUPPORT)
                  : Optional.empty();
      ChannelClassifier classifier = ChannelClassifier.builder().rule(internalTools).build();

      assertThat(classifier.classify(TrafficSource.of("helpdesk.internal", "link")))
          .isEqualTo(ChannelGroup.SUPPORT);
      assertThat(classifier.classify(TrafficSource.of("helpdesk.example", "link")))
          .isEqualTo(ChannelGroup.REFERRAL);
    }

    @Test
    void ruleReturningNullIsReportedWithTheRule() {
      ClassificationRule broken = traffic -> null;
      ChannelClassifier classifier = ChannelClassifier.builder().rule(broken).build();

      assertThatNullPointerException()
          .isThrownBy(() -> classifier.classify(TrafficSource.of("google", "cpc")))
          .withMessageContaining("returned null");
    }

    @Test
    void builtClassifierDoesNotSeeLaterRules() {
      ChannelClassifier.Builder builder = ChannelClassifier.builder();
      ChannelClassifier before = builder.build();
      ChannelClassifier after = builder.mediumIs("cpc", ChannelGroup.AFFILIATES).build();

      TrafficSource traffic = TrafficSource.of("google", "cpc");
      assertThat(before.classify(traffic)).isEqualTo(ChannelGroup.PAID_SEARCH);
      assertThat(after.classify(traffic)).isEqualTo(ChannelGroup.AFFILIATES);
    }

    @Test
    void describeThemselves() {
      ChannelClassifier classifier =
          ChannelClassifier.builder()
              .sourceIs("Partner-Portal", ChannelGroup.REFERRAL)
              .campaignMatches("^b2b-.*", ChannelGroup.EVENTS)
              .build();

      assertThat(classifier.toString())
          .contains("source 'partner-portal' -> Referral")
          .contains("campaign matching '^b2b-.*' -> Events");
    }
  }

  @Nested
  class BuilderValidation {

    @Test
    void rejectsInvalidCampaignRegexNamingTheField() {
      ChannelClassifier.Builder builder = ChannelClassifier.builder();

      assertThatThrownBy(() -> builder.campaignMatches("spring-(sale", ChannelGroup.EMAIL))
          .isInstanceOf(InvalidFieldException.class)
          .hasMessageContaining("campaignRegex")
          .hasMessageContaining("spring-(sale")
          .hasMessageContaining("regular expression")
          .satisfies(
              e -> assertThat(((InvalidFieldException) e).field()).isEqualTo("campaignRegex"));
    }

    @Test
    void rejectsBlankSourceAndMedium() {
      ChannelClassifier.Builder builder = ChannelClassifier.builder();

      assertThatThrownBy(() -> builder.sourceIs("  ", ChannelGroup.EMAIL))
          .isInstanceOf(InvalidFieldException.class)
          .hasMessageContaining("source")
          .hasMessageContaining("blank");
      assertThatThrownBy(() -> builder.mediumIs("", ChannelGroup.EMAIL))
          .isInstanceOf(InvalidFieldException.class)
          .hasMessageContaining("medium");
    }

    @Test
    void rejectsNulls() {
      ChannelClassifier.Builder builder = ChannelClassifier.builder();

      assertThatNullPointerException().isThrownBy(() -> builder.rule(null)).withMessage("rule");
      assertThatNullPointerException()
          .isThrownBy(() -> builder.sourceIs(null, ChannelGroup.EMAIL))
          .withMessage("source");
      assertThatNullPointerException()
          .isThrownBy(() -> builder.mediumIs(null, ChannelGroup.EMAIL))
          .withMessage("medium");
      assertThatNullPointerException()
          .isThrownBy(() -> builder.campaignMatches(null, ChannelGroup.EMAIL))
          .withMessage("campaignRegex");
      assertThatNullPointerException()
          .isThrownBy(() -> builder.sourceIs("acme", null))
          .withMessage("group");
      assertThatNullPointerException()
          .isThrownBy(() -> builder.campaignMatches("acme", null))
          .withMessage("group");
    }
  }
}
