package org.engagement.clv.summary;

/**
 * Whether the first purchase day counts in the frequency and in the mean spend.
 *
 * <p>Repeat-buying models (BG/NBD, Pareto/NBD, Gamma-Gamma) need {@link #EXCLUDED}: the first purchase
 * only starts the customer's clock. RFM scoring counts every purchase, so it uses {@link #INCLUDED}.
 * Recency {@code t_x} and age {@code T} are measured from the first purchase in both conventions.
 *
 * <p>Immutable and thread-safe, being an enum.
 *
 * @since 0.1.0
 */
public enum FirstPurchase {
  /** Frequency = distinct purchase days − 1; mean spend over repeat days only (model convention). */
  EXCLUDED,
  /** Frequency = distinct purchase days; mean spend over all purchase days (the RFM convention). */
  INCLUDED
}
