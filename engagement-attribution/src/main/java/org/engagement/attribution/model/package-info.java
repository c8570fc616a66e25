/**
 * The attribution model SPI: {@link org.engagement.attribution.model.AttributionModel} turns a journey set
 * into credit per channel ({@link org.engagement.attribution.model.AttributionResult}); models are chosen
 * by name with typed parameters from {@link org.engagement.attribution.model.AttributionModels}.
 */
@NullMarked
package org.engagement.attribution.model;

import org.jspecify.annotations.NullMarked;
