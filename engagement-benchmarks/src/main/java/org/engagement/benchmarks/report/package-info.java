/** A whole-process harness of the report: time and heap after a collection per section (issue 16). */
@NullMarked
package org.engagement.benchmarks.report;

import org.jspecify.annotations.NullMarked;
