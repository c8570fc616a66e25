package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Runs imports: drives a {@link ChannelAdapter} over a source, hands every accepted interaction to the
 * host, recognises duplicates by source id and accounts for every record in an {@link ImportReport}.
 *
 * <p>Nothing is dropped silently: every record read is accepted, rejected (with its position and
 * reason) or counted as a duplicate, and {@code read == accepted + rejected + duplicates}. In
 * {@linkplain ImportMode#LENIENT lenient} mode (the default) the import goes on past bad records; in
 * {@linkplain ImportMode#STRICT strict} mode it stops at the first with an {@link ImportException}.
 *
 * <p>The host is protected from faulty adapters: an unexpected exception (or a stack overflow) thrown
 * by adapter code is
 * logged (adapter name, position and exception type; never record content), counted as a rejection of
 * kind {@link Rejection.Kind#ADAPTER_FAILURE}, and ends the import with a report whose
 * {@linkplain ImportReport#failure() failure} says so (strict mode throws instead). A source that
 * cannot be read at all ({@link InvalidSourceException}) ends the import with an
 * {@link ImportException} in either mode. Exceptions thrown by the host's own sink propagate.
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
   * @throws ImportException in strict mode at the first bad record, and in any mode if the source as a
   *     whole cannot be read; the exception carries the report so far
   * @throws IOException if reading the input fails
   */
  public ImportReport run(ChannelAdapter adapter, InputStream input, Consumer<? super Interaction> sink)
      throws IOException {
    requireNonNull(adapter, "adapter");
    requireNonNull(input, "input");
    requireNonNull(sink, "sink");
    ImportRun run = new ImportRun(adapter.name(), this, sink);
    try (RecordReader reader = open(adapter, input, run)) {
      if (reader != null) {
        run.drain(reader);
      }
    }
    return run.report();
  }

  private static @Nullable RecordReader open(ChannelAdapter adapter, InputStream input, ImportRun run)
      throws IOException {
    try {
      return requireNonNull(adapter.open(input), "adapter returned no reader");
    } catch (InvalidSourceException e) {
      input.close();
      throw new ImportException(run.report(), adapter.name() + ": " + e.getMessage(), e);
    } catch (IOException e) {
      input.close();
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      input.close();
      run.adapterFailedToOpen(e);
      return null;
    }
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
