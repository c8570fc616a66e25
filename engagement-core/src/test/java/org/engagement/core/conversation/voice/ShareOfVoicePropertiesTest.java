package org.engagement.core.conversation.voice;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.conversation.ConversationFixtures;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.engagement.Granularity;

class ShareOfVoicePropertiesTest {

  @Property(tries = 200)
  void countsAreAdditiveAcrossPartitions(@ForAll("interactions") List<Interaction> interactions,
      @ForAll("cuts") List<Integer> parts) {
    ShareOfVoice whole = ShareOfVoice.of(ShareOfVoiceTest.BRANDS, Granularity.DAY, ZoneOffset.UTC).addAll(interactions);
    List<ShareOfVoice> partitions = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      partitions.add(ShareOfVoice.of(ShareOfVoiceTest.BRANDS, Granularity.DAY, ZoneOffset.UTC));
    }
    for (int i = 0; i < interactions.size(); i++) {
      partitions.get(parts.isEmpty() ? 0 : parts.get(i % parts.size())).add(interactions.get(i));
    }
    ShareOfVoice merged = partitions.get(1).merge(partitions.get(2)).merge(partitions.get(0));
    assertThat(merged.report()).isEqualTo(whole.report());
  }

  @Property(tries = 100)
  void sharesOfAllBrandsAddUpToOne(@ForAll("interactions") List<Interaction> interactions) {
    VoiceReport report = ShareOfVoice.of(ShareOfVoiceTest.BRANDS, Granularity.DAY, ZoneOffset.UTC).addAll(interactions).report();
    for (VoiceRow row : report.rows()) {
      double sum = 0;
      for (int b = 0; b < row.brands().size(); b++) {
        sum += row.shareOf(b);
      }
      assertThat(sum).isCloseTo(row.total() == 0 ? 0 : 1, org.assertj.core.api.Assertions.within(1e-9));
      assertThat(row.netSentiment()).isBetween(-1.0, 1.0);
    }
  }

  /**
   * Interactions split at random into three partitions (a customer's mentions often across several):
   * the laws of {@link org.engagement.core.aggregate.Mergeable} hold and the merged partitions equal
   * the count built whole.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<List<Interaction>> parts = Partitions.ofItems(interactions, seed);
    ShareOfVoice a = weekly().addAll(parts.get(0));
    ShareOfVoice b = weekly().addAll(parts.get(1));
    ShareOfVoice c = weekly().addAll(parts.get(2));

    MergeableLaws.check(weekly(), a, b, c);
    ShareOfVoice whole = weekly().addAll(interactions);
    assertThat(c.merge(b).merge(a)).isEqualTo(whole);
    assertThat(interactions.parallelStream().collect(ShareOfVoice.collector(
        ShareOfVoiceTest.BRANDS, Granularity.WEEK, ZoneId.of("Pacific/Chatham"), 0.05))).isEqualTo(whole);
  }

  private static ShareOfVoice weekly() {
    return ShareOfVoice.of(ShareOfVoiceTest.BRANDS, Granularity.WEEK, ZoneId.of("Pacific/Chatham"));
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 2).list().ofMaxSize(10);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3"), Arbitraries.of(ConversationFixtures.X, ConversationFixtures.LINKEDIN),
        Arbitraries.integers().between(1, 9), Arbitraries.of(InteractionType.MENTION, InteractionType.SHARE, InteractionType.CLICK),
        Arbitraries.of("Acme", "rival", "Other", "Nobody").injectNull(0.3),
        Arbitraries.doubles().between(-1, 1).injectNull(0.3))
        .as((who, channel, day, type, brand, sentiment) -> ConversationFixtures.said(who, channel,
            "2024-03-0" + day + "T12:00:00Z", type, ShareOfVoiceTest.about(brand, sentiment)));
    return interaction.list().ofMaxSize(40);
  }
}
