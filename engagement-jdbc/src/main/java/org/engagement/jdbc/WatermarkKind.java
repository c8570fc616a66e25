package org.engagement.jdbc;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import org.engagement.core.ingest.InvalidSourceException;
import org.jspecify.annotations.Nullable;

/** The kind of value a watermark column holds, by its SQL type, and how to read it. Stateless. */
enum WatermarkKind {
  /** No watermark column. */
  NONE("no watermark") {
    @Override
    @Nullable Watermark read(ResultSet rows, int column) {
      return null;
    }
  },
  /** Whole numbers. */
  SEQUENCE("a whole-number watermark (sequence:N)") {
    @Override
    @Nullable Watermark read(ResultSet rows, int column) throws SQLException {
      long value = rows.getLong(column);
      return rows.wasNull() ? null : Watermark.of(value);
    }
  },
  /** Timestamps with a time zone. */
  TIME("a timestamp watermark (time:ISO-8601-instant)") {
    @Override
    @Nullable Watermark read(ResultSet rows, int column) throws SQLException {
      OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
      return value == null ? null : Watermark.of(value.toInstant());
    }
  },
  /** Text. */
  TEXT("a text watermark (text:VALUE)") {
    @Override
    @Nullable Watermark read(ResultSet rows, int column) throws SQLException {
      String value = rows.getString(column);
      return value == null ? null : Watermark.of(value);
    }
  };

  /** The kind of watermark this column needs, in words and text form. */
  private final String expected;

  WatermarkKind(String expected) {
    this.expected = expected;
  }

  /** The current row's watermark, or null if it is NULL. */
  abstract @Nullable Watermark read(ResultSet rows, int column) throws SQLException;

  /**
   * The kind of column {@code column} of {@code meta}, checked against the watermark an import starts after.
   *
   * @throws InvalidSourceException if the column's type cannot be a watermark or does not match {@code after}
   */
  static WatermarkKind of(ResultSetMetaData meta, int column, @Nullable Watermark after) throws SQLException {
    String label = meta.getColumnLabel(column);
    String typeName = meta.getColumnTypeName(column);
    WatermarkKind kind = switch (meta.getColumnType(column)) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> SEQUENCE;
      case Types.DECIMAL, Types.NUMERIC -> meta.getScale(column) == 0 ? SEQUENCE : NONE;
      case Types.TIMESTAMP_WITH_TIMEZONE -> TIME;
      case Types.TIMESTAMP -> ColumnText.isZoned(typeName) ? TIME : NONE;
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> TEXT;
      default -> NONE;
    };
    if (kind == NONE) {
      throw new InvalidSourceException("watermark column '" + label + "' has SQL type " + typeName
          + "; a watermark column must hold whole numbers, timestamps with time zone or text");
    }
    if (after != null && !kind.matches(after)) {
      throw new InvalidSourceException("watermark '" + after + "' does not fit watermark column '" + label
          + "' of SQL type " + typeName + ": the column needs " + kind.expected + "; the query was not run");
    }
    return kind;
  }

  private boolean matches(Watermark watermark) {
    return switch (this) {
      case SEQUENCE -> watermark instanceof Watermark.Sequence;
      case TIME -> watermark instanceof Watermark.Time;
      case TEXT -> watermark instanceof Watermark.Text;
      case NONE -> false;
    };
  }
}
