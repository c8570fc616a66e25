package org.engagement.core.presence;

import static java.util.Objects.requireNonNull;

import org.engagement.core.domain.InvalidFieldException;

/**
 * How many customers were active on one channel or channel group in a window, split into converted
 * customers and prospects, out of the known customers.
 *
 * <p>A <em>customer</em> here is someone with at least one conversion under the report's conversion
 * rule before the end of the window (in it or earlier); a <em>prospect</em> is someone active in the
 * window without any such conversion. Shares are fractions of {@code known} and lie in [0, 1]; they
 * are 0 when {@code known} is 0.
 *
 * <p>Immutable and thread-safe.
 *
 * @param <K> the kind of key: a channel or a channel group
 * @param key the channel or channel group counted
 * @param active customers with at least one interaction on it in the window: at most {@code known}
 * @param customers those of {@code active} who have converted
 * @param prospects those of {@code active} who have not: {@code active − customers}
 * @param known the size of the population the shares are taken of: not negative
 * @since 0.1.0
 */
public record PresenceCount<K>(K key, int active, int customers, int prospects, int known) {

  /**
   * Validates the counts.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public PresenceCount {
    requireNonNull(key, "key");
    if (customers < 0 || prospects < 0) {
      throw new InvalidFieldException("customers, prospects", customers + ", " + prospects, "must not be negative");
    }
    if (active != customers + prospects) {
      throw new InvalidFieldException("active", active, "must equal customers + prospects");
    }
    if (active > known) {
      throw new InvalidFieldException("active", active, "must not exceed known " + known);
    }
  }

  /** {@code active / known}: the share of the known customers active here; 0 if none are known. */
  public double activeShare() {
    return share(active);
  }

  /** {@code customers / known}: the share of the known customers that are converted customers active here. */
  public double customerShare() {
    return share(customers);
  }

  /** {@code prospects / known}: the share of the known customers that are prospects active here. */
  public double prospectShare() {
    return share(prospects);
  }

  private double share(int count) {
    return known == 0 ? 0.0 : (double) count / known;
  }
}
