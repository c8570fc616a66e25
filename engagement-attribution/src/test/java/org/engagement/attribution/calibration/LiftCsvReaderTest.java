package org.engagement.attribution.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.junit.jupiter.api.Test;

class LiftCsvReaderTest {

  @Test
  void readsRowsAndRejectsBadOnesWithTheirPosition() throws IOException {
    String csv = "Channel, incremental_conversions ,low,high,comment\n"
        + "search,120.5,80,161,holdout q1\n"
        + "video,-3,-10,4,\n"
        + "email,12,13,20,low above estimate\n"
        + "search,1,0,2,twice\n"
        + "social,abc,0,1,\n";
    CsvImport<LiftResult> read = LiftCsvReader.read(new StringReader(csv), "lift.csv");
    assertThat(read.values()).containsExactly(new LiftResult("search", 120.5, 80, 161),
        new LiftResult("video", -3, -10, 4));
    assertThat(read.report().rejections()).hasSize(3);
    assertThat(read.report().rejections().get(0).message("lift.csv")).contains("lift.csv:4").contains("low")
        .contains("13");
    assertThat(read.report().rejections().get(1).message("lift.csv")).contains("lift.csv:5").contains("channel")
        .contains("search");
    assertThat(read.report().rejections().get(2).message("lift.csv")).contains("lift.csv:6")
        .contains("incremental_conversions").contains("abc");
  }

  @Test
  void givenTheJourneysChannelsRejectsARowOnAnotherChannelWithItsLine() throws IOException {
    byte[] bytes = "channel,incremental_conversions,low,high\nsearch,1,0,2\nserach,2,1,3\n"
        .getBytes(StandardCharsets.UTF_8);
    CsvImport<LiftResult> read = LiftCsvReader.read(new ByteArrayInputStream(bytes), "lift.csv",
        ChannelIndex.of(List.of("search", "video")));
    assertThat(read.values()).containsExactly(new LiftResult("search", 1, 0, 2));
    assertThat(read.report().rejections()).singleElement().satisfies(r -> assertThat(r.message("lift.csv"))
        .isEqualTo("lift.csv:3: column 'channel' value 'serach' is invalid: must be a channel of the journeys"));
  }

  /**
   * An optional {@code level} column gives each interval's level (a bootstrap draws the experiment from its
   * interval at that level); a level of 0 or 1, or a blank one where the column exists, is rejected with its line.
   */
  @Test
  void readsEachIntervalsLevelWhereTheFileGivesIt() throws IOException {
    String csv = "channel,incremental_conversions,low,high,Level\n"
        + "search,10,6,16,0.9\nvideo,4,1,7,1\nemail,3,1,5,\nsocial,2,1,3,0.8\n";
    CsvImport<LiftResult> read = LiftCsvReader.read(new StringReader(csv), "lift.csv");
    assertThat(read.values()).containsExactly(new LiftResult("search", 10, 6, 16, 0.9),
        new LiftResult("social", 2, 1, 3, 0.8));
    assertThat(read.report().rejections()).extracting(r -> r.message("lift.csv")).containsExactly(
        "lift.csv:3: column 'level' value '1.0' is invalid: must be greater than 0 and less than 1",
        "lift.csv:4: column 'level' value '' is invalid: must not be blank");
    assertThat(LiftCsvReader.read(new StringReader("channel,incremental_conversions,low,high\nsearch,10,6,16\n"),
        "lift.csv").values()).singleElement().satisfies(lift -> assertThat(lift.level()).isEqualTo(0.95));
  }

  /**
   * Found by the fuzz suite: the bounds were the largest doubles, so the rule of a non-finite cell was two numbers
   * of 309 digits (a 640-character message) where the other readers say "must be a finite number".
   */
  @Test
  void aNumberThatIsNotFiniteIsRejectedWithAShortRule() throws IOException {
    String csv = "channel,incremental_conversions,low,high\nsearch,1e999,0,2\nvideo,1,-1e400,2\n";
    CsvImport<LiftResult> read = LiftCsvReader.read(new StringReader(csv), "lift.csv");
    assertThat(read.report().rejections()).extracting(r -> r.message("lift.csv")).containsExactly(
        "lift.csv:2: column 'incremental_conversions' value '1e999' is invalid: must be a finite number",
        "lift.csv:3: column 'low' value '-1e400' is invalid: must be a finite number");
  }

  @Test
  void refusesAFileWithoutTheColumns() {
    byte[] bytes = "channel,estimate,low,high\nsearch,1,0,2\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> LiftCsvReader.read(new ByteArrayInputStream(bytes), "lift.csv"))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("incremental_conversions");
  }
}
