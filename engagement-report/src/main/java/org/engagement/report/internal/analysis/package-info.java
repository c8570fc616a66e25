/**
 * The report's figures that are neither a section nor a chart: the companion files read and accounted for,
 * the headline figures per half with their resamples, weekly series for the mix model, experiments, the
 * channels that weigh most, the error of a model's credits against a world's truth.
 *
 * <p>Not exported: an implementation detail of {@code org.engagement.report}. Depends only on the report's
 * API, {@code internal.text} and {@code internal.memory}; the sections depend on it, never the reverse.
 */
@NullMarked
package org.engagement.report.internal.analysis;

import org.jspecify.annotations.NullMarked;
