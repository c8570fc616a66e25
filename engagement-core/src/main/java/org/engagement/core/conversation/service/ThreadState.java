package org.engagement.core.conversation.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one thread: its earliest inbound interaction (the opening), every outbound one (the
 * responses), every resolution mark, and the earliest owner named. Kept whole rather than reduced,
 * because a response counts only from the opening on, and a partition may not know the opening yet.
 */
final class ThreadState {
  private static final Comparator<Opening> OPENING_ORDER = Comparator.comparing(Opening::at)
      .thenComparing(Opening::customerId).thenComparing(o -> o.channel().id());

  private @Nullable Opening opening;
  private final List<Response> responses = new ArrayList<>(2);
  private final List<Instant> resolutions = new ArrayList<>(1);
  private @Nullable Response earliestOwner;

  record Opening(Instant at, String customerId, Channel channel) {}

  record Response(Instant at, @Nullable String owner) {}

  void add(Interaction interaction, Content content) {
    Instant at = interaction.timestamp();
    if (interaction.direction() == Direction.INBOUND) {
      open(new Opening(at, interaction.customerId(), interaction.channel()));
    } else {
      responses.add(new Response(at, content.owner()));
    }
    if (content.resolved()) {
      resolutions.add(at);
    }
    if (content.owner() != null) {
      nameOwner(new Response(at, content.owner()));
    }
  }

  private void open(Opening candidate) {
    if (opening == null || OPENING_ORDER.compare(candidate, opening) < 0) {
      opening = candidate;
    }
  }

  private void nameOwner(Response candidate) {
    Response current = earliestOwner;
    if (current == null || candidate.at().isBefore(current.at())
        || (candidate.at().equals(current.at()) && candidate.owner().compareTo(current.owner()) < 0)) {
      earliestOwner = candidate;
    }
  }

  void merge(ThreadState other) {
    if (other.opening != null) {
      open(other.opening);
    }
    responses.addAll(other.responses);
    resolutions.addAll(other.resolutions);
    if (other.earliestOwner != null) {
      nameOwner(other.earliestOwner);
    }
  }

  /** The case this thread makes, or {@code null} if no inbound interaction opened it. */
  @Nullable Case toCase() {
    Opening open = opening;
    if (open == null) {
      return null;
    }
    Response first = null;
    for (Response r : responses) {
      if (!r.at().isBefore(open.at()) && (first == null || r.at().isBefore(first.at())
          || (r.at().equals(first.at()) && r.owner() != null && (first.owner() == null || r.owner().compareTo(first.owner()) < 0)))) {
        first = r;
      }
    }
    Instant resolved = null;
    for (Instant at : resolutions) {
      if (!at.isBefore(open.at()) && (resolved == null || at.isBefore(resolved))) {
        resolved = at;
      }
    }
    String owner = first != null && first.owner() != null ? first.owner()
        : earliestOwner == null ? null : earliestOwner.owner();
    return new Case(open, first == null ? null : first.at(), resolved, owner);
  }

  /** A thread as a support case: when and where it opened, when it was first answered and resolved, and by whom. */
  record Case(Opening opening, @Nullable Instant firstResponse, @Nullable Instant resolved, @Nullable String owner) {}
}
