package org.engagement.core.ingest;

import java.io.IOException;

/**
 * A source that opens its own records rather than parsing bytes it is handed: a database query, a message
 * queue, a service's paged feed. It goes through the {@link InteractionImporter} like a {@link ChannelAdapter}
 * over a stream, so its records get the same accounting ({@link ImportReport}), the same duplicate
 * recognition and the same containment of what it throws.
 *
 * <p>The contract is the adapter's (see {@link ChannelAdapter}): {@link #name()} follows the same rule and
 * throws nothing; {@link #open()} and {@link RecordReader#next()} throw {@link InvalidSourceException} when the
 * source as a whole cannot be read (a query the database refuses, a column missing from its result) and
 * {@link IOException} when reading fails (a lost connection); a bad record is a rejection, never an
 * exception. The importer closes the reader however the import ends; whatever the source opened beyond the
 * reader (a connection it was lent, for example) stays its own to close.
 *
 * <p>Implementations say whether they are thread-safe; the readers they open are used by one thread at a time.
 *
 * @since 0.1.0
 */
public interface RecordSource {

  /**
   * The source's name in reports and logs, under the rule of {@link ChannelAdapter#name()}: 1 to 64
   * characters of lower-case letters, digits and hyphens. Never changes and never throws.
   */
  String name();

  /**
   * Opens the source.
   *
   * @return a reader positioned before the first record
   * @throws InvalidSourceException if the source as a whole cannot be read, so no record can be accounted for
   * @throws IOException if reaching the source fails
   */
  RecordReader open() throws IOException;
}
