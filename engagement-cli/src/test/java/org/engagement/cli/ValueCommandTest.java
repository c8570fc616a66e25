package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engagement.core.ingest.ImportReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValueCommandTest {



  /**
   * Three customers, worked by hand, as of 2024-03-31.
   *
   * <pre>
   * customer  purchases                              total  last purchase  recency days  frequency
   * a         2024-01-10 100, 2024-03-01T10:00Z 50   150    2024-03-01     30            2
   * b         2024-02-15 30                          30     2024-02-15     45            1
   * c         2024-03-01 20                          20     2024-03-01     30            1
   * </pre>
   *
   * Total 200. Ascending 20, 30, 150: sum i*x = 20 + 60 + 450 = 530, Gini = 2*530/(3*200) - 4/3 =
   * 0.433333. Top 1 %, 10 % and 20 % are each ceil(k*3) = 1 customer: 150/200 = 0.75. 80 % is 160: the top
   * customer has 150, the top two 180, so 2/3. RFM (n = 3, score 1 + floor(5*b/3), b = customers strictly
   * worse): recency a and c b = 1, R = 2; b R = 1. Frequency a b = 2, F = 4; b and c F = 1. So a is
   * (2, 4) At Risk, b (1, 1) Lost, c (2, 1) Hibernating.
   */
  @Test
  void smallFileWorkedByHand(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,timestamp,amount\n"
        + "a,2024-01-10,100\n"
        + "b,2024-02-15,30.00\n"
        + "a,2024-03-01T10:00:00Z,50\n"
        + "\n"
        + "c,2024-03-01,20\n");
    CliRun run = run("value", "--transactions", csv.toString(), "--as-of", "2024-03-31");
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    Map<String, String> m = run.metrics();
    assertThat(m).containsEntry("transactions", "4").containsEntry("rejected_rows", "0")
        .containsEntry("customers", "3").containsEntry("total_value", "200.00")
        .containsEntry("as_of", "2024-03-31")
        .containsEntry("top_1pct_share", "0.750000").containsEntry("top_10pct_share", "0.750000")
        .containsEntry("top_20pct_share", "0.750000").containsEntry("gini", "0.433333")
        .containsEntry("customer_share_for_80pct_value", "0.666667")
        .containsEntry("rfm_segment:At Risk", "1").containsEntry("rfm_segment:Lost", "1")
        .containsEntry("rfm_segment:Hibernating", "1").containsEntry("rfm_segment:Champions", "0");
    assertThat(m.keySet().stream().filter(k -> k.startsWith("rfm_segment:"))).hasSize(11)
        .contains("rfm_segment:Can't Lose Them");
  }

  @Test
  void badRowsAreReportedCountedAndLeftOut(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "Amount,Customer_ID,extra,Timestamp\n"
        + "10,a,x,2024-03-01\n"
        + "5,b,x,2024-13-01\n"
        + "5,c,x,2024-03-01T10:00:00\n"
        + "-1,d,x,2024-03-01\n"
        + "abc,e,x,2024-03-01\n"
        + "5, ,x,2024-03-01\n"
        + "5,f\n"
        + "30,g,x,20240302\n");
    CliRun run = run("value", "--transactions", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.metrics()).containsEntry("transactions", "2").containsEntry("rejected_rows", "6")
        .containsEntry("customers", "2").containsEntry("total_value", "40")
        .containsEntry("as_of", "2024-03-02");
    assertThat(run.err().lines()).containsExactly(
        csv + ":3: column 'timestamp' value '2024-13-01' is invalid: must be an ISO-8601 date (2024-03-01) or date-time with offset (2024-03-01T10:15:30Z)",
        csv + ":4: column 'timestamp' value '2024-03-01T10:00:00' is invalid: has no zone offset; a local time is ambiguous, give Z or an offset, such as 2024-03-01T10:15:30Z or 2024-03-01T11:15:30+01:00",
        csv + ":5: column 'amount' value '-1' is invalid: must not be negative",
        csv + ":6: column 'amount' value 'abc' is invalid: must be a decimal number in ASCII digits, such as 12.5",
        csv + ":7: column 'customer_id' value '' is invalid: must not be blank",
        csv + ":8: record has 2 fields; the header has 4");
  }

  @Test
  void transactionsFollowTheReadingPolicyOfEveryReader(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,timestamp,amount\n"
        + "a,2024-03-01,\uFF11\uFF10\n" // full-width digits
        + "b,2024-03-01,10,7\n" // a field the header does not name
        + "c\u001B[2J,2024-03-01,10\n" // an escape sequence is shown, not sent to the terminal
        + "d,2024-03-01,10\n");
    CliRun run = run("value", "--transactions", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.metrics()).containsEntry("transactions", "1").containsEntry("rejected_rows", "3");
    assertThat(run.err()).doesNotContain("\u001B");
    assertThat(run.err().lines()).satisfiesExactly(
        l -> assertThat(l).isEqualTo(csv + ":2: column 'amount' value '\uFF11\uFF10' is invalid: must be a decimal "
            + "number in ASCII digits, such as 12.5"),
        l -> assertThat(l).isEqualTo(csv + ":3: record has 4 fields; the header has 3"),
        l -> assertThat(l).startsWith(csv + ":4: column 'customer_id' value 'c\\u001B[2J' is invalid"));
    Path twice = dir.resolve("twice.csv");
    Files.writeString(twice, "customer_id,timestamp,amount,Amount\na,2024-03-01,10,20\n");
    CliRun refused = run("value", "--transactions", twice.toString());
    assertThat(refused.exit()).isEqualTo(1);
    assertThat(refused.err()).contains("header column 'amount' appears twice (columns 3 and 4)");
  }

  @Test
  void rowsAfterAsOfAreCountedAndLeftOut(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,timestamp,amount\na,2024-01-01,10\nb,2024-02-01,10\nb,2024-05-01,99\n");
    CliRun run = run("value", "--transactions", csv.toString(), "--as-of", "2024-03-01");
    assertThat(run.exit()).isZero();
    assertThat(run.metrics()).containsEntry("transactions", "2").containsEntry("excluded_after_as_of", "1")
        .containsEntry("total_value", "20").containsEntry("gini", "0.000000");
    assertThat(run.err()).contains("1 rows dated after --as-of 2024-03-01 were left out");
  }

  @Test
  void aMissingColumnOrFileIsAnError(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,when,amount\na,2024-01-01,10\n");
    CliRun run = run("value", "--transactions", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("lacks the column 'timestamp'");
    assertThat(run("value", "--transactions", dir.resolve("missing.csv").toString()).exit()).isEqualTo(1);
    assertThat(run("value", "--transactions", csv.toString(), "--as-of", "yesterday").exit()).isEqualTo(2);
    Path empty = dir.resolve("empty.csv");
    Files.writeString(empty, "customer_id,timestamp,amount\n");
    CliRun none = run("value", "--transactions", empty.toString());
    assertThat(none.exit()).isEqualTo(1);
    assertThat(none.metrics()).containsEntry("customers", "0");
    assertThat(none.err()).contains("no valid transactions");
  }

  /**
   * The CDNOW sample (Fader and Hardie; engagement-core's test resource {@code cdnow/CDNOW_sample.txt},
   * see the README there) converted to customer_id,timestamp,amount, against the concentration fixture
   * in the project reference "CLV, segmentation and lift", section 6: top 1 % 14.55 %, top 10 % 50.81 %,
   * top 20 % 67.46 %, Gini 0.6309, 32.97 % of customers for 80 % of revenue.
   */
  @Test
  void cdnowSampleMatchesTheReferenceFixture(@TempDir Path dir) throws IOException {
    Path sample = Path.of("..", "engagement-core", "src", "test", "resources", "cdnow", "CDNOW_sample.txt");
    List<String> rows = new ArrayList<>();
    rows.add("customer_id,timestamp,amount");
    for (String line : Files.readAllLines(sample, StandardCharsets.US_ASCII)) {
      String[] f = line.trim().split("\\s+", -1);
      if (f.length == 5) {
        rows.add(f[1] + "," + f[2].substring(0, 4) + "-" + f[2].substring(4, 6) + "-" + f[2].substring(6) + "," + f[4]);
      }
    }
    Path csv = dir.resolve("cdnow.csv");
    Files.write(csv, rows, StandardCharsets.UTF_8);
    CliRun run = run("value", "--transactions", csv.toString());
    assertThat(run.err()).isEmpty();
    assertThat(run.exit()).isZero();
    Map<String, String> m = run.metrics();
    assertThat(m).containsEntry("transactions", "6919").containsEntry("customers", "2357")
        .containsEntry("total_value", "244091.94").containsEntry("as_of", "1998-06-30");
    assertThat(Double.parseDouble(m.get("top_1pct_share"))).isBetween(0.14545, 0.14555);
    assertThat(Double.parseDouble(m.get("top_10pct_share"))).isBetween(0.50805, 0.50815);
    assertThat(Double.parseDouble(m.get("top_20pct_share"))).isBetween(0.67455, 0.67465);
    assertThat(Double.parseDouble(m.get("gini"))).isBetween(0.63085, 0.63095);
    assertThat(Double.parseDouble(m.get("customer_share_for_80pct_value"))).isBetween(0.32965, 0.32975);
    int segmented = m.entrySet().stream().filter(e -> e.getKey().startsWith("rfm_segment:"))
        .mapToInt(e -> Integer.parseInt(e.getValue())).sum();
    assertThat(segmented).isEqualTo(2357);
  }

  /**
   * Amounts that used to cost a billion-digit total ({@code 1e-999999999}), overflow a double ({@code 1e308}
   * twice: a stack trace after part of the output) or read full-width digits as a number are rejected with
   * the rule they break; the exact total of the others is kept.
   */
  @Test
  void amountsOutsideTheStatedRangeAreRejectedWithTheirRule(@TempDir Path dir) throws IOException {
    Path csv = dir.resolve("tx.csv");
    Files.writeString(csv, "customer_id,timestamp,amount\n"
        + "a,2024-01-01,1e-999999999\n"
        + "b,2024-01-01,1e308\n"
        + "c,2024-01-01,1e308\n"
        + "d,2024-01-01,\uff11\uff12\n"
        + "e,2024-01-01,1000000000000000.5\n"
        + "f,2024-01-01,1000000000000000\n"
        + "g,2024-01-01,0.000000000000000001\n"
        + "h,2024-01-01,2.5E2\n");
    CliRun run = run("value", "--transactions", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.noStackTrace()).as(run.err()).isTrue();
    assertThat(run.err().lines()).containsExactly(
        csv + ":2: column 'amount' value '1e-999999999' is invalid: must have at most 18 decimal places",
        csv + ":3: column 'amount' value '1e308' is invalid: must be at most 1000000000000000",
        csv + ":4: column 'amount' value '1e308' is invalid: must be at most 1000000000000000",
        csv + ":5: column 'amount' value '\uff11\uff12' is invalid: must be a decimal number in ASCII digits, such as 12.5",
        csv + ":6: column 'amount' value '1000000000000000.5' is invalid: must be at most 1000000000000000");
    assertThat(run.metrics()).containsEntry("transactions", "3").containsEntry("rejected_rows", "5")
        .containsEntry("total_value", "1000000000000250.000000000000000001");
    assertThat(run.metrics()).containsEntry("gini", "0.666667").containsEntry("top_1pct_share", "1.000000");
  }

  @Test
  void aColumnNamedTwiceOrARowWithExtraFieldsIsRefused(@TempDir Path dir) throws IOException {
    Path twice = Files.writeString(dir.resolve("twice.csv"), "customer_id,amount,timestamp,Amount\na,1,2024-01-01,2\n");
    CliRun run = run("value", "--transactions", twice.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).isEmpty();
    assertThat(run.err()).isEqualTo("cannot read " + twice + ": header column 'amount' appears twice (columns 2 and 4);"
        + " nothing was computed\n");
    Path extra = Files.writeString(dir.resolve("extra.csv"), "customer_id,timestamp,amount\na,2024-01-01,1,9\n"
        + "b,2024-01-01,2\n");
    CliRun wide = run("value", "--transactions", extra.toString());
    assertThat(wide.exit()).isEqualTo(1);
    assertThat(wide.err()).isEqualTo(extra + ":2: record has 4 fields; the header has 3\n");
    assertThat(wide.metrics()).containsEntry("transactions", "1");
  }

  /** A stray quote rejects its row only: the reader resynchronises at the next line (it used to stop there). */
  @Test
  void aStrayQuoteRejectsItsRowAndTheRowsAfterItAreRead(@TempDir Path dir) throws IOException {
    Path csv = Files.writeString(dir.resolve("tx.csv"), "customer_id,timestamp,amount\na,2024-01-01,1\n"
        + "b,\"2024-01-01,2\nc,2024-01-01,3\n");
    CliRun run = run("value", "--transactions", csv.toString());
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.metrics()).containsEntry("transactions", "2").containsEntry("rejected_rows", "1")
        .containsEntry("total_value", "4");
    assertThat(run.err()).startsWith(csv + ":3: ").contains("quote").endsWith("\n");
    assertThat(run.err().lines()).hasSize(1);
  }

  /**
   * The reader hands each row over as it is read, keeping nothing per row: when the last characters of a
   * 300,000-row input are asked for, all but the last few rows have already been added to their customers.
   * (The command used to collect every row before adding any: 5 million rows took 2.2 GB.)
   */
  @Test
  void rowsAreAddedAsTheyAreRead() throws IOException, Failure {
    int rows = 300_000;
    long[] seen = new long[1];
    long[] seenAtEnd = {-1};
    InputStream generated = new InputStream() {
      private int row = -1;
      private byte[] pending = "customer_id,timestamp,amount\n".getBytes(StandardCharsets.US_ASCII);
      private int at;

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0];
      }

      @Override
      public int read(byte[] buffer, int offset, int length) {
        if (at == pending.length) {
          if (++row == rows) {
            seenAtEnd[0] = seen[0];
            return -1;
          }
          pending = ("c" + (row % 10) + ",2024-01-01," + (row % 100) + ".25\n").getBytes(StandardCharsets.US_ASCII);
          at = 0;
        }
        int n = Math.min(length, pending.length - at);
        System.arraycopy(pending, at, buffer, offset, n);
        at += n;
        return n;
      }
    };
    TransactionReader.Sink sink = (customerId, date, amount) -> seen[0]++;
    ImportReport report = new TransactionReader("generated", sink).read(generated);
    assertThat(report.read()).isEqualTo(rows);
    assertThat(report.rejected()).as(report.rejections().toString()).isZero();
    assertThat(seen[0]).isEqualTo(rows);
    assertThat(seenAtEnd[0]).isGreaterThan(rows - 1_000);
  }
}
