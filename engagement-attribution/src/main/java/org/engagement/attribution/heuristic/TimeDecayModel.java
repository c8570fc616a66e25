package org.engagement.attribution.heuristic;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.ModelParameter;
import org.engagement.attribution.ModelParameters;
import org.engagement.attribution.ParameterType;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Time decay: each touch of a converting journey gets weight {@code 2^(-t / halfLife)}, {@code t} the time
 * from the touch to the conversion, and the journey's conversion and value are split in proportion to the
 * weights (Google's and Adobe's definition; default half-life 7 days, so a touch 8 days before a conversion
 * gets half the credit of one a day before).
 *
 * <p>It needs touch times: it works on journey sets made from interactions ({@link JourneyRules},
 * {@link JourneySet#timed()}) and refuses path-only sets with a message saying so. Provided as
 * {@code time-decay} with parameter {@code half-life-days} ({@link #HALF_LIFE_DAYS}).
 *
 * <p>Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class TimeDecayModel implements AttributionModel {
  /** The registry name. */
  public static final String NAME = "time-decay";
  /** The default half-life: 7 days. */
  public static final Duration DEFAULT_HALF_LIFE = Duration.ofDays(7);
  /** The parameter {@code half-life-days}: the half-life in days, positive, at most 1,000,000, default 7. */
  public static final ModelParameter<Double> HALF_LIFE_DAYS = ModelParameter.optional("half-life-days",
      ParameterType.decimal(), 7.0, "the half-life in days: a touch this much earlier gets half the weight")
      .withRule("must be a positive number of days, at most 1000000", days -> days > 0 && days <= 1e6);

  /** The parameters of the registry's factory. */
  static final List<ModelParameter<?>> PARAMETERS = List.of(HALF_LIFE_DAYS);

  private final Duration halfLife;
  private final ModelParameters parameters;

  private TimeDecayModel(Duration halfLife) {
    this.halfLife = halfLife;
    // Unchecked: a half-life the registry's rule would refuse is still reported as it is.
    this.parameters = ModelParameters.none().with(HALF_LIFE_DAYS.name(), halfLife.toMillis() / 86_400_000.0);
  }

  /** Time decay with a 7-day half-life. */
  public static TimeDecayModel sevenDayHalfLife() {
    return new TimeDecayModel(DEFAULT_HALF_LIFE);
  }

  /**
   * Time decay with half-life {@code halfLife}.
   *
   * @throws InvalidFieldException if it is not at least one millisecond
   */
  public static TimeDecayModel withHalfLife(Duration halfLife) {
    requireNonNull(halfLife, "halfLife");
    if (halfLife.toMillis() < 1) {
      throw new InvalidFieldException("halfLife", halfLife, "must be at least one millisecond");
    }
    return new TimeDecayModel(halfLife);
  }

  /** The model from resolved {@link #PARAMETERS}. */
  static TimeDecayModel fromParameters(ModelParameters parameters) {
    double days = parameters.get(HALF_LIFE_DAYS);
    return withHalfLife(Duration.ofMillis(Math.max(1, Math.round(days * 86_400_000.0))));
  }

  /** The half-life. */
  public Duration halfLife() {
    return halfLife;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public ModelParameters parameters() {
    return parameters;
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException if {@code journeys} has no {@linkplain JourneySet#timed() touch times}
   */
  @Override
  public AttributionResult attribute(JourneySet journeys) {
    requireNonNull(journeys, "journeys");
    return TimedCredit.attribute(name(), journeys, weigher());
  }

  /**
   * {@inheritDoc}
   *
   * <p>Time decay credits each converting journey on its own, so the rows add up to the per-channel result
   * exactly and equal {@link #attribute} of the journeys' set to rounding.
   */
  @Override
  public JourneyCredits creditJourneys(Journeys journeys) {
    requireNonNull(journeys, "journeys");
    return TimedCredit.creditJourneys(name(), journeys, weigher());
  }

  private TimedCredit.Weigher weigher() {
    double halfLifeMillis = halfLife.toMillis();
    return (timed, start, length, weights) -> {
      // Weights relative to the latest touch: the same proportions, no underflow on long journeys.
      long latest = Long.MIN_VALUE;
      for (int i = 0; i < length; i++) {
        latest = Math.max(latest, timed.touchMillis(start + i));
      }
      for (int i = 0; i < length; i++) {
        weights[i] = Math.pow(2, -(latest - timed.touchMillis(start + i)) / halfLifeMillis);
      }
    };
  }

  @Override
  public String toString() {
    return name() + parameters;
  }
}
