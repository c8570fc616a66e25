/**
 * What the report does about memory: {@link org.engagement.report.internal.memory.HeapGauge} tells whether the
 * heap has room to build another section beside the ones running, and {@link
 * org.engagement.report.internal.memory.MemoryFailure} tells whether an error means that memory ran out (directly,
 * through a class it left unusable, or wrapped by the JDK), so that a section, the summary or a figure computed
 * ahead is left out or computed later rather than the report dying.
 *
 * <p>Not exported: an implementation detail of {@code org.engagement.report}. Depends on nothing else of the
 * report, so that the sections, the analyses and the report model can all use it.
 */
@NullMarked
package org.engagement.report.internal.memory;

import org.jspecify.annotations.NullMarked;
