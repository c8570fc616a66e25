package org.engagement.cli;

import java.util.ArrayList;
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
  /** The warning {@link RecommendedModel#attribute} ends its notes with, given here too when it chose once. */
  static final String NOT_CAUSAL = "recommended: predictive checks do not make credits causal; calibrate with"
      + " experiments where they exist";

  ChosenModel {
    notes = List.copyOf(notes);
  }

  /** {@code model}, or for {@code recommended} with {@code resampled} the model its rule picks. */
  static ChosenModel of(AttributionModel model, JourneySet journeys, boolean resampled) {
    if (resampled && model instanceof RecommendedModel recommended) {
      RecommendedModel.Choice choice = recommended.choose(journeys);
      List<String> notes = new ArrayList<>(choice.notes());
      notes.add(NOT_CAUSAL);
      return new ChosenModel(choice.model(), notes);
    }
    return new ChosenModel(model, List.of());
  }
}
