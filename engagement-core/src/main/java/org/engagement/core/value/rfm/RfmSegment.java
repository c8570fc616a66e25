package org.engagement.core.value.rfm;

import org.engagement.core.domain.InvalidFieldException;

/**
 * The named RFM segments, assigned from the recency score R and the frequency score F (both 1&ndash;5,
 * 5 best; the monetary score does not take part).
 *
 * <p>The map is the widely copied R &times; F grid (for example the {@code seg_map} of the common
 * Python RFM notebooks), which has ten segments covering the 25 cells exactly once. The eleventh
 * segment, Lost, is the bottom corner of that grid's Hibernating block, R = 1 and F = 1: the customers
 * who both bought least recently and least often, as in the R {@code rfm} package and vendor tables,
 * where Lost is the lowest-recency segment. The table is therefore still a partition: every (R, F)
 * cell, and so every customer, belongs to exactly one segment.
 *
 * <table>
 *   <caption>Segment rules (inclusive ranges)</caption>
 *   <tr><th>segment</th><th>R</th><th>F</th><th>cells</th></tr>
 *   <tr><td>Champions</td><td>5</td><td>4&ndash;5</td><td>2</td></tr>
 *   <tr><td>Loyal Customers</td><td>3&ndash;4</td><td>4&ndash;5</td><td>4</td></tr>
 *   <tr><td>Potential Loyalists</td><td>4&ndash;5</td><td>2&ndash;3</td><td>4</td></tr>
 *   <tr><td>New Customers</td><td>5</td><td>1</td><td>1</td></tr>
 *   <tr><td>Promising</td><td>4</td><td>1</td><td>1</td></tr>
 *   <tr><td>Need Attention</td><td>3</td><td>3</td><td>1</td></tr>
 *   <tr><td>About to Sleep</td><td>3</td><td>1&ndash;2</td><td>2</td></tr>
 *   <tr><td>At Risk</td><td>1&ndash;2</td><td>3&ndash;4</td><td>4</td></tr>
 *   <tr><td>Can't Lose Them</td><td>1&ndash;2</td><td>5</td><td>2</td></tr>
 *   <tr><td>Hibernating</td><td>1&ndash;2</td><td>1&ndash;2, except R = 1 with F = 1</td><td>3</td></tr>
 *   <tr><td>Lost</td><td>1</td><td>1</td><td>1</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum RfmSegment {
  /** Bought recently and often. */
  CHAMPIONS("Champions", cell(5, 5, 4, 5)),
  /** Buy often, fairly recently. */
  LOYAL_CUSTOMERS("Loyal Customers", cell(3, 4, 4, 5)),
  /** Recent customers with some repeat buying. */
  POTENTIAL_LOYALISTS("Potential Loyalists", cell(4, 5, 2, 3)),
  /** Bought very recently, once or rarely. */
  NEW_CUSTOMERS("New Customers", cell(5, 5, 1, 1)),
  /** Bought recently, rarely. */
  PROMISING("Promising", cell(4, 4, 1, 1)),
  /** Middling recency and frequency. */
  NEED_ATTENTION("Need Attention", cell(3, 3, 3, 3)),
  /** Middling recency, rare buyers: slipping away. */
  ABOUT_TO_SLEEP("About to Sleep", cell(3, 3, 1, 2)),
  /** Bought fairly often, but long ago. */
  AT_RISK("At Risk", cell(1, 2, 3, 4)),
  /** Bought most often, but long ago. */
  CANT_LOSE_THEM("Can't Lose Them", cell(1, 2, 5, 5)),
  /** Long ago and rarely, except the very bottom cell. */
  HIBERNATING("Hibernating", cell(2, 2, 1, 2), cell(1, 1, 2, 2)),
  /** Least recent and least frequent: R = 1 and F = 1. */
  LOST("Lost", cell(1, 1, 1, 1));

  private static final RfmSegment[] BY_CELL = new RfmSegment[25];

  static {
    for (RfmSegment segment : values()) {
      for (int r = 1; r <= 5; r++) {
        for (int f = 1; f <= 5; f++) {
          if (segment.has(r, f)) {
            if (BY_CELL[index(r, f)] != null) {
              throw new ExceptionInInitializerError("RFM cell " + r + f + " is in two segments");
            }
            BY_CELL[index(r, f)] = segment;
          }
        }
      }
    }
  }

  private final String displayName;
  /** Bit {@code index(r, f)} set for every (R, F) cell of the segment. */
  private final int cells;

  RfmSegment(String displayName, int... blocks) {
    this.displayName = displayName;
    int union = 0;
    for (int block : blocks) {
      union |= block;
    }
    this.cells = union;
  }

  /** The cells with R in {@code rLow..rHigh} and F in {@code fLow..fHigh}, as bits. */
  private static int cell(int rLow, int rHigh, int fLow, int fHigh) {
    int bits = 0;
    for (int r = rLow; r <= rHigh; r++) {
      for (int f = fLow; f <= fHigh; f++) {
        bits |= 1 << index(r, f);
      }
    }
    return bits;
  }

  private boolean has(int r, int f) {
    return (cells & (1 << index(r, f))) != 0;
  }

  private static int index(int r, int f) {
    return (r - 1) * 5 + (f - 1);
  }

  /** The segment's usual name, for example {@code Can't Lose Them}. */
  public String displayName() {
    return displayName;
  }

  /**
   * Whether the cell (R, F) satisfies this segment's rule in the table above.
   *
   * @param recencyScore R, 1..5
   * @param frequencyScore F, 1..5
   * @throws InvalidFieldException if a score is outside 1..5
   */
  public boolean contains(int recencyScore, int frequencyScore) {
    RfmScore.checkScore("recencyScore", recencyScore);
    RfmScore.checkScore("frequencyScore", frequencyScore);
    return has(recencyScore, frequencyScore);
  }

  /**
   * The one segment whose rule contains (R, F).
   *
   * @param recencyScore R, 1..5
   * @param frequencyScore F, 1..5
   * @throws InvalidFieldException if a score is outside 1..5
   */
  public static RfmSegment of(int recencyScore, int frequencyScore) {
    RfmScore.checkScore("recencyScore", recencyScore);
    RfmScore.checkScore("frequencyScore", frequencyScore);
    RfmSegment segment = BY_CELL[index(recencyScore, frequencyScore)];
    if (segment == null) {
      throw new IllegalStateException("RFM cell " + recencyScore + frequencyScore + " has no segment");
    }
    return segment;
  }

  @Override
  public String toString() {
    return displayName;
  }
}
