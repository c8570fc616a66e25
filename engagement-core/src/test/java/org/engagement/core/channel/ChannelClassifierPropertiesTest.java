package org.engagement.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.domain.ChannelGroup;

class ChannelClassifierPropertiesTest {

  private static final ChannelClassifier DEFAULTS = ChannelClassifier.defaultRules();

  @Property
  void alwaysGivesAGroup(@ForAll("anyTraffic") TrafficSource traffic) {
    assertThat(DEFAULTS.classify(traffic)).isNotNull();
  }

  @Property
  void ignoresCase(@ForAll("taggedTraffic") TrafficSource traffic) {
    ChannelGroup lower = DEFAULTS.classify(withCase(traffic, false));

    assertThat(DEFAULTS.classify(traffic)).isEqualTo(lower);
    assertThat(DEFAULTS.classify(withCase(traffic, true))).isEqualTo(lower);
  }

  @Property
  void ignoresSurroundingWhiteSpace(@ForAll("taggedTraffic") TrafficSource traffic) {
    TrafficSource padded =
        new TrafficSource(
            pad(traffic.source()),
            pad(traffic.medium()),
            pad(traffic.campaign()),
            pad(traffic.referrer()));

    assertThat(DEFAULTS.classify(padded)).isEqualTo(DEFAULTS.classify(traffic));
  }

  @Provide
  Arbitrary<TrafficSource> anyTraffic() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(40).injectNull(0.2);
    return Combinators.combine(text, text, text, text).as(TrafficSource::new);
  }

  /**
   * Realistic tags in random mixed case, so that upper-casing and lower-casing them round-trips.
   */
  @Provide
  Arbitrary<TrafficSource> taggedTraffic() {
    Arbitrary<String> sources =
        mixedCase(
            "google",
            "bing",
            "facebook",
            "instagram",
            "linkedin",
            "youtube",
            "amazon",
            "newsletter",
            "email",
            "sms",
            "firebase",
            "criteo",
            "(direct)",
            "partner",
            "t.co",
            "www.google.co.uk");
    Arbitrary<String> media =
        mixedCase(
            "cpc",
            "ppc",
            "paid_social",
            "organic",
            "social",
            "referral",
            "email",
            "display",
            "cpm",
            "affiliate",
            "audio",
            "sms",
            "web-push",
            "video",
            "event",
            "pr",
            "(none)",
            "retargeting");
    Arbitrary<String> campaigns = mixedCase("spring-sale", "shopping-q3", "cross-network", "eshop");
    Arbitrary<String> referrers =
        mixedCase(
            "https://l.facebook.com/l.php",
            "https://www.google.com/",
            "https://example.org/x",
            "https://m.youtube.com/watch");
    return Combinators.combine(
            sources.injectNull(0.2),
            media.injectNull(0.2),
            campaigns.injectNull(0.5),
            referrers.injectNull(0.5))
        .as(TrafficSource::new);
  }

  private static Arbitrary<String> mixedCase(String... values) {
    return Combinators.combine(Arbitraries.of(values), Arbitraries.longs())
        .as(ChannelClassifierPropertiesTest::scramble);
  }

  private static String scramble(String value, long bits) {
    StringBuilder sb = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      sb.append(((bits >>> (i % 64)) & 1) == 1 ? Character.toUpperCase(c) : c);
    }
    return sb.toString();
  }

  private static TrafficSource withCase(TrafficSource t, boolean upper) {
    return new TrafficSource(
        changeCase(t.source(), upper),
        changeCase(t.medium(), upper),
        changeCase(t.campaign(), upper),
        changeCase(t.referrer(), upper));
  }

  private static @org.jspecify.annotations.Nullable String changeCase(
      @org.jspecify.annotations.Nullable String value, boolean upper) {
    if (value == null) {
      return null;
    }
    return upper ? value.toUpperCase(Locale.ROOT) : value.toLowerCase(Locale.ROOT);
  }

  private static @org.jspecify.annotations.Nullable String pad(
      @org.jspecify.annotations.Nullable String value) {
    return value == null ? null : " \t" + value + "  ";
  }
}
