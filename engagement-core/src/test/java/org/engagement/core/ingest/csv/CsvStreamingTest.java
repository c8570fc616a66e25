package org.engagement.core.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.junit.jupiter.api.Test;

/** The adapter streams: it hands out records long before it has read the whole source. */
class CsvStreamingTest {
  private static final int ROWS = 200_000;

  /** Makes rows on demand and remembers how many bytes have been taken from it. */
  private static final class GeneratedCsv extends InputStream {
    private byte[] chunk = "customer_id,timestamp,type,channel,source_id\n".getBytes(StandardCharsets.UTF_8);
    private int pos;
    private int row;
    long served;

    @Override
    public int read() {
      if (pos == chunk.length && !refill()) {
        return -1;
      }
      served++;
      return chunk[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (pos == chunk.length && !refill()) {
        return -1;
      }
      int n = Math.min(len, chunk.length - pos);
      System.arraycopy(chunk, pos, b, off, n);
      pos += n;
      served += n;
      return n;
    }

    private boolean refill() {
      if (row == ROWS) {
        return false;
      }
      row++;
      chunk = ("c-" + row + ",2024-03-01T10:15:30Z,visit,web,s-" + row + "\n").getBytes(StandardCharsets.UTF_8);
      pos = 0;
      return true;
    }
  }

  @Test
  void firstInteractionArrivesAfterReadingOnlyTheFirstBuffers() throws IOException {
    GeneratedCsv source = new GeneratedCsv();
    long[] servedAtFirst = {-1};
    long[] count = {0};
    ImportReport report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), source, interaction -> {
      if (count[0]++ == 0) {
        servedAtFirst[0] = source.served;
      }
    });

    assertThat(report.accepted()).isEqualTo(ROWS);
    assertThat(source.served).as("the whole source was read").isGreaterThan(7_000_000);
    assertThat(servedAtFirst[0]).as("bytes read before the first interaction").isLessThan(200_000);
  }
}
