package org.engagement.core.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class TrafficSourceTest {

  @Test
  void stripsWhiteSpaceAndKeepsCase() {
    TrafficSource traffic =
        new TrafficSource("  Google ", "\tCPC\n", " Spring Sale ", " https://Example.com/ ");

    assertThat(traffic)
        .isEqualTo(new TrafficSource("Google", "CPC", "Spring Sale", "https://Example.com/"));
  }

  @Test
  void turnsBlankFieldsIntoNull() {
    TrafficSource traffic = new TrafficSource("", "   ", "\t\n", "\u2003");

    assertThat(traffic).isEqualTo(new TrafficSource(null, null, null, null));
  }

  @Test
  void factoriesFillTheRightFields() {
    assertThat(TrafficSource.of("google", "cpc"))
        .isEqualTo(new TrafficSource("google", "cpc", null, null));
    assertThat(TrafficSource.of(" google", "cpc ", "brand", "https://x.com/"))
        .isEqualTo(new TrafficSource("google", "cpc", "brand", "https://x.com/"));
    assertThat(TrafficSource.direct())
        .isEqualTo(new TrafficSource("(direct)", "(none)", null, null));
    assertThat(TrafficSource.referrer(" https://www.google.com/ "))
        .isEqualTo(new TrafficSource(null, null, null, "https://www.google.com/"));
  }

  @Test
  void normalisedValuesAreEqualCacheKeys() {
    assertThat(TrafficSource.of(" facebook", "social "))
        .isEqualTo(TrafficSource.of("facebook", "social"))
        .hasSameHashCodeAs(TrafficSource.of("facebook", "social"));
  }

  @Test
  void referrerFactoryRejectsNull() {
    assertThatNullPointerException()
        .isThrownBy(() -> TrafficSource.referrer(null))
        .withMessage("url");
  }

  @Test
  void referrerHostIsLowerCaseWithoutVariantPrefix() {
    assertThat(TrafficSource.referrer("https://L.Facebook.com/l.php?u=x").referrerHost())
        .isEqualTo("facebook.com");
    assertThat(TrafficSource.referrer("http://user:pw@www.example.org:8080/a#b").referrerHost())
        .isEqualTo("example.org");
    assertThat(TrafficSource.referrer("news.ycombinator.com/item?id=1").referrerHost())
        .isEqualTo("news.ycombinator.com");
    assertThat(TrafficSource.referrer("//cdn.example.net/x").referrerHost())
        .isEqualTo("cdn.example.net");
    assertThat(TrafficSource.referrer("https:///nothing").referrerHost()).isNull();
    assertThat(TrafficSource.of("google", "cpc").referrerHost()).isNull();
  }
}
