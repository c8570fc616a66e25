package org.engagement.core.ingest.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportMode;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.Rejection;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * The direct path of a CSV import into columns ({@link InteractionImporter#run(org.engagement.core.ingest.ChannelAdapter,
 * java.io.InputStream, InteractionColumns.Builder)}: plain rows added without an {@code Interaction}) against the
 * general path ({@code run(adapter, input, columns::add)}): on random files mixing valid rows with every fault the
 * direct path must hand back (untrimmed fields, timestamps outside the common shape or the years 0001-9999,
 * fractions, offsets, unknown types and directions, bad channel groups, control characters and over-long customer
 * ids, values, source ids and their duplicates, attributes, content, the wrong number of fields, quotes, blank
 * lines), under random importer and adapter settings, both give equal columns, equal reports (counts, retained
 * rejections with their messages, duplicates), the same rejections to the listener, and in strict mode the same
 * exception.
 */
class CsvDirectPathTest {
  private static final String[][] COLUMNS = {
      {"customer_id", "c1", "c2", "c3", "c17", "customer-0042", " c3", "c4 ", "", "c\t5", "\"c6\"", "c1",
          "x".repeat(257), "\"c 7\"", "é8", "c1"},
      {"timestamp", "2024-03-01T10:15:30Z", "2024-12-31T23:59:59Z", "2024-03-01T10:15:30+01:00",
          "2024-03-01T10:15:30-05:30", "2024-03-01T10:15:30.5Z", "2024-02-30T10:00:00Z", "2023-02-29T10:00:00Z",
          "2024-02-29T10:00:00Z", "0000-06-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "0001-01-01T00:00:00Z",
          "9999-12-31T23:59:59-01:00", "9999-12-31T23:59:59Z", "2024-03-01T10:15:30", "2024-03-01",
          " 2024-03-01T10:15:30Z", "2024-03-01T10:15:30+18:30", "2024-03-01T10:15:30+18:00",
          "2024-03-01T10:15:30+01:00[Europe/Paris]", "", "2024-03-01T24:00:00Z", "2024-03-01t10:15:30z",
          "2024-03-01T10:15:30+0100"},
      {"type", "visit", "click", "purchase", "visit", "Support request", "VISIT", " visit", "nonsense", "",
          "\"visit\""},
      {"direction", "", "", "inbound", "outbound", "in", " OUT", "sideways"},
      {"channel", "", "direct", "email", "Email", "partner-referral", "\"partner-referral\"", "new-one", " email"},
      {"channel_name", "", "\"Partner referrals\"", "Email", ""},
      {"channel_group", "", "", "referral", "direct", "email", "bogus", "paid_search"},
      {"utm_source", "", "", "google", "newsletter"},
      {"utm_medium", "", "cpc", "email"},
      {"value", "", "", "", "12.50", "-1", "abc", " "},
      {"currency", "", "EUR", "XX"},
      {"source_id", "", "", "", "s1", "s2", "s3", " "},
      {"device", "", "", "mobile", " "},
      {"text", "", "", "", "hello"},
  };
  private static final String[] NOISE = {"", "   ", "c1,\"unclosed", "a,b", "\"", "c1,2024-03-01T10:15:30Z\u0001",
      "\r", "x,\"y\"z,w"};

  @Property(tries = 400)
  void theDirectPathGivesTheGeneralPathsColumnsAndReport(@ForAll long seed,
      @ForAll @IntRange(min = 0, max = 300) int rows, @ForAll @IntRange(min = 0, max = 15) int settings)
      throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] file = file(random, rows);
    InteractionImporter.Builder importer = InteractionImporter.builder()
        .mode((settings & 1) == 0 ? ImportMode.LENIENT : ImportMode.STRICT)
        .detectDuplicates((settings & 2) == 0)
        .maxRetainedRejections((settings & 4) == 0 ? 10_000 : 3);
    CsvInteractionAdapter adapter = adapter(settings >> 3);

    Outcome general = run(importer, adapter, file, false);
    Outcome direct = run(importer, adapter, file, true);

    assertThat(direct.columns).isEqualTo(general.columns);
    assertThat(direct.report).isEqualTo(general.report);
    assertThat(direct.heard).isEqualTo(general.heard);
    assertThat(direct.failure).isEqualTo(general.failure);
  }

  @Test
  void aFileOfPlainRowsGoesTheDirectPathAndReadsAsTheGeneralPath() throws IOException {
    StringBuilder text = new StringBuilder("customer_id,timestamp,type,direction,channel,channel_name,channel_group,"
        + "value,currency,source_id,purchase_number\n");
    for (int i = 0; i < 30_000; i++) {
      text.append('c').append(i / 5).append(",2024-03-").append(10 + i % 19).append("T10:15:").append(10 + i % 50)
          .append(i % 7 == 0 ? "+02:00" : "Z").append(i % 3 == 0 ? ",visit,inbound" : ",click,")
          .append(i % 2 == 0 ? ",partner-referral,\"Partner referrals\",referral" : ",direct,Direct,direct")
          .append(i % 100 == 0 ? ",12.5,EUR,s" + i + ",1\n" : ",,,,\n");
    }
    byte[] file = text.toString().getBytes(UTF_8);
    InteractionImporter.Builder importer = InteractionImporter.builder();

    Outcome general = run(importer, new CsvInteractionAdapter(), file, false);
    Outcome direct = run(importer, new CsvInteractionAdapter(), file, true);

    assertThat(general.report.accepted()).isEqualTo(30_000);
    assertThat(direct.columns).isEqualTo(general.columns);
    assertThat(direct.report).isEqualTo(general.report);
    assertThat(direct.columns.get(29_999).customerId()).isEqualTo("c5999");
  }

  private static Outcome run(InteractionImporter.Builder settings, CsvInteractionAdapter adapter, byte[] file,
      boolean direct) throws IOException {
    List<String> heard = new ArrayList<>();
    InteractionImporter importer = settings.rejectionListener(rejection -> heard.add(shown(rejection))).build();
    InteractionColumns.Builder columns = InteractionColumns.builder();
    @Nullable ImportReport report = null;
    @Nullable String failure = null;
    try {
      report = direct ? importer.run(adapter, new ByteArrayInputStream(file), columns)
          : importer.run(adapter, new ByteArrayInputStream(file), columns::add);
    } catch (ImportException e) {
      report = e.report();
      failure = e.getMessage();
    }
    return new Outcome(List.copyOf(columns.build()), Objects.requireNonNull(report), heard, failure);
  }

  private static String shown(Rejection rejection) {
    return rejection.position() + " " + rejection.kind() + " " + rejection.field() + " " + rejection.value() + " "
        + rejection.reason();
  }

  private static CsvInteractionAdapter adapter(int kind) {
    return switch (kind) {
      case 0 -> new CsvInteractionAdapter();
      case 1 -> CsvInteractionAdapter.builder()
          .channels(List.of(Channel.of("email", "Email", ChannelGroup.EMAIL)))
          .unknownChannels(UnknownChannelPolicy.REJECT).build();
      default -> CsvInteractionAdapter.builder().unknownChannels(UnknownChannelPolicy.CLASSIFY)
          .classifiedChannelNaming(ClassifiedChannelNaming.SOURCE_MEDIUM).build();
    };
  }

  /** A header of the three required columns and a random choice of the others, then random rows and noise. */
  private static byte[] file(SplittableRandom random, int rows) {
    List<String[]> columns = new ArrayList<>();
    for (int c = 0; c < COLUMNS.length; c++) {
      if (c < 3 || random.nextInt(3) != 0) {
        columns.add(COLUMNS[c]);
      }
    }
    boolean clean = random.nextBoolean();
    StringBuilder text = new StringBuilder();
    for (String[] column : columns) {
      text.append(text.length() == 0 ? "" : ",").append(column[0]);
    }
    text.append('\n');
    for (int r = 0; r < rows; r++) {
      if (!clean && random.nextInt(12) == 0) {
        text.append(NOISE[random.nextInt(NOISE.length)]).append(random.nextBoolean() ? "\n" : "\r\n");
        continue;
      }
      for (int c = 0; c < columns.size(); c++) {
        String[] values = columns.get(c);
        // a clean file keeps to the first few values of each column: mostly rows the direct path takes
        int choices = clean ? Math.min(values.length - 1, 3) : values.length - 1;
        text.append(c == 0 ? "" : ",").append(values[1 + random.nextInt(choices)]);
      }
      text.append(random.nextInt(10) == 0 ? "\r\n" : "\n");
    }
    return text.toString().getBytes(UTF_8);
  }

  private record Outcome(List<Interaction> columns, ImportReport report, List<String> heard, @Nullable String failure) {}
}
