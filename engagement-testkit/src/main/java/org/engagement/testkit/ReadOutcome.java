package org.engagement.testkit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
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
 * <p>Every throwable from adapter code is caught and kept, errors such as {@link AssertionError} and
 * {@link LinkageError} included, so that the kit can name the source that caused it; only the errors no
 * library may contain ({@link VirtualMachineError}s other than {@link StackOverflowError}, and
 * {@link ThreadDeath}) go through.
 *
 * @param records the records yielded before the end or the failure
 * @param failure what the adapter threw first (from {@code open}, {@code next} or {@code close}), or
 *     {@code null} if it read to the end and closed cleanly; a failure of {@code close()} after an earlier
 *     failure is {@linkplain Throwable#getSuppressed() suppressed} in it
 * @param inputClosed whether the input was closed once the reader was closed (or, if {@code open} threw,
 *     by the kit, as the caller must)
 */
record ReadOutcome(List<AdapterRecord> records, @Nullable Throwable failure, boolean inputClosed) {

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
  static ReadOutcome read(ChannelAdapter adapter, WatchedInputStream input, int sourceLength) {
    long limit = 2L * sourceLength + 16;
    List<AdapterRecord> records = new ArrayList<>();
    RecordReader reader;
    try {
      reader = adapter.open(input);
    } catch (Throwable e) {
      throwIfFatal(e);
      input.close();
      return new ReadOutcome(records, e, true);
    }
    if (reader == null) {
      input.close();
      return new ReadOutcome(records, new AssertionError("open(InputStream) returned null instead of a reader"), true);
    }
    Throwable failure = null;
    try {
      for (AdapterRecord record = reader.next(); record != null; record = reader.next()) {
        records.add(record);
        if (records.size() > limit) {
          failure = new AssertionError("the reader yielded more than " + limit
              + " records from " + sourceLength + " bytes; it does not seem to reach the end");
          break;
        }
      }
    } catch (Throwable e) {
      throwIfFatal(e);
      failure = e;
    }
    return new ReadOutcome(records, closed(reader, failure), input.isClosed());
  }

  /** Closes {@code reader}; returns {@code failure}, or what {@code close()} threw if there was none. */
  private static @Nullable Throwable closed(RecordReader reader, @Nullable Throwable failure) {
    try {
      reader.close();
    } catch (Throwable e) {
      throwIfFatal(e);
      if (failure == null) {
        return e;
      }
      if (e != failure) {
        failure.addSuppressed(e);
      }
    }
    return failure;
  }

  private static void throwIfFatal(Throwable e) {
    if ((e instanceof VirtualMachineError && !(e instanceof StackOverflowError)) || e instanceof ThreadDeath) {
      throw (Error) e;
    }
  }

  /** Whether the adapter threw something other than the two exceptions its contract allows. */
  boolean failedUnexpectedly() {
    return unexpectedFailure() != null;
  }

  /**
   * The first throwable the adapter threw that its contract does not allow, a failure to close after an
   * allowed failure included, or {@code null} if there is none.
   */
  @Nullable Throwable unexpectedFailure() {
    Throwable f = failure;
    if (f == null || !allowed(f)) {
      return f;
    }
    return Arrays.stream(f.getSuppressed()).filter(s -> !allowed(s)).findFirst().orElse(null);
  }

  private static boolean allowed(Throwable failure) {
    return failure instanceof InvalidSourceException || failure instanceof IOException;
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
