package org.engagement.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.csv.CsvColumn;
import org.engagement.core.ingest.csv.InteractionRows;
import org.jspecify.annotations.Nullable;

/**
 * Reads the rows of one query: forward-only, read-only, with the plan's fetch size, inside a transaction so that
 * drivers that stream only then (PostgreSQL) do; each row's values by SQL type, judged by {@link InteractionRows}.
 * Remembers the watermark values it has passed. Not thread-safe.
 */
final class JdbcRecordReader implements RecordReader {
  private final Connection connection;
  private final boolean restoreAutoCommit;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final Binding binding;
  private final String[] values;
  private long rowNumber;
  private boolean ended;
  private boolean closed;
  private boolean stoppedAtLimit;
  private final long rowLimit;
  private @Nullable Watermark last;
  private @Nullable Watermark completed;

  private JdbcRecordReader(Connection connection, boolean restoreAutoCommit, PreparedStatement statement,
      ResultSet rows, Binding binding, long rowLimit) {
    this.connection = connection;
    this.restoreAutoCommit = restoreAutoCommit;
    this.statement = statement;
    this.rows = rows;
    this.binding = binding;
    this.values = new String[binding.readers().length];
    this.rowLimit = rowLimit;
  }

  /** Runs the plan's query and binds its columns; on failure leaves the connection as it found it. */
  static JdbcRecordReader open(ReadPlan plan, Connection connection) throws IOException {
    boolean restore;
    try {
      restore = connection.getAutoCommit();
      if (restore) {
        connection.setAutoCommit(false);
      }
    } catch (SQLException e) {
      throw SqlFailures.reading(e);
    }
    PreparedStatement statement = null;
    ResultSet rows = null;
    try {
      Watermark after = plan.after();
      if (after != null) {
        checkKind(plan, connection, after);
      }
      statement = connection.prepareStatement(plan.sql(), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
      statement.setFetchSize(plan.fetchSize());
      if (after != null) {
        bind(statement, after);
      }
      rows = statement.executeQuery();
      Binding binding = Binding.of(plan, rows.getMetaData());
      long limit = plan.watermarkColumn() == null ? Long.MAX_VALUE : plan.rowLimit();
      return new JdbcRecordReader(connection, restore, statement, rows, binding, limit);
    } catch (SQLException e) {
      IOException closing = release(connection, restore, statement, rows);
      Exception failure = SqlFailures.opening(e);
      if (closing != null) {
        failure.addSuppressed(closing);
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      throw (RuntimeException) failure;
    } catch (RuntimeException e) {
      IOException closing = release(connection, restore, statement, rows);
      if (closing != null) {
        e.addSuppressed(closing);
      }
      throw e;
    }
  }

  /**
   * Refuses a watermark of another kind than its column holds before the query that compares them runs (the
   * database would refuse it in its own words): asks for the query's columns with a query that returns no row.
   */
  private static void checkKind(ReadPlan plan, Connection connection, Watermark after) throws SQLException {
    try (PreparedStatement probe = connection.prepareStatement(plan.probeSql());
        ResultSet none = probe.executeQuery()) {
      ResultSetMetaData meta = none.getMetaData();
      List<String> labels = Binding.labels(meta);
      WatermarkKind.of(meta, Binding.required(labels, requireNonNull(plan.watermarkColumn()), "watermark column"),
          after);
    }
  }

  private static void bind(PreparedStatement statement, Watermark after) throws SQLException {
    if (after instanceof Watermark.Sequence s) {
      statement.setLong(1, s.value());
    } else if (after instanceof Watermark.Time t) {
      statement.setObject(1, t.value().atOffset(ZoneOffset.UTC));
    } else {
      statement.setString(1, ((Watermark.Text) after).value());
    }
  }

  @Override
  public @Nullable AdapterRecord next() throws IOException {
    if (ended || closed) {
      return null;
    }
    try {
      if (!rows.next()) {
        ended = true;
        completed = last;
        return null;
      }
      Watermark value = binding.watermark(rows);
      if (rowNumber >= rowLimit && value != null && !value.equals(last)) {
        ended = true;
        stoppedAtLimit = true;
        completed = last;
        return null;
      }
      rowNumber++;
      pass(value);
      ColumnText[] readers = binding.readers();
      int[] columns = binding.columns();
      for (int i = 0; i < readers.length; i++) {
        values[i] = readers[i].read(rows, columns[i]);
      }
      String key = binding.key(rows);
      SourcePosition position = key == null || key.isEmpty()
          ? SourcePosition.ofRecord(rowNumber) : SourcePosition.ofKey(rowNumber, key);
      return binding.parser().parse(values, position);
    } catch (SQLException e) {
      throw SqlFailures.reading(e);
    }
  }

  /** Notes the watermark of the row just read: a new value means every row of the previous one was read. */
  private void pass(@Nullable Watermark value) {
    if (value != null && !value.equals(last)) {
      completed = last;
      last = value;
    }
  }

  /** Whether the read stopped at the row limit, at a row it did not deliver. */
  boolean stoppedAtLimit() {
    return stoppedAtLimit;
  }

  /** The greatest watermark read if the read was complete, else the greatest all of whose rows were read. */
  @Nullable Watermark watermark(boolean complete) {
    return complete && ended ? last : completed;
  }

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    IOException failure = release(connection, restoreAutoCommit, statement, rows);
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes the result and the statement and ends the read's transaction if it began it; the first failure, or null. */
  private static @Nullable IOException release(Connection connection, boolean restoreAutoCommit,
      @Nullable PreparedStatement statement, @Nullable ResultSet rows) {
    List<SQLException> failures = new ArrayList<>();
    if (rows != null) {
      try {
        rows.close();
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    if (statement != null) {
      try {
        statement.close();
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    if (restoreAutoCommit) {
      try {
        connection.rollback();
        connection.setAutoCommit(true);
      } catch (SQLException e) {
        failures.add(e);
      }
    }
    if (failures.isEmpty()) {
      return null;
    }
    IOException failure = SqlFailures.reading(failures.get(0));
    failures.subList(1, failures.size()).forEach(failure::addSuppressed);
    return failure;
  }

  /**
   * The query's columns bound for reading: which columns feed the parser and how each is read, and where the key
   * and the watermark are.
   */
  static final class Binding {
    private final InteractionRows parser;
    private final int[] columns;
    private final ColumnText[] readers;
    private final int keyColumn;
    private final int watermarkColumn;
    private final WatermarkKind watermarkKind;

    private Binding(InteractionRows parser, int[] columns, ColumnText[] readers, int keyColumn, int watermarkColumn,
        WatermarkKind watermarkKind) {
      this.parser = parser;
      this.columns = columns;
      this.readers = readers;
      this.keyColumn = keyColumn;
      this.watermarkColumn = watermarkColumn;
      this.watermarkKind = watermarkKind;
    }

    InteractionRows parser() {
      return parser;
    }

    /** The result-set columns (from 1) that feed the parser, in binding order. */
    int[] columns() {
      return columns;
    }

    ColumnText[] readers() {
      return readers;
    }

    /** The result's column labels, in order. */
    static List<String> labels(ResultSetMetaData meta) throws SQLException {
      List<String> labels = new ArrayList<>();
      for (int i = 1; i <= meta.getColumnCount(); i++) {
        labels.add(meta.getColumnLabel(i));
      }
      return labels;
    }

    static Binding of(ReadPlan plan, ResultSetMetaData meta) throws SQLException {
      List<String> labels = labels(meta);
      String keyName = plan.keyColumn();
      int key = keyName == null ? find(labels, "source_id") : required(labels, keyName, "key column");
      String watermarkName = plan.watermarkColumn();
      int watermark = watermarkName == null ? 0 : required(labels, watermarkName, "watermark column");
      WatermarkKind kind = watermark == 0 ? WatermarkKind.NONE : WatermarkKind.of(meta, watermark, plan.after());
      List<String> bound = new ArrayList<>();
      List<Integer> columns = new ArrayList<>();
      List<ColumnText> readers = new ArrayList<>();
      for (int i = 1; i <= labels.size(); i++) {
        String label = labels.get(i - 1);
        if ((i == key || i == watermark) && !isInteractionColumn(label)) {
          continue;
        }
        if (label.strip().equalsIgnoreCase("timestamp")) {
          String reason = ColumnText.notAnInstant(meta, i);
          if (reason != null) {
            throw new InvalidSourceException("column '" + label + "' " + reason);
          }
        }
        bound.add(label);
        columns.add(i);
        readers.add(ColumnText.of(meta, i));
      }
      InteractionRows parser = InteractionRows.bind(bound, plan.mapping());
      return new Binding(parser, columns.stream().mapToInt(Integer::intValue).toArray(),
          readers.toArray(ColumnText[]::new), key, watermark, kind);
    }

    /** The key of the current row, or null. */
    @Nullable String key(ResultSet rows) throws SQLException {
      return keyColumn == 0 ? null : rows.getString(keyColumn);
    }

    /** The watermark of the current row, or null without a watermark column (or a NULL value). */
    @Nullable Watermark watermark(ResultSet rows) throws SQLException {
      return watermarkKind.read(rows, watermarkColumn);
    }

    private static boolean isInteractionColumn(String label) {
      String name = label.strip().toLowerCase(Locale.ROOT);
      for (CsvColumn column : CsvColumn.values()) {
        if (column.header().equals(name)) {
          return true;
        }
      }
      return false;
    }

    private static int find(List<String> labels, String name) {
      for (int i = 0; i < labels.size(); i++) {
        if (labels.get(i).strip().toLowerCase(Locale.ROOT).equals(name)) {
          return i + 1;
        }
      }
      return 0;
    }

    static int required(List<String> labels, String name, String what) {
      int found = find(labels, name.toLowerCase(Locale.ROOT));
      if (found == 0) {
        throw new InvalidSourceException(what + " '" + name + "' is not among the query's columns " + labels);
      }
      return found;
    }
  }
}
