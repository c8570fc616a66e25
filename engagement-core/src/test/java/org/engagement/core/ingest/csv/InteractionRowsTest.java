package org.engagement.core.ingest.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.domain.Interaction;
import org.junit.jupiter.api.Test;

/** Rows of named values are mapped and judged exactly as the same rows in CSV. */
class InteractionRowsTest {
  private static final List<String> COLUMNS =
      List.of("Customer_ID", "timestamp", "type", "channel", "value", "currency", "source_id", "region");

  @Property(tries = 300)
  void aRowIsAcceptedOrRejectedAsTheSameRowInCsv(@ForAll("rows") List<String> row) throws IOException {
    InteractionRows rows = InteractionRows.bind(COLUMNS, new CsvInteractionAdapter());
    AdapterRecord fromValues = rows.parse(row.toArray(String[]::new), new SourcePosition(1, 2));

    String csv = String.join(",", COLUMNS) + "\n" + String.join(",", row) + "\n";
    List<Interaction> accepted = new ArrayList<>();
    ImportReport report = InteractionImporter.builder().detectDuplicates(false).build()
        .run(new CsvInteractionAdapter(), new ByteArrayInputStream(csv.getBytes(UTF_8)), accepted::add);

    if (fromValues instanceof AdapterRecord.Accepted a) {
      assertThat(accepted).containsExactly(a.interaction());
    } else {
      Rejection mine = ((AdapterRecord.Rejected) fromValues).rejection();
      assertThat(report.rejections()).singleElement().satisfies(r -> {
        assertThat(r.field()).isEqualTo(mine.field());
        assertThat(r.value()).isEqualTo(mine.value());
        assertThat(r.reason()).isEqualTo(mine.reason());
      });
    }
  }

  @Provide
  Arbitrary<List<String>> rows() {
    return Combinators.combine(
        Arbitraries.of("c-1", "  c-2 ", "", "c 3"),
        Arbitraries.of("2024-03-01T10:15:30Z", "2024-03-01T11:15:30+01:00", "2024-03-01T10:15:30", "2024-13-01T00:00:00Z", ""),
        Arbitraries.of("click", "purchase", "PURCHASE", "teleport", ""),
        Arbitraries.of("email", "web", ""),
        Arbitraries.of("", "12.50", "-1", "1e3", "abc"),
        Arbitraries.of("", "EUR", "eur", "XX"),
        Arbitraries.of("", "s-1"),
        Arbitraries.of("", "north"))
        .as((c, t, ty, ch, v, cur, s, r) -> List.of(c, t, ty, ch, v, cur, s, r));
  }

  @Test
  void controlCharactersAndOverlongValuesAreRejectedAsTheCsvPolicyRejectsThem() {
    CsvInteractionAdapter config = CsvInteractionAdapter.builder().maxFieldLength(30).build();
    InteractionRows rows = InteractionRows.bind(List.of("customer_id", "timestamp", "type", "channel", "text"), config);
    SourcePosition at = SourcePosition.ofKey(4, "row-4");

    AdapterRecord bell = rows.parse(new String[] {"c\u0007", "2024-03-01T10:15:30Z", "click", "web", ""}, at);
    AdapterRecord tooLong = rows.parse(new String[] {"c", "2024-03-01T10:15:30Z", "click", "web", "x".repeat(31)}, at);
    AdapterRecord lineBreak = rows.parse(new String[] {"c", "2024-03-01T10:15:30Z", "click", "web", "a\r\nb\tc"}, at);

    assertThat(bell).hasToString("Rejected[rejection=record 4 (key 'row-4'): column 'customer_id' value "
        + "'c\\u0007' is invalid: must not contain control characters (found U+0007)]");
    assertThat(((AdapterRecord.Rejected) tooLong).rejection().reason()).isEqualTo("must be at most 30 characters");
    assertThat(lineBreak).isInstanceOf(AdapterRecord.Accepted.class);
  }

  @Test
  void columnsAreBoundAsACsvHeaderIs() {
    assertThatThrownBy(() -> InteractionRows.bind(List.of("customer_id", "timestamp", "channel"), new CsvInteractionAdapter()))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("missing required column(s) 'type'");
    assertThatThrownBy(() -> InteractionRows.bind(List.of("custmer_id", "timestamp", "type", "channel"), new CsvInteractionAdapter()))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("looks like a misspelling of 'customer_id'");
    assertThat(InteractionRows.bind(List.of("TYPE", "Timestamp", "customer_id", "channel", "region"),
        new CsvInteractionAdapter()).columnNames()).containsExactly("type", "timestamp", "customer_id", "channel", "region");
  }
}
