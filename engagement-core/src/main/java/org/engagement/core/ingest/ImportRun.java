package org.engagement.core.ingest;

import static org.engagement.core.ingest.Containment.describe;
import static org.engagement.core.ingest.Containment.propagateIfFatal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.ingest.ColumnRecords;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One import from start to end: asks the adapter its name, opens the source, drains the reader, closes both,
 * and keeps the counts, the retained rejections and the source ids seen on the way.
 *
 * <p>Every call into adapter code ({@code name}, {@code open}, {@code next}, {@code close}) goes through the
 * rule of {@link InteractionImporter}'s class comment; the sink and the rejection listener are the host's,
 * and what they throw propagates untouched. The counts add up at every point, so a report can be taken
 * whenever the import stops.
 */
final class ImportRun {
  private static final Logger LOG = LoggerFactory.getLogger(InteractionImporter.class);
  /** How many records are read ahead when source ids are looked up (see {@link #drain}). */
  private static final int LOOK_AHEAD = 16;

  private final RecordSource opener;
  private final Closeable input;
  private final InteractionImporter config;
  private final Consumer<? super Interaction> sink;
  private final @Nullable SourceIdIndex firstRecordBySourceId;
  private final List<Rejection> retained = new ArrayList<>();
  /** The columns the sink adds to, when the import is into columns: the direct path's target. */
  private InteractionColumns.@Nullable Builder columns;

  /** The adapter's name once it has given a usable one; until then, its class name. */
  private String source;
  private boolean named;
  private long read;
  private long accepted;
  private long rejected;
  private long duplicates;
  private long notRetained;
  private @Nullable String failure;

  /**
   * An import of {@code input} by {@code adapter}; logs and reports name the adapter by its class until it
   * has given a usable name.
   */
  ImportRun(ChannelAdapter adapter, InputStream input, InteractionImporter config,
      Consumer<? super Interaction> sink) {
    this(new RecordSource() {
      @Override
      public String name() {
        return adapter.name();
      }

      @Override
      public RecordReader open() throws IOException {
        return adapter.open(input);
      }
    }, adapter.getClass(), input, config, sink);
  }

  /**
   * An import of {@code input} by {@code adapter} into {@code columns}: a reader that can add records straight to
   * columns ({@link ColumnRecords}) does so for the records it takes whole; every other record is taken as usual.
   */
  ImportRun(ChannelAdapter adapter, InputStream input, InteractionImporter config, InteractionColumns.Builder columns) {
    this(adapter, input, config, columns::add);
    this.columns = columns;
  }

  /** An import of a source that opens its own records; it has no input of its own to close. */
  ImportRun(RecordSource source, InteractionImporter config, Consumer<? super Interaction> sink) {
    this(source, source.getClass(), () -> {}, config, sink);
  }

  private ImportRun(RecordSource opener, Class<?> type, Closeable input, InteractionImporter config,
      Consumer<? super Interaction> sink) {
    this.opener = opener;
    this.input = input;
    this.config = config;
    this.sink = sink;
    this.firstRecordBySourceId = config.detectDuplicates() ? new SourceIdIndex() : null;
    this.source = type.getName();
  }

  /** Runs the import and returns its report; whatever ends it, the reader and the input are closed. */
  ImportReport execute() throws IOException {
    RecordReader reader = null;
    try {
      reader = start();
      if (reader != null) {
        drain(reader);
      }
    } catch (Throwable stop) {
      closeAfter(reader, stop);
      throw stop;
    }
    closeAtTheEnd(reader);
    if (LOG.isDebugEnabled()) {
      LOG.debug("import finished: {}", report().summary());
    }
    return report();
  }

  /** The adapter's reader over the input, or {@code null} if the adapter failed before it had one. */
  private @Nullable RecordReader start() throws IOException {
    if (!askName()) {
      return null;
    }
    RecordReader reader;
    try {
      reader = opener.open();
    } catch (InvalidSourceException e) {
      throw new ImportException(report(), source + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw e;
    } catch (Throwable e) {
      contain(e);
      stop(who() + " failed to open the source with " + describe(e), e);
      return null;
    }
    if (reader == null) {
      stop(who() + " returned no reader from open()", null);
    }
    return reader;
  }

  /** Whether the adapter gave a name that follows the rule; if not, the import stops before the source is opened. */
  private boolean askName() {
    String name;
    try {
      name = opener.name();
    } catch (Throwable e) {
      contain(e);
      stop(who() + " failed in name() with " + describe(e), e);
      return false;
    }
    if (name == null || !ChannelAdapters.isValidName(name)) {
      stop(who() + " has no usable name: name() returned "
          + (name == null ? "null" : "a name that breaks the rule of ChannelAdapter.name()"), null);
      return false;
    }
    source = name;
    named = true;
    return true;
  }

  /**
   * Reads and takes every record. With duplicate detection on, up to {@value #LOOK_AHEAD} records are read
   * ahead and the index slots of their source ids are touched in one short loop before the first of them is
   * taken: with unique ids every look-up is a cache miss at a random place in a table of megabytes, and touched
   * back to back the misses overlap instead of coming one per record (touched as each record is read, a record's
   * parse lies between two misses and they barely overlap; measured in notes, issue 16). The records are still taken one by
   * one in order, with the counts, the sink, the listener and a strict stop exactly as without reading ahead; a
   * failure to read (even a fatal error), an interruption or the end of the records is acted on once the records
   * read before it are taken, as it would have been; an interruption while they are taken (by the sink) stops the
   * import before the next record is taken, or before the end or the failure is acted on, where the check before
   * reading the next record would have stopped it.
   */
  private void drain(RecordReader reader) throws IOException {
    SourceIdIndex index = firstRecordBySourceId;
    InteractionColumns.Builder into = columns;
    if (into != null && reader instanceof ColumnRecords direct) {
      drainInto(reader, direct, into);
    } else if (index == null) {
      drainOneByOne(reader);
    } else {
      drainAhead(reader, index);
    }
  }

  /** Takes each record as soon as it is read: nothing is gained by reading ahead without source-id look-ups. */
  private void drainOneByOne(RecordReader reader) throws IOException {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(new InterruptedException("the importing thread was interrupted"));
      }
      AdapterRecord record;
      try {
        record = reader.next();
      } catch (Throwable e) {
        failedToRead(e);
        return;
      }
      if (record == null) {
        return;
      }
      take(record, 0);
    }
  }

  /**
   * Lets the reader add the records it takes whole straight to {@code into}, each counted as read and accepted, and
   * takes every other record one by one as {@link #drainOneByOne} does (no reading ahead: records read ahead would
   * be taken after a direct record read behind them, out of order). What the columns throw for their own reasons
   * propagates untouched, as the sink's does.
   */
  private void drainInto(RecordReader reader, ColumnRecords direct, InteractionColumns.Builder into)
      throws IOException {
    while (true) {
      if (Thread.currentThread().isInterrupted()) {
        throw interrupted(new InterruptedException("the importing thread was interrupted"));
      }
      boolean added;
      try {
        added = direct.addNextIfPlain(into);
      } catch (ColumnRecords.SinkFailure e) {
        throw e.sinkException();
      } catch (Throwable e) {
        failedToRead(e);
        return;
      }
      if (added) {
        read++;
        accepted++;
        continue;
      }
      AdapterRecord record;
      try {
        record = reader.next();
      } catch (Throwable e) {
        failedToRead(e);
        return;
      }
      if (record == null) {
        return;
      }
      take(record, sourceIdHash(record));
    }
  }

  private static int sourceIdHash(AdapterRecord record) {
    String sourceId = record instanceof AdapterRecord.Accepted a ? a.interaction().sourceId() : null;
    return sourceId == null ? 0 : SourceIdIndex.hash(sourceId);
  }

  private void drainAhead(RecordReader reader, SourceIdIndex index) throws IOException {
    AdapterRecord[] ahead = new AdapterRecord[LOOK_AHEAD];
    int[] hashes = new int[ahead.length];
    while (true) {
      int count = 0;
      boolean interrupted = false;
      boolean end = false;
      Throwable failed = null;
      while (count < ahead.length) {
        if (Thread.currentThread().isInterrupted()) {
          interrupted = true;
          break;
        }
        AdapterRecord record;
        try {
          record = reader.next();
        } catch (Throwable e) {
          failed = e;
          break;
        }
        if (record == null) {
          end = true;
          break;
        }
        ahead[count++] = record;
      }
      touch(index, ahead, hashes, count);
      boolean flaggedWhileReading = Thread.currentThread().isInterrupted();
      for (int i = 0; i < count; i++) {
        if (i > 0 && !flaggedWhileReading && Thread.currentThread().isInterrupted()) {
          interrupted = true;
          break;
        }
        take(ahead[i], hashes[i]);
      }
      if (count > 0 && !flaggedWhileReading && Thread.currentThread().isInterrupted()) {
        interrupted = true;
      }
      Arrays.fill(ahead, 0, count, null);
      if (interrupted) {
        throw interrupted(new InterruptedException("the importing thread was interrupted"));
      }
      if (failed != null) {
        failedToRead(failed);
        return;
      }
      if (end) {
        return;
      }
    }
  }

  /**
   * Leaves in {@code hashes} the hash of each record's source id (0 for none), then touches their index slots
   * back to back, so that no record's hashing lies between two of the cache misses.
   */
  private static void touch(SourceIdIndex index, AdapterRecord[] records, int[] hashes, int count) {
    for (int i = 0; i < count; i++) {
      hashes[i] = sourceIdHash(records[i]);
    }
    for (int i = 0; i < count; i++) {
      index.touch(hashes[i]);
    }
  }

  /** Acts on what the reader's {@code next()} threw, once the records read before it are taken. */
  private void failedToRead(Throwable e) throws IOException {
    if (e instanceof InvalidSourceException) {
      throw new ImportException(report(), source + ": " + e.getMessage() + " (after " + read + " records)", e);
    }
    if (e instanceof IOException io) {
      throw io;
    }
    contain(e);
    adapterFailed("with " + describe(e), e);
  }

  private void take(AdapterRecord record, int sourceIdHash) {
    if (record instanceof AdapterRecord.Accepted a) {
      read++;
      accept(a, sourceIdHash);
      return;
    }
    Rejection rejection = ((AdapterRecord.Rejected) record).rejection();
    if (rejection.kind() != Rejection.Kind.INVALID) {
      rejection = misfiled(rejection);
    }
    read++;
    reject(rejection, null);
  }

  /**
   * A reader's rejection of a kind only the importer may report (a duplicate, an adapter failure), counted
   * as what it is: the adapter breaking the contract on that record. The reader has not failed, so the
   * import goes on.
   */
  private Rejection misfiled(Rejection rejection) {
    LOG.warn("{} rejected {} as {}, which only the importer may report; counted as an adapter failure", who(),
        rejection.position(), rejection.kind());
    return new Rejection(rejection.position(), Rejection.Kind.ADAPTER_FAILURE, rejection.field(), rejection.value(),
        "the adapter rejected the record as " + rejection.kind() + ", which only the importer may report: "
            + rejection.reason());
  }

  private void accept(AdapterRecord.Accepted record, int sourceIdHash) {
    Interaction interaction = record.interaction();
    String sourceId = interaction.sourceId();
    if (firstRecordBySourceId != null && sourceId != null) {
      long first = firstRecordBySourceId.putIfAbsent(sourceId, sourceIdHash, record.position().record());
      if (first >= 0) {
        duplicates++;
        record(new Rejection(record.position(), Rejection.Kind.DUPLICATE, "source_id",
            InvalidFieldException.shorten(sourceId),
            "repeats the source id of record " + first), null);
        return;
      }
    }
    accepted++;
    sink.accept(interaction);
  }

  private void reject(Rejection rejection, @Nullable Throwable cause) {
    rejected++;
    record(rejection, cause);
  }

  private void record(Rejection rejection, @Nullable Throwable cause) {
    if (retained.size() < config.maxRetainedRejections()) {
      retained.add(rejection);
    } else {
      notRetained++;
    }
    config.rejectionListener().accept(rejection);
    if (config.mode() == ImportMode.STRICT) {
      throw new ImportException(report(), rejection, cause);
    }
  }

  /** Counts the record on which {@code next()} failed as a rejection of kind {@code ADAPTER_FAILURE}, and stops. */
  private void adapterFailed(String how, Throwable cause) {
    SourcePosition position = SourcePosition.ofRecord(read + 1);
    String what = who() + " failed at " + position + " " + how;
    LOG.warn("{}; import stopped", what);
    note(what);
    read++;
    reject(new Rejection(position, Rejection.Kind.ADAPTER_FAILURE, null, null, what), cause);
  }

  /**
   * Lets a fatal error through, and turns an interruption into an {@link ImportException} with the interrupt
   * flag set again; returns for anything that is the adapter's to answer for.
   */
  private void contain(Throwable e) {
    propagateIfFatal(e);
    if (e instanceof InterruptedException interruption) {
      throw interrupted(interruption);
    }
  }

  private ImportException interrupted(InterruptedException cause) {
    Thread.currentThread().interrupt();
    String what = "interrupted after " + read + " records";
    LOG.info("import from {} {}", who(), what);
    note(what);
    return new ImportException(report(), source + ": " + what, cause);
  }

  /** Ends the import early for a reason other than a record; a strict import throws. */
  private void stop(String what, @Nullable Throwable cause) {
    LOG.warn("{}; import stopped", what);
    note(what);
    if (config.mode() == ImportMode.STRICT) {
      throw new ImportException(report(), what, cause);
    }
  }

  /** Adds {@code what} to the failure, after the first, which it never replaces. */
  private void note(String what) {
    String first = failure;
    failure = first == null ? what : first + ", then " + what;
  }

  /** Closes what is open after {@code stop} ended the import: failures to close are suppressed in it. */
  private void closeAfter(@Nullable RecordReader reader, Throwable stop) {
    for (Closeable closeable : closeables(reader)) {
      Throwable failed = close(closeable);
      if (failed != null && failed != stop) {
        stop.addSuppressed(failed);
      }
      if (failed instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Closes the reader, then the input, whatever the reader did with it. A failure to close never hides an
   * earlier failure: it is noted after it in the report. Without an earlier failure, an I/O failure
   * propagates, as I/O failures do, and anything else is the adapter's, contained like the rest.
   */
  private void closeAtTheEnd(@Nullable RecordReader reader) throws IOException {
    Throwable readerFailed = reader == null ? null : close(reader);
    Throwable inputFailed = close(input);
    if (readerFailed != null) {
      if (inputFailed != null && inputFailed != readerFailed) {
        readerFailed.addSuppressed(inputFailed);
      }
      closeFailed(readerFailed, who() + " failed to close its reader");
    } else if (inputFailed != null) {
      closeFailed(inputFailed, "closing the source failed");
    }
  }

  private void closeFailed(Throwable e, String what) throws IOException {
    contain(e);
    if (e instanceof IOException io && failure == null) {
      throw io;
    }
    stop(what + " with " + describe(e), e);
  }

  private List<Closeable> closeables(@Nullable RecordReader reader) {
    return reader == null ? List.of(input) : List.of(reader, input);
  }

  /** Closes {@code closeable}, returning what it threw, or {@code null}. */
  private static @Nullable Throwable close(Closeable closeable) {
    try {
      closeable.close();
      return null;
    } catch (Throwable e) {
      return e;
    }
  }

  /** How logs and reports name the adapter: by its name once known, by its class before. */
  private String who() {
    return named ? "adapter '" + source + "'" : "adapter " + source;
  }

  ImportReport report() {
    return new ImportReport(source, read, accepted, rejected, duplicates, retained, notRetained, failure);
  }
}
