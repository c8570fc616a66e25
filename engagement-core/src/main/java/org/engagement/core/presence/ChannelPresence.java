package org.engagement.core.presence;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collector;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;

/**
 * Counts where customers were active in the window {@code [from, to)}: the mergeable partial aggregate
 * behind a {@link PresenceReport}.
 *
 * <p>Definitions, for each interaction fed:
 *
 * <ul>
 *   <li>An interaction at or after {@code to} is ignored entirely: the report describes what was known
 *       at the end of the window.
 *   <li>Its customer is <em>seen</em> (the default known population) if it is before {@code to}.
 *   <li>Its customer is <em>converted</em> if the {@link ConversionRule} calls it a conversion and it is
 *       before {@code to}, in the window or earlier. A customer active in the window who is not converted
 *       is a <em>prospect</em>.
 *   <li>Its customer is <em>active</em> on its channel (and that channel's group) if it is in
 *       {@code [from, to)}. Any interaction type counts, conversions included, and so does an
 *       outbound one such as an impression: presence is where the customer was reached.
 * </ul>
 *
 * <p>The known population, which the shares are taken of, is either every customer seen
 * ({@link #report()}), a set the caller passes ({@link #report(Set)}, for example every customer in the
 * CRM, including those with no interaction at all), or the members of a segment
 * ({@link #report(Collection, Segment)}). Customers outside the population are left out of every count,
 * so shares stay in [0, 1].
 *
 * <p>State is sets of customer ids (per channel, seen, converted), so two instances {@linkplain #merge
 * merge} by union, and the result does not depend on the order or partitioning of the interactions; an
 * interaction fed twice changes nothing. Memory grows with the number of distinct (customer, channel)
 * pairs active in the window. Building a report costs O(C² · A) for C channels and A active customers
 * per channel, for the overlap matrix.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class ChannelPresence {
  private static final Comparator<Channel> CHANNEL_ORDER =
      Comparator.comparing(Channel::id).thenComparing(Channel::displayName).thenComparing(Channel::group);

  private final Instant from;
  private final Instant to;
  private final ConversionRule rule;
  private final Map<Channel, Set<String>> activeByChannel = new HashMap<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> converted = new HashSet<>();

  private ChannelPresence(Instant from, Instant to, ConversionRule rule) {
    this.from = from;
    this.to = to;
    this.rule = rule;
  }

  /**
   * An empty count for the window {@code [from, to)}, with conversions decided by {@code rule}.
   *
   * @throws InvalidFieldException if {@code to} is not after {@code from}
   */
  public static ChannelPresence of(Instant from, Instant to, ConversionRule rule) {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(rule, "rule");
    if (!to.isAfter(from)) {
      throw new InvalidFieldException("to", to, "must be after from " + from);
    }
    return new ChannelPresence(from, to, rule);
  }

  /**
   * A collector of interactions into a count; safe for parallel streams.
   *
   * @throws InvalidFieldException if {@code to} is not after {@code from}
   */
  public static Collector<Interaction, ?, ChannelPresence> collector(Instant from, Instant to, ConversionRule rule) {
    of(from, to, rule);
    return Collector.of(
        () -> of(from, to, rule),
        ChannelPresence::add,
        ChannelPresence::merge,
        Collector.Characteristics.UNORDERED);
  }

  /** The start of the window, included. */
  public Instant from() {
    return from;
  }

  /** The end of the window, excluded. */
  public Instant to() {
    return to;
  }

  /** Counts one interaction. @return this */
  public ChannelPresence add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    Instant at = interaction.timestamp();
    if (!at.isBefore(to)) {
      return this;
    }
    String id = interaction.customerId();
    seen.add(id);
    if (rule.isConversion(interaction)) {
      converted.add(id);
    }
    if (!at.isBefore(from)) {
      activeByChannel.computeIfAbsent(interaction.channel(), c -> new HashSet<>()).add(id);
    }
    return this;
  }

  /** Counts every interaction. @return this */
  public ChannelPresence addAll(Iterable<Interaction> interactions) {
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  /**
   * Adds {@code other}'s sets into these by union, leaving {@code other} unchanged.
   *
   * @return this
   * @throws InvalidFieldException if {@code other} has another window or another conversion rule
   *     instance
   */
  public ChannelPresence merge(ChannelPresence other) {
    requireNonNull(other, "other");
    if (!other.from.equals(from) || !other.to.equals(to)) {
      throw new InvalidFieldException(
          "other window", "[" + other.from + ", " + other.to + ")", "must equal [" + from + ", " + to + ")");
    }
    if (other.rule != rule) {
      throw new InvalidFieldException("other.rule", other.rule, "must be the same rule instance as this one's");
    }
    if (other == this) {
      return this;
    }
    other.activeByChannel.forEach((channel, ids) -> activeByChannel.computeIfAbsent(channel, c -> new HashSet<>()).addAll(ids));
    seen.addAll(other.seen);
    converted.addAll(other.converted);
    return this;
  }

  /** The customers seen before the end of the window, as an unmodifiable set. */
  public Set<String> seenCustomerIds() {
    return Set.copyOf(seen);
  }

  /** The report with every customer seen before the end of the window as the known population. */
  public PresenceReport report() {
    return build(seen);
  }

  /**
   * The report with {@code knownCustomerIds} as the known population: shares are taken of its size and
   * customers outside it are not counted.
   */
  public PresenceReport report(Set<String> knownCustomerIds) {
    requireNonNull(knownCustomerIds, "knownCustomerIds");
    return build(Set.copyOf(knownCustomerIds));
  }

  /**
   * The report for the members of {@code segment} among {@code profiles}: they are the known
   * population; everyone else is left out.
   */
  public PresenceReport report(Collection<CustomerProfile> profiles, Segment segment) {
    requireNonNull(profiles, "profiles");
    requireNonNull(segment, "segment");
    Set<String> members = new HashSet<>();
    for (CustomerProfile profile : profiles) {
      if (segment.test(profile)) {
        members.add(profile.customer().id());
      }
    }
    return build(members);
  }

  private PresenceReport build(Set<String> population) {
    List<Channel> channels = new ArrayList<>(activeByChannel.keySet());
    channels.sort(CHANNEL_ORDER);
    Map<Channel, Set<String>> byChannel = new HashMap<>();
    Map<ChannelGroup, Set<String>> byGroup = new EnumMap<>(ChannelGroup.class);
    Set<String> anywhere = new HashSet<>();
    for (Channel channel : channels) {
      Set<String> ids = new HashSet<>();
      for (String id : activeByChannel.get(channel)) {
        if (population.contains(id)) {
          ids.add(id);
        }
      }
      byChannel.put(channel, ids);
      byGroup.computeIfAbsent(channel.group(), g -> new HashSet<>()).addAll(ids);
      anywhere.addAll(ids);
    }
    List<ChannelGroup> groups = new ArrayList<>(byGroup.keySet());
    int known = population.size();
    return new PresenceReport(
        from,
        to,
        known,
        anywhere.size(),
        counts(channels, byChannel, known),
        counts(groups, byGroup, known),
        overlap(channels, byChannel::get),
        overlap(groups, byGroup::get));
  }

  private <K> List<PresenceCount<K>> counts(List<K> keys, Map<K, Set<String>> ids, int known) {
    List<PresenceCount<K>> rows = new ArrayList<>(keys.size());
    for (K key : keys) {
      Set<String> active = ids.get(key);
      int customers = 0;
      for (String id : active) {
        if (converted.contains(id)) {
          customers++;
        }
      }
      rows.add(new PresenceCount<>(key, active.size(), customers, active.size() - customers, known));
    }
    return rows;
  }

  private static <K> OverlapMatrix<K> overlap(List<K> keys, Function<K, Set<String>> ids) {
    int n = keys.size();
    int[] counts = new int[n * n];
    for (int i = 0; i < n; i++) {
      Set<String> a = ids.apply(keys.get(i));
      counts[i * n + i] = a.size();
      for (int j = i + 1; j < n; j++) {
        Set<String> b = ids.apply(keys.get(j));
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int both = 0;
        for (String id : small) {
          if (large.contains(id)) {
            both++;
          }
        }
        counts[i * n + j] = both;
        counts[j * n + i] = both;
      }
    }
    return OverlapMatrix.of(keys, counts);
  }
}
