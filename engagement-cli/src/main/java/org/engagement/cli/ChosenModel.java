package org.engagement.cli;

import java.util.List;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.validation.RecommendedModel;

/**
 * The model {@code attribute} runs, and the notes that say how it was chosen: the model asked for, or for
 * {@code recommended} with {@code --intervals} the model its rule chooses on the whole input
 * ({@link RecommendedModel#choose}), so that the bootstrap runs that model on every resample instead of
 * validating, and perhaps choosing differently, each time.
 *
 * <p>Immutable and thread-safe when the model is.
 *
 * @param model the model to run
 * @param notes how it was chosen; empty when it was named
 */
record ChosenModel(AttributionModel model, List<String> notes) {
  ChosenModel {
    notes = List.copyOf(notes);
  }

  /** {@code model}, or for {@code recommended} with {@code resampled} the model its rule picks. */
  static ChosenModel of(AttributionModel model, JourneySet journeys, boolean resampled) {
    if (resampled && model instanceof RecommendedModel recommended) {
      RecommendedModel.Choice choice = recommended.choose(journeys);
      return new ChosenModel(choice.model(), choice.notes());
    }
    return new ChosenModel(model, List.of());
  }
}
