package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.profile.Purchases;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.jspecify.annotations.Nullable;

/**
 * What a relationship ROI is computed from ({@link RoiAnalysis}): the interactions, the investment, and
 * optionally survey answers, journeys already built and an explicit as-of instant.
 *
 * <p>Without survey answers the attribution is the measured one alone. Without journeys, {@link RoiAnalysis}
 * builds them with its settings' journey rules; journeys given are used as they are for the ROI of everyone
 * (pass the ones built with the same rules, to save building them twice) and, when they keep their touch times
 * ({@link JourneySet#timed()}), their members' journeys are each segment's ({@link RoiAnalysis#perSegment}), so
 * journeys given must be those of these interactions. Without an as-of instant the
 * latest interaction is used; interactions after the as-of instant are left out.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RoiData {
  private final List<Interaction> interactions;
  private final Investment investment;
  private final List<SurveyAnswer> answers;
  private final @Nullable JourneySet journeys;
  private final @Nullable Instant asOf;
  /**
   * The mean purchase value per buyer by conversion rule and currency, computed once per data value: {@link
   * RoiAnalysis} values a kept customer with it for everyone and again for every segment, and each computation is
   * a pass over every interaction (millions of them in a report, issue 16).
   */
  private final Map<List<Object>, Double> meanValues = new ConcurrentHashMap<>();

  private RoiData(List<Interaction> interactions, Investment investment, List<SurveyAnswer> answers,
      @Nullable JourneySet journeys, @Nullable Instant asOf) {
    this.interactions = interactions;
    this.investment = investment;
    this.answers = answers;
    this.journeys = journeys;
    this.asOf = asOf;
  }

  /** The interactions and the investment, with no survey. */
  public static RoiData of(List<Interaction> interactions, Investment investment) {
    return new RoiData(InteractionColumns.of(interactions), requireNonNull(investment, "investment"), List.of(), null,
        null);
  }

  /** This data with the answers of a "how did you hear about us?" survey. */
  public RoiData withSurvey(List<SurveyAnswer> answers) {
    return new RoiData(interactions, investment, List.copyOf(answers), journeys, asOf);
  }

  /** This data with the journeys already built from its interactions. */
  public RoiData withJourneys(JourneySet journeys) {
    return new RoiData(interactions, investment, answers, requireNonNull(journeys, "journeys"), asOf);
  }

  /** This data as of {@code asOf}: the window ends in its month, and later interactions are left out. */
  public RoiData withAsOf(Instant asOf) {
    return new RoiData(interactions, investment, answers, journeys, requireNonNull(asOf, "asOf"));
  }

  /** The interactions at or before {@link #asOf()}, in the order given. */
  public List<Interaction> interactions() {
    if (asOf == null) {
      return interactions;
    }
    Instant end = asOf;
    return InteractionColumns.of(interactions).where(i -> !i.timestamp().isAfter(end));
  }

  /** The money and time put in. */
  public Investment investment() {
    return investment;
  }

  /** The survey answers; empty when there was no survey. */
  public List<SurveyAnswer> answers() {
    return answers;
  }

  /** The journeys given, if any. */
  public Optional<JourneySet> journeys() {
    return Optional.ofNullable(journeys);
  }

  /** The as-of instant: the one given, or the latest interaction ({@link Instant#EPOCH} without any). */
  public Instant asOf() {
    if (asOf != null) {
      return asOf;
    }
    return InteractionColumns.of(interactions).latest().orElse(Instant.EPOCH);
  }

  /** The mean purchase value per buyer of {@link #interactions()} ({@link Purchases#meanValue()}), computed once. */
  double meanValue(ConversionRule rule, Currency currency) {
    return meanValues.computeIfAbsent(List.of(rule, currency),
        key -> Purchases.of(interactions(), rule, currency).meanValue());
  }

  @Override
  public String toString() {
    return "RoiData[" + interactions.size() + " interactions, " + investment + ", " + answers.size()
        + " survey answers" + (asOf == null ? "" : ", as of " + asOf) + "]";
  }
}
