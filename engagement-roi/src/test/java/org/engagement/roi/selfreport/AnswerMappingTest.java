package org.engagement.roi.selfreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.junit.jupiter.api.Test;

/** The fallback mapping by channel id and display name, and mapping equality. */
class AnswerMappingTest {

  @Test
  void channelsAreNamedByIdAndDisplayName() {
    AnswerMapping mapping = AnswerMapping.byChannelNames(List.of(
        Channel.of("linkedin", "LinkedIn", ChannelGroup.ORGANIC_SOCIAL),
        Channel.of("trade-show", "Trade Show", ChannelGroup.EVENTS),
        Channel.of("linkedin", "Other name", ChannelGroup.ORGANIC_SOCIAL)));

    assertThat(mapping.channels()).containsExactly("linkedin", "trade-show");
    assertThat(mapping.channelOf("I saw it on LinkedIn")).contains("linkedin");
    assertThat(mapping.channelOf("at your trade show")).contains("trade-show");
    assertThat(mapping.channelOf("the trade-show")).contains("trade-show");
    // only the first channel of an id counts
    assertThat(mapping.channelOf("some other name")).isEmpty();
    assertThat(mapping).isEqualTo(AnswerMapping.builder().map("linkedin", "linkedin", "LinkedIn")
        .map("trade-show", "trade-show", "Trade Show").build());
  }

  @Test
  void noChannelsMapNothing() {
    AnswerMapping none = AnswerMapping.byChannelNames(List.of());

    assertThat(none.channels()).isEmpty();
    assertThat(none.channelOf("linkedin")).isEmpty();
    assertThat(none).isEqualTo(AnswerMapping.builder().build());
  }

  @Test
  void equalityFollowsTheOrderOfChannels() {
    AnswerMapping ab = AnswerMapping.builder().map("a", "alpha").map("b", "beta").build();
    AnswerMapping ba = AnswerMapping.builder().map("b", "beta").map("a", "alpha").build();

    assertThat(ab).isNotEqualTo(ba);
    assertThat(ab).isEqualTo(AnswerMapping.builder().map("a", "Alpha").map("b", "BETA").build());
    assertThat(ab.hashCode()).isEqualTo(AnswerMapping.builder().map("a", "alpha").map("b", "beta").build().hashCode());
  }
}
