package org.engagement.core.conversation.message;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collector;
import org.engagement.core.conversation.MentionKind;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.internal.text.TextFolding;
import org.engagement.core.segment.Segment;
import org.jspecify.annotations.Nullable;

/**
 * Counts key-message pull-through: the mergeable partial aggregate behind a {@link PullThroughReport}.
 *
 * <p>Definitions, for each interaction fed:
 *
 * <ul>
 *   <li>Only inbound mentions and shares ({@link MentionKind}) of our brand count: a <em>brand
 *       mention</em>. Its content's brand must be ours (compared folded) or
 *       absent: a listening feed of one's own brand rarely names it, while a competitor's mention must.
 *   <li>It <em>carries</em> every key message its content matches (see {@link MessageMatcher}); one
 *       without content carries none but still counts among the brand mentions.
 *   <li>Its period is the day, ISO week or month that holds its timestamp in {@code zone}.
 *   <li>Amplified reach adds the author's audience of every carrying interaction (none counts as 0);
 *       amplifiers are the distinct customers with a carrying interaction.
 * </ul>
 *
 * <p>State is per (message, channel, period, customer) tallies, so two instances {@linkplain #merge
 * merge} by adding, the counts do not depend on the order or partitioning of the interactions, and a
 * report can keep only a segment's members. Memory grows with the distinct (channel, period, customer)
 * triples among brand mentions, times the messages they carry.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class PullThrough {
  /** The message number under which all brand mentions are tallied. */
  static final int ALL = -1;

  private final MessageMatcher matcher;
  private final Granularity granularity;
  private final ZoneId zone;
  private final @Nullable String ourBrand;
  private final MessageMatcher.Scanner scanner;
  private final BitSet found = new BitSet();
  private final Map<Cell, Map<String, Tally>> cells = new HashMap<>();

  private PullThrough(MessageMatcher matcher, Granularity granularity, ZoneId zone, @Nullable String ourBrand) {
    this.matcher = matcher;
    this.granularity = granularity;
    this.zone = zone;
    this.ourBrand = ourBrand;
    this.scanner = matcher.scanner();
  }

  /**
   * An empty count.
   *
   * @param ourBrand our brand's name, or {@code null} to take every mention fed as ours
   */
  public static PullThrough of(MessageMatcher matcher, Granularity granularity, ZoneId zone, @Nullable String ourBrand) {
    requireNonNull(matcher, "matcher");
    requireNonNull(granularity, "granularity");
    requireNonNull(zone, "zone");
    return new PullThrough(matcher, granularity, zone, ourBrand == null ? null : TextFolding.fold(ourBrand));
  }

  /** A collector of interactions into a count; safe for parallel streams. */
  public static Collector<Interaction, ?, PullThrough> collector(
      MessageMatcher matcher, Granularity granularity, ZoneId zone, @Nullable String ourBrand) {
    of(matcher, granularity, zone, ourBrand);
    return Collector.of(() -> of(matcher, granularity, zone, ourBrand), PullThrough::add, PullThrough::merge,
        Collector.Characteristics.UNORDERED);
  }

  /** Counts one interaction. @return this */
  public PullThrough add(Interaction interaction) {
    requireNonNull(interaction, "interaction");
    Content content = interaction.content();
    MentionKind kind = MentionKind.of(interaction);
    if (kind == null || !isOurs(content)) {
      return this;
    }
    LocalDate period = granularity.periodStart(LocalDate.ofInstant(interaction.timestamp(), zone));
    boolean share = kind == MentionKind.SHARE;
    long audience = content == null || content.audience() == null ? 0 : content.audience();
    tally(new Cell(ALL, interaction.channel(), period), interaction.customerId(), share, audience);
    if (content != null) {
      found.clear();
      scanner.match(content, found);
      for (int m = found.nextSetBit(0); m >= 0; m = found.nextSetBit(m + 1)) {
        tally(new Cell(m, interaction.channel(), period), interaction.customerId(), share, audience);
      }
    }
    return this;
  }

  private boolean isOurs(@Nullable Content content) {
    String brand = content == null ? null : content.brand();
    return ourBrand == null || brand == null || ourBrand.equals(TextFolding.fold(brand));
  }

  private void tally(Cell cell, String customerId, boolean share, long audience) {
    Tally tally = cells.computeIfAbsent(cell, c -> new HashMap<>()).computeIfAbsent(customerId, id -> new Tally());
    if (share) {
      tally.shares++;
    } else {
      tally.mentions++;
    }
    tally.reach += audience;
  }

  /** Counts every interaction. @return this */
  public PullThrough addAll(Iterable<Interaction> interactions) {
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  /**
   * Adds {@code other}'s tallies into these, leaving {@code other} unchanged. The two must have counted
   * disjoint interactions.
   *
   * @return this
   * @throws InvalidFieldException if {@code other} has another matcher instance, granularity, zone or brand
   */
  public PullThrough merge(PullThrough other) {
    requireNonNull(other, "other");
    if (other.matcher != matcher || other.granularity != granularity || !other.zone.equals(zone)
        || !java.util.Objects.equals(other.ourBrand, ourBrand)) {
      throw new InvalidFieldException("other", "PullThrough", "must have the same matcher instance, granularity, zone and brand");
    }
    if (other == this) {
      throw new InvalidFieldException("other", "this", "must not be this count (it would count everything twice)");
    }
    other.cells.forEach((cell, byCustomer) -> {
      Map<String, Tally> mine = cells.computeIfAbsent(cell, c -> new HashMap<>());
      byCustomer.forEach((id, tally) -> mine.computeIfAbsent(id, i -> new Tally()).add(tally));
    });
    return this;
  }

  /** The report over every customer counted. */
  public PullThroughReport report() {
    return build(id -> true);
  }

  /** The report over the members of {@code segment} among {@code profiles}; everyone else is left out. */
  public PullThroughReport report(Collection<CustomerProfile> profiles, Segment segment) {
    requireNonNull(profiles, "profiles");
    requireNonNull(segment, "segment");
    Set<String> members = new HashSet<>();
    for (CustomerProfile profile : profiles) {
      if (segment.test(profile)) {
        members.add(profile.customer().id());
      }
    }
    return build(members::contains);
  }

  private PullThroughReport build(Predicate<String> member) {
    PullThroughReport.Assembly assembly = new PullThroughReport.Assembly(matcher.messages(), granularity, zone);
    cells.forEach((cell, byCustomer) -> {
      Tally sum = new Tally();
      int amplifiers = 0;
      for (Map.Entry<String, Tally> e : byCustomer.entrySet()) {
        if (member.test(e.getKey())) {
          sum.add(e.getValue());
          amplifiers++;
        }
      }
      if (amplifiers > 0) {
        assembly.put(cell.message(), cell.channel(), cell.period(), sum.mentions, sum.shares, sum.reach, amplifiers);
      }
    });
    return assembly.build();
  }

  /** Where a tally belongs. */
  private record Cell(int message, Channel channel, LocalDate period) {}

  /** Counts of one customer in one cell. */
  private static final class Tally {
    long mentions;
    long shares;
    long reach;

    void add(Tally other) {
      mentions += other.mentions;
      shares += other.shares;
      reach += other.reach;
    }
  }
}
