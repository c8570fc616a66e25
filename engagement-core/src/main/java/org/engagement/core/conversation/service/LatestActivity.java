package org.engagement.core.conversation.service;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.engagement.core.internal.column.IdNumbers;
import org.jspecify.annotations.Nullable;

/**
 * Each customer's latest inbound activity for {@link ServiceLedger}: the customers numbered as met and the instant by
 * number in two primitive columns, about 24 bytes a customer and no object, where a map took about 70 with its entry
 * and the {@link Instant} it kept (issue 16: 750,000 customers in a 10-million-interaction report's feed).
 *
 * <p>Not thread-safe.
 */
final class LatestActivity {
  private static final int FIRST_CAPACITY = 16;
  private final IdNumbers customers = new IdNumbers();
  private long[] seconds = new long[FIRST_CAPACITY];
  private int[] nanos = new int[FIRST_CAPACITY];

  /** Notes activity of {@code customerId} at {@code at}, kept if it is the customer's latest. */
  void note(String customerId, Instant at) {
    requireNonNull(at, "at");
    int before = customers.size();
    int c = customers.numberOf(customerId);
    if (c == before) {
      if (c == seconds.length) {
        seconds = Arrays.copyOf(seconds, c * 2);
        nanos = Arrays.copyOf(nanos, c * 2);
      }
    } else if (!isAfter(at, c)) {
      return;
    }
    seconds[c] = at.getEpochSecond();
    nanos[c] = at.getNano();
  }

  private boolean isAfter(Instant at, int c) {
    long s = at.getEpochSecond();
    return s > seconds[c] || (s == seconds[c] && at.getNano() > nanos[c]);
  }

  /** The latest activity of {@code customerId}, or {@code null} if none was noted. */
  @Nullable Instant of(String customerId) {
    int c = customers.find(customerId);
    return c < 0 ? null : at(c);
  }

  /** How many customers have activity. */
  int size() {
    return customers.size();
  }

  /** The customer numbered {@code c}, 0 to {@link #size()} - 1, in the order first noted. */
  String customer(int c) {
    return customers.id(c);
  }

  /** The latest activity of the customer numbered {@code c}. */
  Instant at(int c) {
    return Instant.ofEpochSecond(seconds[c], nanos[c]);
  }

  /** Notes every activity of {@code other}. */
  void noteAll(LatestActivity other) {
    for (int c = 0; c < other.size(); c++) {
      note(other.customer(c), other.at(c));
    }
  }

  /** The latest activity by customer: what equality compares, whatever the order the customers were met in. */
  Map<String, Instant> asMap() {
    Map<String, Instant> map = new HashMap<>();
    for (int c = 0; c < size(); c++) {
      map.put(customer(c), at(c));
    }
    return map;
  }
}
