package org.engagement.roi.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
}
