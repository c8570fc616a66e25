package org.engagement.jdbc;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.StringJoiner;
import org.jspecify.annotations.Nullable;

/**
 * How one column's value becomes the text the CSV rules judge: by SQL type, {@code NULL} as an empty field.
 * Stateless.
 */
enum ColumnText {
  /** A timestamp with a time zone: its instant, in ISO-8601 with {@code Z}. */
  INSTANT {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
      return value == null ? "" : value.toInstant().toString();
    }
  },
  /** A whole number. */
  WHOLE {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      long value = rows.getLong(column);
      return rows.wasNull() ? "" : Long.toString(value);
    }
  },
  /** An exact decimal, written plainly; a value the driver cannot give as a decimal (NaN) is read as text. */
  DECIMAL {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      BigDecimal value;
      try {
        value = rows.getBigDecimal(column);
      } catch (SQLException e) {
        return TEXT.read(rows, column);
      }
      return value == null ? "" : value.toPlainString();
    }
  },
  /** A binary floating-point number: its shortest decimal form ({@code NaN} and infinities fail the rules). */
  FLOATING {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      double value = rows.getDouble(column);
      return rows.wasNull() ? "" : Double.toString(value);
    }
  },
  /** {@code true} or {@code false}. */
  BOOLEAN {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      boolean value = rows.getBoolean(column);
      return rows.wasNull() ? "" : Boolean.toString(value);
    }
  },
  /** An array's elements joined with {@code |}, the CSV list separator. */
  LIST {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      Array array = rows.getArray(column);
      if (array == null) {
        return "";
      }
      try {
        StringJoiner joined = new StringJoiner("|");
        for (Object element : (Object[]) array.getArray()) {
          joined.add(element == null ? "" : element.toString());
        }
        return joined.toString();
      } finally {
        array.free();
      }
    }
  },
  /** Anything else, as the driver's text. */
  TEXT {
    @Override
    String read(ResultSet rows, int column) throws SQLException {
      String value = rows.getString(column);
      return value == null ? "" : value;
    }
  };

  /** The value of {@code column} (from 1) in the current row. */
  abstract String read(ResultSet rows, int column) throws SQLException;

  /** How to read column {@code column} (from 1) of {@code meta}. */
  static ColumnText of(ResultSetMetaData meta, int column) throws SQLException {
    return switch (meta.getColumnType(column)) {
      case Types.TIMESTAMP_WITH_TIMEZONE -> INSTANT;
      case Types.TIMESTAMP -> isZoned(meta.getColumnTypeName(column)) ? INSTANT : TEXT;
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> WHOLE;
      case Types.DECIMAL, Types.NUMERIC -> DECIMAL;
      case Types.DOUBLE, Types.FLOAT, Types.REAL -> FLOATING;
      case Types.BOOLEAN, Types.BIT -> BOOLEAN;
      case Types.ARRAY -> LIST;
      default -> TEXT;
    };
  }

  /**
   * Whether a column the driver reports as {@link Types#TIMESTAMP} holds instants: PostgreSQL's driver reports
   * {@code timestamptz} so.
   */
  static boolean isZoned(@Nullable String typeName) {
    if (typeName == null) {
      return false;
    }
    String name = typeName.toLowerCase(Locale.ROOT);
    return name.equals("timestamptz") || name.contains("with time zone");
  }

  /**
   * Why a column of this SQL type cannot be the interaction's timestamp, or {@code null} if it can: a
   * timestamp without time zone, a date or a time names no instant.
   */
  static @Nullable String notAnInstant(ResultSetMetaData meta, int column) throws SQLException {
    int type = meta.getColumnType(column);
    boolean local = type == Types.DATE || type == Types.TIME || type == Types.TIME_WITH_TIMEZONE
        || (type == Types.TIMESTAMP && !isZoned(meta.getColumnTypeName(column)));
    return local ? "has SQL type " + meta.getColumnTypeName(column) + ", which names no instant: cast it to a "
        + "timestamp with time zone, or select it as text with an offset" : null;
  }
}
