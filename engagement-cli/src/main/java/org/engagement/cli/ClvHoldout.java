package org.engagement.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.engagement.clv.model.RepeatBuyingModel;
import org.engagement.clv.prediction.HoldoutCheck;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryCsvReader;

/**
 * {@code clv --holdout N}: how the purchase model fitted on the summary's calibration columns predicts the
 * purchases its customers made in the {@code N} periods that followed (the summary's {@code holdout_frequency}
 * column), as Fader, Hardie and Lee (2005), "Counting your customers the easy way", Sec. 7 and figure 4 judge
 * BG/NBD on CDNOW: the total of the conditional expectations {@code E[X(N) | x, t_x, T]} against the total
 * actual, and the mean of both per calibration frequency {@code x = 0 .. 6, 7+}. The figures are {@link
 * HoldoutCheck}'s; this class only says when the check applies and prints it.
 *
 * <p>CSV: rows of the command's {@code parameter,value} output, {@code holdout:periods}, {@code
 * holdout:customers}, {@code holdout:predicted}, {@code holdout:actual}, {@code holdout:relative_error} (left out
 * when nobody bought in the holdout), {@code holdout:bucket_error}, then per bucket {@code
 * holdout:x=<label>:customers}, {@code holdout:x=<label>:predicted_mean} and {@code
 * holdout:x=<label>:actual_mean} ({@code <label>} {@code 0}, {@code 1}, ..., {@code 7+}; empty buckets left
 * out). JSON: the same figures as the member {@code holdout} of the printed fit, {@code {"periods", "customers",
 * "predicted", "actual", "relative_error" (null when nobody bought), "bucket_error", "by_frequency": [{"frequency",
 * "open_ended", "customers", "predicted_mean", "actual_mean"}, ...]}}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param check the figures
 * @param periods the holdout's length in the model's unit, as given to {@code --holdout}
 */
record ClvHoldout(HoldoutCheck check, double periods) {
  /** Figure 4's last bucket: customers with 7 or more calibration purchases are one group. */
  static final int OPEN_BUCKET = 7;

  /** The name of the summary's column, as the usage errors name it. */
  static final String COLUMN = "holdout_frequency";

  /**
   * Checks that {@code --holdout} and the summary's holdout column come together: a holdout length without
   * the counts has nothing to compare with, and counts without a length would be read and silently ignored.
   *
   * @param periods the {@code --holdout} length, or NaN without the option
   * @throws Failure a usage error naming what is missing
   */
  static void requireBoth(double periods, SummaryCsvReader.Result summaries, String file) throws Failure {
    boolean asked = !Double.isNaN(periods);
    if (asked && !summaries.hasHoldout()) {
      throw Failure.usage("--holdout needs the customers' purchases in the holdout period: " + file + " has no "
          + COLUMN + " column");
    }
    if (!asked && summaries.hasHoldout()) {
      throw Failure.usage(file + " has a " + COLUMN + " column: give the holdout period's length with --holdout N "
          + "(periods of --unit after each customer's T) to check the fit against it, or leave the column out");
    }
  }

  /** The check of {@code model} on {@code customers} over {@code periods} of the model's unit. */
  static ClvHoldout of(RepeatBuyingModel model, List<RepeatBuyingSummary> customers, double periods) {
    return new ClvHoldout(HoldoutCheck.of(model, customers, new Horizon(periods, model.unit()), OPEN_BUCKET),
        periods);
  }

  /** The CSV rows, each ending in a line feed. */
  String csv() {
    StringBuilder csv = new StringBuilder();
    row(csv, "holdout:periods", periods);
    row(csv, "holdout:customers", check.customers());
    row(csv, "holdout:predicted", check.predicted());
    row(csv, "holdout:actual", check.actual());
    if (Double.isFinite(check.totalError())) {
      row(csv, "holdout:relative_error", check.totalError());
    }
    row(csv, "holdout:bucket_error", check.bucketError());
    for (HoldoutCheck.Bucket bucket : check.buckets()) {
      String prefix = "holdout:x=" + bucket.label() + ":";
      row(csv, prefix + "customers", bucket.customers());
      row(csv, prefix + "predicted_mean", bucket.predictedMean());
      row(csv, prefix + "actual_mean", bucket.actualMean());
    }
    return csv.toString();
  }

  /** The JSON member {@code holdout}. */
  JsonNode json() {
    ObjectNode json = JsonNodeFactory.instance.objectNode();
    json.put("periods", periods);
    json.put("customers", check.customers());
    json.put("predicted", check.predicted());
    json.put("actual", check.actual());
    if (Double.isFinite(check.totalError())) {
      json.put("relative_error", check.totalError());
    } else {
      json.putNull("relative_error");
    }
    json.put("bucket_error", check.bucketError());
    ArrayNode buckets = json.putArray("by_frequency");
    for (HoldoutCheck.Bucket bucket : check.buckets()) {
      buckets.addObject().put("frequency", bucket.frequency()).put("open_ended", bucket.openEnded())
          .put("customers", bucket.customers()).put("predicted_mean", bucket.predictedMean())
          .put("actual_mean", bucket.actualMean());
    }
    return json;
  }

  /** One line on {@code err} saying what the figures are, for a reader of either format. */
  void describe(String model, PrintStream err) {
    String total = Double.isFinite(check.totalError())
        ? String.format(Locale.ROOT, " (%+.1f %%)", 100 * check.totalError()) : " (nobody bought in the holdout)";
    err.println(String.format(Locale.ROOT, "holdout: over the %s periods after each customer's T, %s predicts %.1f "
        + "purchases by the %d customers, who made %.0f%s; by calibration frequency x = %s (Fader, Hardie and Lee "
        + "2005, figure 4) predicted and actual means differ by %.3f purchases per customer", CsvCells.number(periods),
        model, check.predicted(), check.customers(), check.actual(), total,
        check.buckets().stream().map(HoldoutCheck.Bucket::label).collect(Collectors.joining(", ")),
        check.bucketError()));
  }

  private static void row(StringBuilder csv, String name, double value) {
    csv.append(name).append(',').append(CsvCells.number(value)).append('\n');
  }

  private static void row(StringBuilder csv, String name, long count) {
    csv.append(name).append(',').append(count).append('\n');
  }
}
