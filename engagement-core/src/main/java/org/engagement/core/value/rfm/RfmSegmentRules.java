package org.engagement.core.value.rfm;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;

/**
 * A configurable RFM segment map: rules tried in order, the first whose ranges contain the customer's
 * (R, F, M) wins, and a customer no rule matches gets the fallback name. This is the form of the R
 * {@code rfm} package ({@code rfm_segment}); unlike the default {@link RfmSegment} grid it may leave
 * cells to the fallback, and it may use M.
 *
 * <p>{@link #rPackageExample()} is that package's documented example map:
 *
 * <table>
 *   <caption>R {@code rfm} example rules, in order (inclusive ranges)</caption>
 *   <tr><th>segment</th><th>R</th><th>F</th><th>M</th></tr>
 *   <tr><td>Champions</td><td>5</td><td>5</td><td>5</td></tr>
 *   <tr><td>Potential Loyalist</td><td>3&ndash;5</td><td>3&ndash;5</td><td>2&ndash;5</td></tr>
 *   <tr><td>Loyal Customers</td><td>2&ndash;4</td><td>2&ndash;4</td><td>2&ndash;4</td></tr>
 *   <tr><td>Promising</td><td>3&ndash;4</td><td>1&ndash;3</td><td>3&ndash;5</td></tr>
 *   <tr><td>New Customers</td><td>4&ndash;5</td><td>1&ndash;3</td><td>1&ndash;5</td></tr>
 *   <tr><td>Can't Lose Them</td><td>1&ndash;2</td><td>3&ndash;4</td><td>4&ndash;5</td></tr>
 *   <tr><td>At Risk</td><td>1&ndash;2</td><td>2&ndash;5</td><td>4&ndash;5</td></tr>
 *   <tr><td>Need Attention</td><td>1&ndash;3</td><td>3&ndash;5</td><td>3&ndash;5</td></tr>
 *   <tr><td>About To Sleep</td><td>2&ndash;3</td><td>1&ndash;3</td><td>1&ndash;4</td></tr>
 *   <tr><td>Lost</td><td>1</td><td>1&ndash;5</td><td>1&ndash;5</td></tr>
 *   <tr><td>(fallback) Others</td><td colspan="3">anything else</td></tr>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param rules the rules in the order they are tried, at least one, names distinct
 * @param fallback the name of customers no rule matches, not blank and not a rule's name
 * @since 0.1.0
 */
public record RfmSegmentRules(List<RfmSegmentRule> rules, String fallback) {

  /**
   * Checks and copies the rules.
   *
   * @throws InvalidFieldException if there are no rules, two share a name, or the fallback is blank or
   *     a rule's name
   */
  public RfmSegmentRules {
    rules = List.copyOf(rules);
    requireNonNull(fallback, "fallback");
    if (rules.isEmpty()) {
      throw new InvalidFieldException("rules", "[]", "must hold at least one rule");
    }
    if (fallback.isBlank()) {
      throw new InvalidFieldException("fallback", fallback, "must not be blank");
    }
    Map<String, Boolean> names = new LinkedHashMap<>();
    for (RfmSegmentRule rule : rules) {
      if (names.put(rule.name(), Boolean.TRUE) != null) {
        throw new InvalidFieldException("rules", rule.name(), "must not name a segment twice");
      }
    }
    if (names.containsKey(fallback)) {
      throw new InvalidFieldException("fallback", fallback, "must not be the name of a rule");
    }
  }

  /** The R {@code rfm} package's example map (table above), with fallback {@code Others}. */
  public static RfmSegmentRules rPackageExample() {
    return new RfmSegmentRules(List.of(
        new RfmSegmentRule("Champions", 5, 5, 5, 5, 5, 5),
        new RfmSegmentRule("Potential Loyalist", 3, 5, 3, 5, 2, 5),
        new RfmSegmentRule("Loyal Customers", 2, 4, 2, 4, 2, 4),
        new RfmSegmentRule("Promising", 3, 4, 1, 3, 3, 5),
        new RfmSegmentRule("New Customers", 4, 5, 1, 3, 1, 5),
        new RfmSegmentRule("Can't Lose Them", 1, 2, 3, 4, 4, 5),
        new RfmSegmentRule("At Risk", 1, 2, 2, 5, 4, 5),
        new RfmSegmentRule("Need Attention", 1, 3, 3, 5, 3, 5),
        new RfmSegmentRule("About To Sleep", 2, 3, 1, 3, 1, 4),
        new RfmSegmentRule("Lost", 1, 1, 1, 5, 1, 5)), "Others");
  }

  /** The name of the first rule that matches {@code score}, or the fallback. */
  public String segmentOf(RfmScore score) {
    requireNonNull(score, "score");
    for (RfmSegmentRule rule : rules) {
      if (rule.matches(score)) {
        return rule.name();
      }
    }
    return fallback;
  }

  /**
   * How many of the scored customers fall in each segment: every rule's name in order, then the
   * fallback, each with 0 when empty.
   */
  public Map<String, Integer> counts(RfmScores scores) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    rules.forEach(rule -> counts.put(rule.name(), 0));
    counts.put(fallback, 0);
    for (int i = 0; i < scores.size(); i++) {
      counts.merge(segmentOf(scores.score(i)), 1, Integer::sum);
    }
    return Collections.unmodifiableMap(counts);
  }
}
