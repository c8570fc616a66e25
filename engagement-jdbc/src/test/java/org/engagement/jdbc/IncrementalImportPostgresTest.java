package org.engagement.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InteractionImporter;
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
          .isInstanceOf(ImportException.class);
      assertThat(byNumber.importAfter(connection, Watermark.of(0), InteractionImporter.defaults(), i -> {})
          .report().accepted()).isEqualTo(1);
    }
  }
}
