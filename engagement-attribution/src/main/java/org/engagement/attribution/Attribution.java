package org.engagement.attribution;

import java.util.Map;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.PathFormat;

/**
 * Where a host starts with attribution: journeys from interactions or from a path file, and models by name.
 *
 * <pre>{@code
 * JourneySet journeys = Attribution.journeys().withAsOf(asOf).journeys(interactions).toJourneySet();
 * AttributionResult credit = Attribution.model("markov", Map.of("order", 2)).attribute(journeys);
 * credit.conversionsByChannel().forEach((channel, conversions) -> ...);
 * }</pre>
 *
 * <p>Every method delegates to the concept's own factory, named in its javadoc; use those directly to
 * configure more. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class Attribution {
  private Attribution() {}

  /** The default journey rules ({@link JourneyRules#defaults()}: 90-day lookback, purchases convert). */
  public static JourneyRules journeys() {
    return JourneyRules.defaults();
  }

  /** ChannelAttribution's path CSV ({@link PathFormat#channelAttribution()}), to read and write journey sets. */
  public static PathFormat paths() {
    return PathFormat.channelAttribution();
  }

  /** Every attribution model on the class or module path, by name ({@link AttributionModels#defaults()}). */
  public static AttributionModels models() {
    return AttributionModels.defaults();
  }

  /**
   * The model called {@code name} with its default parameters.
   *
   * @throws java.util.NoSuchElementException if there is none; the message lists the names there are
   */
  public static AttributionModel model(String name) {
    return AttributionModels.defaults().create(name);
  }

  /**
   * The model called {@code name} configured with {@code parameters} (typed values or text, see
   * {@link ModelParameters#of(Map)}).
   *
   * @throws java.util.NoSuchElementException if there is none; the message lists the names there are
   * @throws IllegalArgumentException if a parameter is unknown or breaks its rule
   */
  public static AttributionModel model(String name, Map<String, ?> parameters) {
    return AttributionModels.defaults().create(name, ModelParameters.of(parameters));
  }
}
