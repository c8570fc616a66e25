package org.engagement.roi.lift;

import static java.util.Objects.requireNonNull;

import org.engagement.core.conversation.service.RetentionCount;
import org.engagement.core.conversation.service.RetentionGroups;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Does serving customers through social channels work? The retention of customers whose requests were
 * resolved against those whose requests were not ({@link RetentionGroups}, from the conversation
 * module's service ledger), compared with the {@link ProportionDifference two-proportion z-test}: resolved
 * customers are the treatment, unresolved the control.
 *
 * <p>The groups are observational (nobody chose at random whose request to resolve), so a significant
 * difference is an association: easy requests may be both resolved and from loyal customers. Stateless
 * and thread-safe.
 *
 * @since 0.1.0
 */
public final class ServiceRetentionLift {
  private ServiceRetentionLift() {}

  /**
   * The lift in retention of resolved over unresolved customers, at the 95 % level.
   *
   * @throws InvalidFieldException if either group has no customers
   */
  public static LiftEstimate test(RetentionGroups groups) {
    requireNonNull(groups, "groups");
    return ProportionDifference.test(proportion("resolved", groups.resolved()),
        proportion("unresolved", groups.unresolved()));
  }

  private static Proportion proportion(String group, RetentionCount count) {
    if (count.customers() == 0) {
      throw new InvalidFieldException(group + ".customers", 0, "must be positive to compare retention");
    }
    return Proportion.of(count.retained(), count.customers());
  }
}
