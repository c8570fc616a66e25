package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.roi.RelationshipRoiCalculator;
import org.engagement.roi.RoiCalculator;
import org.engagement.roi.selfreport.AnswerMapping;
import org.jspecify.annotations.Nullable;

/**
 * The choices behind the report's relationship ROI ({@link RelationshipRoiBuilder}): they are valuations
 * and modelling decisions, not facts in the data, so the page states them.
 *
 * <p>Immutable and thread-safe if the calculator is.
 *
 * @param calculator the ROI calculator
 * @param model the registry name of the measured attribution model
 * @param surveyWeight how much the survey answers are trusted against the measured model, in [0, 1]
 * @param mapping how survey answers name channels; {@code null}: the input's {@value
 *     AnalysisInput#SURVEY_CHANNELS} when it has one, otherwise each channel's id and display name
 * @param inactivity how long without any interaction makes a customer churned (retention evidence)
 * @param valuePerCustomer the value of keeping one customer; {@code null}: the mean purchase value per
 *     buyer in the data
 * @param valuePerInteraction the value of one extra engaging interaction (engagement-lift evidence),
 *     finite, not negative
 * @since 0.1.0
 */
public record RoiSettings(RoiCalculator calculator, String model, double surveyWeight, @Nullable AnswerMapping mapping,
    Duration inactivity, @Nullable Double valuePerCustomer, double valuePerInteraction) {

  /**
   * Validates.
   *
   * @throws InvalidFieldException if a number is out of range or the inactivity is not positive
   */
  public RoiSettings {
    requireNonNull(calculator, "calculator");
    requireNonNull(model, "model");
    requireNonNull(inactivity, "inactivity");
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
   * The report's defaults: the default calculator; the Markov model (data-driven, and exact); survey
   * answers trusted half (the default of the self-reported blend in the ROI tests); survey phrases from the
   * input (see {@link #mapping()}); churned after 90 days without any interaction; a kept customer worth the
   * mean purchase value per buyer; an extra interaction valued at 0, so engagement lift adds nothing until
   * a host puts a value on it.
   */
  public static RoiSettings defaults() {
    return new RoiSettings(RelationshipRoiCalculator.defaults(), "markov", 0.5, null,
        Duration.ofDays(90), null, 0);
  }
}
