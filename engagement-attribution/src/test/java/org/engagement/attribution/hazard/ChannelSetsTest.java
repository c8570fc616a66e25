package org.engagement.attribution.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.engagement.attribution.journey.JourneySet;

/**
 * The channel sets found by bit mask ({@link ChannelSets#of} up to 64 channels) are those found by sorted id keys
 * ({@link ChannelSets#byIds}), bit for bit: the same sets in the same order, the same members, counts added in the
 * same order, so the same likelihoods and losses; with repeated channels in a path, 64 channels, and paths whose
 * counts have fractions (a path resample's).
 */
class ChannelSetsTest {
  @Property(tries = 300)
  void setsByMaskAreTheSetsByIds(@ForAll long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int channels = random.nextInt(4) == 0 ? 64 : 1 + random.nextInt(12);
    JourneySet.Builder builder = JourneySet.builder();
    int paths = random.nextInt(60);
    for (int p = 0; p < paths; p++) {
      List<String> path = new ArrayList<>();
      int length = 1 + random.nextInt(6);
      for (int i = 0; i < length; i++) {
        path.add("c" + random.nextInt(channels));
      }
      double conversions = random.nextInt(5) + (random.nextBoolean() ? 0.25 * random.nextInt(4) : 0);
      builder.add(path, conversions, 10 * conversions, random.nextInt(7) + 0.1 * random.nextInt(3));
    }
    JourneySet set = builder.build();
    ChannelSets byMask = ChannelSets.of(set);
    ChannelSets byIds = ChannelSets.byIds(set);
    assertThat(byMask.size()).isEqualTo(byIds.size());
    for (int t = 0; t < byIds.size(); t++) {
      assertThat(byMask.members(t)).containsExactly(byIds.members(t));
      assertThat(byMask.converted(t)).isEqualTo(byIds.converted(t));
      assertThat(byMask.failed(t)).isEqualTo(byIds.failed(t));
    }
    double[] h = new double[1 + set.channels().size()];
    for (int i = 0; i < h.length; i++) {
      h[i] = random.nextDouble();
    }
    assertThat(byMask.lostWithout(h, set.channels().size()))
        .containsExactly(byIds.lostWithout(h, set.channels().size()));
    JourneySet recounted = set.withCounts(counts(set, random), counts(set, random), counts(set, random));
    ChannelSets again = byMask.recounted(recounted);
    ChannelSets reference = ChannelSets.byIds(recounted);
    for (int t = 0; t < reference.size(); t++) {
      assertThat(again.converted(t)).isEqualTo(reference.converted(t));
      assertThat(again.failed(t)).isEqualTo(reference.failed(t));
    }
  }

  private static double[] counts(JourneySet set, SplittableRandom random) {
    double[] counts = new double[set.pathCount()];
    for (int p = 0; p < counts.length; p++) {
      counts[p] = random.nextInt(4) + 0.5 * random.nextInt(2);
    }
    return counts;
  }
}
