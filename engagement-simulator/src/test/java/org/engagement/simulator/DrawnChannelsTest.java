package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.engagement.simulator.Journey.Touch;
import org.junit.jupiter.api.Test;

/**
 * The channel tables drawn from a seed ({@link WorldSpec#drawnChannels(long)}): reproducible, the default lifts
 * dealt out again, every timing used, and late channels touching in their span.
 */
class DrawnChannelsTest {
  private static final long DAY = 86_400_000L;

  @Test
  void theSameSeedDrawsTheSameTableAndOthersDiffer() {
    assertThat(WorldSpec.drawnChannels(3)).isEqualTo(WorldSpec.drawnChannels(3));
    assertThat(WorldSpec.drawnChannels(3)).isNotEqualTo(WorldSpec.drawnChannels(4));
  }

  @Test
  void theLiftsAreTheDefaultLiftsDealtOutAgainAndTheRestOfEachChannelIsKept() {
    List<ChannelSpec> defaults = WorldSpec.defaultChannels();
    for (long seed = 0; seed < 20; seed++) {
      List<ChannelSpec> drawn = WorldSpec.drawnChannels(seed);
      assertThat(drawn.stream().map(ChannelSpec::lift).sorted().toList())
          .isEqualTo(defaults.stream().map(ChannelSpec::lift).sorted().toList());
      for (int c = 0; c < drawn.size(); c++) {
        assertThat(drawn.get(c).channel()).isEqualTo(defaults.get(c).channel());
        assertThat(drawn.get(c).reach()).isEqualTo(defaults.get(c).reach());
        assertThat(drawn.get(c).monthlyCost()).isEqualTo(defaults.get(c).monthlyCost());
        assertThat(drawn.get(c).touchesPerMonth()).isEqualTo(drawn.get(c).timing() == TouchTiming.EARLY ? 0
            : Math.max(defaults.get(c).touchesPerMonth(), DrawnChannels.MOVED_RATE));
      }
    }
  }

  @Test
  void overSeedsTheStrongestChannelTouchesEarlyAllAlongAndLate() {
    Set<TouchTiming> strongest = EnumSet.noneOf(TouchTiming.class);
    for (long seed = 0; seed < 20; seed++) {
      List<ChannelSpec> drawn = WorldSpec.drawnChannels(seed);
      double max = drawn.stream().mapToDouble(ChannelSpec::lift).max().orElseThrow();
      drawn.stream().filter(c -> c.lift() == max).forEach(c -> strongest.add(c.timing()));
    }
    assertThat(strongest).containsExactlyInAnyOrder(TouchTiming.values());
  }

  @Test
  void aLateChannelTouchesBetweenItsDays() {
    ChannelSpec base = WorldSpec.defaultChannels().get(0);
    ChannelSpec late = new ChannelSpec(base.channel(), base.owner(), 1, 2.0, TouchTiming.LATE, base.lift(),
        base.monthlyCost(), base.touchTypes(), base.surveyPhrases());
    long arrival = 1_000 * DAY;
    SplittableRandom random = new SplittableRandom(11);
    Set<Long> days = new HashSet<>();
    for (int person = 0; person < 500; person++) {
      List<Touch> touches = ChannelTouches.draw(random.split(), List.of(late), arrival, arrival + 400 * DAY, 0);
      assertThat(touches).isNotEmpty();
      days.addAll(touches.stream().map(t -> (t.millis() - arrival) / DAY).collect(Collectors.toSet()));
    }
    assertThat(days).allMatch(d -> d >= TouchTiming.EARLY_DAYS && d < TouchTiming.LATE_DAYS)
        .contains((long) TouchTiming.EARLY_DAYS, TouchTiming.LATE_DAYS - 1L);
  }
}
