package org.engagement.jdbc;

import java.io.IOException;
import java.sql.Connection;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.RecordSource;
import org.jspecify.annotations.Nullable;

/**
 * One read of a query over a connection the host lends, as a source for the importer; remembers its reader so
 * that an incremental import can ask it how far it read. Not thread-safe: one import at a time.
 */
final class JdbcRead implements RecordSource {
  private final ReadPlan plan;
  private final Connection connection;
  private @Nullable JdbcRecordReader reader;

  /** A read of {@code plan} over {@code connection}. */
  JdbcRead(ReadPlan plan, Connection connection) {
    this.plan = plan;
    this.connection = connection;
  }

  @Override
  public String name() {
    return plan.name();
  }

  @Override
  public RecordReader open() throws IOException {
    JdbcRecordReader opened = JdbcRecordReader.open(plan, connection);
    reader = opened;
    return opened;
  }

  /**
   * Where the next incremental import starts: see {@link org.engagement.jdbc.IncrementalImport}.
   *
   * @param complete whether the import read and closed the whole source
   */
  @Nullable Watermark watermark(boolean complete) {
    JdbcRecordReader opened = reader;
    Watermark reached = opened == null ? null : opened.watermark(complete);
    return reached == null ? plan.after() : reached;
  }

  /** Whether the read stopped at the plan's row limit with rows left. */
  boolean stoppedAtLimit() {
    JdbcRecordReader opened = reader;
    return opened != null && opened.stoppedAtLimit();
  }
}
