package org.engagement.core.conversation.service;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Service metrics overall, per channel (where the case opened) and per owner. A case's owner is the one
 * named by its first response or, if that names none, the earliest owner named anywhere in its thread;
 * cases with no owner at all are counted in {@code unassigned}. Immutable and thread-safe.
 *
 * @param target the first-response target the within-target shares use: positive
 * @param overall every case
 * @param byChannel per channel, ordered by channel id
 * @param byOwner per owner, ordered by owner
 * @param unassigned cases without an owner
 * @since 0.1.0
 */
public record ServiceReport(
    Duration target, ServiceStats overall, Map<Channel, ServiceStats> byChannel, Map<String, ServiceStats> byOwner,
    ServiceStats unassigned) {
  /**
   * Validates and copies (keeping the maps' order).
   *
   * @throws InvalidFieldException if the target is not positive
   */
  public ServiceReport {
    requireTarget(target);
    requireNonNull(overall, "overall");
    byChannel = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byChannel));
    byOwner = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byOwner));
    requireNonNull(unassigned, "unassigned");
  }

  static void requireTarget(Duration target) {
    requireNonNull(target, "target");
    if (target.isNegative() || target.isZero()) {
      throw new InvalidFieldException("target", target, "must be positive");
    }
  }
}
