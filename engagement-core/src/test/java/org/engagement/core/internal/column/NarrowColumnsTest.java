package org.engagement.core.internal.column;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The compact columns read back exactly what was added, before and after they widen, before and after a trim:
 * {@link NarrowInts} (a byte a row below 256), {@link EpochSeconds} (an int offset a row while it fits) and
 * {@link SparseRows} (which rows are marked, numbered in row order) and {@link ExactDoubles} (an int a row while
 * every value is a whole int, bit for bit).
 */
class NarrowColumnsTest {

  @Test
  void narrowIntsStayABytePerRowBelow256AndWidenExactly() {
    for (int widenAt : new int[] {-1, 0, 1, 1023, 1024, 5000}) {
      NarrowInts column = new NarrowInts();
      int[] expected = new int[7000];
      SplittableRandom random = new SplittableRandom(widenAt + 17);
      for (int i = 0; i < expected.length; i++) {
        expected[i] = i == widenAt ? 256 + random.nextInt(1_000_000) : random.nextInt(256);
        column.add(expected[i]);
        if (i % 997 == 0) {
          assertThat(column.get(i)).isEqualTo(expected[i]);
        }
      }
      assertThat(column.isNarrow()).isEqualTo(widenAt < 0);
      for (boolean trimmed : new boolean[] {false, true}) {
        if (trimmed) {
          column.trim();
        }
        assertThat(column.size()).isEqualTo(expected.length);
        for (int i = 0; i < expected.length; i++) {
          assertThat(column.get(i)).isEqualTo(expected[i]);
        }
      }
    }
    assertThatThrownBy(() -> new NarrowInts().add(-1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void epochSecondsKeepIntOffsetsWhileTheyFitAndWidenExactly() {
    long[][] cases = {
      {1_700_000_000L, 1_700_000_000L + Integer.MAX_VALUE, 1_700_000_000L + Integer.MIN_VALUE},
      {-5, Long.MAX_VALUE / 2, Long.MIN_VALUE / 2},
      {0, Integer.MAX_VALUE + 1L, 3},
      {1_700_000_000L, 1_700_000_000L - Integer.MIN_VALUE, 2},
    };
    boolean[] narrow = {true, false, false, false};
    for (int c = 0; c < cases.length; c++) {
      EpochSeconds column = new EpochSeconds();
      long[] expected = new long[3000];
      SplittableRandom random = new SplittableRandom(c);
      for (int i = 0; i < expected.length; i++) {
        expected[i] = i == 0 ? cases[c][0] : i == 2100 ? cases[c][1] : i == 2101 ? cases[c][2]
            : cases[c][0] + random.nextInt(-1_000_000, 1_000_000);
        column.add(expected[i]);
      }
      assertThat(column.isNarrow()).as("case %d", c).isEqualTo(narrow[c]);
      column.trim();
      assertThat(column.size()).isEqualTo(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat(column.get(i)).isEqualTo(expected[i]);
      }
    }
  }

  @Test
  void sparseRowsNumberTheMarkedRowsInRowOrder() {
    for (int density : new int[] {0, 1, 15, 64, 100}) {
      SparseRows rows = new SparseRows();
      SplittableRandom random = new SplittableRandom(density);
      int size = 10_000 + density;
      boolean[] marks = new boolean[size];
      for (int i = 0; i < size; i++) {
        marks[i] = random.nextInt(100) < density;
        rows.add(marks[i]);
      }
      rows.trim();
      int next = 0;
      for (int i = 0; i < size; i++) {
        assertThat(rows.indexOf(i)).isEqualTo(marks[i] ? next++ : -1);
      }
      assertThat(rows.marked()).isEqualTo(next);
      assertThat(rows.size()).isEqualTo(size);
    }
  }

  @Test
  void exactDoublesKeepWholeValuesAsIntsAndWidenBitForBit() {
    double[] breakers = {0.5, -0.0, 3e9, -3e9, Double.MIN_VALUE, 1e300};
    for (int k = -1; k < breakers.length; k++) {
      ExactDoubles column = new ExactDoubles(100);
      double[] expected = new double[250];
      SplittableRandom random = new SplittableRandom(k + 5);
      for (int i = 0; i < expected.length; i++) {
        if (i == 100 || i == 200) {
          column.resize(i + 100);
        }
        expected[i] = k >= 0 && i == 120 ? breakers[k]
            : random.nextBoolean() ? random.nextInt() : Integer.MIN_VALUE + random.nextInt(3);
        column.set(i, expected[i]);
      }
      assertThat(column.isNarrow()).isEqualTo(k < 0);
      column.resize(expected.length);
      for (int i = 0; i < expected.length; i++) {
        assertThat(Double.doubleToRawLongBits(column.get(i))).isEqualTo(Double.doubleToRawLongBits(expected[i]));
      }
    }
    ExactDoubles unset = new ExactDoubles(3);
    unset.set(2, 7);
    assertThat(unset.get(0)).isEqualTo(0.0);
    assertThat(unset.get(2)).isEqualTo(7.0);
  }
}
