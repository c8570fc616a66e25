package org.engagement.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Incremental imports on a real PostgreSQL: only the rows after the watermark, and the new watermark. */
@ExtendWith(RequiresPostgres.class)
class IncrementalImportPostgresTest {
  private static TestDatabase db;

  @BeforeAll
  static void create() throws SQLException {
    db = TestDatabase.create();
  }

  @AfterAll
  static void drop() throws SQLException {
    if (db != null) {
      db.close();
    }
  }

  @Test
  void readsOnlyTheRowsAfterTheWatermarkAndReturnsTheNewOne() throws Exception {
    db.execute("CREATE TABLE by_id (" + SampleRows.TABLE_COLUMNS + ")");
    JdbcInteractionSource source = JdbcInteractionSource.builder("SELECT * FROM by_id").keyColumn("id")
        .watermarkColumn("id").fetchSize(700).build();
    db.insert(SampleRows.insert("by_id"), 1, 10_001, SampleRows::parameters);

    IncrementalImport first;
    IncrementalImport second;
    IncrementalImport third;
    List<Interaction> secondRows = new ArrayList<>();
    try (Connection connection = db.connect()) {
      first = source.importAfter(connection, null, InteractionImporter.defaults(), i -> {});
      db.insert(SampleRows.insert("by_id"), 10_001, 12_501, SampleRows::parameters);
      Watermark kept = Watermark.parse(first.watermark().toString());
      second = source.importAfter(connection, kept, InteractionImporter.defaults(), secondRows::add);
      third = source.importAfter(connection, second.watermark(), InteractionImporter.defaults(), i -> {});
    }

    assertThat(first.report().read()).isEqualTo(10_000);
    assertThat(first.watermark()).isEqualTo(Watermark.of(10_000));
    assertThat(second.report().read()).isEqualTo(2_500);
    long bad = LongStream.range(10_001, 12_501).filter(i -> SampleRows.rejected(i) || SampleRows.duplicate(i)).count();
    assertThat(second.report().accepted()).isEqualTo(2_500 - bad).isEqualTo(secondRows.size());
    assertThat(second.report().rejections()).allSatisfy(r -> assertThat(Long.parseLong(r.position().key())).isGreaterThan(10_000));
    assertThat(secondRows).allSatisfy(i -> assertThat(Long.parseLong(i.sourceId().substring(2))).isGreaterThan(10_000));
    assertThat(second.watermark()).isEqualTo(Watermark.of(12_500));
    assertThat(third.report().read()).isZero();
    assertThat(third.watermark()).isEqualTo(second.watermark());
  }

  @Test
  void rowsSharingATimestampWatermarkAreReadOnceAcrossImports() throws Exception {
    db.execute("CREATE TABLE touches (customer_id text, \"timestamp\" timestamptz, type text, channel text, "
        + "source_id text, loaded_at timestamptz)");
    JdbcInteractionSource source = JdbcInteractionSource.builder("SELECT * FROM touches")
        .watermarkColumn("loaded_at").fetchSize(64).build();
    Set<String> seen = new HashSet<>();
    List<Watermark> marks = new ArrayList<>();
    long read = 0;
    try (Connection connection = db.connect()) {
      Watermark mark = null;
      for (int batch = 0; batch < 4; batch++) {
        db.execute("INSERT INTO touches SELECT 'c-' || g, timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute', "
            + "'visit', 'web', 's-' || g, timestamptz '2024-06-01 00:00:00+00' + (g / 10) * interval '1 second' "
            + "FROM generate_series(" + batch * 1_000 + ", " + (batch * 1_000 + 999) + ") g");
        IncrementalImport result = source.importAfter(connection, mark, InteractionImporter.defaults(),
            i -> assertThat(seen.add(i.sourceId())).as("read once: %s", i.sourceId()).isTrue());
        read += result.report().read();
        mark = result.watermark();
        marks.add(mark);
      }
    }

    assertThat(read).isEqualTo(4_000);
    assertThat(seen).hasSize(4_000);
    assertThat(marks).extracting(Object::toString).containsExactly(
        "time:2024-06-01T00:01:39Z", "time:2024-06-01T00:03:19Z", "time:2024-06-01T00:04:59Z",
        "time:2024-06-01T00:06:39Z");
    assertThat(seen.stream().filter(id -> id.equals("s-0") || id.equals("s-3999"))).hasSize(2);
  }

  @Test
  void aTextWatermarkForATimestampColumnIsRefusedBeforeTheQueryRuns() throws Exception {
    db.execute("CREATE TABLE stamped (customer_id text, \"timestamp\" timestamptz, type text, channel text, "
        + "loaded_at timestamptz)",
        "INSERT INTO stamped VALUES ('c', now(), 'visit', 'web', now())");
    JdbcInteractionSource source = JdbcInteractionSource.builder("SELECT * FROM stamped")
        .watermarkColumn("loaded_at").build();
    try (Connection connection = db.connect()) {
      assertThatThrownBy(() -> source.importAfter(connection, Watermark.of("2024-06-01"),
          InteractionImporter.defaults(), i -> {}))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("watermark 'text:2024-06-01' does not fit watermark column 'loaded_at' of SQL type "
              + "timestamptz: the column needs a timestamp watermark (time:ISO-8601-instant); the query was not run")
          .hasMessageNotContaining("operator does not exist")
          .hasRootCauseInstanceOf(InvalidSourceException.class);
      assertThat(connection.getAutoCommit()).isTrue();
      assertThat(source.importAfter(connection, Watermark.of(Instant.EPOCH), InteractionImporter.defaults(), i -> {})
          .report().accepted()).isEqualTo(1);
    }
  }

  @Test
  void aRowLimitStopsWhereTheWatermarkChangesSoTheNextImportNeitherRepeatsNorSkipsARow() throws Exception {
    db.execute("CREATE TABLE backlog (customer_id text, \"timestamp\" timestamptz, type text, channel text, "
        + "source_id text, loaded_at timestamptz)",
        "INSERT INTO backlog SELECT CASE WHEN g % 37 = 0 THEN '' ELSE 'c-' || g END, "
        + "timestamptz '2024-01-01 00:00:00+00' + g * interval '1 minute', 'visit', 'web', 's-' || g, "
        + "timestamptz '2024-06-01 00:00:00+00' + (g / 10) * interval '1 second' FROM generate_series(0, 2499) g");
    JdbcInteractionSource source = JdbcInteractionSource.builder("SELECT * FROM backlog")
        .keyColumn("source_id").watermarkColumn("loaded_at").rowLimit(95).fetchSize(64).build();
    Set<String> delivered = new HashSet<>();
    List<IncrementalImport> runs = new ArrayList<>();
    try (Connection connection = db.connect()) {
      Watermark mark = null;
      IncrementalImport run;
      do {
        List<String> ids = new ArrayList<>();
        run = source.importAfter(connection, mark, InteractionImporter.defaults(), i -> ids.add(i.sourceId()));
        Set<String> rejected = new HashSet<>();
        run.report().rejections().forEach(r -> rejected.add(r.position().key()));
        ids.addAll(rejected);
        assertThat(ids).allSatisfy(id -> assertThat(delivered.add(id)).as("read once: %s", id).isTrue());
        assertThat(run.watermark()).as("the watermark is the last row read's")
            .isEqualTo(Watermark.of(Instant.parse("2024-06-01T00:00:00Z").plusSeconds(delivered.size() / 10 - 1)));
        mark = run.watermark();
        runs.add(run);
      } while (run.more());
    }

    assertThat(delivered).hasSize(2_500);
    assertThat(runs).hasSize(25).allSatisfy(r -> assertThat(r.report().isComplete()).isTrue());
    assertThat(runs.subList(0, 24)).allSatisfy(r -> {
      assertThat(r.report().read()).as("95 rows, then the rest of the tenth second's ten").isEqualTo(100);
      assertThat(r.more()).isTrue();
    });
    assertThat(runs.get(24).more()).isFalse();
    assertThat(runs.stream().mapToLong(r -> r.report().rejected()).sum()).isEqualTo(68);
  }

  @Test
  void anImportStoppedByAFailureReturnsTheWatermarkOfTheRowsDeliveredAndTheNextGoesOnFromThere()
      throws Exception {
    db.execute("CREATE TABLE failing (" + SampleRows.TABLE_COLUMNS + ")");
    db.insert(SampleRows.insert("failing"), 1, 3_001, SampleRows::parameters);
    JdbcInteractionSource source = JdbcInteractionSource.builder("SELECT * FROM failing").keyColumn("id")
        .watermarkColumn("id").fetchSize(100).build();
    Set<String> delivered = new HashSet<>();
    IncrementalImport stopped;
    IncrementalImport rest;
    try (Connection connection = db.connect()) {
      Connection faulty = FaultyDriver.failingOnRow(connection, 1_234);
      stopped = source.importAfter(faulty, null, InteractionImporter.defaults(),
          i -> assertThat(delivered.add(i.sourceId())).isTrue());
      rest = source.importAfter(connection, stopped.watermark(), InteractionImporter.defaults(),
          i -> assertThat(delivered.add(i.sourceId())).as("read once: %s", i.sourceId()).isTrue());
    }

    assertThat(stopped.report().isComplete()).isFalse();
    assertThat(stopped.report().failureReason()).hasValueSatisfying(f -> assertThat(f).contains("IllegalStateException"));
    assertThat(stopped.report().read()).isEqualTo(1_234);
    assertThat(stopped.watermark()).as("every row before the failing one, and no more").isEqualTo(Watermark.of(1_233));
    assertThat(stopped.more()).isFalse();
    assertThat(rest.report().read()).isEqualTo(3_000 - 1_233);
    assertThat(rest.watermark()).isEqualTo(Watermark.of(3_000));
    long accepted = LongStream.rangeClosed(1, 3_000)
        .filter(i -> !SampleRows.rejected(i) && !SampleRows.duplicate(i)).count();
    assertThat(delivered).as("every good row, once").hasSize((int) accepted);
  }

  @Test
  void aWatermarkOfAnotherKindOrAColumnThatCannotBeOneIsRefused() throws Exception {
    db.execute("CREATE TABLE kinds (customer_id text, \"timestamp\" timestamptz, type text, channel text, "
        + "seen_on date, n bigint)",
        "INSERT INTO kinds VALUES ('c', now(), 'visit', 'web', current_date, 1)");
    try (Connection connection = db.connect()) {
      JdbcInteractionSource byDate = JdbcInteractionSource.builder("SELECT * FROM kinds").watermarkColumn("seen_on").build();
      JdbcInteractionSource byNumber = JdbcInteractionSource.builder("SELECT * FROM kinds").watermarkColumn("n").build();

      assertThatThrownBy(() -> byDate.importAfter(connection, null, InteractionImporter.defaults(), i -> {}))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("watermark column 'seen_on' has SQL type date");
      assertThatThrownBy(() -> byNumber.importAfter(connection, Watermark.of(java.time.Instant.EPOCH),
          InteractionImporter.defaults(), i -> {}))
          .isInstanceOf(ImportException.class)
          .hasMessageContaining("watermark 'time:1970-01-01T00:00:00Z' does not fit watermark column 'n' of SQL "
              + "type int8: the column needs a whole-number watermark (sequence:N); the query was not run")
          .hasCauseInstanceOf(InvalidSourceException.class)
          .hasRootCauseInstanceOf(InvalidSourceException.class);
      assertThat(byNumber.importAfter(connection, Watermark.of(0), InteractionImporter.defaults(), i -> {})
          .report().accepted()).isEqualTo(1);
    }
  }
}
