package org.engagement.fuzz;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.analysis.TrueEffects;

/**
 * Fuzzes the report's reader of a world's {@value AnalysisInput#TRUTH} ({@code channel,true_incremental_conversions,
 * true_share}) with the checks of {@link ReaderCheck}. Its reader is package-private in engagement-report, so the
 * document goes in as the truth file of an in-memory world ({@link AnalysisInput#of}, beside two interactions) and is
 * read as every report section reads it, through {@link Analysis#truth()}; the account is the one the analysis
 * records for the file ({@link Analysis#reads()}), which the report prints. Besides the reader's checks: every
 * accepted row is one channel of the effects the sections get (the reader refuses a channel seen before, so none is
 * dropped after the read). Each generated row's channel is its own id; shares are in [-1, 1], as the reader requires.
 */
final class TruthFuzz {
  private static final ReaderCheck.Subject TRUTH = new ReaderCheck.Subject("truth", new CorruptCsv(List.of(
      new CorruptCsv.Column("channel", true, Cells::id),
      new CorruptCsv.Column("true_incremental_conversions", true, (rnd, row) -> Cells.decimal(rnd,
          Cells.mix(row, 1) % 100_000_000L - 10_000_000)),
      new CorruptCsv.Column("true_share", true, (rnd, row) -> Cells.decimal(rnd, Cells.mix(row, 2) % 201 - 100))),
      3, 65_536, 1_048_576), 0, false);
  private static final byte[] INTERACTIONS = ("customer_id,timestamp,type,channel,value,currency\n"
      + "c1,2024-01-01T10:00:00Z,click,email,,\n" + "c1,2024-01-02T10:00:00Z,purchase,shop,10,EUR\n")
      .getBytes(UTF_8);

  private TruthFuzz() {}

  static void truth(long seed, int rows, int percent) throws IOException {
    ReaderCheck.check(TRUTH, seed, rows, percent, (text, bytes, source) -> {
      assertThat(source).isEqualTo(AnalysisInput.TRUTH);
      Analysis analysis = Analysis.of(AnalysisInput.of("fuzz", Map.of(AnalysisInput.INTERACTIONS,
          ByteSource.wrap(INTERACTIONS), AnalysisInput.TRUTH, ByteSource.wrap(requireNonNull(bytes).readAllBytes()))),
          Progress.none());
      TrueEffects effects = analysis.truth().orElseThrow();
      ImportReport report = analysis.reads().stream().filter(r -> r.source().equals(AnalysisInput.TRUTH))
          .findFirst().orElseThrow();
      assertThat(effects.incrementalConversions()).as("every accepted row is a channel of the effects")
          .hasSize((int) report.accepted());
      Map<String, List<String>> byChannel = new HashMap<>();
      effects.incrementalConversions().forEach((channel, conversions) -> byChannel.put(channel, List.of(channel,
          Double.toString(conversions), Double.toString(effects.shares().get(channel)))));
      return new ReaderCheck.Read(byChannel, report);
    }, cells -> List.of(cells.get(0), MixFuzz.number(cells.get(1)), MixFuzz.number(cells.get(2))));
  }
}
