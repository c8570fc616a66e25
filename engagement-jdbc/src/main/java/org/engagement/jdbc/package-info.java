/**
 * Interactions from a SQL query: {@link org.engagement.jdbc.JdbcInteractionSource} reads a query's rows through
 * any JDBC driver, streamed (forward-only, read-only, with a fetch size, in a transaction so that PostgreSQL
 * reads through a cursor), maps its columns by name as the CSV adapter maps a header
 * ({@link org.engagement.core.ingest.csv.InteractionRows}), and goes through core's
 * {@link org.engagement.core.ingest.InteractionImporter}, so every row is accepted, rejected with its key and
 * reason, or counted as a duplicate in the {@link org.engagement.core.ingest.ImportReport}. Incremental imports
 * read only the rows after a {@link org.engagement.jdbc.Watermark} and return the new one
 * ({@link org.engagement.jdbc.IncrementalImport}).
 */
@NullMarked
package org.engagement.jdbc;

import org.jspecify.annotations.NullMarked;
