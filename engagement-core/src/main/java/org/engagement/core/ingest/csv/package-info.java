/**
 * The reference CSV adapter for interactions, and the matching writer.
 *
 * <p>See {@link org.engagement.core.ingest.csv.CsvInteractionAdapter} for the columns and rules.
 * Parsing and writing use Jackson's streaming CSV support (RFC 4180: quoted fields, embedded separators, quotes
 * and line breaks) and stream: a file of any size is read in constant memory.
 */
@NullMarked
package org.engagement.core.ingest.csv;

import org.jspecify.annotations.NullMarked;
