package org.engagement.attribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.UnaryOperator;
import org.engagement.attribution.journey.JourneySet;

/** The assertions the property tests of every attribution model share. */
public final class CreditChecks {
  private CreditChecks() {}

  /**
   * The model's credits and value by channel on {@code set}, and its notes, or the message of its refusal: one
   * string two runs can be compared by exactly.
   */
  public static String answer(AttributionModel model, JourneySet set) {
    try {
      AttributionResult result = model.attribute(set);
      return result.conversionsByChannel() + " " + result.valueByChannel() + " " + result.notes();
    } catch (IllegalArgumentException e) {
      return "refused: " + e.getMessage();
    }
  }

  /** Rounding slack for sums of {@code total}: relative 1e-9, at least 1e-9. */
  public static double tolerance(double total) {
    return 1e-9 * Math.max(1, total);
  }

  /** Every channel of {@code original} has the same credit in {@code other} under its name {@code rename}. */
  public static void assertSameCredits(AttributionResult original, AttributionResult other,
      UnaryOperator<String> rename) {
    for (String channel : original.channelNames()) {
      assertThat(other.conversions(rename.apply(channel)))
          .isCloseTo(original.conversions(channel), within(tolerance(original.totalConversions())));
      assertThat(other.value(rename.apply(channel)))
          .isCloseTo(original.value(channel), within(tolerance(original.totalValue())));
    }
  }

  /** Channels {@code a} and {@code b} have the same credit in {@code result}. */
  public static void assertEqualCredit(AttributionResult result, String a, String b) {
    assertThat(result.conversions(a)).isCloseTo(result.conversions(b), within(tolerance(result.totalConversions())));
    assertThat(result.value(a)).isCloseTo(result.value(b), within(tolerance(result.totalValue())));
  }
}
