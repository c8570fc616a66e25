package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import com.google.common.base.Splitter;
import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.engagement.core.aggregate.Mergeable;
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
 * <p><b>Merging</b> ({@link Mergeable}). Reports of imports over disjoint parts of the data
 * {@linkplain #merge merge} into the report of the whole, so partitions can be imported in parallel:
 * counts add, the retained rejections are pooled in a canonical order (by position, then kind, field,
 * value and reason), and the sources and the failures are each kept as a sorted set of names joined with
 * {@code "+"} and {@code "; "}, so the result does not depend on the order of the merges. The empty report
 * of the same source is the identity. A report is not keyed by customer; what partitions cannot see of
 * each other stays unseen: a record repeating the source id of a record in another partition is not
 * recognised as a duplicate, and positions are each part's own. Equality is the record's. The serial form
 * is the record's own: a few counts and the bounded list of retained rejections.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the name of the adapter (or adapters, after a merge, joined with {@code "+"} in sorted
 *     order) that read the records
 * @param read records read from the source
 * @param accepted records that became interactions
 * @param rejected records rejected as invalid or because the adapter failed on them
 * @param duplicates records whose source id repeated an earlier record's
 * @param rejections the retained details of rejected and duplicate records, in source order (after a
 *     merge, by position, then kind, field, value and reason)
 * @param rejectionsNotRetained rejected and duplicate records whose details were not retained
 * @param failure why the import stopped before the end of the source, or failed to close it, or
 *     {@code null} if it did neither; when one failure followed another (a reader that failed, then
 *     failed to close), the first comes first. After a merge, the distinct failures of the parts joined
 *     with {@code "; "} in sorted order
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
    implements Mergeable<ImportReport> {
  private static final long serialVersionUID = 1L;
  private static final Comparator<Rejection> CANONICAL = Comparator
      .comparingLong((Rejection r) -> r.position().record())
      .thenComparingLong(r -> r.position().line())
      .thenComparing(Rejection::kind)
      .thenComparing(Rejection::field, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Rejection::value, Comparator.nullsFirst(Comparator.naturalOrder()))
      .thenComparing(Rejection::reason);

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

  /** Whether the whole source was read and closed without a failure. */
  public boolean isComplete() {
    return failure == null;
  }

  /** Whether every record read was accepted and the whole source was read. */
  public boolean isClean() {
    return isComplete() && accepted == read;
  }

  /**
   * The report of both imports together: counts add, rejections are pooled in canonical order (see the
   * class comment), sources are joined and so are distinct failures.
   */
  @Override
  public ImportReport merge(ImportReport other) {
    requireNonNull(other, "other");
    String mine = failure;
    String theirs = other.failure;
    return new ImportReport(
        union(source, other.source, "+"),
        read + other.read,
        accepted + other.accepted,
        rejected + other.rejected,
        duplicates + other.duplicates,
        pooled(rejections, other.rejections),
        rejectionsNotRetained + other.rejectionsNotRetained,
        mine == null ? theirs : theirs == null ? mine : union(mine, theirs, "; "));
  }

  /** {@code a} if the two are equal, else the sorted distinct names of both, joined by {@code separator}. */
  private static String union(String a, String b, String separator) {
    if (a.equals(b)) {
      return a;
    }
    TreeSet<String> names = new TreeSet<>(Splitter.on(separator).splitToList(a));
    names.addAll(Splitter.on(separator).splitToList(b));
    return String.join(separator, names);
  }

  /** Both lists in canonical order; one list unchanged if the other is empty. */
  private static List<Rejection> pooled(List<Rejection> a, List<Rejection> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isEmpty() ? b : a;
    }
    List<Rejection> all = new ArrayList<>(a.size() + b.size());
    all.addAll(a);
    all.addAll(b);
    all.sort(CANONICAL);
    return all;
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
