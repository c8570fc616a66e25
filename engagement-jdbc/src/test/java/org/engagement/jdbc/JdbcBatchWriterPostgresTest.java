package org.engagement.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Results written back with batched inserts on a real PostgreSQL. */
@ExtendWith(RequiresPostgres.class)
class JdbcBatchWriterPostgresTest {
  private static TestDatabase db;

  @BeforeAll
  static void create() throws SQLException {
    db = TestDatabase.create();
    if (db != null) {
      db.execute("CREATE TABLE scores (customer_id text PRIMARY KEY, score double precision NOT NULL)",
          "CREATE TABLE channel_credits (model text, channel text, conversions double precision)");
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void writesEveryRowInBatchesAndCommitsOnce() throws Exception {
    List<Integer> customers = IntStream.range(0, 20_001).boxed().toList();
    Map<String, Double> credits = new TreeMap<>(Map.of("email", 12.5, "web", 3.25, "events", 0.0));
    try (Connection connection = db.connect()) {
      long scores = JdbcBatchWriter.into("scores", "customer_id", "score").batchSize(512)
          .insert(connection, customers, c -> List.of("c-" + c, c / 2.0));
      long channels = JdbcBatchWriter.into("public.channel_credits", "model", "channel", "conversions")
          .insert(connection, credits.entrySet(), e -> List.of("markov", e.getKey(), e.getValue()));
      assertThat(scores).isEqualTo(20_001);
      assertThat(channels).isEqualTo(3);
      assertThat(connection.getAutoCommit()).isTrue();
    }
    try (Connection connection = db.connect(); Statement statement = connection.createStatement();
        ResultSet sums = statement.executeQuery("SELECT count(*), sum(score) FROM scores")) {
      sums.next();
      assertThat(sums.getLong(1)).isEqualTo(20_001);
      assertThat(sums.getDouble(2)).isEqualTo(customers.stream().mapToDouble(c -> c / 2.0).sum());
    }
  }

  @Test
  void aFailedWriteLeavesNothingBehind() throws Exception {
    db.execute("CREATE TABLE once (id int PRIMARY KEY)");
    try (Connection connection = db.connect()) {
      assertThatThrownBy(() -> JdbcBatchWriter.into("once", "id").batchSize(10)
          .insert(connection, List.of(1, 2, 3, 2), id -> List.of(id)))
          .isInstanceOf(SQLException.class);
      assertThat(connection.getAutoCommit()).isTrue();
      try (Statement statement = connection.createStatement();
          ResultSet count = statement.executeQuery("SELECT count(*) FROM once")) {
        count.next();
        assertThat(count.getLong(1)).isZero();
      }
    }
  }

  @Test
  void namesThatAreNotPlainIdentifiersAreRefused() {
    assertThatThrownBy(() -> JdbcBatchWriter.into("scores; DROP TABLE scores", "a"))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("plain SQL identifier");
    assertThatThrownBy(() -> JdbcBatchWriter.into("scores", "x.a")).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> JdbcBatchWriter.into("scores")).isInstanceOf(InvalidFieldException.class);
  }
}
