package org.engagement.clv.model;

import java.util.Arrays;
import java.util.List;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Weighted {@code (x, t_x, T)} rows as primitive columns, with the distinct frequencies indexed so a
 * likelihood computes the terms that depend only on {@code x} once per distinct value, and the distinct times
 * (recencies and ages together) indexed so it computes a function of the time, such as {@code ln(alpha + t)}, once
 * per distinct value: summaries counted in days have a few hundred distinct times among a hundred thousand rows.
 */
final class CompressedHistories {
  final int[] distinctFrequencies;
  final int[] frequencyIndex;
  final double[] recency;
  final double[] age;
  final double[] weight;
  /** The distinct recencies and ages, ascending (as by {@link Double#compare}). */
  final double[] distinctTimes;
  /** The index in {@link #distinctTimes} of each row's recency. */
  final int[] recencyIndex;
  /** The index in {@link #distinctTimes} of each row's age. */
  final int[] ageIndex;

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
    distinctTimes = distinct(recency, age);
    recencyIndex = indices(recency, distinctTimes);
    ageIndex = indices(age, distinctTimes);
  }

  private static double[] distinct(double[] first, double[] second) {
    double[] all = Arrays.copyOf(first, first.length + second.length);
    System.arraycopy(second, 0, all, first.length, second.length);
    return Arrays.stream(all).sorted().distinct().toArray();
  }

  private static int[] indices(double[] values, double[] distinct) {
    int[] out = new int[values.length];
    for (int i = 0; i < values.length; i++) {
      out[i] = Arrays.binarySearch(distinct, values[i]);
    }
    return out;
  }

  int size() {
    return weight.length;
  }
}
