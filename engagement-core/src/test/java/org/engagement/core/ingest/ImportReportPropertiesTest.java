package org.engagement.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.core.aggregate.MergeableLaws;
import org.engagement.core.aggregate.Partitions;
import org.jspecify.annotations.Nullable;

/** Properties of merging import reports: the laws of the mergeable contract, and parts against the whole. */
class ImportReportPropertiesTest {

  /**
   * Records split at random into three partitions, each imported as its own run of the same source:
   * the laws of {@link org.engagement.core.aggregate.Mergeable} hold, and the merged reports count what
   * the import of the whole counts, with the same rejections (their positions are each part's own).
   * Source ids are unique, since a repeat across partitions is not recognised.
   */
  @Property(tries = 100)
  void partitionsFollowTheMergeableLawsAndCountLikeTheWhole(@ForAll("records") List<Boolean> records,
      @ForAll long seed) {
    List<List<Function<SourcePosition, AdapterRecord>>> parts = Partitions.ofItems(script(records), seed);
    ImportReport a = run(parts.get(0));
    ImportReport b = run(parts.get(1));
    ImportReport c = run(parts.get(2));

    MergeableLaws.check(ImportReport.empty("csv"), a, b, c);
    ImportReport whole = run(script(records));
    ImportReport merged = b.merge(c).merge(a);
    assertThat(merged.source()).isEqualTo("csv");
    assertThat(List.of(merged.read(), merged.accepted(), merged.rejected(), merged.duplicates()))
        .isEqualTo(List.of(whole.read(), whole.accepted(), whole.rejected(), whole.duplicates()));
    assertThat(merged.rejections()).extracting(Rejection::reason)
        .containsExactlyInAnyOrderElementsOf(whole.rejections().stream().map(Rejection::reason).toList());
    assertThat(merged.isComplete()).isTrue();
  }

  /**
   * Reports of several sources, some stopped early, some with unretained rejections: the laws hold,
   * so sources and failures join whatever the order of the merges.
   */
  @Property(tries = 100)
  void reportsOfManySourcesFollowTheMergeableLaws(@ForAll("reports") ImportReport a,
      @ForAll("reports") ImportReport b, @ForAll("reports") ImportReport c) {
    MergeableLaws.check(ImportReport.empty(a.source()), a, b, c);
    assertThat(a.merge(b).source().split("\\+")).isSorted();
  }

  /** {@code true} for a good record, {@code false} for a bad one. */
  @Provide
  Arbitrary<List<Boolean>> records() {
    return Arbitraries.of(true, true, false).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<ImportReport> reports() {
    Arbitrary<Rejection> rejection = Combinators.combine(
            Arbitraries.longs().between(1, 20), Arbitraries.of(Rejection.Kind.class),
            Arbitraries.of("timestamp", "channel").injectNull(0.3), Arbitraries.of("no good", "missing", "repeats"))
        .as((record, kind, field, reason) -> new Rejection(SourcePosition.ofRecord(record), kind, field, null, reason));
    return Combinators.combine(
            Arbitraries.of("csv", "jsonl", "crm"), Arbitraries.longs().between(0, 50), rejection.list().ofMaxSize(5),
            Arbitraries.longs().between(0, 3), Arbitraries.of("disk gone", "stopped").injectNull(0.6))
        .as((source, accepted, rejections, notRetained, failure) -> report(source, accepted, rejections, notRetained, failure));
  }

  private static ImportReport report(String source, long accepted, List<Rejection> rejections, long notRetained,
      @Nullable String failure) {
    long duplicates = rejections.stream().filter(r -> r.kind() == Rejection.Kind.DUPLICATE).count();
    long rejected = rejections.size() + notRetained - duplicates;
    List<Rejection> ordered = new ArrayList<>(rejections);
    ordered.sort(java.util.Comparator.comparingLong(r -> r.position().record()));
    return new ImportReport(source, accepted + rejected + duplicates, accepted, rejected, duplicates, ordered,
        notRetained, failure);
  }

  private static List<Function<SourcePosition, AdapterRecord>> script(List<Boolean> records) {
    List<Function<SourcePosition, AdapterRecord>> script = new ArrayList<>(records.size());
    for (int i = 0; i < records.size(); i++) {
      script.add(records.get(i) ? TestAdapters.ok("c" + i, "s" + i) : TestAdapters.bad("broken " + i % 3));
    }
    return script;
  }

  private static ImportReport run(List<Function<SourcePosition, AdapterRecord>> script) {
    try {
      return InteractionImporter.defaults().run(TestAdapters.scripted("csv", script),
          new ByteArrayInputStream(new byte[0]), i -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
