package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.OptionalDouble;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.selfreport.AnswerMapping;
import org.jspecify.annotations.Nullable;

/**
 * The choices behind a relationship ROI ({@link RoiAnalysis}): they are valuations and modelling
 * decisions, not facts in the data, so a report should state them.
 *
 * <p>Immutable and thread-safe if the calculator and the conversion rule are (the built-in ones are).
 * Equal when every choice is; the built-in calculator and answer mappings compare by their settings.
 *
 * @param calculator the ROI calculator (one by name: {@link RoiCalculators#create})
 * @param model the registry name of the measured attribution model ({@code AttributionModels})
 * @param surveyWeight how much survey answers are trusted against the measured model, in [0, 1]
 * @param mapping how survey answers name channels; {@code null}: each channel's id and display name
 *     ({@link AnswerMapping#byChannelNames})
 * @param inactivity how long without any interaction makes a customer churned (retention evidence)
 * @param valuePerCustomer the value of keeping one customer, in the investment's currency; {@code null}:
 *     the mean purchase value per buyer in the data
 * @param valuePerInteraction the value of one extra engaging interaction (engagement-lift evidence), in
 *     the investment's currency, finite, not negative
 * @param journeys how journeys are built from interactions, for the measured attribution
 * @param conversionRule which interactions are purchases, for the mean value per buyer
 * @since 0.1.0
 */
public record RoiSettings(RoiCalculator calculator, String model, double surveyWeight, @Nullable AnswerMapping mapping,
    Duration inactivity, @Nullable Double valuePerCustomer, double valuePerInteraction, JourneyRules journeys,
    ConversionRule conversionRule) {
  private static final RoiSettings DEFAULTS = new RoiSettings(RelationshipRoiCalculator.defaults(), "markov", 0.5,
      null, Duration.ofDays(90), null, 0, JourneyRules.defaults(), ConversionRule.purchases());

  /**
   * Validates.
   *
   * @throws InvalidFieldException if a number is out of range or the inactivity is not positive
   */
  public RoiSettings {
    requireNonNull(calculator, "calculator");
    requireNonNull(model, "model");
    requireNonNull(inactivity, "inactivity");
    requireNonNull(journeys, "journeys");
    requireNonNull(conversionRule, "conversionRule");
    if (!(surveyWeight >= 0 && surveyWeight <= 1)) {
      throw new InvalidFieldException("surveyWeight", surveyWeight, "must be in [0, 1]");
    }
    if (inactivity.isNegative() || inactivity.isZero()) {
      throw new InvalidFieldException("inactivity", inactivity, "must be positive");
    }
    if (valuePerCustomer != null && !(valuePerCustomer >= 0 && Double.isFinite(valuePerCustomer))) {
      throw new InvalidFieldException("valuePerCustomer", valuePerCustomer, "must be finite and not negative");
    }
    if (!(valuePerInteraction >= 0 && Double.isFinite(valuePerInteraction))) {
      throw new InvalidFieldException("valuePerInteraction", valuePerInteraction, "must be finite and not negative");
    }
  }

  /**
   * The defaults: the default calculator; the Markov model (data-driven, and exact); survey answers
   * trusted half; answers mapped by channel id and display name; churned after 90 days without any
   * interaction; a kept customer worth the mean purchase value per buyer; an extra interaction valued at
   * 0, so engagement lift adds nothing until a host puts a value on it; the default journeys
   * ({@link JourneyRules#defaults()}); purchases are conversions.
   */
  public static RoiSettings defaults() {
    return DEFAULTS;
  }

  /** These settings with another calculator. */
  public RoiSettings withCalculator(RoiCalculator calculator) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, valuePerCustomer,
        valuePerInteraction, journeys, conversionRule);
  }

  /** These settings with the measured attribution model called {@code model}. */
  public RoiSettings withModel(String model) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, valuePerCustomer,
        valuePerInteraction, journeys, conversionRule);
  }

  /**
   * These settings trusting survey answers with {@code weight}.
   *
   * @throws InvalidFieldException if {@code weight} is not in [0, 1]
   */
  public RoiSettings withSurveyWeight(double weight) {
    return new RoiSettings(calculator, model, weight, mapping, inactivity, valuePerCustomer,
        valuePerInteraction, journeys, conversionRule);
  }

  /** These settings mapping survey answers with {@code mapping}. */
  public RoiSettings withMapping(AnswerMapping mapping) {
    return new RoiSettings(calculator, model, surveyWeight, requireNonNull(mapping, "mapping"), inactivity,
        valuePerCustomer, valuePerInteraction, journeys, conversionRule);
  }

  /**
   * These settings counting a customer churned after {@code inactivity} without interaction.
   *
   * @throws InvalidFieldException if it is not positive
   */
  public RoiSettings withInactivity(Duration inactivity) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, valuePerCustomer,
        valuePerInteraction, journeys, conversionRule);
  }

  /**
   * These settings valuing a kept customer at {@code value}.
   *
   * @throws InvalidFieldException if it is negative or not finite
   */
  public RoiSettings withValuePerCustomer(double value) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, value, valuePerInteraction,
        journeys, conversionRule);
  }

  /**
   * These settings valuing an extra engaging interaction at {@code value}.
   *
   * @throws InvalidFieldException if it is negative or not finite
   */
  public RoiSettings withValuePerInteraction(double value) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, valuePerCustomer, value, journeys,
        conversionRule);
  }

  /** These settings building journeys with {@code journeys}. */
  public RoiSettings withJourneys(JourneyRules journeys) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, valuePerCustomer,
        valuePerInteraction, journeys, conversionRule);
  }

  /** These settings with another conversion rule for the mean value per buyer. */
  public RoiSettings withConversionRule(ConversionRule rule) {
    return new RoiSettings(calculator, model, surveyWeight, mapping, inactivity, valuePerCustomer,
        valuePerInteraction, journeys, rule);
  }

  /** The value of a kept customer, if one is set; otherwise the data's mean value per buyer is used. */
  public OptionalDouble fixedValuePerCustomer() {
    return valuePerCustomer == null ? OptionalDouble.empty() : OptionalDouble.of(valuePerCustomer);
  }
}
