package org.engagement.jdbc;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.sql.Connection;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.RecordSource;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.jspecify.annotations.Nullable;

/**
 * Interactions from a SQL query, read through any JDBC driver and imported by core's
 * {@link InteractionImporter} with the same validation and accounting as a CSV file.
 *
 * <h2>Columns</h2>
 * The query's column labels are bound as the CSV adapter binds a header row (see {@link CsvInteractionAdapter}
 * for the columns): {@code customer_id}, {@code timestamp}, {@code type} and {@code channel} (or the UTM and
 * referrer columns) are required, names are matched ignoring case, a misspelling refuses the query, and any
 * other column becomes a string attribute. Rename columns in the query ({@code SELECT contact_id AS
 * customer_id, ...}). The {@linkplain Builder#keyColumn key column} and the
 * {@linkplain Builder#watermarkColumn watermark column} are bookkeeping: unless they are interaction columns
 * themselves, they do not become attributes. Values are read by SQL type and judged as text by the CSV rules:
 * {@code NULL} is an empty field; {@code timestamp with time zone} becomes its instant, while a timestamp
 * column of type {@code timestamp} (without time zone) or {@code date} refuses the query, since it names no
 * instant (cast it, or select text with an offset); numbers become plain decimals, booleans {@code true} or
 * {@code false}, arrays their elements joined with {@code |} (the CSV list separator); everything else is read
 * as text.
 *
 * <h2>Accounting</h2>
 * Every row is accepted, rejected (with its number, its key, the column, value and rule, as a CSV line's
 * rejection: {@code crm-db: record 7 (key '1042'): column 'type' value 'teleport' is invalid: ...}) or counted
 * as a duplicate of an earlier row's {@code source_id}, in the importer's {@link ImportReport}. A query the
 * database refuses, or a result that lacks a required column, ends the import with an
 * {@link org.engagement.core.ingest.ImportException} ({@link org.engagement.core.ingest.InvalidSourceException}
 * as its cause); a connection that fails while reading throws an {@link IOException}.
 *
 * <h2>Streaming</h2>
 * The rows are never held in memory together: the statement is forward-only and read-only with a
 * {@linkplain Builder#fetchSize fetch size}, inside a transaction (PostgreSQL reads through a cursor only with
 * auto-commit off). A connection the source finds in auto-commit mode gets auto-commit back afterwards, its read
 * transaction rolled back (it wrote nothing); a connection already in a transaction is left in it. The
 * connection is the host's: the source never closes it.
 *
 * <h2>Incremental imports</h2>
 * With a {@linkplain Builder#watermarkColumn watermark column}, {@link #importAfter} reads only the rows whose
 * value is greater than the last import's {@link Watermark}, in that column's order, and returns the new one
 * ({@link IncrementalImport}). The query is wrapped as {@code SELECT * FROM (query) engagement_rows WHERE column
 * > ? ORDER BY column}; rows whose watermark is {@code NULL} are never read in this mode. Use a column whose
 * values only grow as rows are committed (an identity column written in commit order, or a commit timestamp):
 * a row committed later with a smaller value than one already read is not read. A watermark of another kind
 * than the column holds (text for a {@code timestamptz} column, say) is refused before the query runs, naming
 * the column, the watermark and the kind the column needs. A {@linkplain Builder#rowLimit row limit} splits a
 * backlog into runs that each end where the watermark value changes.
 *
 * <p>Immutable and thread-safe: imports on different connections may run at once.
 *
 * @since 0.1.0
 */
public final class JdbcInteractionSource {
  /** The default name in reports, {@value}. */
  public static final String DEFAULT_NAME = "jdbc";
  /** The default number of rows fetched at a time, {@value}. */
  public static final int DEFAULT_FETCH_SIZE = 1_000;
  /** The largest fetch size accepted, {@value}. */
  public static final int MAX_FETCH_SIZE = 1_000_000;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9\\-]{0,63}");
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

  private final String query;
  private final String name;
  private final int fetchSize;
  private final @Nullable String keyColumn;
  private final @Nullable String watermarkColumn;
  private final long rowLimit;
  private final CsvInteractionAdapter mapping;

  private JdbcInteractionSource(Builder builder) {
    this.query = builder.query;
    this.name = builder.name;
    this.fetchSize = builder.fetchSize;
    this.keyColumn = builder.keyColumn;
    this.watermarkColumn = builder.watermarkColumn;
    this.rowLimit = builder.rowLimit;
    this.mapping = builder.mapping;
  }

  /**
   * A builder for a source that reads {@code query}, a {@code SELECT} whose rows are interactions.
   *
   * @throws InvalidFieldException if the query is blank
   */
  public static Builder builder(String query) {
    return new Builder(query);
  }

  /**
   * The whole query as a source for {@link InteractionImporter#run(RecordSource, Consumer)}, read over
   * {@code connection}, which stays open.
   */
  public RecordSource on(Connection connection) {
    return new JdbcRead(plan(null), requireNonNull(connection, "connection"));
  }

  /**
   * Imports every row of the query.
   *
   * @throws org.engagement.core.ingest.ImportException in strict mode at the first bad row, and in any mode if
   *     the database refuses the query or its columns cannot be bound
   * @throws IOException if the connection fails while reading
   */
  public ImportReport importAll(Connection connection, InteractionImporter importer,
      Consumer<? super Interaction> sink) throws IOException {
    return requireNonNull(importer, "importer").run(on(connection), sink);
  }

  /**
   * Imports the rows after {@code after} (all rows with a watermark if {@code null}), in watermark order, and
   * returns the account and the next watermark. Keep the watermark only from a returned result: an import that
   * throws has advanced nothing.
   *
   * @param after the watermark of the last import, or {@code null} for the first
   * @throws IllegalStateException if the source has no watermark column
   * @throws org.engagement.core.ingest.ImportException as for {@link #importAll}, and if the watermark column's
   *     type is not a whole number, a timestamp with time zone or text, or does not match {@code after}'s kind
   *     (found before the query runs; the message names the column, the watermark and the kind needed)
   * @throws IOException if the connection fails while reading
   */
  public IncrementalImport importAfter(Connection connection, @Nullable Watermark after,
      InteractionImporter importer, Consumer<? super Interaction> sink) throws IOException {
    requireNonNull(importer, "importer");
    if (watermarkColumn == null) {
      throw new IllegalStateException("source '" + name + "' has no watermark column: set one on its builder");
    }
    JdbcRead read = new JdbcRead(plan(after), requireNonNull(connection, "connection"));
    ImportReport report = importer.run(read, sink);
    return new IncrementalImport(report, read.watermark(report.isComplete()), read.stoppedAtLimit());
  }

  private ReadPlan plan(@Nullable Watermark after) {
    return new ReadPlan(name, query, fetchSize, keyColumn, watermarkColumn, after, rowLimit, mapping);
  }

  /** The name in reports and logs. */
  public String name() {
    return name;
  }

  /**
   * Configures a {@link JdbcInteractionSource}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final String query;
    private String name = DEFAULT_NAME;
    private int fetchSize = DEFAULT_FETCH_SIZE;
    private @Nullable String keyColumn;
    private @Nullable String watermarkColumn;
    private long rowLimit = Long.MAX_VALUE;
    private CsvInteractionAdapter mapping = new CsvInteractionAdapter();

    private Builder(String query) {
      String trimmed = requireNonNull(query, "query").strip();
      while (trimmed.endsWith(";")) {
        trimmed = trimmed.substring(0, trimmed.length() - 1).strip();
      }
      if (trimmed.isEmpty()) {
        throw new InvalidFieldException("query", query, "must be a SELECT statement, not blank");
      }
      this.query = trimmed;
    }

    /**
     * The name in reports and logs (default {@value JdbcInteractionSource#DEFAULT_NAME}), under the rule of
     * {@link org.engagement.core.ingest.ChannelAdapter#name()}.
     *
     * @throws InvalidFieldException if it breaks the rule
     * @return this builder
     */
    public Builder name(String name) {
      if (!NAME.matcher(requireNonNull(name, "name")).matches()) {
        throw new InvalidFieldException("name", name,
            "must be 1 to 64 characters of lower-case letters, digits and '-', starting with a letter or digit");
      }
      this.name = name;
      return this;
    }

    /**
     * How many rows the driver fetches at a time (default {@value JdbcInteractionSource#DEFAULT_FETCH_SIZE}):
     * what the import holds in memory at most, besides what the importer keeps.
     *
     * @throws InvalidFieldException if not between 1 and {@value JdbcInteractionSource#MAX_FETCH_SIZE}
     * @return this builder
     */
    public Builder fetchSize(int fetchSize) {
      if (fetchSize < 1 || fetchSize > MAX_FETCH_SIZE) {
        throw new InvalidFieldException("fetchSize", fetchSize, "must be from 1 to " + MAX_FETCH_SIZE);
      }
      this.fetchSize = fetchSize;
      return this;
    }

    /**
     * The column whose value names a row in rejections, such as the table's primary key (matched ignoring
     * case). Default: {@code source_id} when the query has it; otherwise rows are named by number only.
     *
     * @return this builder
     */
    public Builder keyColumn(String column) {
      this.keyColumn = label("keyColumn", column);
      return this;
    }

    /**
     * The column incremental imports order by and resume after; a plain identifier (letters, digits and
     * {@code _}), since it is written into the SQL that wraps the query.
     *
     * @throws InvalidFieldException if it is not a plain identifier
     * @return this builder
     */
    public Builder watermarkColumn(String column) {
      if (!IDENTIFIER.matcher(requireNonNull(column, "column")).matches()) {
        throw new InvalidFieldException("watermarkColumn", column,
            "must be a plain SQL identifier: a letter or '_', then letters, digits or '_', at most 63 characters");
      }
      this.watermarkColumn = column;
      return this;
    }

    /**
     * How many rows an incremental import reads before it stops (default: no limit), so that a host takes a
     * large backlog in runs of bounded length. The import stops at the first change of watermark value after
     * {@code rowLimit} rows, never inside a run of rows that share a value, so it may read more than the limit
     * when values repeat; its watermark then covers exactly the rows read and {@link IncrementalImport#more()}
     * is true. {@link JdbcInteractionSource#importAll} reads every row whatever the limit.
     *
     * @throws InvalidFieldException if not positive
     * @return this builder
     */
    public Builder rowLimit(long rowLimit) {
      if (rowLimit < 1) {
        throw new InvalidFieldException("rowLimit", rowLimit, "must be at least 1");
      }
      this.rowLimit = rowLimit;
      return this;
    }

    /**
     * How columns become interactions: the known channels, the policy for unknown channels, the classifier,
     * the value limits and the allowed attribute columns of a CSV adapter (default: a default adapter's).
     *
     * @return this builder
     */
    public Builder mapping(CsvInteractionAdapter mapping) {
      this.mapping = requireNonNull(mapping, "mapping");
      return this;
    }

    /** The source. */
    public JdbcInteractionSource build() {
      return new JdbcInteractionSource(this);
    }

    private static String label(String field, String column) {
      String label = requireNonNull(column, field).strip();
      if (label.isEmpty()) {
        throw new InvalidFieldException(field, column, "must name a column, not be blank");
      }
      return label.toLowerCase(Locale.ROOT);
    }
  }
}
