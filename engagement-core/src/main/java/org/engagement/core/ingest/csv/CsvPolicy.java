package org.engagement.core.ingest.csv;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The limits of the policy every CSV reader of the SDK follows (interactions and conversation feeds, path
 * files, transactions, repeat-buying summaries, costs, survey answers, key messages and brands); the rules
 * that have no setting are listed in the {@linkplain org.engagement.core.ingest.csv package documentation}
 * and enforced in one place, {@link CsvRows}.
 *
 * <p>Both limits are enforced while reading: a field or record over its limit is not built up in memory
 * (its characters are counted, not kept), so a ten-megabyte field costs the time to skip it and no more.
 * A record with a field over {@link #maxFieldLength()} is rejected naming the column and the field's
 * length; a record over {@link #maxRecordLength()} is rejected and reading resumes on the next line.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxFieldLength the longest field, in characters (default {@value #DEFAULT_MAX_FIELD_LENGTH})
 * @param maxRecordLength the longest record, in characters of text including separators, quotes and the line
 *     breaks inside quoted fields (default {@value #DEFAULT_MAX_RECORD_LENGTH}); also the most text a stray
 *     quote can swallow before the reader gives up on it and resumes after the quote's line
 * @since 0.1.0
 */
public record CsvPolicy(int maxFieldLength, int maxRecordLength) {
  /** The default longest field: 65,536 characters. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = 65_536;
  /** The default longest record: 1,048,576 characters. */
  public static final int DEFAULT_MAX_RECORD_LENGTH = 1_048_576;
  /** The largest value either limit may be set to: 16,777,216 characters. */
  public static final int MAX_LIMIT = 16 * 1024 * 1024;

  private static final CsvPolicy DEFAULTS = new CsvPolicy(DEFAULT_MAX_FIELD_LENGTH, DEFAULT_MAX_RECORD_LENGTH);

  /**
   * Validates the limits.
   *
   * @throws InvalidFieldException if a limit is below 1 or above {@value #MAX_LIMIT}, or the field limit
   *     exceeds the record limit
   */
  public CsvPolicy {
    if (maxFieldLength < 1 || maxFieldLength > MAX_LIMIT) {
      throw new InvalidFieldException("maxFieldLength", maxFieldLength, "must be between 1 and " + MAX_LIMIT);
    }
    if (maxRecordLength < 1 || maxRecordLength > MAX_LIMIT) {
      throw new InvalidFieldException("maxRecordLength", maxRecordLength, "must be between 1 and " + MAX_LIMIT);
    }
    if (maxFieldLength > maxRecordLength) {
      throw new InvalidFieldException("maxFieldLength", maxFieldLength,
          "must not exceed maxRecordLength (" + maxRecordLength + ")");
    }
  }

  /** The defaults: fields of at most 65,536 and records of at most 1,048,576 characters. */
  public static CsvPolicy defaults() {
    return DEFAULTS;
  }

  /**
   * This policy with another field limit.
   *
   * @throws InvalidFieldException if the limit is out of range (see the constructor)
   */
  public CsvPolicy withMaxFieldLength(int maxFieldLength) {
    return new CsvPolicy(maxFieldLength, maxRecordLength);
  }

  /**
   * This policy with another record limit.
   *
   * @throws InvalidFieldException if the limit is out of range (see the constructor)
   */
  public CsvPolicy withMaxRecordLength(int maxRecordLength) {
    return new CsvPolicy(maxFieldLength, maxRecordLength);
  }
}
