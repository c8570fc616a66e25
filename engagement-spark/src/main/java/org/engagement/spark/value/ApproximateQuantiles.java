package org.engagement.spark.value;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Approximate quantiles of a numeric column with their stated error, from Spark's
 * {@code DataFrameStatFunctions.approxQuantile} (Greenwald-Khanna summaries merged across partitions):
 * for a probability p over n non-null values, the value returned has a rank (its position in the sorted
 * column, from 1) within {@code floor((p - e) n)} and {@code ceil((p + e) n)} for the relative error e.
 * Use them where an exact rank is not needed (a distribution on a page); the RFM scores and value tiers use
 * exact order statistics instead. A relative error of 0 makes Spark compute exact quantiles, at the cost of
 * holding the whole column in one summary.
 *
 * <p>Immutable and thread-safe.
 *
 * @param column the column summarised
 * @param probabilities the probabilities asked for, each in [0, 1]
 * @param values the quantile of each probability, in the same order (empty when the column has no value)
 * @param relativeError the stated rank error e, as a share of the number of values
 * @since 0.1.0
 */
public record ApproximateQuantiles(String column, List<Double> probabilities, List<Double> values,
    double relativeError) {
  /**
   * Copies the lists.
   *
   * @throws InvalidFieldException if the lists differ in length or the error is outside [0, 1]
   */
  public ApproximateQuantiles {
    requireNonNull(column, "column");
    probabilities = List.copyOf(probabilities);
    values = List.copyOf(values);
    if (values.size() != probabilities.size()) {
      throw new InvalidFieldException("values", values.size(), "must have one value per probability ("
          + probabilities.size() + ")");
    }
    checkError(relativeError);
  }

  /**
   * The quantiles of the numeric {@code column} of {@code rows} (nulls and NaN left out by Spark) at
   * {@code probabilities}, with rank error at most {@code relativeError} &middot; n; one Spark job.
   *
   * @throws InvalidFieldException if a probability or the error is outside [0, 1]
   */
  public static ApproximateQuantiles of(Dataset<Row> rows, String column, double[] probabilities,
      double relativeError) {
    requireNonNull(rows, "rows");
    requireNonNull(column, "column");
    for (double p : probabilities) {
      if (!(p >= 0 && p <= 1)) {
        throw new InvalidFieldException("probability", p, "must be between 0 and 1");
      }
    }
    checkError(relativeError);
    double[] values = rows.stat().approxQuantile(column, probabilities, relativeError);
    return new ApproximateQuantiles(column, Arrays.stream(probabilities).boxed().toList(),
        Arrays.stream(values).boxed().toList(), relativeError);
  }

  private static void checkError(double relativeError) {
    if (!(relativeError >= 0 && relativeError <= 1)) {
      throw new InvalidFieldException("relativeError", relativeError, "must be between 0 and 1");
    }
  }
}
