package org.engagement.core.value.tier;

import java.util.Locale;

/**
 * The value tier of a customer, in order of precedence: when a customer qualifies for several tiers the
 * first one in this order wins (see {@link ValueTiers}). Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public enum ValueTier {
  /** Top customers by value to date: keep them. */
  RETAIN,
  /** Lapsed customers, not in the top by value: win them back. */
  RE_ENGAGE,
  /** Highly engaged or with high predicted value, but low value so far: invest in them. */
  GROW,
  /** Everyone else. */
  MAINTAIN;

  /** The tier's name as shown in reports and segment names: {@code retain}, {@code re-engage}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
