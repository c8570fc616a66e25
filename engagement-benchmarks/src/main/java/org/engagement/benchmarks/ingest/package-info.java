/**
 * Benchmarks of interaction ingestion: a deterministic generator of realistic interaction CSV files,
 * and JMH benchmarks that import such files through the CSV adapter.
 */
@NullMarked
package org.engagement.benchmarks.ingest;

import org.jspecify.annotations.NullMarked;
