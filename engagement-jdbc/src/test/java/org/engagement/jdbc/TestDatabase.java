package org.engagement.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.UUID;
import java.util.function.LongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A database of its own on the PostgreSQL server that {@code .ci/postgres} started (or any server named by
 * {@code ENGAGEMENT_PG_URL}, {@code ENGAGEMENT_PG_USER}, {@code ENGAGEMENT_PG_PASSWORD}), created for one test
 * class and dropped after it.
 *
 * <p>Without a server the tests are skipped with the reason, and one log line says so; unless PostgreSQL is
 * required ({@code -Dengagement.requirePostgres=true} or {@code ENGAGEMENT_REQUIRE_POSTGRES=true}, as CI runs),
 * when they fail: a build that should have run them must not pass without them.
 */
final class TestDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TestDatabase.class);

  private final String adminUrl;
  private final String url;
  private final String name;
  private final Properties credentials;

  private TestDatabase(String adminUrl, String url, String name, Properties credentials) {
    this.adminUrl = adminUrl;
    this.url = url;
    this.name = name;
    this.credentials = credentials;
  }

  static final String MISSING =
      "no PostgreSQL server: ENGAGEMENT_PG_URL is not set (source .ci/postgres to start one)";

  static boolean configured() {
    return setting("ENGAGEMENT_PG_URL", "engagement.pg.url") != null;
  }

  /** Without a server: fails when PostgreSQL is required, else logs that the class's tests are skipped. */
  static void checkMayBeSkipped() {
    if (required()) {
      throw new IllegalStateException(MISSING + ", and engagement.requirePostgres is set: the JDBC tests must run");
    }
    LOG.warn("PostgreSQL tests skipped: {}", MISSING);
  }

  /**
   * A new empty database, or {@code null} without a server (then {@link RequiresPostgres} skips the tests, or
   * fails the class when PostgreSQL is required).
   */
  static TestDatabase create() throws SQLException {
    String adminUrl = setting("ENGAGEMENT_PG_URL", "engagement.pg.url");
    if (adminUrl == null) {
      return null;
    }
    Properties credentials = new Properties();
    credentials.setProperty("user", orEmpty(setting("ENGAGEMENT_PG_USER", "engagement.pg.user")));
    credentials.setProperty("password", orEmpty(setting("ENGAGEMENT_PG_PASSWORD", "engagement.pg.password")));
    credentials.setProperty("reWriteBatchedInserts", "true");
    String name = "engagement_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    try (Connection admin = DriverManager.getConnection(adminUrl, credentials);
        Statement statement = admin.createStatement()) {
      statement.execute("CREATE DATABASE " + name + " ENCODING 'UTF8' TEMPLATE template0");
    }
    String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
    return new TestDatabase(adminUrl, url, name, credentials);
  }

  static boolean required() {
    String value = setting("ENGAGEMENT_REQUIRE_POSTGRES", "engagement.requirePostgres");
    return value != null && (value.isEmpty() || value.toLowerCase(Locale.ROOT).equals("true"));
  }

  private static String setting(String environment, String property) {
    String value = System.getProperty(property);
    return value != null ? value : System.getenv(environment);
  }

  private static String orEmpty(String value) {
    return value == null ? "" : value;
  }

  /** A new connection to this database, in auto-commit mode as drivers hand them out. */
  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, credentials);
  }

  String url() {
    return url;
  }

  Properties credentials() {
    return credentials;
  }

  /** Runs statements, each on its own. */
  void execute(String... sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      for (String s : sql) {
        statement.execute(s);
      }
    }
  }

  /**
   * Inserts rows {@code from} (inclusive) to {@code to} (exclusive) with {@code insert}, a statement whose
   * parameters are all given as text (cast them in the SQL), in batches that the driver rewrites into
   * multi-row inserts.
   */
  void insert(String insert, long from, long to, LongFunction<String[]> row) throws SQLException {
    try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(insert)) {
      connection.setAutoCommit(false);
      for (long i = from; i < to; i++) {
        String[] values = row.apply(i);
        for (int p = 0; p < values.length; p++) {
          statement.setString(p + 1, values[p]);
        }
        statement.addBatch();
        if ((i - from) % 5_000 == 4_999) {
          statement.executeBatch();
        }
      }
      statement.executeBatch();
      connection.commit();
    }
  }

  @Override
  public void close() throws SQLException {
    try (Connection admin = DriverManager.getConnection(adminUrl, credentials);
        Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }
  }
}
