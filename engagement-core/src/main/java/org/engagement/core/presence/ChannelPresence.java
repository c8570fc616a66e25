package org.engagement.core.presence;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collector;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.column.Dictionary;
import org.engagement.core.segment.Segment;
import org.jspecify.annotations.Nullable;

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
 * <p>State is sets of customer ids (per channel, seen, converted), so the result does not depend on the
 * order or partitioning of the interactions, and an interaction fed twice changes nothing. Memory grows
 * with the number of distinct (customer, channel) pairs active in the window. Building a report costs
 * O(C² · A) for C channels and A active customers per channel, for the overlap matrix.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Counts of the same window and an equal {@link ConversionRule}
 * (the built-in rules are values; see there for a host's own) {@linkplain #merge merge} into a new count
 * by union of the sets. A customer split across partitions is merged exactly (seen, converted or active
 * on a channel in any part is so in the union), so the merged count equals the count built whole however
 * the interactions were split, and merging a count with itself changes nothing. The empty count of the
 * same window and rule is the identity. Equality is by content (window, rule and the sets). The serial
 * form is the window, the rule (which must then be serialisable) and columns: the customers seen, sorted,
 * once; the converted ones and each channel's active ones as numbers into them.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class ChannelPresence implements Mergeable<ChannelPresence> {
  private static final long serialVersionUID = 1L;

  private final Instant from;
  private final Instant to;
  private final ConversionRule rule;
  private final Map<Channel, Set<String>> activeByChannel = new HashMap<>();
  private final Set<String> seen = new IdSet();
  private final Set<String> converted = new IdSet();

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
        ChannelPresence::absorb,
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
      activeByChannel.computeIfAbsent(interaction.channel(), c -> new IdSet()).add(id);
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
   * The count of this count's interactions and {@code other}'s together, as a new count; neither changes.
   *
   * @throws InvalidFieldException if {@code other} has another window or a conversion rule that is not
   *     equal to this one's
   */
  @Override
  public ChannelPresence merge(ChannelPresence other) {
    requireNonNull(other, "other");
    requireSameSettings(other);
    ChannelPresence merged = new ChannelPresence(from, to, rule);
    return merged.absorb(this).absorb(other);
  }

  /** Adds {@code other}'s sets into these: the in-place merge behind the collector's combiner. */
  private ChannelPresence absorb(ChannelPresence other) {
    requireSameSettings(other);
    other.activeByChannel.forEach(
        (channel, ids) -> activeByChannel.computeIfAbsent(channel, c -> new IdSet()).addAll(ids));
    seen.addAll(other.seen);
    converted.addAll(other.converted);
    return this;
  }

  private void requireSameSettings(ChannelPresence other) {
    if (!other.from.equals(from) || !other.to.equals(to)) {
      throw new InvalidFieldException(
          "other window", "[" + other.from + ", " + other.to + ")", "must equal [" + from + ", " + to + ")");
    }
    if (!other.rule.equals(rule)) {
      throw new InvalidFieldException(
          "other.rule",
          other.rule,
          "must equal this count's rule " + rule + " (a lambda equals only itself: name it with ConversionRule.named)");
    }
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
    Set<String> members = new IdSet();
    for (CustomerProfile profile : profiles) {
      if (segment.test(profile)) {
        members.add(profile.customer().id());
      }
    }
    return build(members);
  }

  private PresenceReport build(Set<String> population) {
    List<Map.Entry<Channel, Set<String>>> active = new ArrayList<>(activeByChannel.entrySet());
    active.sort(Map.Entry.comparingByKey(Channel.ORDER));
    Map<Channel, Set<String>> byChannel = new LinkedHashMap<>();
    Map<ChannelGroup, Set<String>> byGroup = new EnumMap<>(ChannelGroup.class);
    Set<String> anywhere = new IdSet();
    for (Map.Entry<Channel, Set<String>> channel : active) {
      Set<String> ids = new IdSet();
      for (String id : channel.getValue()) {
        if (population.contains(id)) {
          ids.add(id);
        }
      }
      byChannel.put(channel.getKey(), ids);
      byGroup.computeIfAbsent(channel.getKey().group(), g -> new IdSet()).addAll(ids);
      anywhere.addAll(ids);
    }
    int known = population.size();
    return new PresenceReport(
        from,
        to,
        known,
        anywhere.size(),
        counts(byChannel, known),
        counts(byGroup, known),
        overlap(byChannel),
        overlap(byGroup));
  }

  /** A count per key of {@code ids}, in its order. */
  private <K> List<PresenceCount<K>> counts(Map<K, Set<String>> ids, int known) {
    List<PresenceCount<K>> rows = new ArrayList<>(ids.size());
    for (Map.Entry<K, Set<String>> entry : ids.entrySet()) {
      K key = entry.getKey();
      Set<String> active = entry.getValue();
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

  /** The overlaps of the keys of {@code ids}, in its order. */
  private static <K> OverlapMatrix<K> overlap(Map<K, Set<String>> ids) {
    List<K> keys = new ArrayList<>(ids.keySet());
    List<Set<String>> sets = new ArrayList<>(ids.values());
    int n = keys.size();
    int[] counts = new int[n * n];
    for (int i = 0; i < n; i++) {
      Set<String> a = sets.get(i);
      counts[i * n + i] = a.size();
      for (int j = i + 1; j < n; j++) {
        Set<String> b = sets.get(j);
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

  /** Whether {@code o} is a count of the same window and an equal rule with the same sets. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ChannelPresence other
        && other.from.equals(from)
        && other.to.equals(to)
        && other.rule.equals(rule)
        && other.seen.equals(seen)
        && other.converted.equals(converted)
        && other.activeByChannel.equals(activeByChannel);
  }

  @Override
  public int hashCode() {
    return Objects.hash(from, to, rule, seen, converted, activeByChannel);
  }

  @Override
  public String toString() {
    return "ChannelPresence[from=" + from + ", to=" + to + ", rule=" + rule + ", seen=" + seen.size()
        + ", channels=" + activeByChannel.size() + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a ChannelPresence is read through its serial form");
  }

  /**
   * The serial form: window and rule, the customers seen (sorted), the numbers of the converted ones,
   * and per channel (in channel order) the numbers of its active customers, channel {@code c}'s being
   * {@code active[activeStart[c]]} up to {@code active[activeStart[c + 1]]}.
   */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Instant from;
    private final Instant to;
    @SuppressWarnings("serial") // a rule that is not serialisable makes the write fail, as documented
    private final ConversionRule rule;
    private final String[] seen;
    private final int[] converted;
    private final Channel[] channels;
    private final int[] activeStart;
    private final int[] active;

    Form(ChannelPresence presence) {
      from = presence.from;
      to = presence.to;
      rule = presence.rule;
      Dictionary<String> customers = Dictionary.of(presence.seen, Comparator.naturalOrder());
      seen = customers.toArray(String[]::new);
      converted = numbers(presence.converted, customers);
      List<Map.Entry<Channel, Set<String>>> byChannel = new ArrayList<>(presence.activeByChannel.entrySet());
      byChannel.sort(Map.Entry.comparingByKey(Channel.ORDER));
      channels = byChannel.stream().map(Map.Entry::getKey).toArray(Channel[]::new);
      activeStart = new int[channels.length + 1];
      List<int[]> perChannel = new ArrayList<>(channels.length);
      for (int c = 0; c < channels.length; c++) {
        int[] ids = numbers(byChannel.get(c).getValue(), customers);
        perChannel.add(ids);
        activeStart[c + 1] = activeStart[c] + ids.length;
      }
      active = new int[activeStart[channels.length]];
      for (int c = 0; c < channels.length; c++) {
        System.arraycopy(perChannel.get(c), 0, active, activeStart[c], perChannel.get(c).length);
      }
    }

    private static int[] numbers(Set<String> ids, Dictionary<String> customers) {
      int[] numbers = new int[ids.size()];
      int i = 0;
      for (String id : ids) {
        numbers[i++] = customers.numberOf(id);
      }
      Arrays.sort(numbers);
      return numbers;
    }

    private Object readResolve() {
      ChannelPresence presence = new ChannelPresence(from, to, rule);
      Collections.addAll(presence.seen, seen);
      for (int id : converted) {
        presence.converted.add(seen[id]);
      }
      for (int c = 0; c < channels.length; c++) {
        Set<String> ids = new IdSet();
        for (int k = activeStart[c]; k < activeStart[c + 1]; k++) {
          ids.add(seen[active[k]]);
        }
        presence.activeByChannel.put(channels[c], ids);
      }
      return presence;
    }
  }
}
