package org.engagement.clv.model;

import java.util.Arrays;
import java.util.List;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Weighted {@code (x, t_x, T)} rows as primitive columns, with the distinct frequencies indexed so a
 * likelihood computes the terms that depend only on {@code x} once per distinct value.
 */
final class CompressedHistories {
  final int[] distinctFrequencies;
  final int[] frequencyIndex;
  final double[] recency;
  final double[] age;
  final double[] weight;

  CompressedHistories(List<WeightedSummary> rows) {
    if (rows.isEmpty()) {
      throw new InvalidFieldException("summaries", rows, "must not be empty");
    }
    distinctFrequencies = rows.stream().mapToInt(WeightedSummary::frequency).sorted().distinct().toArray();
    int n = rows.size();
    frequencyIndex = new int[n];
    recency = new double[n];
    age = new double[n];
    weight = new double[n];
    for (int i = 0; i < n; i++) {
      WeightedSummary row = rows.get(i);
      frequencyIndex[i] = Arrays.binarySearch(distinctFrequencies, row.frequency());
      recency[i] = row.recency();
      age[i] = row.age();
      weight[i] = row.weight();
    }
  }

  int size() {
    return weight.length;
  }
}
