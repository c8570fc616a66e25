package org.engagement.clv.model;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.engagement.core.ingest.InvalidSourceException;
import org.junit.jupiter.api.Test;

/** The BG/BB input from CSV: the donations file of Fader, Hardie and Shang (2010), and bad rows rejected. */
class DiscreteSummaryCsvReaderTest {

  @Test
  void readsTheDonationsFileAsTheTestsOwnReaderDoes() throws IOException {
    DiscreteSummaryCsvReader.Result read;
    try (InputStream in = getClass().getResourceAsStream("/donations/donations.csv")) {
      read = DiscreteSummaryCsvReader.read(in, "donations");
    }
    assertThat(read.report().isClean()).isTrue();
    assertThat(read.summaries()).hasSize(22).first().isEqualTo(new DiscreteSummary(0, 0, 6, 3464));
    assertThat(read.summaries().stream().mapToLong(DiscreteSummary::weight).sum()).isEqualTo(11_104);
  }

  @Test
  void aRowThatIsNoHistoryIsRejectedNamingItsColumnAndTheOthersAreKept() throws IOException {
    String csv = "x,t_x,n,custs\n2,3,6,10\n3,2,6,1\n1,7,6,1\n0,0,6,0\n1,1.0,6,4\n";
    DiscreteSummaryCsvReader.Result read = DiscreteSummaryCsvReader.read(
        new ByteArrayInputStream(csv.getBytes(UTF_8)), "rf");
    assertThat(read.summaries()).containsExactly(new DiscreteSummary(2, 3, 6, 10), new DiscreteSummary(1, 1, 6, 4));
    assertThat(read.report().rejected()).isEqualTo(3);
    assertThat(read.report().rejections()).extracting(r -> r.field()).containsExactly("x", "t_x", "custs");
  }

  /**
   * Found reading the code against its javadoc: the layout was chosen by the column {@code frequency} alone, so a
   * BTYD file with another column of that name was refused for lacking {@code recency}, though other columns are
   * ignored and the header has the BTYD layout whole.
   */
  @Test
  void aBtydFileWithAnotherColumnCalledFrequencyIsReadAsBtyd() throws IOException {
    String csv = "x,t_x,n,custs,frequency\n2,3,6,10,weekly\n";
    DiscreteSummaryCsvReader.Result read = DiscreteSummaryCsvReader.read(
        new ByteArrayInputStream(csv.getBytes(UTF_8)), "rf");
    assertThat(read.report().isClean()).isTrue();
    assertThat(read.summaries()).containsExactly(new DiscreteSummary(2, 3, 6, 10));
  }

  /**
   * A blank cell is a value given as '' (the policy's message names the value), as every reader of {@code
   * CsvTable.Row.require} says it; "column 'n' is missing" read as a column the header lacks.
   */
  @Test
  void aBlankCellIsRejectedWithItsValueShown() throws IOException {
    String csv = "x,t_x,n\n2,3,\n1,1,6\n";
    DiscreteSummaryCsvReader.Result read = DiscreteSummaryCsvReader.read(
        new ByteArrayInputStream(csv.getBytes(UTF_8)), "rf");
    assertThat(read.summaries()).containsExactly(new DiscreteSummary(1, 1, 6, 1));
    assertThat(read.report().rejections()).extracting(r -> r.message("rf.csv"))
        .containsExactly("rf.csv:2: column 'n' value '' is invalid: must not be blank");
  }

  @Test
  void aHeaderWithoutEitherLayoutIsRefused() {
    assertThatThrownBy(() -> DiscreteSummaryCsvReader.read(
        new ByteArrayInputStream("frequency,recency,T\n1,1,6\n".getBytes(UTF_8)), "rf"))
        .isInstanceOf(InvalidSourceException.class).hasMessageContaining("lacks the column 'periods'");
  }
}
