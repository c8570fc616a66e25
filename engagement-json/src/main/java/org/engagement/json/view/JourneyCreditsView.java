package org.engagement.json.view;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.JourneyCredits;
import org.engagement.attribution.journey.Journeys;
import org.jspecify.annotations.Nullable;

/**
 * One model's credits journey by journey as a host sends them on: the journeys that earned a credit, each with
 * its customer, conversion instant and value and its credit per channel, and the per-channel result they belong
 * to. What {@code attribute --per-journey} writes as CSV rows, grouped by journey; the journeys' touches stay
 * behind (they are the input, not the result).
 *
 * <p>Immutable and thread-safe.
 *
 * @param model the model's name
 * @param spread whether the rows are the model's global credits spread over the journeys
 *     ({@link JourneyCredits#spread()})
 * @param result the per-channel credits the rows belong to
 * @param journeys the journeys with at least one credit, in the credits' order (customer id, then end)
 * @since 0.1.0
 */
public record JourneyCreditsView(String model, boolean spread, AttributionResult result, List<Journey> journeys) {

  /** Requires every part; copies the list. */
  public JourneyCreditsView {
    requireNonNull(model, "model");
    requireNonNull(result, "result");
    journeys = List.copyOf(journeys);
  }

  /** The view of {@code credits}: its rows grouped by journey. */
  public static JourneyCreditsView of(JourneyCredits credits) {
    Journeys journeys = credits.journeys();
    List<Journey> out = new ArrayList<>();
    int row = 0;
    while (row < credits.size()) {
      int j = credits.journey(row);
      List<Credit> rows = new ArrayList<>();
      for (; row < credits.size() && credits.journey(row) == j; row++) {
        rows.add(new Credit(journeys.channels().name(credits.channel(row)), credits.conversions(row),
            credits.value(row)));
      }
      out.add(new Journey(journeys.customerId(j), journeys.converted(j) ? journeys.endTime(j) : null,
          journeys.value(j), rows));
    }
    return new JourneyCreditsView(credits.result().model(), credits.spread(), credits.result(), out);
  }

  /**
   * One journey and its credits.
   *
   * @param customerId the journey's customer
   * @param conversionAt the instant of its conversion, or {@code null} if it did not convert
   * @param value its conversion value in major units of the journeys' currency (0 if it did not convert)
   * @param credits its credit per channel that earned one, in channel name order
   * @since 0.1.0
   */
  public record Journey(String customerId, @Nullable Instant conversionAt, double value, List<Credit> credits) {
    /** Requires the customer; copies the list. */
    public Journey {
      requireNonNull(customerId, "customerId");
      credits = List.copyOf(credits);
    }
  }

  /**
   * One channel's credit in one journey.
   *
   * @param channel the channel's name
   * @param conversions the conversion credit
   * @param value the value credit, in major units of the journeys' currency
   * @since 0.1.0
   */
  public record Credit(String channel, double conversions, double value) {
    /** Requires the channel. */
    public Credit {
      requireNonNull(channel, "channel");
    }
  }
}
