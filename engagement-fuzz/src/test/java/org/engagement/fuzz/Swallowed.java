package org.engagement.fuzz;

import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Good rows that no reader can deliver, and good rows lost: the two ways a good row can be missing.
 *
 * <p>The one loss allowed is the ambiguity of RFC 4180: a quote opened in a corrupted record and closed by
 * a quote in a later corrupted record can make one valid record with a multi-line field whose text holds
 * the good rows between; only the author of the corruption can tell it from a text with line breaks. A
 * check allows it only where it has made sure of it (the good row's content is inside a field of an accepted
 * record that is not itself a good row), and counts it ({@link #inAcceptedText()}).
 *
 * <p>Any other good row missing fails, in particular one lost inside a rejected record that starts on an
 * earlier line: the reading policy resynchronises after a broken record (see {@code CsvRows}), so such a
 * loss is a bug of the reader. Thread-safe.
 */
final class Swallowed {
  private static final AtomicLong IN_TEXT = new AtomicLong();

  private Swallowed() {}

  /** Fails: the good row on {@code goodLine} was lost inside the rejected record of {@code rejectedLine}. */
  static void inRejected(long goodLine, long rejectedLine, Object context) {
    fail("good row on line %d lost inside the rejected record of line %d%n%s", goodLine, rejectedLine, context);
  }

  /** Counts a good row read, as checked, as part of the multi-line text of an accepted record. */
  static void inAcceptedText() {
    IN_TEXT.incrementAndGet();
  }

  /** Good rows read as part of an accepted record's text so far. */
  static long inText() {
    return IN_TEXT.get();
  }
}
