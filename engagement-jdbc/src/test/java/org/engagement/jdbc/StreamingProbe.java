package org.engagement.jdbc;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;

/**
 * Run in a JVM of its own with a small heap by {@link StreamingPostgresTest}: reads a table with the JDBC source
 * ({@code sdk}) or, as the control, with a plain statement that lets the driver hold the whole result ({@code
 * plain}), and prints the accounting and the heap in use after a full collection every {@code every} rows.
 *
 * <p>Arguments: url, user, password, table, mode, every.
 */
public final class StreamingProbe {
  private StreamingProbe() {}

  public static void main(String[] args) throws Exception {
    Properties credentials = new Properties();
    credentials.setProperty("user", args[1]);
    credentials.setProperty("password", args[2]);
    String query = "SELECT * FROM " + args[3] + " ORDER BY id";
    long every = Long.parseLong(args[5]);
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    List<Long> heap = new ArrayList<>();
    long[] rows = {0};
    Runnable sample = () -> {
      if (++rows[0] % every == 0) {
        System.gc();
        heap.add(memory.getHeapMemoryUsage().getUsed());
      }
    };
    try (Connection connection = DriverManager.getConnection(args[0], credentials)) {
      if (args[4].equals("plain")) {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(query)) {
          while (result.next()) {
            sample.run();
          }
        }
        System.out.println("plain read=" + rows[0]);
      } else {
        JdbcInteractionSource source = JdbcInteractionSource.builder(query).keyColumn("id").build();
        InteractionImporter importer = InteractionImporter.builder().detectDuplicates(false)
            .rejectionListener(r -> sample.run()).build();
        ImportReport report = source.importAll(connection, importer, i -> sample.run());
        System.out.println("read=" + report.read() + " accepted=" + report.accepted() + " rejected="
            + report.rejected() + " duplicates=" + report.duplicates() + " retained=" + report.rejections().size());
      }
    }
    System.out.println("heap=" + heap.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""));
  }
}
