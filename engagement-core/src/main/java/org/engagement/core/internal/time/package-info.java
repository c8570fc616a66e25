/**
 * Calendar arithmetic on the hot paths of the aggregates: the period of an instant found from its epoch day with the
 * days met remembered, where {@link java.time.LocalDate#ofInstant} asks the zone for its rules (a new rules object
 * per call for a {@link java.time.ZoneOffset}) and builds a date per row (issue 16).
 *
 * @since 0.1.0
 */
@org.jspecify.annotations.NullMarked
package org.engagement.core.internal.time;
