package org.engagement.jdbc;

import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.jspecify.annotations.Nullable;

/**
 * What one read does: the query and how to read it; with a watermark column, the rows after {@code after}.
 *
 * @param name the source's name
 * @param query the host's query, without a trailing semicolon
 * @param fetchSize rows fetched at a time
 * @param keyColumn the key column's label in lower case, or {@code null} for the default
 * @param watermarkColumn the watermark column, or {@code null} to read the whole query
 * @param after the watermark to read after, or {@code null} for every row with a watermark
 * @param rowLimit the rows an incremental read delivers before it stops at the next change of watermark value
 * @param mapping how columns become interactions
 */
record ReadPlan(
    String name,
    String query,
    int fetchSize,
    @Nullable String keyColumn,
    @Nullable String watermarkColumn,
    @Nullable Watermark after,
    long rowLimit,
    CsvInteractionAdapter mapping) {

  /** The SQL to run: the query itself, or wrapped to read the rows after the watermark in its order. */
  String sql() {
    if (watermarkColumn == null) {
      return query;
    }
    String condition = after == null ? watermarkColumn + " IS NOT NULL" : watermarkColumn + " > ?";
    return "SELECT * FROM (" + query + ") engagement_rows WHERE " + condition + " ORDER BY " + watermarkColumn;
  }

  /** A query that returns no row, only the columns: to learn the watermark column's type before reading. */
  String probeSql() {
    return "SELECT * FROM (" + query + ") engagement_rows WHERE 1 = 0";
  }
}
