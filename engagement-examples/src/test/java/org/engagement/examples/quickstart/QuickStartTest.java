package org.engagement.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickStartTest {

  @Test
  void importsTheBundledWorldAndShowsWhatBadRecordsLookLike() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    QuickStart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertThat(out).contains("Import: csv: read 27050, accepted 27050, rejected 0, duplicates 0");
    assertThat(out).contains("read 4, accepted 1, rejected 2, duplicates 1");
    assertThat(out).contains("line 3: column 'timestamp' value '2024-03-05T09:00:00' is invalid: has no zone offset");
    assertThat(out).contains("line 4: column 'value' value '-49.00 EUR' is invalid: must not be negative");
    assertThat(out).contains("line 5: column 'source_id' value 'evt-1' is invalid: repeats the source id of record");
    assertThat(out).contains("Organic Social", "Events", "PR", "Paid Search", "Direct");
    assertThat(out).containsPattern("Segment 'spent 500 EUR or more': \\d+ of 4013 customers");
  }
}
