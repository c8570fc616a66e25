package org.engagement.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * What one reader made of one source: the records it yielded, in order, and what ended the reading
 * early, if anything did.
 *
 * <p>The kit reads through this rather than through the importer when it needs to see the adapter's
 * own behaviour: the importer contains adapter failures, which is right for a host and wrong for a
 * test that wants to see them.
 *
 * @param records the records yielded before the end or the failure
 * @param failure what the adapter threw (from {@code open}, {@code next} or {@code close}), or
 *     {@code null} if it read to the end
 */
record ReadOutcome(List<AdapterRecord> records, @Nullable Throwable failure) {

  ReadOutcome {
    records = List.copyOf(records);
  }

  /** Reads {@code source} with a fresh reader of {@code adapter} to its end or first failure. */
  static ReadOutcome read(ChannelAdapter adapter, byte[] source) {
    return read(adapter, WatchedInputStream.of(source), source.length);
  }

  /**
   * Reads {@code input} to its end or first failure, then closes the reader.
   *
   * @param sourceLength the number of bytes in {@code input}; a reader that yields more records than
   *     that (plus a margin for formats that make a record of an empty line) is taken to be looping
   */
  static ReadOutcome read(ChannelAdapter adapter, InputStream input, int sourceLength) {
    long limit = 2L * sourceLength + 16;
    List<AdapterRecord> records = new ArrayList<>();
    RecordReader reader;
    try {
      reader = adapter.open(input);
    } catch (Exception | StackOverflowError e) {
      closeAfterFailedOpen(input);
      return new ReadOutcome(records, e);
    }
    if (reader == null) {
      return new ReadOutcome(records, new AssertionError("open(InputStream) returned null instead of a reader"));
    }
    try (reader) {
      for (AdapterRecord record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
        if (records.size() > limit) {
          return new ReadOutcome(records, new AssertionError("the reader yielded more than " + limit
              + " records from " + sourceLength + " bytes; it does not seem to reach the end"));
        }
      }
    } catch (Exception | StackOverflowError e) {
      return new ReadOutcome(records, e);
    }
    return new ReadOutcome(records, null);
  }

  private static void closeAfterFailedOpen(InputStream input) {
    try {
      input.close();
    } catch (IOException e) {
      throw new AssertionError("closing an in-memory stream failed", e);
    }
  }

  /** Whether the adapter threw something other than the two exceptions its contract allows. */
  boolean failedUnexpectedly() {
    return failure != null && !(failure instanceof InvalidSourceException) && !(failure instanceof IOException);
  }

  /** The interactions of the accepted records, in order. */
  List<Interaction> interactions() {
    return records.stream()
        .filter(AdapterRecord.Accepted.class::isInstance)
        .map(record -> ((AdapterRecord.Accepted) record).interaction())
        .toList();
  }

  /** The rejections, in order. */
  List<Rejection> rejections() {
    return records.stream()
        .filter(AdapterRecord.Rejected.class::isInstance)
        .map(record -> ((AdapterRecord.Rejected) record).rejection())
        .toList();
  }

  /** The record numbers of the records, in order. */
  List<Long> recordNumbers() {
    return records.stream().map(record -> record.position().record()).toList();
  }

  /** The line numbers of the records, in order. */
  List<Long> lineNumbers() {
    return records.stream().map(record -> record.position().line()).toList();
  }
}
