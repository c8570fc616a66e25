package org.engagement.jdbc;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The JDBC source on a real PostgreSQL: accounting, the CSV adapter's verdicts, connection handling. */
@ExtendWith(RequiresPostgres.class)
class JdbcInteractionSourcePostgresTest {
  private static final int ROWS = 30_000;
  private static TestDatabase db;

  @BeforeAll
  static void load() throws Exception {
    db = TestDatabase.create();
    if (db != null) {
      db.execute("CREATE TABLE interactions (" + SampleRows.TABLE_COLUMNS + ")");
      db.insert(SampleRows.insert("interactions"), 1, ROWS + 1, SampleRows::parameters);
    }
  }

  @AfterAll
  static void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  private static JdbcInteractionSource source() {
    return JdbcInteractionSource.builder("SELECT * FROM interactions ORDER BY id").name("crm-db").keyColumn("id")
        .fetchSize(500).build();
  }

  @Test
  void everyRowIsAccountedForWithItsKeyAndReason() throws Exception {
    List<Interaction> accepted = new ArrayList<>();
    ImportReport report;
    try (Connection connection = db.connect()) {
      report = source().importAll(connection, InteractionImporter.defaults(), accepted::add);
    }

    long rejected = LongStream.rangeClosed(1, ROWS).filter(SampleRows::rejected).count();
    long duplicates = LongStream.rangeClosed(1, ROWS).filter(SampleRows::duplicate).count();
    assertThat(rejected).isGreaterThan(2_000);
    assertThat(report.source()).isEqualTo("crm-db");
    assertThat(report.read()).isEqualTo(ROWS);
    assertThat(report.rejected()).isEqualTo(rejected);
    assertThat(report.duplicates()).isEqualTo(duplicates);
    assertThat(report.accepted()).isEqualTo(ROWS - rejected - duplicates).isEqualTo(accepted.size());
    assertThat(report.isComplete()).isTrue();
    assertThat(report.rejections()).allSatisfy(r -> {
      long id = Long.parseLong(r.position().key());
      assertThat(r.position().record()).isEqualTo(id);
      assertThat(SampleRows.rejected(id) || SampleRows.duplicate(id)).isTrue();
    });
    Rejection teleport = report.rejections().stream().filter(r -> r.position().record() == 11).findFirst().orElseThrow();
    assertThat(teleport.message("crm-db")).startsWith("crm-db: record 11 (key '11'): column 'type' value 'teleport' is invalid");
    assertThat(accepted.get(0).attributes().asMap()).doesNotContainKey("id");
  }

  @Test
  void rowsAreJudgedExactlyAsTheSameRowsInCsv() throws Exception {
    List<Interaction> fromDatabase = new ArrayList<>();
    ImportReport database;
    try (Connection connection = db.connect()) {
      database = source().importAll(connection, InteractionImporter.defaults(), fromDatabase::add);
    }
    String csv = SampleRows.CSV_HEADER + "\n" + LongStream.rangeClosed(1, ROWS).mapToObj(SampleRows::csvLine)
        .collect(Collectors.joining("\n")) + "\n";
    List<Interaction> fromCsv = new ArrayList<>();
    ImportReport file = InteractionImporter.defaults()
        .run(new CsvInteractionAdapter(), new ByteArrayInputStream(csv.getBytes(UTF_8)), fromCsv::add);

    assertThat(fromDatabase).isEqualTo(fromCsv);
    assertThat(database.read()).isEqualTo(file.read());
    assertThat(database.rejected()).isEqualTo(file.rejected());
    assertThat(database.duplicates()).isEqualTo(file.duplicates());
    assertThat(verdicts(database)).isEqualTo(verdicts(file));
  }

  private static List<String> verdicts(ImportReport report) {
    return report.rejections().stream()
        .map(r -> r.position().record() + " " + r.kind() + " " + r.field() + " " + r.value() + " " + r.reason())
        .toList();
  }

  @Test
  void aConnectionInAutoCommitModeGetsItBackAndIsNotClosed() throws Exception {
    try (Connection connection = db.connect()) {
      source().importAll(connection, InteractionImporter.defaults(), i -> {});
      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(connection.isClosed()).isFalse();
      connection.setAutoCommit(false);
      source().importAll(connection, InteractionImporter.defaults(), i -> {});
      assertThat(connection.getAutoCommit()).isFalse();
      connection.rollback();
    }
  }

  @Test
  void aQueryThatCannotBeReadEndsTheImportSayingWhy() throws Exception {
    try (Connection connection = db.connect()) {
      JdbcInteractionSource noSuchTable = JdbcInteractionSource.builder("SELECT * FROM nowhere").build();
      JdbcInteractionSource noType = JdbcInteractionSource.builder(
          "SELECT customer_id, \"timestamp\", channel FROM interactions").build();
      JdbcInteractionSource localTime = JdbcInteractionSource.builder(
          "SELECT customer_id, \"timestamp\"::timestamp AS \"timestamp\", type, channel FROM interactions").build();

      assertThatThrownBy(() -> noSuchTable.importAll(connection, InteractionImporter.defaults(), i -> {}))
          .isInstanceOf(ImportException.class).hasMessageContaining("the query failed").hasMessageContaining("42P01");
      assertThatThrownBy(() -> noType.importAll(connection, InteractionImporter.defaults(), i -> {}))
          .isInstanceOf(ImportException.class).hasMessageContaining("missing required column(s) 'type'");
      assertThatThrownBy(() -> localTime.importAll(connection, InteractionImporter.defaults(), i -> {}))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("column 'timestamp' has SQL type timestamp, which names no instant");
      assertThat(connection.getAutoCommit()).isTrue();
    }
  }

  @Test
  void valuesAreReadByTheirSqlType() throws Exception {
    JdbcInteractionSource typed = JdbcInteractionSource.builder("SELECT 42::bigint AS customer_id, "
        + "timestamptz '2024-03-01 11:15:30.25+01' AS \"timestamp\", 'mention' AS type, 'x' AS channel, "
        + "ARRAY['launch', 'price'] AS tags, 0.25::float8 AS sentiment, 1500::int AS audience, true AS resolved, "
        + "'case-1' AS thread_id, 12.50::numeric(8,2) AS value, 'EUR' AS currency, NULL::text AS region, "
        + "DATE '2024-01-02' AS signed_up").build();
    List<Interaction> read = new ArrayList<>();
    try (Connection connection = db.connect()) {
      ImportReport report = typed.importAll(connection, InteractionImporter.defaults(), read::add);
      assertThat(report.isClean()).as("%s", report.rejections()).isTrue();
    }
    Interaction interaction = read.get(0);
    assertThat(interaction.customerId()).isEqualTo("42");
    assertThat(interaction.timestamp()).isEqualTo(java.time.Instant.parse("2024-03-01T10:15:30.250Z"));
    assertThat(interaction.content().tags()).containsExactly("launch", "price");
    assertThat(interaction.content().sentiment()).isEqualTo(0.25);
    assertThat(interaction.content().audience()).isEqualTo(1500L);
    assertThat(interaction.content().resolved()).isTrue();
    assertThat(interaction.value().amount()).isEqualByComparingTo("12.50");
    assertThat(interaction.attributes().asMap()).containsOnlyKeys("signed_up").containsValue("2024-01-02");
  }

  @Test
  void theImporterCanDriveTheSourceDirectly() throws IOException, SQLException {
    try (Connection connection = db.connect()) {
      JdbcInteractionSource firstHundred = JdbcInteractionSource.builder(
          "SELECT * FROM interactions WHERE id <= 100 ORDER BY id;").build();
      ImportReport report = InteractionImporter.builder().detectDuplicates(false).build()
          .run(firstHundred.on(connection), i -> {});
      assertThat(report.source()).isEqualTo("jdbc");
      assertThat(report.read()).isEqualTo(100);
      assertThat(report.rejections()).allSatisfy(r -> assertThat(r.position().key()).startsWith("s-"));
    }
  }
}
