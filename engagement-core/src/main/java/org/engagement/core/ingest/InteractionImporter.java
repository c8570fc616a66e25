package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Runs imports: drives a {@link ChannelAdapter} over a source, hands every accepted interaction to the
 * host, recognises duplicates by source id and accounts for every record in an {@link ImportReport}.
 *
 * <p>Nothing is dropped silently: every record read is accepted, rejected (with its position and
 * reason) or counted as a duplicate, and {@code read == accepted + rejected + duplicates}. In
 * {@linkplain ImportMode#LENIENT lenient} mode (the default) the import goes on past bad records; in
 * {@linkplain ImportMode#STRICT strict} mode it stops at the first with an {@link ImportException}.
 *
 * <p><b>Faulty adapters.</b> An adapter is third-party code running inside the host, so the importer
 * judges whatever its {@code name()}, {@code open}, {@code next} and {@code close} throw by one rule:
 * <ul>
 *   <li>an {@link IOException} from {@code open}, {@code next} or {@code close} is the source's failure
 *       and propagates (but see closing, below);
 *   <li>an {@link InvalidSourceException} from {@code open} or {@code next} means the source as a whole
 *       cannot be read: the import ends with an {@link ImportException} in either mode;
 *   <li>an interruption (an {@link InterruptedException} thrown by adapter code, or the importing
 *       thread's interrupt flag, checked before each record) ends the import with an
 *       {@link ImportException} whose cause is an {@code InterruptedException}; the flag stays set;
 *   <li>{@link OutOfMemoryError}, the other {@link VirtualMachineError}s except
 *       {@link StackOverflowError}, and {@link ThreadDeath} propagate as they are: the JVM or the thread
 *       is going down, and only the host can decide what to do;
 *   <li>anything else is <em>contained</em>: every other exception, checked (thrown undeclared) or not,
 *       and every other error, among them {@link AssertionError}, {@link LinkageError} (such as
 *       {@link NoClassDefFoundError} and {@link ExceptionInInitializerError} from a broken adapter jar)
 *       and {@link StackOverflowError} (a recursion too deep for its input, unwound by the time it is
 *       caught); so are a {@code null} name or reader and a name that breaks the rule of
 *       {@link ChannelAdapter#name()}.
 * </ul>
 *
 * <p>A contained failure is logged at WARN with the adapter's name (its class name if it has no usable
 * name), the position and the exception's class, never the exception's message or any record content,
 * which may hold customer data. It ends the import with a report whose
 * {@linkplain ImportReport#failure() failure} says the same; a failure in {@code next} also counts that
 * record as rejected, of kind {@link Rejection.Kind#ADAPTER_FAILURE}, so the counts add up and every
 * record before it has reached the sink. In strict mode the import throws an {@link ImportException}
 * instead, with the adapter's exception as its cause. A reader's rejection of a kind only the importer
 * may report (a duplicate, an adapter failure) is counted as an adapter failure of that record, and the
 * import goes on.
 *
 * <p><b>Closing.</b> However the import ends, the importer closes the reader and then the input. A
 * failure to close never hides an earlier failure: when the import ends with an exception, it is added to
 * that exception as suppressed; when it ends with a report, it is noted after the report's first failure.
 * A failure to close after a clean read is judged by the rule above: an {@code IOException} propagates,
 * anything else is contained.
 *
 * <p><b>The host's own code.</b> What the sink or the rejection listener throws is the host's: it
 * propagates unchanged once the reader and the input are closed (failures to close are suppressed in it),
 * and every record before it has been counted and delivered.
 *
 * <p>Memory: the importer streams; it keeps the source ids seen (for duplicate detection, which can be
 * switched off) and at most {@link Builder#maxRetainedRejections(int)} rejection details.
 *
 * <p>Instances are immutable and thread-safe; concurrent imports do not share state.
 *
 * @since 0.1.0
 */
public final class InteractionImporter {
  private static final int DEFAULT_MAX_RETAINED_REJECTIONS = 10_000;

  private final ImportMode mode;
  private final boolean detectDuplicates;
  private final int maxRetainedRejections;
  private final Consumer<? super Rejection> rejectionListener;

  private InteractionImporter(Builder builder) {
    this.mode = builder.mode;
    this.detectDuplicates = builder.detectDuplicates;
    this.maxRetainedRejections = builder.maxRetainedRejections;
    this.rejectionListener = builder.rejectionListener;
  }

  /** An importer with the defaults: lenient, duplicates detected, 10,000 rejection details kept. */
  public static InteractionImporter defaults() {
    return builder().build();
  }

  /** A builder for an importer. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Imports the file at {@code path}.
   *
   * @see #run(ChannelAdapter, InputStream, Consumer)
   */
  public ImportReport run(ChannelAdapter adapter, Path path, Consumer<? super Interaction> sink)
      throws IOException {
    requireNonNull(path, "path");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return run(adapter, in, sink);
    }
  }

  /**
   * Imports one source: opens {@code adapter} over {@code input}, passes each accepted interaction to
   * {@code sink} in source order, and returns the account of every record. Closes {@code input}.
   *
   * @throws ImportException in strict mode at the first bad record or contained adapter failure, and in
   *     any mode if the source as a whole cannot be read or the import is interrupted; the exception
   *     carries the report so far
   * @throws IOException if reading or closing the input fails
   */
  public ImportReport run(ChannelAdapter adapter, InputStream input, Consumer<? super Interaction> sink)
      throws IOException {
    requireNonNull(adapter, "adapter");
    requireNonNull(input, "input");
    requireNonNull(sink, "sink");
    return new ImportRun(adapter, input, this, sink).execute();
  }

  /**
   * Imports the file at {@code path} into {@code columns}.
   *
   * @see #run(ChannelAdapter, InputStream, InteractionColumns.Builder)
   */
  public ImportReport run(ChannelAdapter adapter, Path path, InteractionColumns.Builder columns)
      throws IOException {
    requireNonNull(path, "path");
    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
      return run(adapter, in, columns);
    }
  }

  /**
   * Imports one source into {@code columns}: what {@code run(adapter, input, columns::add)} does, with the same
   * rows in the columns and the same report, faster when the adapter is the SDK's CSV adapter: its plain records
   * of rows without a value, source id, attributes or content are added to the columns as they are read, without
   * making an interaction for each (issue 16). Every other record, and every other adapter's, goes the general
   * way. Closes {@code input}.
   *
   * @throws ImportException as {@link #run(ChannelAdapter, InputStream, Consumer)} does
   * @throws IllegalStateException if {@code columns} is built already and a record is accepted
   * @throws IOException if reading or closing the input fails
   */
  public ImportReport run(ChannelAdapter adapter, InputStream input, InteractionColumns.Builder columns)
      throws IOException {
    requireNonNull(adapter, "adapter");
    requireNonNull(input, "input");
    requireNonNull(columns, "columns");
    return new ImportRun(adapter, input, this, columns).execute();
  }

  /**
   * Imports a source that opens its own records (a database query, for example): asks its name, opens it,
   * passes each accepted interaction to {@code sink} in source order and returns the account of every record,
   * under the same rules as an adapter over a stream (see the class comment). Closes the reader it opened.
   *
   * @throws ImportException in strict mode at the first bad record or contained failure, and in any mode if
   *     the source as a whole cannot be read or the import is interrupted; the exception carries the report
   *     so far
   * @throws IOException if reading the source or closing its reader fails
   */
  public ImportReport run(RecordSource source, Consumer<? super Interaction> sink) throws IOException {
    requireNonNull(source, "source");
    requireNonNull(sink, "sink");
    return new ImportRun(source, this, sink).execute();
  }

  ImportMode mode() {
    return mode;
  }

  boolean detectDuplicates() {
    return detectDuplicates;
  }

  int maxRetainedRejections() {
    return maxRetainedRejections;
  }

  Consumer<? super Rejection> rejectionListener() {
    return rejectionListener;
  }

  /**
   * Configures an {@link InteractionImporter}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private ImportMode mode = ImportMode.LENIENT;
    private boolean detectDuplicates = true;
    private int maxRetainedRejections = DEFAULT_MAX_RETAINED_REJECTIONS;
    private Consumer<? super Rejection> rejectionListener = rejection -> {};

    private Builder() {}

    /** Lenient (default) or strict. @return this builder */
    public Builder mode(ImportMode mode) {
      this.mode = requireNonNull(mode, "mode");
      return this;
    }

    /**
     * Whether records that repeat an earlier record's source id are counted as duplicates and not
     * passed on (default {@code true}). Switch it off for sources that guarantee unique ids, to save the
     * memory of the ids seen. @return this builder
     */
    public Builder detectDuplicates(boolean detectDuplicates) {
      this.detectDuplicates = detectDuplicates;
      return this;
    }

    /**
     * How many rejection details the report keeps (default 10,000); the rest are counted in
     * {@link ImportReport#rejectionsNotRetained()} and still go to the rejection listener.
     *
     * @throws InvalidFieldException if negative
     * @return this builder
     */
    public Builder maxRetainedRejections(int maxRetainedRejections) {
      if (maxRetainedRejections < 0) {
        throw new InvalidFieldException("maxRetainedRejections", maxRetainedRejections, "must not be negative");
      }
      this.maxRetainedRejections = maxRetainedRejections;
      return this;
    }

    /**
     * Receives every rejection and duplicate as it happens, for example to write them to a file.
     * Called on the importing thread. @return this builder
     */
    public Builder rejectionListener(Consumer<? super Rejection> rejectionListener) {
      this.rejectionListener = requireNonNull(rejectionListener, "rejectionListener");
      return this;
    }

    /** The importer. */
    public InteractionImporter build() {
      return new InteractionImporter(this);
    }
  }
}
