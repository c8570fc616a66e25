package org.engagement.roi.evidence;

import static java.util.Objects.requireNonNull;

import org.engagement.roi.lift.LiftEstimate;

/**
 * The engagement lift measured for one channel: the difference-in-differences test, the group sizes,
 * and the resulting reward evidence ({@code estimate × treated customers} extra interactions).
 * Immutable and thread-safe.
 *
 * @param test the per-customer difference-in-differences test (Welch t on the changes)
 * @param treatedCustomers customers who started engaging on the channel in the second half of the window
 * @param controlCustomers customers active in the first half who never engaged on the channel
 * @param evidence the extra interactions and their value, for the ROI calculator
 * @since 0.1.0
 */
public record ChannelLift(LiftEstimate test, long treatedCustomers, long controlCustomers, EngagementLiftEvidence evidence) {

  /** Checks for nulls. */
  public ChannelLift {
    requireNonNull(test, "test");
    requireNonNull(evidence, "evidence");
  }
}
