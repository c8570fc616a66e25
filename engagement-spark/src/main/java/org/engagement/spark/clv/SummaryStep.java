package org.engagement.spark.clv;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.core.domain.Interaction;
import org.engagement.spark.internal.ChunkRows;

/**
 * Summarises a partition's buyers with the core's pipeline ({@link LifetimeValueAnalysis#transactions},
 * {@link RepeatBuyingSummaries}), a chunk of whole customers at a time.
 */
final class SummaryStep {
  private SummaryStep() {}

  /** The summaries of one chunk of whole customers. */
  static List<RepeatBuyingSummary> summaries(List<Interaction> chunk, ClvForm form) {
    return RepeatBuyingSummaries.summarize(
        LifetimeValueAnalysis.transactions(chunk, form.rule(), form.currency(), form.asOf()), form.summaryOptions());
  }

  /** The per-partition function: one row per buyer in {@link SparkLifetimeValue#SUMMARY_SCHEMA}. */
  static MapPartitionsFunction<Row, Row> rows(ClvForm form) {
    return rows -> ChunkRows.of(rows, chunk -> {
      List<Row> out = new ArrayList<>();
      for (RepeatBuyingSummary s : summaries(chunk, form)) {
        out.add(SparkLifetimeValue.summaryRow(s));
      }
      return out;
    });
  }
}
