package org.engagement.jdbc;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Set;

/**
 * Generated interaction rows with a known share of bad ones, the same rows as a PostgreSQL table's inserts and as
 * CSV lines, so the JDBC source and the CSV adapter can be held to the same verdicts.
 *
 * <p>Row {@code i} is bad according to {@code i % 97}: a missing customer (5), an unknown type (11), a negative
 * value (17), a value without currency (23), an unknown currency (31), a control character in an attribute (37),
 * a year past 9999 (47); at 41 it repeats the previous row's source id (a duplicate).
 */
final class SampleRows {
  static final String TABLE_COLUMNS = "id bigint PRIMARY KEY, customer_id text, \"timestamp\" timestamptz, "
      + "type text, channel text, value numeric(14,2), currency text, source_id text, region text";
  static final String CSV_HEADER = "customer_id,timestamp,type,channel,value,currency,source_id,region";
  static final Set<Long> REJECTED_KINDS = Set.of(5L, 11L, 17L, 23L, 31L, 37L, 47L);
  static final long DUPLICATE_KIND = 41;

  private static final Instant START = Instant.parse("2024-01-01T00:00:00Z");
  private static final String[] TYPES = {"visit", "click", "open", "purchase"};
  private static final String[] CHANNELS = {"email", "web", "linkedin", "events"};

  private SampleRows() {}

  static boolean rejected(long i) {
    return REJECTED_KINDS.contains(i % 97);
  }

  static boolean duplicate(long i) {
    return i % 97 == DUPLICATE_KIND;
  }

  /** The row's fields, in table order after the id; null for SQL NULL. */
  static String[] fields(long i) {
    long kind = i % 97;
    String type = kind == 11 ? "teleport" : TYPES[(int) (i % TYPES.length)];
    BigDecimal value = type.equals("purchase") ? BigDecimal.valueOf(1250 + i % 1000, 2) : null;
    String currency = value == null ? null : "EUR";
    if (kind == 17) {
      value = new BigDecimal("-1.00");
      currency = "EUR";
    } else if (kind == 23) {
      value = new BigDecimal("5.00");
      currency = null;
    } else if (kind == 31) {
      value = new BigDecimal("3.00");
      currency = "XX";
    }
    return new String[] {
      kind == 5 ? null : "c-" + (i % 5_000),
      kind == 47 ? "12000-01-01T00:00:00Z" : START.plusSeconds(60 * i).toString(),
      type,
      CHANNELS[(int) (i % CHANNELS.length)],
      value == null ? null : value.toPlainString(),
      currency,
      "s-" + (kind == DUPLICATE_KIND ? i - 1 : i),
      kind == 37 ? "north\u0007" : i % 3 == 0 ? null : "region-" + (i % 7)
    };
  }

  /** The insert of one row into {@code table}: every parameter is text, cast by PostgreSQL. */
  static String insert(String table) {
    return "INSERT INTO " + table + " VALUES (?::bigint, ?, ?::timestamptz, ?, ?, ?::numeric, ?, ?, ?)";
  }

  /** Row {@code i}'s parameters for {@link #insert}, the timestamp in PostgreSQL's syntax. */
  static String[] parameters(long i) {
    String[] f = fields(i);
    f[1] = f[1].startsWith("12000") ? "12000-01-01 00:00:00+00" : f[1];
    String[] all = new String[f.length + 1];
    all[0] = Long.toString(i);
    System.arraycopy(f, 0, all, 1, f.length);
    return all;
  }

  /** Row {@code i} as a CSV line for the CSV adapter, the timestamp as the JDBC source reads it. */
  static String csvLine(long i) {
    String[] f = fields(i);
    if (f[1].startsWith("12000")) {
      f[1] = "+12000-01-01T00:00:00Z";
    }
    return String.join(",", nullsEmpty(f));
  }

  private static String[] nullsEmpty(String[] fields) {
    String[] out = fields.clone();
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] == null ? "" : out[i];
    }
    return out;
  }
}
