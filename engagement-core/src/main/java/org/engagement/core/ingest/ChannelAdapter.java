package org.engagement.core.ingest;

import java.io.IOException;
import java.io.InputStream;

/**
 * The integrators' extension point: turns the records of one kind of source (a CSV export, a social
 * network's JSON feed, a CRM's event log) into {@link org.engagement.core.domain.Interaction}s.
 *
 * <p>An adapter opens a {@link RecordReader} over the bytes of a source; the reader yields one
 * {@link AdapterRecord} per source record, either accepted (with its interaction) or rejected (with the
 * field, value and rule it broke). The {@link InteractionImporter} drives the reader, recognises
 * duplicates, counts everything and contains adapter failures, so an adapter only parses.
 *
 * <p>Adapters are found through {@link java.util.ServiceLoader} (list the class in
 * {@code META-INF/services/org.engagement.core.ingest.ChannelAdapter}; it then needs a public no-argument
 * constructor) or registered explicitly in {@link ChannelAdapters}. Check an adapter with the contract
 * tests of the {@code engagement-testkit} module.
 *
 * <p><b>What an adapter may throw.</b> {@link #name()} throws nothing. {@link #open} and
 * {@link RecordReader#next()} throw {@link InvalidSourceException} for a source that cannot be read and
 * {@link IOException} when reading fails; {@link RecordReader#close()} throws {@code IOException} only. A
 * bad record is a rejection, never an exception. The importer contains anything else an adapter throws
 * (runtime exceptions, checked exceptions thrown undeclared, {@link AssertionError}, {@link LinkageError}
 * such as {@link NoClassDefFoundError} and {@link ExceptionInInitializerError}, {@link StackOverflowError}):
 * it logs the exception's class, never its message, stops the import and reports an adapter failure. It
 * lets {@link OutOfMemoryError}, the other {@link VirtualMachineError}s and {@link ThreadDeath} through, and
 * an {@link InterruptedException} stops the import with the thread's interrupt flag set; see
 * {@link InteractionImporter} for the whole rule. Containment protects the host, not the data: an adapter
 * that throws loses the rest of its source, so the contract tests fail it.
 *
 * <p>Implementations must be thread-safe: one adapter may open readers for several sources at once.
 * Readers themselves are used by one thread at a time.
 *
 * @since 0.1.0
 */
public interface ChannelAdapter {

  /**
   * The adapter's unique name, used to choose it from configuration: 1 to 64 characters of lower-case
   * letters, digits and hyphens (for example {@code csv} or {@code acme-social-jsonl}). It never changes
   * and never throws; an adapter without a usable name is skipped by discovery, refused by registration
   * and not opened by the importer.
   */
  String name();

  /**
   * Opens a reader over one source. The reader owns {@code input} and closes it; if {@code open}
   * throws, the caller closes it (the importer closes it in any case).
   *
   * @param input the source's bytes, read sequentially; never held in memory as a whole
   * @return a reader positioned before the first record
   * @throws InvalidSourceException if the source as a whole cannot be read as this adapter's format
   *     (empty input, a missing or misspelled header column), so no record can be accounted for
   * @throws IOException if reading the input fails
   */
  RecordReader open(InputStream input) throws IOException;
}
