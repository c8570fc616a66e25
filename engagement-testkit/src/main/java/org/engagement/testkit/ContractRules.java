package org.engagement.testkit;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.Rejection;
import org.jspecify.annotations.Nullable;

/**
 * The rules {@link ChannelAdapterContractTest} checks on one read of a source, as functions that say what
 * is wrong (or nothing): kept apart from the tests so that each test reads as what it checks. Stateless.
 */
final class ContractRules {
  private ContractRules() {}

  /**
   * What is wrong with the record and line numbers of {@code outcome}, or {@code null} if nothing: records
   * must be numbered 1, 2, 3, ...; lines must be all 0 (a format without lines) or all positive and never
   * decreasing.
   */
  static @Nullable String numberingProblem(ReadOutcome outcome) {
    List<Long> records = outcome.recordNumbers();
    List<Long> expected = LongStream.rangeClosed(1, records.size()).boxed().toList();
    if (!records.equals(expected)) {
      return "record numbers must be 1, 2, 3, ... but were " + records;
    }
    List<Long> lines = outcome.lineNumbers();
    boolean noLines = lines.stream().allMatch(line -> line == 0);
    for (int i = 0; i < lines.size() && !noLines; i++) {
      if (lines.get(i) == 0 || (i > 0 && lines.get(i) < lines.get(i - 1))) {
        return "line numbers must be all 0, or all positive and never decreasing, but were " + lines;
      }
    }
    return null;
  }

  /** How {@code outcome} differs from a complete read that yielded {@code expected}, if it does. */
  static Optional<String> difference(List<AdapterRecord> expected, ReadOutcome outcome) {
    Throwable failure = outcome.failure();
    if (failure != null) {
      return Optional.of("the adapter threw " + failure + " after " + outcome.records().size() + " records");
    }
    List<AdapterRecord> actual = outcome.records();
    for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
      if (!expected.get(i).equals(actual.get(i))) {
        return Optional.of("record " + (i + 1) + " was " + actual.get(i) + " instead of " + expected.get(i));
      }
    }
    return expected.size() == actual.size()
        ? Optional.empty()
        : Optional.of(actual.size() + " records instead of " + expected.size());
  }

  /**
   * What rule the adapter broke on {@code mutant}, or {@code null} if none: it may only throw
   * {@link InvalidSourceException} or {@link IOException}, must number its records, and the importer must
   * account for exactly the records a direct read yields, without an adapter failure.
   */
  static @Nullable Problem survivalProblem(
      ChannelAdapter adapter, InteractionImporter importer, Mutant mutant) {
    ReadOutcome direct = ReadOutcome.read(adapter, mutant.bytes());
    Throwable failure = direct.failure();
    Throwable unexpected = direct.unexpectedFailure();
    if (unexpected != null) {
      return new Problem(mutant + " made the adapter throw " + unexpected.getClass().getName() + " after "
          + direct.records().size() + " records; only InvalidSourceException and IOException are allowed", unexpected);
    }
    String numbering = numberingProblem(direct);
    if (numbering != null) {
      return new Problem(mutant + ": " + numbering, null);
    }
    ImportReport report;
    boolean refused;
    try {
      report = importer.run(adapter, WatchedInputStream.of(mutant.bytes()), interaction -> {});
      refused = false;
    } catch (ImportException e) {
      if (!(e.getCause() instanceof InvalidSourceException)) {
        return new Problem(mutant + ": the import failed without an InvalidSourceException", e);
      }
      report = e.report();
      refused = true;
    } catch (IOException e) {
      return failure instanceof IOException ? null : new Problem(mutant + ": the import threw an IOException "
          + "that a direct read did not", e);
    }
    if (refused != failure instanceof InvalidSourceException) {
      return new Problem(mutant + ": a direct read " + (failure == null ? "ended normally" : "threw " + failure)
          + " but the import " + (refused ? "was refused" : "was not refused") + ": " + report.summary(), null);
    }
    return reportProblem(mutant, report, direct);
  }

  /**
   * What is wrong with the way the reader of {@code mutant} was closed, or {@code null} if nothing: its
   * {@code close()} must close the input whatever happened before, a failure of the reader included.
   */
  static @Nullable Problem closingProblem(ChannelAdapter adapter, Mutant mutant) {
    ReadOutcome direct = ReadOutcome.read(adapter, mutant.bytes());
    if (direct.inputClosed()) {
      return null;
    }
    Throwable failure = direct.failure();
    return new Problem(mutant + ": the reader's close() left the input open"
        + (failure == null ? "" : " after the reader threw " + failure.getClass().getName()), failure);
  }

  static @Nullable Problem reportProblem(Mutant mutant, ImportReport report, ReadOutcome direct) {
    boolean adapterFailed = !report.isComplete()
        || report.rejections().stream().anyMatch(r -> r.kind() == Rejection.Kind.ADAPTER_FAILURE);
    if (adapterFailed) {
      return new Problem(mutant + ": the importer contained an adapter failure: " + report.summary(), null);
    }
    boolean countsAddUp = report.read() == report.accepted() + report.rejected() + report.duplicates();
    boolean agrees = report.read() == direct.records().size()
        && report.rejected() == direct.rejections().size()
        && report.accepted() + report.duplicates() == direct.interactions().size();
    if (!countsAddUp || !agrees) {
      return new Problem(mutant + ": the import counted " + report.summary() + " but a direct read yielded "
          + direct.interactions().size() + " accepted and " + direct.rejections().size() + " rejected records", null);
    }
    return null;
  }

  /** A broken rule, and the exception that shows it, if any. */
  record Problem(String message, @Nullable Throwable cause) {}
}
