package org.engagement.core.value.tier;

/**
 * The names of the {@linkplain org.engagement.core.domain.CustomerProfile#metrics() profile metrics} that
 * value tiers and segment roll-ups read. The host (or another part of the SDK) computes them and puts
 * them in each profile; a missing metric has the meaning stated on each constant.
 *
 * <table>
 *   <caption>Metrics</caption>
 *   <tr><th>name</th><th>meaning</th><th>when missing</th></tr>
 *   <tr><td>{@value #VALUE}</td><td>value to date (revenue, margin: any unit, not negative)</td>
 *       <td>0</td></tr>
 *   <tr><td>{@value #ENGAGEMENT}</td><td>current engagement score
 *       ({@link org.engagement.core.engagement.EngagementScorer})</td><td>0</td></tr>
 *   <tr><td>{@value #RECENCY_DAYS}</td><td>days since the last activity, not negative</td>
 *       <td>not lapsed (nothing is known)</td></tr>
 *   <tr><td>{@value #CHURNED}</td><td>1 if churned, 0 if not
 *       ({@link org.engagement.core.churn.InactivityChurn#churnMetric})</td><td>not churned</td></tr>
 * </table>
 *
 * <p>Holds constants only; thread-safe.
 *
 * @since 0.1.0
 */
public final class MetricNames {
  /** Value to date. */
  public static final String VALUE = "value";
  /** Current engagement score. */
  public static final String ENGAGEMENT = "engagement";
  /** Days since the last activity. */
  public static final String RECENCY_DAYS = "recency_days";
  /** 1 if the customer has churned, 0 if not. */
  public static final String CHURNED = "churned";

  private MetricNames() {}
}
