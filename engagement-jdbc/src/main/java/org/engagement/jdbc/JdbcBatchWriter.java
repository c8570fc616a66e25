package org.engagement.jdbc;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Writes results back to a table with batched inserts: engagement scores per customer, segment membership,
 * credits per channel, any rows a host maps to the table's columns. For example, an attribution result's
 * credits:
 *
 * <pre>{@code
 * JdbcBatchWriter.into("channel_credits", "model", "channel", "conversions")
 *     .insert(connection, result.conversionsByChannel().entrySet(),
 *         e -> List.of(result.model(), e.getKey(), e.getValue()));
 * }</pre>
 *
 * <p>Values are bound with {@link PreparedStatement#setObject(int, Object)} ({@code null} as SQL {@code NULL}), so
 * nothing of them reaches the SQL text; the table and column names are plain identifiers, checked. A connection in
 * auto-commit mode gets one transaction for the whole write, committed at the end or rolled back if the write
 * fails, and auto-commit back; a connection already in a transaction is left to its owner to commit.
 *
 * <p>Immutable and thread-safe: writes on different connections may run at once.
 *
 * @since 0.1.0
 */
public final class JdbcBatchWriter {
  /** The default number of rows sent per batch, {@value}. */
  public static final int DEFAULT_BATCH_SIZE = 1_000;

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}(\\.[A-Za-z_][A-Za-z0-9_]{0,62})?");

  private final String table;
  private final List<String> columns;
  private final int batchSize;

  private JdbcBatchWriter(String table, List<String> columns, int batchSize) {
    this.table = table;
    this.columns = columns;
    this.batchSize = batchSize;
  }

  /**
   * A writer into {@code table}'s {@code columns}.
   *
   * @throws InvalidFieldException if a name is not a plain identifier (a table may be schema-qualified), or no
   *     column is given
   */
  public static JdbcBatchWriter into(String table, String... columns) {
    check("table", table);
    if (columns.length == 0) {
      throw new InvalidFieldException("columns", "", "must name at least one column");
    }
    for (String column : columns) {
      if (column.contains(".")) {
        throw new InvalidFieldException("column", column, "must be a plain SQL identifier, without a table");
      }
      check("column", column);
    }
    return new JdbcBatchWriter(table, List.of(columns), DEFAULT_BATCH_SIZE);
  }

  /**
   * This writer with {@code batchSize} rows per batch.
   *
   * @throws InvalidFieldException if not between 1 and 100,000
   */
  public JdbcBatchWriter batchSize(int batchSize) {
    if (batchSize < 1 || batchSize > 100_000) {
      throw new InvalidFieldException("batchSize", batchSize, "must be from 1 to 100000");
    }
    return new JdbcBatchWriter(table, columns, batchSize);
  }

  /**
   * Inserts one row per element of {@code rows}, its values given by {@code values} in column order.
   *
   * @return the number of rows inserted
   * @throws IllegalArgumentException if a row has not one value per column
   * @throws SQLException if the database refuses the insert; a transaction the writer began is rolled back
   */
  public <T> long insert(Connection connection, Iterable<? extends T> rows, Function<? super T, ? extends List<?>> values)
      throws SQLException {
    requireNonNull(connection, "connection");
    requireNonNull(rows, "rows");
    requireNonNull(values, "values");
    boolean own = connection.getAutoCommit();
    if (own) {
      connection.setAutoCommit(false);
    }
    try {
      long written = write(connection, rows, values);
      if (own) {
        connection.commit();
      }
      return written;
    } catch (SQLException | RuntimeException e) {
      if (own) {
        rollback(connection, e);
      }
      throw e;
    } finally {
      if (own) {
        connection.setAutoCommit(true);
      }
    }
  }

  private <T> long write(Connection connection, Iterable<? extends T> rows,
      Function<? super T, ? extends List<?>> values) throws SQLException {
    long written = 0;
    int pending = 0;
    try (PreparedStatement statement = connection.prepareStatement(sql())) {
      for (T row : rows) {
        List<?> rowValues = values.apply(row);
        if (rowValues.size() != columns.size()) {
          throw new IllegalArgumentException("row " + (written + pending + 1) + " has " + rowValues.size()
              + " values; the writer has " + columns.size() + " columns " + columns);
        }
        for (int i = 0; i < rowValues.size(); i++) {
          statement.setObject(i + 1, rowValues.get(i));
        }
        statement.addBatch();
        if (++pending == batchSize) {
          statement.executeBatch();
          written += pending;
          pending = 0;
        }
      }
      if (pending > 0) {
        statement.executeBatch();
        written += pending;
      }
    }
    return written;
  }

  private String sql() {
    return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
        + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
  }

  private static void rollback(Connection connection, Exception failure) {
    try {
      connection.rollback();
    } catch (SQLException e) {
      failure.addSuppressed(e);
    }
  }

  private static void check(String field, String name) {
    if (!IDENTIFIER.matcher(requireNonNull(name, field)).matches()) {
      throw new InvalidFieldException(field, name,
          "must be a plain SQL identifier: a letter or '_', then letters, digits or '_', at most 63 characters");
    }
  }
}
