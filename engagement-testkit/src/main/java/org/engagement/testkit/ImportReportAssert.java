package org.engagement.testkit;

import java.util.List;
import java.util.function.ToLongFunction;
import org.assertj.core.api.AbstractAssert;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.Rejection;

/**
 * AssertJ assertions on an {@link ImportReport}, with failure messages that show the report's
 * summary and its first rejections, so a failing test says what went wrong without a debugger.
 *
 * <pre>{@code
 * ImportReport report = InteractionImporter.defaults().run(adapter, input, sink);
 * ImportReportAssert.assertThat(report).isClean().hasRead(3);
 * }</pre>
 *
 * <p>Not thread-safe: one assertion chain per test thread.
 *
 * @since 0.1.0
 */
public final class ImportReportAssert extends AbstractAssert<ImportReportAssert, ImportReport> {
  private static final int SHOWN_REJECTIONS = 5;

  private ImportReportAssert(ImportReport actual) {
    super(actual, ImportReportAssert.class);
  }

  /** The entry point: assertions on {@code actual}. */
  public static ImportReportAssert assertThat(ImportReport actual) {
    return new ImportReportAssert(actual);
  }

  /**
   * Verifies that the whole source was read and every record accepted: no rejection, no duplicate, no
   * adapter failure.
   *
   * @return this assertion
   */
  public ImportReportAssert isClean() {
    isNotNull();
    if (!actual.isClean()) {
      failWithMessage("Expected a clean import (every record accepted, source read to the end) but was:%n  %s%s",
          actual.summary(), shownRejections());
    }
    return this;
  }

  /**
   * Verifies that the whole source was read: the import was not stopped by a failing adapter.
   *
   * @return this assertion
   */
  public ImportReportAssert isComplete() {
    isNotNull();
    if (!actual.isComplete()) {
      failWithMessage("Expected a complete import but it stopped early:%n  %s%s", actual.summary(), shownRejections());
    }
    return this;
  }

  /**
   * Verifies the accounting rules: {@code read == accepted + rejected + duplicates}, and every rejected
   * or duplicate record is either retained in the details or counted as not retained.
   *
   * <p>{@link ImportReport} checks both when it is constructed, so a report that exists obeys them; the
   * assertion states the contract where a reader of the test looks for it.
   *
   * @return this assertion
   */
  public ImportReportAssert hasCountsThatAddUp() {
    isNotNull();
    if (actual.read() != actual.accepted() + actual.rejected() + actual.duplicates()) {
      failWithMessage("Expected read == accepted + rejected + duplicates but was:%n  %s", actual.summary());
    }
    if (actual.rejections().size() + actual.rejectionsNotRetained() != actual.rejected() + actual.duplicates()) {
      failWithMessage("Expected retained (%s) + not retained (%s) rejections to equal rejected + duplicates (%s)",
          actual.rejections().size(), actual.rejectionsNotRetained(), actual.rejected() + actual.duplicates());
    }
    return this;
  }

  /**
   * Verifies that no record made the adapter fail (no rejection of kind
   * {@link Rejection.Kind#ADAPTER_FAILURE}, no failure reason).
   *
   * @return this assertion
   */
  public ImportReportAssert hasNoAdapterFailure() {
    isNotNull();
    boolean failedRecord = actual.rejections().stream().anyMatch(r -> r.kind() == Rejection.Kind.ADAPTER_FAILURE);
    if (failedRecord || !actual.isComplete()) {
      failWithMessage("Expected no adapter failure but was:%n  %s%s", actual.summary(), shownRejections());
    }
    return this;
  }

  /**
   * Verifies the number of records read.
   *
   * @return this assertion
   */
  public ImportReportAssert hasRead(long expected) {
    return hasCount("read", ImportReport::read, expected);
  }

  /**
   * Verifies the number of records accepted.
   *
   * @return this assertion
   */
  public ImportReportAssert hasAccepted(long expected) {
    return hasCount("accepted", ImportReport::accepted, expected);
  }

  /**
   * Verifies the number of records rejected.
   *
   * @return this assertion
   */
  public ImportReportAssert hasRejected(long expected) {
    return hasCount("rejected", ImportReport::rejected, expected);
  }

  /**
   * Verifies the number of duplicate records.
   *
   * @return this assertion
   */
  public ImportReportAssert hasDuplicates(long expected) {
    return hasCount("duplicates", ImportReport::duplicates, expected);
  }

  /**
   * Verifies that the retained details hold exactly one rejection of {@code kind}, at record
   * {@code recordNumber}.
   *
   * @return this assertion
   */
  public ImportReportAssert hasSingleRejectionAt(long recordNumber, Rejection.Kind kind) {
    isNotNull();
    List<Rejection> rejections = actual.rejections();
    if (rejections.size() != 1
        || rejections.get(0).position().record() != recordNumber
        || rejections.get(0).kind() != kind) {
      failWithMessage("Expected exactly one %s rejection, at record %s, but was:%n  %s%s",
          kind, recordNumber, actual.summary(), shownRejections());
    }
    return this;
  }

  private ImportReportAssert hasCount(String count, ToLongFunction<ImportReport> counter, long expected) {
    isNotNull();
    long value = counter.applyAsLong(actual);
    if (value != expected) {
      failWithMessage("Expected %s to be %s but was %s:%n  %s%s", count, expected, value, actual.summary(),
          shownRejections());
    }
    return this;
  }

  private String shownRejections() {
    List<Rejection> rejections = actual.rejections();
    if (rejections.isEmpty()) {
      return "";
    }
    String newLine = System.lineSeparator();
    StringBuilder sb = new StringBuilder(newLine).append("rejections:");
    rejections.stream()
        .limit(SHOWN_REJECTIONS)
        .forEach(r -> sb.append(newLine).append("  ").append(r.kind()).append(' ').append(r));
    if (rejections.size() > SHOWN_REJECTIONS) {
      sb.append(newLine).append("  ... and ").append(rejections.size() - SHOWN_REJECTIONS).append(" more");
    }
    return sb.toString();
  }
}
