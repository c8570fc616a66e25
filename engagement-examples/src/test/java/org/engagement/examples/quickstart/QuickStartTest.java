package org.engagement.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void accountsForTheThreeDeliberatelyBadSampleRecords() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("Import: csv: read 1641, accepted 1638, rejected 2, duplicates 1");
    assertThat(out).contains("column 'timestamp' value '2024-03-05T09:00:00' is invalid: has no zone offset");
    assertThat(out).contains("column 'value' value '-49.00 EUR' is invalid: must not be negative");
    assertThat(out).contains("column 'source_id' value 'evt-").contains("repeats the source id of record");
    assertThat(out).contains("Organic Social", "Events", "PR", "Organic Search", "Direct");
    assertThat(out).containsPattern("Segment 'spent 500 EUR or more': \\d+ of 120 customers");
  }
}
