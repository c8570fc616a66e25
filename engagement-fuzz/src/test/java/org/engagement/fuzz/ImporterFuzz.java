package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.ingest.csv.CsvPolicy;

/**
 * Fuzzes the interactions CSV adapter through {@link InteractionImporter}: plain interactions, and with the
 * conversation column {@code text} (kept as it is: commas, quotes, line breaks and all).
 */
final class ImporterFuzz {
  static final String SOURCE = "interactions.csv";
  private static final CsvPolicy POLICY = new CsvPolicy(300, 1_500);
  private static final List<Channel> CHANNELS = List.of(
      Channel.of("email", ChannelGroup.EMAIL), Channel.of("paid-search", ChannelGroup.PAID_SEARCH),
      Channel.of("social", ChannelGroup.ORGANIC_SOCIAL), Channel.of("display", ChannelGroup.DISPLAY));
  private static final InteractionType[] TYPES = InteractionType.values();
  private static final String[] CURRENCIES = {"EUR", "USD", "GBP"};
  private static final String[] OFFSETS = {"Z", "+01:00", "-05:00", "+05:30", "+12:45"};
  private static final String[] TEXTS = {
    "Hello", "Thanks, that helps", "He said \"no\"", "line one\nline two", "a\r\nb", "tab\tinside",
    "naïve 日本語 😀", "=cmd|calc", "trailing quote\"", "\"quoted\"", "comma,\nnewline,\"quote\""};
  private static final List<CorruptCsv.Column> PLAIN = List.of(
      new CorruptCsv.Column("customer_id", true, (rnd, row) -> "c" + rnd.nextInt(1_000)),
      new CorruptCsv.Column("timestamp", true, ImporterFuzz::timestamp),
      new CorruptCsv.Column("type", true, (rnd, row) -> TYPES[rnd.nextInt(TYPES.length)].id()),
      new CorruptCsv.Column("channel", true, (rnd, row) -> CHANNELS.get(rnd.nextInt(CHANNELS.size())).id()),
      new CorruptCsv.Column("value", true, (rnd, row) -> rnd.nextInt(100_000) + "." + rnd.nextInt(10) + rnd.nextInt(10)),
      new CorruptCsv.Column("currency", true, (rnd, row) -> CURRENCIES[rnd.nextInt(CURRENCIES.length)]),
      new CorruptCsv.Column("source_id", true, Cells::id));
  private static final CorruptCsv PLAIN_CSV = new CorruptCsv(PLAIN, 4, POLICY.maxFieldLength(), POLICY.maxRecordLength());
  private static final CorruptCsv CONVERSATION_CSV = new CorruptCsv(conversation(), 4, POLICY.maxFieldLength(),
      POLICY.maxRecordLength());
  private static final CsvInteractionAdapter ADAPTER =
      CsvInteractionAdapter.builder().channels(CHANNELS).policy(POLICY).build();

  private ImporterFuzz() {}

  private static List<CorruptCsv.Column> conversation() {
    List<CorruptCsv.Column> columns = new ArrayList<>(PLAIN);
    columns.add(new CorruptCsv.Column("text", false, (rnd, row) -> TEXTS[rnd.nextInt(TEXTS.length)]));
    return columns;
  }

  private static String timestamp(SplittableRandom rnd, int row) {
    return String.format(java.util.Locale.ROOT, "20%02d-%02d-%02dT%02d:%02d:%02d%s", 10 + rnd.nextInt(20),
        1 + rnd.nextInt(12), 1 + rnd.nextInt(28), rnd.nextInt(24), rnd.nextInt(60), rnd.nextInt(60),
        OFFSETS[rnd.nextInt(OFFSETS.length)]);
  }

  /** Builds a document from the seed, imports it and checks every invariant. */
  static void check(long seed, int rows, int percent, int headerPercent, boolean conversation) throws IOException {
    CorruptCsv.Doc doc = (conversation ? CONVERSATION_CSV : PLAIN_CSV).build(seed, rows, percent, headerPercent);
    FuzzCount.add(conversation ? "importer, csv + text" : "importer, csv", doc);
    Map<String, Interaction> delivered = new HashMap<>();
    List<Rejection> heard = new ArrayList<>();
    InteractionImporter importer = InteractionImporter.builder().rejectionListener(heard::add).build();
    if (doc.headerRefused()) {
      assertThatThrownBy(() -> importer.run(ADAPTER, new ByteArrayInputStream(doc.bytes()), i -> { }))
          .isInstanceOf(ImportException.class);
      return;
    }
    long[] withoutId = {0};
    ImportReport report = importer.run(ADAPTER, new ByteArrayInputStream(doc.bytes()), interaction -> {
      if (interaction.sourceId() == null) {
        withoutId[0]++;
      } else {
        assertThat(delivered.put(interaction.sourceId(), interaction)).as("delivered twice").isNull();
      }
    });
    assertThat(report.failure()).isNull();
    assertThat(report.read()).isEqualTo(report.accepted() + report.rejected() + report.duplicates());
    assertThat(report.accepted()).isEqualTo(delivered.size() + withoutId[0]);
    assertThat((long) heard.size()).isEqualTo(report.rejected() + report.duplicates());
    assertThat(report.read()).isBetween((long) doc.good().size(), doc.lines() - 1);
    java.util.TreeMap<Long, Rejection> rejectedLines = new java.util.TreeMap<>();
    long previousRecord = 0;
    long previousLine = 1;
    for (Rejection rejection : heard) {
      assertThat(rejection.position().record()).isGreaterThan(previousRecord).isLessThanOrEqualTo(report.read());
      assertThat(rejection.position().line()).isGreaterThan(previousLine).isLessThanOrEqualTo(doc.lines());
      previousRecord = rejection.position().record();
      previousLine = rejection.position().line();
      rejectedLines.put(rejection.position().line(), rejection);
      Messages.checkShape(rejection.message(SOURCE), SOURCE, rejection.position().line());
    }
    List<String> names = (conversation ? conversation() : PLAIN).stream().map(CorruptCsv.Column::name).toList();
    long previousGood = 0;
    java.util.Set<String> goodIds = new java.util.HashSet<>();
    doc.good().forEach(good -> goodIds.add(good.cells().get(names.indexOf("source_id"))));
    for (CorruptCsv.Good good : doc.good()) {
      Rejection rejection = rejectedLines.get(good.line());
      assertThat(rejection).as("good row %d on line %d rejected%n%s", good.index(), good.line(),
          doc.around(good.line())).isNull();
      String sourceId = good.cells().get(names.indexOf("source_id"));
      Interaction got = delivered.get(sourceId);
      if (got == null && insideAcceptedText(delivered.values(), goodIds, sourceId)) {
        Swallowed.inAcceptedText();
        continue;
      }
      Map.Entry<Long, Rejection> before = rejectedLines.lowerEntry(good.line());
      if (got == null && before != null && before.getKey() > previousGood) {
        Swallowed.inRejected(good.line(), before.getKey(), doc.around(good.line()));
      }
      previousGood = good.line();
      assertThat(got).as("good row %d on line %d delivered%n%s", good.index(), good.line(), doc.around(good.line()))
          .isNotNull();
      checkSame(got, good.cells(), names, doc, good);
    }
  }

  /**
   * Whether the good row with {@code sourceId} is inside the text of an accepted record that is not a good
   * row: a quote opened in a corrupted record's text and closed by a later corrupted record so that the whole
   * is one valid record, with the header's number of fields and valid values. RFC 4180 cannot tell that from
   * a multi-line text; the ids ({@code s<row>z}) occur in no generated text, so finding one there is proof.
   */
  private static boolean insideAcceptedText(java.util.Collection<Interaction> delivered, java.util.Set<String> goodIds,
      String sourceId) {
    return delivered.stream().anyMatch(i -> (i.sourceId() == null || !goodIds.contains(i.sourceId()))
        && i.content() != null && i.content().text() != null && i.content().text().contains(sourceId));
  }

  private static void checkSame(Interaction got, List<String> cells, List<String> names, CorruptCsv.Doc doc,
      CorruptCsv.Good good) {
    Object around = doc.around(good.line());
    String where = "good row %d on line %d%n%s";
    assertThat(got.customerId()).as(where, good.index(), good.line(), around).isEqualTo(cells.get(names.indexOf("customer_id")));
    assertThat(got.timestamp()).as(where, good.index(), good.line(), around)
        .isEqualTo(OffsetDateTime.parse(cells.get(names.indexOf("timestamp"))).toInstant());
    assertThat(got.type().id()).as(where, good.index(), good.line(), around).isEqualTo(cells.get(names.indexOf("type")));
    assertThat(got.channel().id()).as(where, good.index(), good.line(), around).isEqualTo(cells.get(names.indexOf("channel")));
    assertThat(got.value()).as(where, good.index(), good.line(), around).isNotNull();
    assertThat(got.value().amount()).as(where, good.index(), good.line(), around).isEqualByComparingTo(new BigDecimal(cells.get(names.indexOf("value"))));
    assertThat(got.value().currency().getCurrencyCode()).as(where, good.index(), good.line(), around).isEqualTo(cells.get(names.indexOf("currency")));
    int text = names.indexOf("text");
    if (text >= 0) {
      assertThat(got.content()).as(where, good.index(), good.line(), around).isNotNull();
      assertThat(got.content().text()).as(where, good.index(), good.line(), around).isEqualTo(cells.get(text));
    }
  }
}
