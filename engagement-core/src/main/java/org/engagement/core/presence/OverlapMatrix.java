package org.engagement.core.presence;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * How many customers were active on both of two channels (or channel groups) in a window.
 *
 * <p>Entry {@code (i, j)} is the number of customers active on key {@code i} and on key {@code j}; the
 * diagonal {@code (i, i)} is the number active on key {@code i}. The matrix is therefore symmetric and
 * no entry exceeds the diagonal entries of its row and column.
 *
 * <p>Immutable and thread-safe: built once by {@link ChannelPresence} and never changed.
 *
 * @param <K> the kind of key: a channel or a channel group
 * @since 0.1.0
 */
public final class OverlapMatrix<K> {
  private final List<K> keys;
  private final Map<K, Integer> index;
  private final int[] counts;

  private OverlapMatrix(List<K> keys, int[] counts) {
    this.keys = keys;
    this.counts = counts;
    this.index = new HashMap<>();
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
    }
  }

  /** Takes ownership of {@code counts}, a row-major square matrix over {@code keys}. */
  static <K> OverlapMatrix<K> of(List<K> keys, int[] counts) {
    requireNonNull(keys, "keys");
    requireNonNull(counts, "counts");
    return new OverlapMatrix<>(List.copyOf(keys), counts);
  }

  /** The keys, in the order of the rows and columns. */
  public List<K> keys() {
    return keys;
  }

  /** The number of rows (and columns). */
  public int size() {
    return keys.size();
  }

  /**
   * The customers active on the {@code i}-th and {@code j}-th keys.
   *
   * @throws IndexOutOfBoundsException if an index is not in {@code [0, size())}
   */
  public int count(int i, int j) {
    int n = keys.size();
    if (i < 0 || i >= n || j < 0 || j >= n) {
      throw new IndexOutOfBoundsException("(" + i + ", " + j + ") is outside a " + n + " x " + n + " matrix");
    }
    return counts[i * n + j];
  }

  /**
   * The customers active on both {@code a} and {@code b}.
   *
   * @throws InvalidFieldException if a key is not in the matrix
   */
  public int count(K a, K b) {
    return count(indexOf("a", a), indexOf("b", b));
  }

  private int indexOf(String field, K key) {
    Integer i = index.get(requireNonNull(key, field));
    if (i == null) {
      throw new InvalidFieldException(field, key, "must be one of the matrix keys " + keys);
    }
    return i;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OverlapMatrix<?> other && keys.equals(other.keys) && Arrays.equals(counts, other.counts);
  }

  @Override
  public int hashCode() {
    return 31 * keys.hashCode() + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("OverlapMatrix").append(keys).append(':');
    int n = keys.size();
    for (int i = 0; i < n; i++) {
      text.append(' ').append(Arrays.toString(Arrays.copyOfRange(counts, i * n, i * n + n)));
    }
    return text.toString();
  }
}
