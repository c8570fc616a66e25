package org.engagement.roi.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.engagement.core.ingest.csv.CsvImport;
import org.junit.jupiter.api.Test;

class HoldoutCsvReaderTest {
  private static CsvImport<HoldoutCsvReader.HeldOut> read(String csv) throws IOException {
    return HoldoutCsvReader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "holdout.csv");
  }

  @Test
  void rowsBecomePeopleByChannel() throws IOException {
    CsvImport<HoldoutCsvReader.HeldOut> rows = read(
        "customer_id,channel\nc0000002,direct\nc0000001,facebook-ads\nc0000001,direct\n");
    assertThat(rows.report().rejections()).isEmpty();
    Map<String, List<String>> byChannel = HoldoutCsvReader.byChannel(rows.values());
    assertThat(byChannel).containsExactly(Map.entry("direct", List.of("c0000002", "c0000001")),
        Map.entry("facebook-ads", List.of("c0000001")));
  }

  @Test
  void aRepeatedOrBlankRowIsRejectedAndTheOthersKept() throws IOException {
    CsvImport<HoldoutCsvReader.HeldOut> rows = read("Channel,customer_id\ndirect,a\ndirect,a\n,b\nsearch,c\n");
    assertThat(rows.values()).containsExactly(new HoldoutCsvReader.HeldOut("a", "direct"),
        new HoldoutCsvReader.HeldOut("c", "search"));
    assertThat(rows.report().rejections()).hasSize(2);
    assertThat(rows.report().rejections().get(0).toString()).contains("once");
  }

  /**
   * Found with a hand-made hostile file while extending the fuzz suite: the rows seen were a set of records, and
   * records are not Comparable, so ids whose hashes collide ("Aa" and "BB" have the same String hash; 16 such pairs
   * make 65,536 ids of one hash) made each row scan all the rows before it. This 2.5 MB file took 33 s of CPU time; it
   * now takes a fraction of a second.
   */
  @Test
  void idsWhoseHashesCollideAreReadInLinearTime() {
    int bits = 16;
    StringBuilder csv = new StringBuilder("customer_id,channel\n");
    for (int i = 0; i < 1 << bits; i++) {
      for (int b = 0; b < bits; b++) {
        csv.append((i >>> b & 1) == 0 ? "Aa" : "BB");
      }
      csv.append(",email\n");
    }
    CsvImport<HoldoutCsvReader.HeldOut> rows = assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> read(csv.toString()));
    assertThat(rows.report().accepted()).isEqualTo(1 << bits);
  }

  /** A repeated row's rule names its channel cut, as every value in a message is, not all 10,000 characters. */
  @Test
  void theRuleOfARepeatedRowShowsALongChannelCut() throws IOException {
    String channel = "c".repeat(10_000);
    CsvImport<HoldoutCsvReader.HeldOut> rows = read("customer_id,channel\na," + channel + "\na," + channel + "\n");
    assertThat(rows.report().rejections()).singleElement().satisfies(r -> assertThat(r.message("holdout.csv"))
        .isEqualTo("holdout.csv:3: column 'customer_id' value 'a' is invalid: must be held out of channel '"
            + "c".repeat(80) + "... (10000 characters)' once; an earlier row has it"));
  }
}
