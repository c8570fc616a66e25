package org.engagement.core.profile;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;

/**
 * What a {@link ProfileMetrics} contributor sees: the interactions up to the as-of instant, the instant,
 * the conversion rule and the purchases with their value currency, so that a contributor counts the same
 * purchases in the same currency as the built-in metrics.
 *
 * <p>Immutable and thread-safe if the conversion rule is.
 *
 * @param interactions the interactions at or before {@code asOf}, in the order given
 * @param asOf the instant the profiles describe
 * @param conversionRule which interactions are purchases
 * @param purchases the buyers and the value currency
 * @since 0.1.0
 */
public record ProfileInput(List<Interaction> interactions, Instant asOf, ConversionRule conversionRule,
    Purchases purchases) {
  /** Requires every part and copies the list (an {@link InteractionColumns}, immutable, is kept as it is). */
  public ProfileInput {
    interactions = interactions instanceof InteractionColumns ? interactions : List.copyOf(interactions);
    requireNonNull(asOf, "asOf");
    requireNonNull(conversionRule, "conversionRule");
    requireNonNull(purchases, "purchases");
  }

  /** The UTC date of {@link #asOf()}. */
  public LocalDate asOfDate() {
    return asOf.atOffset(ZoneOffset.UTC).toLocalDate();
  }
}
