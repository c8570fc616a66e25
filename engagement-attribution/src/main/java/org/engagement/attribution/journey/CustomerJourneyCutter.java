package org.engagement.attribution.journey;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Cuts journeys one customer at a time under {@link JourneyRules} with an as-of: for a host that already walks
 * the interactions customer by customer for something else (the ROI's channel evidence, say) and would otherwise
 * walk them again, making every interaction a second time, to cut the journeys (issue 16).
 *
 * <pre>{@code
 * CustomerJourneyCutter cutter = CustomerJourneyCutter.of(rules.withAsOf(end));
 * for (List<Interaction> own : columns.perCustomer()) {
 *   cutter.add(own);
 * }
 * Journeys journeys = cutter.journeys();
 * }</pre>
 *
 * <p>Given every customer's interactions once each, in any order of customers, the journeys are equal to {@code
 * rules.journeys(interactions)}, set-aside counts included (the journeys are put in canonical order on the way
 * out). The as-of is required: without one the window ends at the latest interaction of all, known only at the
 * end.
 *
 * <p>Not thread-safe: one instance per pass, used once ({@link #journeys()} ends it).
 *
 * @since 0.1.0
 */
public final class CustomerJourneyCutter {
  private final JourneyCutter cutter;
  private final Journeys.Builder out;
  private boolean done;

  private CustomerJourneyCutter(JourneyRules rules) {
    this.cutter = new JourneyCutter(rules);
    this.out = new Journeys.Builder(rules.asOf());
  }

  /**
   * A cutter under {@code rules}.
   *
   * @throws InvalidFieldException if the rules have no as-of
   */
  public static CustomerJourneyCutter of(JourneyRules rules) {
    requireNonNull(rules, "rules");
    if (rules.asOf() == null) {
      throw new InvalidFieldException("asOf", "none", "must be set to cut journeys one customer at a time");
    }
    return new CustomerJourneyCutter(rules);
  }

  /**
   * Adds the journeys of one customer: {@code interactions} are all of that customer's, in any order (the list
   * may be reordered in place; it is not kept). Those after the as-of are left out and counted as set aside.
   *
   * @throws IllegalStateException after {@link #journeys()}
   * @throws InvalidFieldException if a conversion value's currency differs from an earlier one's
   */
  public void add(List<Interaction> interactions) {
    requireNonNull(interactions, "interactions");
    if (done) {
      throw new IllegalStateException("the journeys were already taken");
    }
    cutter.cutOne(interactions, out);
  }

  /**
   * The journeys of every customer added, which ends this cutter.
   *
   * @throws IllegalStateException if called twice
   */
  public Journeys journeys() {
    if (done) {
      throw new IllegalStateException("the journeys were already taken");
    }
    done = true;
    return cutter.finish(out);
  }
}
