package org.engagement.core.conversation.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeSet;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * What is known of one thread: its earliest inbound interaction (the opening), every outbound one (the
 * responses), every resolution mark, and the earliest owner named. Kept whole rather than reduced,
 * because a response counts only from the opening on, and a partition may not know the opening yet.
 *
 * <p>Responses and resolutions are sets (a repeat changes no result) and the rest are minima, so the
 * state of a set of interactions is the same whatever their order, partitioning or repeats, and equal
 * states are {@code equals}.
 */
final class ThreadState {
  private static final Comparator<Opening> OPENING_ORDER = Comparator.comparing(Opening::at)
      .thenComparing(Opening::customerId).thenComparing(o -> o.channel().id());
  /** By time, then owner with no owner first: the order in which the first response is chosen. */
  static final Comparator<Response> RESPONSE_ORDER = Comparator.comparing(Response::at)
      .thenComparing(Response::owner, Comparator.nullsFirst(Comparator.naturalOrder()));

  private @Nullable Opening opening;
  private final NavigableSet<Response> responses = new TreeSet<>(RESPONSE_ORDER);
  private final NavigableSet<Instant> resolutions = new TreeSet<>();
  private @Nullable Named earliestOwner;

  record Opening(Instant at, String customerId, Channel channel) {}

  record Response(Instant at, @Nullable String owner) {}

  /** An owner named at an instant: unlike a response, always with an owner. */
  record Named(Instant at, String owner) {}

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
    String owner = content.owner();
    if (owner != null) {
      nameOwner(new Named(at, owner));
    }
  }

  void open(Opening candidate) {
    if (opening == null || OPENING_ORDER.compare(candidate, opening) < 0) {
      opening = candidate;
    }
  }

  void respond(Response response) {
    responses.add(response);
  }

  void resolve(Instant at) {
    resolutions.add(at);
  }

  void nameOwner(Named candidate) {
    Named current = earliestOwner;
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

  ThreadState copy() {
    ThreadState copy = new ThreadState();
    copy.merge(this);
    return copy;
  }

  @Nullable Opening opening() {
    return opening;
  }

  NavigableSet<Response> responses() {
    return responses;
  }

  NavigableSet<Instant> resolutions() {
    return resolutions;
  }

  @Nullable Named earliestOwner() {
    return earliestOwner;
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
    Instant resolved = resolutions.ceiling(open.at());
    String owner = first != null && first.owner() != null ? first.owner()
        : earliestOwner == null ? null : earliestOwner.owner();
    return new Case(open, first == null ? null : first.at(), resolved, owner);
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ThreadState other
        && Objects.equals(other.opening, opening)
        && other.responses.equals(responses)
        && other.resolutions.equals(resolutions)
        && Objects.equals(other.earliestOwner, earliestOwner);
  }

  @Override
  public int hashCode() {
    return Objects.hash(opening, responses, resolutions, earliestOwner);
  }

  /** A thread as a support case: when and where it opened, when it was first answered and resolved, and by whom. */
  record Case(Opening opening, @Nullable Instant firstResponse, @Nullable Instant resolved, @Nullable String owner) {}
}
