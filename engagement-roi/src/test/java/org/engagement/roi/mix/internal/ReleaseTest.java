package org.engagement.roi.mix.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * {@link Release} on hand-made curves without carry-over (Hill of shape 1, mean spend 100, every channel at its
 * mean), so each marginal return can be worked out by hand: {@code β K / (1 + K)² / 100} at the mean.
 * <ul>
 *   <li>reference, pinned down ({@code K = 2, β = 600}): marginal 1.333, ROI 2, ROI interval ×[0.8, 1.25], so
 *       its marginal interval is [1.067, 1.667];
 *   <li>saturated ({@code K = 0.2, β = 200}): marginal 0.278, ×[0.5, 2] gives [0.139, 0.556], wholly below;
 *   <li>starved ({@code K = 5, β = 3000}): marginal 4.167, ×[0.5, 2] gives [2.083, 8.333], wholly above;
 *   <li>like the reference ({@code K = 2, β = 600}) with the level unknown: ×[0.5, 2] gives [0.667, 2.667],
 *       which overlaps.
 * </ul>
 */
class ReleaseTest {
  private static final double[] CURRENT = {100, 100, 100, 100};
  private static final double[] PINNED = {0.8, 1.25};
  private static final double[] UNKNOWN = {0.5, 2};

  private static ChannelCurve curve(double halfSaturation, double maxEffect) {
    return new ChannelCurve(0, 0, 0, halfSaturation, 1, 100, maxEffect);
  }

  private static List<List<ChannelCurve>> draws() {
    List<ChannelCurve> curves = List.of(curve(2, 600), curve(0.2, 200), curve(5, 3000), curve(2, 600));
    return List.of(curves, curves, curves);
  }

  @Test
  void theMarginalReturnIsWorkedOutByHand() {
    assertThat(Release.marginal(curve(0.2, 200), 100)).isBetween(0.27, 0.278);
    assertThat(Release.marginal(curve(5, 3000), 100)).isBetween(4.1, 4.167);
  }

  @Test
  void aHeldChannelMovesOnlyWhereItsIntervalLiesWhollyBelowOrAboveAChannelThePlanMoves() {
    double[][] scale = {PINNED, UNKNOWN, UNKNOWN, UNKNOWN};
    boolean[] held = {false, true, true, true};

    int[] directions = Release.directions(draws(), CURRENT, scale, held);

    assertThat(directions).containsExactly(Release.HOLD, Release.FALL, Release.RISE, Release.HOLD);
  }

  /**
   * The saturated channel's marginal return rises as it falls: {@code 200 · 0.2 / (z + 0.2)² / 100} at {@code
   * z = spend / 100}, whose upper end (twice it) reaches the reference's lower end, 1.067, at {@code z = 0.666}; the
   * starved channel's lower end (half of {@code 150 / (z + 5)²}) falls to the reference's upper end, 1.667, at
   * {@code z = 1.708}. So they move from 100 to about 67 and to about 170 of their bounds' 50 and 200.
   */
  @Test
  void aReleasedChannelMovesOnlyAsFarAsItsIntervalKeepsSupportingTheMove() {
    double[][] scale = {PINNED, UNKNOWN, UNKNOWN, UNKNOWN};
    boolean[] held = {false, true, true, true};
    double[] lower = {50, 50, 50, 50};
    double[] upper = {200, 200, 200, 200};

    double[] @org.jspecify.annotations.Nullable [] bounds = Release.bounds(draws(), CURRENT, scale, held, lower,
        upper);

    assertThat(bounds[0]).isNull();
    double[] saturated = Objects.requireNonNull(bounds[1]);
    assertThat(saturated[0]).isBetween(66.0, 69.0);
    assertThat(saturated[1]).isEqualTo(100);
    double[] starved = Objects.requireNonNull(bounds[2]);
    assertThat(starved[0]).isEqualTo(100);
    assertThat(starved[1]).isBetween(168.0, 172.0);
    assertThat(bounds[3]).isNull();
  }

  @Test
  void heldChannelsAreNoReferenceForEachOther() {
    double[][] scale = {PINNED, UNKNOWN, UNKNOWN, UNKNOWN};
    boolean[] allHeld = {true, true, true, true};

    assertThat(Release.directions(draws(), CURRENT, scale, allHeld)).containsOnly(Release.HOLD);
  }

  @Test
  void aChannelWithoutALevelOrAPlanWithoutResamplesReleasesNothing() {
    double[] @org.jspecify.annotations.Nullable [] noLevel = {PINNED, null, null, UNKNOWN};
    boolean[] held = {false, true, true, true};

    assertThat(Release.directions(draws(), CURRENT, noLevel, held))
        .containsExactly(Release.HOLD, Release.HOLD, Release.HOLD, Release.HOLD);
    assertThat(Release.directions(draws().subList(0, 1), CURRENT, new double[][] {PINNED, UNKNOWN, UNKNOWN,
        UNKNOWN}, held)).containsOnly(Release.HOLD);
  }

  @Test
  void aLevelWideEnoughToReachTheReferenceKeepsTheChannelHeld() {
    double[][] wide = {PINNED, {0.5, 8}, {0.2, 2}, UNKNOWN};
    boolean[] held = {false, true, true, true};

    // saturated: 0.278 x 8 = 2.22 reaches the reference; starved: 4.167 x 0.2 = 0.83 does too
    assertThat(Release.directions(draws(), CURRENT, wide, held)).containsOnly(Release.HOLD);
  }
}
