package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The account of one import: how many records were read, accepted, rejected and recognised as
 * duplicates, and for each rejected or duplicate record where it was and why.
 *
 * <p>Invariants, checked on construction: {@code read == accepted + rejected + duplicates}, and every
 * rejected or duplicate record is either in {@link #rejections()} or counted in
 * {@link #rejectionsNotRetained()} (the importer keeps a bounded number of details in memory; all of
 * them go to its rejection listener).
 *
 * <p>Reports of imports over disjoint parts of the data {@linkplain #merge merge} into the report of
 * the whole, so partitions can be imported in parallel.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the name of the adapter (or adapters, after a merge) that read the records
 * @param read records read from the source
 * @param accepted records that became interactions
 * @param rejected records rejected as invalid or because the adapter failed on them
 * @param duplicates records whose source id repeated an earlier record's
 * @param rejections the retained details of rejected and duplicate records, in source order
 * @param rejectionsNotRetained rejected and duplicate records whose details were not retained
 * @param failure why the import stopped before the end of the source, or {@code null} if it did not
 * @since 0.1.0
 */
public record ImportReport(
    String source,
    long read,
    long accepted,
    long rejected,
    long duplicates,
    List<Rejection> rejections,
    long rejectionsNotRetained,
    @Nullable String failure)
    implements Serializable {

  /**
   * Checks the invariants and copies the list.
   *
   * @throws IllegalArgumentException if a count is negative or the counts do not add up
   */
  public ImportReport {
    requireNonNull(source, "source");
    rejections = ImmutableList.copyOf(rejections);
    if (read < 0 || accepted < 0 || rejected < 0 || duplicates < 0 || rejectionsNotRetained < 0) {
      throw new IllegalArgumentException("counts must not be negative: " + counts(read, accepted, rejected, duplicates));
    }
    if (read != accepted + rejected + duplicates) {
      throw new IllegalArgumentException(
          "read must equal accepted + rejected + duplicates: " + counts(read, accepted, rejected, duplicates));
    }
    if (rejections.size() + rejectionsNotRetained != rejected + duplicates) {
      throw new IllegalArgumentException("retained (" + rejections.size() + ") + not retained ("
          + rejectionsNotRetained + ") rejections must equal rejected + duplicates ("
          + (rejected + duplicates) + ")");
    }
  }

  /** The report of an import that read nothing. */
  public static ImportReport empty(String source) {
    return new ImportReport(source, 0, 0, 0, 0, List.of(), 0, null);
  }

  /** Why the import stopped early, if it did. */
  public Optional<String> failureReason() {
    return Optional.ofNullable(failure);
  }

  /** Whether the whole source was read. */
  public boolean isComplete() {
    return failure == null;
  }

  /** Whether every record read was accepted and the whole source was read. */
  public boolean isClean() {
    return isComplete() && accepted == read;
  }

  /**
   * The report of both imports together: counts add, rejections are concatenated (this report's
   * first), sources are joined, and the first failure is kept.
   */
  public ImportReport merge(ImportReport other) {
    requireNonNull(other, "other");
    String sources = source.equals(other.source) ? source : source + "+" + other.source;
    return new ImportReport(
        sources,
        read + other.read,
        accepted + other.accepted,
        rejected + other.rejected,
        duplicates + other.duplicates,
        ImmutableList.<Rejection>builder().addAll(rejections).addAll(other.rejections).build(),
        rejectionsNotRetained + other.rejectionsNotRetained,
        failure != null ? failure : other.failure);
  }

  /** A one-line summary without any record content, safe to log. */
  public String summary() {
    return source + ": " + counts(read, accepted, rejected, duplicates)
        + (failure == null ? "" : ", stopped early: " + failure);
  }

  private static String counts(long read, long accepted, long rejected, long duplicates) {
    return "read " + read + ", accepted " + accepted + ", rejected " + rejected + ", duplicates " + duplicates;
  }
}
