package org.engagement.spark.value;

import static org.apache.spark.sql.functions.col;

import java.util.Arrays;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Exact order statistics of a numeric column, from a distributed sort: the rows are range-partitioned and
 * sorted by Spark, indexed in that order ({@code zipWithIndex}, which sends one count per partition to the
 * driver), and only the rows at the wanted ranks travel to the driver. Memory on the driver is the number
 * of ranks asked for, whatever the size of the column. Stateless and thread-safe.
 */
final class OrderStatistics {
  private OrderStatistics() {}

  /**
   * The {@code ranks[i]}-th smallest of {@code value} over {@code rows} (1-based; equal values each take a
   * rank), for every {@code i}.
   *
   * @param size the number of rows, counted by the caller
   * @throws InvalidFieldException if a rank is outside 1..size
   */
  static double[] smallest(Dataset<Row> rows, Column value, long size, long[] ranks) {
    for (long rank : ranks) {
      if (rank < 1 || rank > size) {
        throw new InvalidFieldException("rank", rank, "must be between 1 and the number of rows (" + size + ")");
      }
    }
    if (ranks.length == 0) {
      return new double[0];
    }
    long[] indices = Arrays.stream(ranks).map(r -> r - 1).sorted().distinct().toArray();
    Dataset<Row> sorted = rows.select(value.cast(DataTypes.DoubleType).as("v")).sort(col("v"));
    TreeMap<Long, Double> found = sorted.javaRDD().zipWithIndex()
        .filter(p -> Arrays.binarySearch(indices, p._2()) >= 0)
        .treeAggregate(new TreeMap<Long, Double>(), (m, p) -> {
          m.put(p._2(), p._1().getDouble(0));
          return m;
        }, (a, b) -> {
          a.putAll(b);
          return a;
        });
    double[] out = new double[ranks.length];
    for (int i = 0; i < ranks.length; i++) {
      Double v = found.get(ranks[i] - 1);
      if (v == null) {
        throw new IllegalStateException("rank " + ranks[i] + " not found: the rows changed while they were ranked");
      }
      out[i] = v;
    }
    return out;
  }
}
