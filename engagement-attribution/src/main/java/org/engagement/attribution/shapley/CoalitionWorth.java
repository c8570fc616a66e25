package org.engagement.attribution.shapley;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.engagement.core.domain.InvalidFieldException;

/**
 * How {@link ShapleyModel} values a coalition {@code S} of channels: the worth function {@code v} of its
 * conversion-rate game, chosen with the parameter {@value ShapleyModel#WORTH}.
 *
 * <p>Both are conversion rates {@code C / (C + N)} of some journeys (conversions {@code C}, non-conversions
 * {@code N}), {@code 0} when there are no such journeys; they differ in which journeys count for {@code S}.
 * {@link #EXACT} reads only the journeys exposed to exactly {@code S}, which leaves most coalitions unseen
 * (worth 0) once there are more than a handful of channels; {@link #SUBSETS} asks what the conversion rate
 * would be if only the channels of {@code S} existed, so every coalition containing an observed channel set
 * has a worth.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum CoalitionWorth {
  /**
   * {@code v(S) = C(S) / (C(S) + N(S))} over the journeys whose set of distinct channels is exactly
   * {@code S} (Dalessandro et al. 2012; DP6 {@code attribution_shapley}). Not monotone and not cumulative.
   */
  EXACT("exact"),
  /**
   * {@code v(S) = Σ_{T⊆S} C(T) / Σ_{T⊆S} (C(T) + N(T))} over the journeys whose set of distinct channels is
   * a subset of {@code S}: the conversion rate of the world in which only the channels of {@code S} exist and
   * the journeys that needed another channel did not happen. It is a weighted mean of exact-set rates, so it
   * never exceeds the largest of them.
   */
  SUBSETS("subsets");

  private final String parameterValue;

  CoalitionWorth(String parameterValue) {
    this.parameterValue = parameterValue;
  }

  /** The value of the {@value ShapleyModel#WORTH} parameter that selects this worth. */
  public String parameterValue() {
    return parameterValue;
  }

  /**
   * The worth named by a parameter value, ignoring case and surrounding blanks.
   *
   * @throws InvalidFieldException naming {@value ShapleyModel#WORTH} if the text names no worth
   */
  public static CoalitionWorth parse(String text) {
    requireNonNull(text, "text");
    String wanted = text.strip().toLowerCase(Locale.ROOT);
    for (CoalitionWorth worth : values()) {
      if (worth.parameterValue.equals(wanted)) {
        return worth;
      }
    }
    throw new InvalidFieldException(ShapleyModel.WORTH, text, "must be one of "
        + Arrays.stream(values()).map(CoalitionWorth::parameterValue).collect(Collectors.joining(", ")));
  }
}
