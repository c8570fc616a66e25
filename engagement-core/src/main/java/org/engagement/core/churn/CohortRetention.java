package org.engagement.core.churn;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.engagement.core.domain.InvalidFieldException;

/**
 * The cohort retention matrix by acquisition month.
 *
 * <ul>
 *   <li><b>Row</b>: a cohort, the customers whose <em>first activity</em> in the {@link ActivityHistory}
 *       falls in a calendar month (in {@code zone}). With a history of every interaction that is the
 *       month of the first interaction; with a history of purchases only, the month of the first
 *       purchase. Only months in which at least one customer was acquired have a row, oldest first, up
 *       to the month {@code through}; customers acquired later are left out.</li>
 *   <li><b>Column</b> j: j calendar months after the cohort's month (j = 0 is the month itself), up to
 *       {@code through}, so the matrix is a triangle: the row of cohort c has
 *       months(c, through) + 1 columns.</li>
 *   <li><b>Value</b>: the share of the cohort with at least one activity in that calendar month, in
 *       [0, 1]. Column 0 is always exactly 1, since every member's first activity is in it. Activity
 *       after {@code through} is ignored.</li>
 * </ul>
 *
 * <p>The matrix depends only on the history, not on the order of the interactions. It is not a partial
 * aggregate: a customer's cohort is the month of their first activity over all partitions, which no
 * partition alone knows, so the histories of partitions {@linkplain ActivityHistory#merge merge} (the
 * mergeable aggregate) and the matrix is built from the merged history. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class CohortRetention {
  private final ZoneId zone;
  private final YearMonth through;
  private final List<YearMonth> cohorts;
  private final int[] sizes;
  /** active[row][j]: members of the cohort active j months after its month. */
  private final int[][] active;

  private CohortRetention(ZoneId zone, YearMonth through, List<YearMonth> cohorts, int[] sizes, int[][] active) {
    this.zone = zone;
    this.through = through;
    this.cohorts = cohorts;
    this.sizes = sizes;
    this.active = active;
  }

  /** The matrix of {@code history} with months in {@code zone}, up to and including the month {@code through}. */
  public static CohortRetention of(ActivityHistory history, ZoneId zone, YearMonth through) {
    requireNonNull(history, "history");
    requireNonNull(zone, "zone");
    requireNonNull(through, "through");
    TreeMap<YearMonth, int[]> counts = new TreeMap<>();
    for (String id : history.customers()) {
      List<Instant> activity = history.activity(id);
      YearMonth cohort = YearMonth.from(activity.get(0).atZone(zone));
      if (cohort.isAfter(through)) {
        continue;
      }
      int[] row = counts.computeIfAbsent(cohort, c -> new int[1 + (int) ChronoUnit.MONTHS.between(c, through) + 1]);
      row[0]++;
      int last = -1;
      for (Instant at : activity) {
        YearMonth month = YearMonth.from(at.atZone(zone));
        if (month.isAfter(through)) {
          break;
        }
        int j = (int) ChronoUnit.MONTHS.between(cohort, month);
        if (j != last) {
          row[1 + j]++;
          last = j;
        }
      }
    }
    List<YearMonth> cohorts = new ArrayList<>(counts.size());
    int[] sizes = new int[counts.size()];
    int[][] active = new int[counts.size()][];
    int r = 0;
    for (Map.Entry<YearMonth, int[]> entry : counts.entrySet()) {
      cohorts.add(entry.getKey());
      int[] row = entry.getValue();
      sizes[r] = row[0];
      active[r] = Arrays.copyOfRange(row, 1, row.length);
      r++;
    }
    return new CohortRetention(zone, through, List.copyOf(cohorts), sizes, active);
  }

  /** The zone the months are in. */
  public ZoneId zone() {
    return zone;
  }

  /** The last month in the matrix. */
  public YearMonth through() {
    return through;
  }

  /** The acquisition month of each row, oldest first. */
  public List<YearMonth> cohorts() {
    return cohorts;
  }

  /** The number of customers in the cohort of row {@code row}, at least 1. */
  public int cohortSize(int row) {
    return sizes[checkRow(row)];
  }

  /** The number of columns of row {@code row}: months from the cohort's month to {@code through}, plus 1. */
  public int columns(int row) {
    return active[checkRow(row)].length;
  }

  /** The members of the cohort of row {@code row} active {@code monthsSince} months after its month. */
  public int activeCount(int row, int monthsSince) {
    checkColumn(row, monthsSince);
    return active[row][monthsSince];
  }

  /** The share of the cohort of row {@code row} active {@code monthsSince} months after its month, in [0, 1]. */
  public double retention(int row, int monthsSince) {
    return activeCount(row, monthsSince) / (double) sizes[row];
  }

  /** The whole triangle of shares, one array per row; a fresh copy on every call. */
  public double[][] matrix() {
    double[][] matrix = new double[active.length][];
    for (int row = 0; row < active.length; row++) {
      matrix[row] = new double[active[row].length];
      for (int j = 0; j < active[row].length; j++) {
        matrix[row][j] = active[row][j] / (double) sizes[row];
      }
    }
    return matrix;
  }

  private int checkRow(int row) {
    if (row < 0 || row >= active.length) {
      throw new InvalidFieldException("row", row, "must be between 0 and " + (active.length - 1));
    }
    return row;
  }

  private void checkColumn(int row, int monthsSince) {
    checkRow(row);
    if (monthsSince < 0 || monthsSince >= active[row].length) {
      throw new InvalidFieldException(
          "monthsSince", monthsSince, "must be between 0 and " + (active[row].length - 1) + " for row " + row);
    }
  }

  @Override
  public String toString() {
    return "CohortRetention[cohorts=" + cohorts.size() + ", through=" + through + ", zone=" + zone + "]";
  }
}
