package org.engagement.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/** The rows pushed through the readers in this test run, by reader: corrupted and in all. Thread-safe. */
final class FuzzCount {
  private static final Map<String, AtomicLong[]> BY_READER = new TreeMap<>();

  private FuzzCount() {}

  /** Counts one document read by {@code reader}. */
  static synchronized void add(String reader, CorruptCsv.Doc doc) {
    AtomicLong[] counts = BY_READER.computeIfAbsent(reader,
        r -> new AtomicLong[] {new AtomicLong(), new AtomicLong(), new AtomicLong()});
    counts[0].addAndGet(doc.corrupted());
    counts[1].addAndGet(doc.rows());
    counts[2].incrementAndGet();
  }

  /** The corrupted rows counted so far, across the readers. */
  static synchronized long corrupted() {
    return BY_READER.values().stream().mapToLong(c -> c[0].get()).sum();
  }

  /** One line per reader: documents, rows, corrupted rows. */
  static synchronized String summary() {
    StringBuilder sb = new StringBuilder();
    BY_READER.forEach((reader, c) -> sb.append(String.format(java.util.Locale.ROOT,
        "  %-28s %,7d documents %,10d rows %,10d corrupted%n", reader, c[2].get(), c[1].get(), c[0].get())));
    return sb.toString();
  }
}
