package org.engagement.attribution.markov;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Rows;

/**
 * {@link MarkovChain} against {@link PreviousMarkovChain}, the implementation it replaced: the same states in
 * the same order, the same rows and targets, and probabilities and mean values equal bit for bit, so every
 * result computed from the chain is unchanged.
 */
class MarkovChainDifferentialTest {

  @Provide
  Arbitrary<Rows> rows() {
    return Rows.arbitrary(6);
  }

  @Property(tries = 500)
  void theChainIsTheSameAsBefore(@ForAll("rows") Rows rows, @ForAll @IntRange(min = 1, max = 6) int order,
      @ForAll boolean collapse) {
    JourneySet set = rows.toSet();
    MarkovChain chain = MarkovChain.of(set, order, collapse);
    PreviousMarkovChain previous = PreviousMarkovChain.of(set, order, collapse);
    assertThat(chain.stateCount()).isEqualTo(previous.stateCount());
    assertThat(chain.transitionCount()).isEqualTo(previous.transitionCount());
    for (int s = 0; s < chain.stateCount(); s++) {
      assertThat(chain.stateChannels(s)).isEqualTo(previous.stateChannels(s));
      assertThat(chain.transitionStart(s)).isEqualTo(previous.transitionStart(s));
      assertThat(chain.transitionEnd(s)).isEqualTo(previous.transitionEnd(s));
      assertThat(Double.doubleToRawLongBits(chain.meanValue(s)))
          .isEqualTo(Double.doubleToRawLongBits(previous.meanValue(s)));
    }
    for (int e = 0; e < chain.transitionCount(); e++) {
      assertThat(chain.target(e)).isEqualTo(previous.target(e));
      assertThat(Double.doubleToRawLongBits(chain.probability(e)))
          .isEqualTo(Double.doubleToRawLongBits(previous.probability(e)));
    }
  }
}
