package org.engagement.simulator;

import java.util.List;

/**
 * The pre-purchase part of one person's life under a mechanism: their touches in time order, the instants of
 * their funnel steps, and which channels their first purchase depended on by counterfactual replay.
 *
 * @param touches every touch the person received, in time order
 * @param lead the instant (epoch milliseconds) of the lead, -1 if not reached
 * @param opportunity the instant of the opportunity, -1 if not reached
 * @param purchase the instant of the first purchase, -1 if not reached
 * @param gained bit {@code c} set if the first purchase would not have happened without channel {@code c}
 * @param lost bit {@code c} set if the person made no first purchase but would have without channel {@code c}
 */
record Journey(List<Touch> touches, long lead, long opportunity, long purchase, int gained, int lost) {
  /** A journey from the instants of its three funnel steps. */
  static Journey of(List<Touch> touches, long[] stageTimes, int gained, int lost) {
    return new Journey(List.copyOf(touches), stageTimes[0], stageTimes[1], stageTimes[2], gained, lost);
  }

  /** The instants of the lead, opportunity and first purchase (a new array). */
  long[] stageTimes() {
    return new long[] {lead, opportunity, purchase};
  }

  /** The instant of the first purchase, or -1. */
  long purchaseAt() {
    return purchase;
  }

  /** One touch before it becomes an interaction: when, which channel (by index), and its interaction type. */
  record Touch(long millis, int channel, org.engagement.core.domain.InteractionType type) {}
}
