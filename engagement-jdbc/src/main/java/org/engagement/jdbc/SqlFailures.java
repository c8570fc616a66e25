package org.engagement.jdbc;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.engagement.core.ingest.InvalidSourceException;

/**
 * Sorts what the driver throws into the importer's two kinds of source failure: the connection failing (an
 * {@link IOException}, which propagates) and a query that cannot be read as interactions (an
 * {@link InvalidSourceException}, which ends the import with its report). Stateless.
 */
final class SqlFailures {
  private SqlFailures() {}

  /** A failure while running the query or binding its result: the connection's, or the query's. */
  static Exception opening(SQLException e) {
    if (isConnectionFailure(e)) {
      return reading(e);
    }
    return new InvalidSourceException("the query failed: " + describe(e), e);
  }

  /** A failure while fetching rows or closing the result: the source broke under the reader. */
  static IOException reading(SQLException e) {
    return new IOException("reading the query's rows failed: " + describe(e), e);
  }

  private static boolean isConnectionFailure(SQLException e) {
    String state = e.getSQLState();
    return e instanceof SQLTransientException || e instanceof SQLRecoverableException
        || (state != null && state.startsWith("08"));
  }

  private static String describe(SQLException e) {
    String state = e.getSQLState();
    return e.getMessage() + (state == null ? "" : " (SQLState " + state + ")");
  }
}
