/**
 * Interactions from a database: a SQL query read through JDBC, streamed with a fetch size, mapped by column
 * name as the CSV adapter maps a header, and imported by core's importer with the same validation and the same
 * accounting ({@link org.engagement.core.ingest.ImportReport}); an incremental mode reads only the rows after a
 * watermark and returns the new one.
 *
 * <p>Core and {@code java.sql} are re-exported: the API takes a {@link java.sql.Connection} and returns core's
 * reports and interactions. No driver is required: the host brings the one for its database.
 */
module org.engagement.jdbc {
  requires transitive org.engagement.core;
  requires transitive java.sql;
  requires static transitive org.jspecify;

  exports org.engagement.jdbc;
}
