package org.engagement.core.conversation.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.engagement.core.conversation.ConversationFixtures;
import org.engagement.core.conversation.MentionKind;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.engagement.Granularity;

class PullThroughPropertiesTest {

  @Property(tries = 200)
  void countsAreAdditiveAcrossPartitions(@ForAll("interactions") List<Interaction> interactions, @ForAll("cuts") List<Integer> parts) {
    PullThrough whole = PullThrough.of(PullThroughTest.MATCHER, Granularity.DAY, ZoneOffset.UTC, "Acme").addAll(interactions);
    List<PullThrough> partitions = new ArrayList<>();
    for (int p = 0; p < 3; p++) {
      partitions.add(PullThrough.of(PullThroughTest.MATCHER, Granularity.DAY, ZoneOffset.UTC, "Acme"));
    }
    for (int i = 0; i < interactions.size(); i++) {
      partitions.get(parts.isEmpty() ? 0 : parts.get(i % parts.size())).add(interactions.get(i));
    }
    PullThrough merged = partitions.get(2).merge(partitions.get(0)).merge(partitions.get(1));
    assertThat(merged.report()).isEqualTo(whole.report());
  }

  /**
   * Interactions split at random into three partitions (a customer's mentions often across several),
   * each counted with its own matcher compiled from the same messages: the laws of
   * {@link org.engagement.core.aggregate.Mergeable} hold and the merged partitions equal the count
   * built whole.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndMergeIntoTheWhole(
      @ForAll("interactions") List<Interaction> interactions, @ForAll long seed) {
    List<List<Interaction>> parts = Partitions.ofItems(interactions, seed);
    PullThrough a = count().addAll(parts.get(0));
    PullThrough b = count().addAll(parts.get(1));
    PullThrough c = count().addAll(parts.get(2));

    MergeableLaws.check(count(), a, b, c);
    PullThrough whole = count().addAll(interactions);
    assertThat(b.merge(a).merge(c)).isEqualTo(whole);
    assertThat(b.merge(a).merge(c).report()).isEqualTo(whole.report());
    assertThat(interactions.parallelStream().collect(
        PullThrough.collector(PullThroughTest.MATCHER, Granularity.WEEK, ZoneOffset.UTC, "ACME"))).isEqualTo(whole);
  }

  /**
   * The amplifiers over every channel and period, and the brand mentions, read from the tallies equal what a second
   * pass over the interactions finds: the customers of brand mentions that carry the message, as a set of ids.
   */
  @Property(tries = 100)
  void amplifiersAndBrandMentionsEqualAPassOverTheInteractions(@ForAll("interactions") List<Interaction> interactions) {
    PullThrough whole = count().addAll(interactions);
    MessageMatcher.Scanner scanner = PullThroughTest.MATCHER.scanner();
    List<Set<String>> authors = List.of(new HashSet<>(), new HashSet<>());
    long brandMentions = 0;
    for (Interaction interaction : interactions) {
      Content content = interaction.content();
      String brand = content == null ? null : content.brand();
      if (MentionKind.of(interaction) == null || (brand != null && !Brands.sameName("acme", brand))) {
        continue;
      }
      brandMentions++;
      if (content != null) {
        BitSet found = new BitSet();
        scanner.match(content, found);
        found.stream().forEach(m -> authors.get(m).add(interaction.customerId()));
      }
    }
    assertThat(whole.brandMentions()).isEqualTo(brandMentions);
    for (int m = 0; m < authors.size(); m++) {
      assertThat(whole.amplifiers(PullThroughTest.MATCHER.messages().get(m).name())).isEqualTo(authors.get(m).size());
    }
  }

  private static PullThrough count() {
    return PullThrough.of(MessageMatcher.of(PullThroughTest.MATCHER.messages()), Granularity.WEEK, ZoneOffset.UTC, "acme");
  }

  @Provide
  Arbitrary<List<Integer>> cuts() {
    return Arbitraries.integers().between(0, 2).list().ofMaxSize(10);
  }

  @Provide
  Arbitrary<List<Interaction>> interactions() {
    Arbitrary<Content> contents = Combinators.combine(
        Arbitraries.of("fast charging", "Quiet cabin!", "nothing", "#ChargeFast", "fäst chärging"),
        Arbitraries.of("Acme", "Rival").injectNull(0.5),
        Arbitraries.longs().between(0, 1000).injectNull(0.2))
        .as((text, brand, audience) -> Content.builder().text(text).brand(brand).audience(audience).build());
    Arbitrary<Interaction> interaction = Combinators.combine(
        Arbitraries.of("c1", "c2", "c3", "c4"), Arbitraries.of(ConversationFixtures.X, ConversationFixtures.LINKEDIN),
        Arbitraries.integers().between(1, 9), Arbitraries.of(InteractionType.MENTION, InteractionType.SHARE, InteractionType.LIKE),
        contents)
        .as((who, channel, day, type, content) -> ConversationFixtures.said(who, channel, "2024-03-0" + day + "T12:00:00Z", type, content));
    return interaction.list().ofMaxSize(40);
  }
}
