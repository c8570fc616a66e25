package org.engagement.core.conversation.message;

import static java.util.Objects.requireNonNull;

import java.io.InvalidObjectException;
import java.io.ObjectInputStream;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collector;
import org.engagement.core.aggregate.Mergeable;
import org.engagement.core.conversation.MentionKind;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.internal.column.Dictionary;
import org.engagement.core.internal.column.IdNumbers;
import org.engagement.core.internal.text.NameMemo;
import org.engagement.core.internal.time.PeriodStarts;
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
 * <p>State is per (message, channel, period, customer) tallies, so the counts do not depend on the order
 * or partitioning of the interactions, and a report can keep only a segment's members. Memory grows with
 * the distinct (channel, period, customer) triples among brand mentions, times the messages they carry: 48 to 96
 * bytes a tally in one table of primitives by cell and customer number, with no object per tally.
 *
 * <p><b>Merging</b> ({@link Mergeable}). Counts with equal settings (a matcher of equal
 * {@linkplain KeyMessage key messages} in the same order, granularity, zone and brand) {@linkplain
 * #merge merge} into a new count by adding tallies. A customer split across partitions is merged
 * exactly: their tallies in a cell add up and they count once among the cell's amplifiers, so the
 * merged count equals the count built whole. The partitions must hold disjoint interactions (one fed to
 * two partitions counts twice; merging a count with itself doubles its tallies). The empty count of the
 * same settings is the identity. Equality is by content. The serial form is the settings (the messages,
 * not the compiled matcher) and columns: customer ids and channels once each, and per tally its
 * message, channel, day and customer as numbers beside its three counts.
 *
 * <p>Not thread-safe: a mutable accumulator for one thread at a time (the {@link #collector collector}
 * gives each thread of a parallel stream its own and merges them).
 *
 * @since 0.1.0
 */
public final class PullThrough implements Mergeable<PullThrough> {
  private static final long serialVersionUID = 1L;

  /** The message number under which all brand mentions are tallied. */
  static final int ALL = -1;

  private final MessageMatcher matcher;
  private final Granularity granularity;
  private final ZoneId zone;
  private final @Nullable String ourBrand;
  /** Scanning buffers of this instance; not part of its state. */
  private final transient MessageMatcher.Scanner scanner;
  private final transient BitSet found = new BitSet();
  /** Whether a brand name is ours, remembered for the few names a feed repeats; not part of the state. */
  private final transient NameMemo<Boolean> isOurBrand;
  /** The period of an instant, found once per day met; not part of the state. */
  private final transient PeriodStarts periods;
  /**
   * The state: the cells and customers met, each numbered, and a tally per (cell, customer) number pair, so that
   * feeding an interaction makes no object that lives on (issue 16).
   */
  private final Map<Cell, Integer> cellNumbers = new HashMap<>();
  private final List<Cell> cells = new ArrayList<>();
  private final IdNumbers customers = new IdNumbers();
  private final CellTallies tallies = new CellTallies();

  private PullThrough(MessageMatcher matcher, Granularity granularity, ZoneId zone, @Nullable String ourBrand) {
    this.matcher = matcher;
    this.granularity = granularity;
    this.zone = zone;
    this.ourBrand = ourBrand;
    this.scanner = matcher.scanner();
    this.isOurBrand = new NameMemo<>(brand -> ourBrand == null || ourBrand.equals(TextFolding.fold(brand)));
    this.periods = new PeriodStarts(granularity, zone);
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
    return Collector.of(() -> of(matcher, granularity, zone, ourBrand), PullThrough::add, PullThrough::absorb,
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
    LocalDate period = periods.of(interaction.timestamp());
    boolean share = kind == MentionKind.SHARE;
    long audience = content == null || content.audience() == null ? 0 : content.audience();
    int customer = customers.numberOf(interaction.customerId());
    tally(new Cell(ALL, interaction.channel(), period), customer, share, audience);
    if (content != null) {
      found.clear();
      scanner.match(content, found);
      for (int m = found.nextSetBit(0); m >= 0; m = found.nextSetBit(m + 1)) {
        tally(new Cell(m, interaction.channel(), period), customer, share, audience);
      }
    }
    return this;
  }

  private boolean isOurs(@Nullable Content content) {
    String brand = content == null ? null : content.brand();
    return ourBrand == null || brand == null || isOurBrand.of(brand);
  }

  private void tally(Cell cell, int customer, boolean share, long audience) {
    tallies.add(numberOf(cell), customer, share ? 0 : 1, share ? 1 : 0, audience);
  }

  private int numberOf(Cell cell) {
    Integer number = cellNumbers.get(cell);
    if (number == null) {
      number = cells.size();
      cellNumbers.put(cell, number);
      cells.add(cell);
    }
    return number;
  }

  /** Counts every interaction. @return this */
  public PullThrough addAll(Iterable<Interaction> interactions) {
    for (Interaction interaction : interactions) {
      add(interaction);
    }
    return this;
  }

  /**
   * The count of this count's interactions and {@code other}'s together, as a new count; neither changes.
   * The two must have counted disjoint interactions.
   *
   * @throws InvalidFieldException if {@code other} has a matcher of other messages, or another
   *     granularity, zone or brand
   */
  @Override
  public PullThrough merge(PullThrough other) {
    requireNonNull(other, "other");
    requireSameSettings(other);
    return new PullThrough(matcher, granularity, zone, ourBrand).absorb(this).absorb(other);
  }

  /** Adds {@code other}'s tallies into these: the in-place merge behind the collector's combiner. */
  private PullThrough absorb(PullThrough other) {
    requireSameSettings(other);
    int[] cellOf = new int[other.cells.size()];
    for (int c = 0; c < cellOf.length; c++) {
      cellOf[c] = numberOf(other.cells.get(c));
    }
    int[] customerOf = new int[other.customers.size()];
    for (int c = 0; c < customerOf.length; c++) {
      customerOf[c] = customers.numberOf(other.customers.id(c));
    }
    other.tallies.forEach((cell, customer, mentions, shares, reach) ->
        tallies.add(cellOf[cell], customerOf[customer], mentions, shares, reach));
    return this;
  }

  private void requireSameSettings(PullThrough other) {
    if (!other.matcher.equals(matcher)) {
      throw new InvalidFieldException("other.matcher", other.matcher, "must match the same messages as " + matcher);
    }
    if (other.granularity != granularity) {
      throw new InvalidFieldException("other.granularity", other.granularity, "must equal " + granularity);
    }
    if (!other.zone.equals(zone)) {
      throw new InvalidFieldException("other.zone", other.zone, "must equal " + zone);
    }
    if (!Objects.equals(other.ourBrand, ourBrand)) {
      throw new InvalidFieldException("other.ourBrand", other.ourBrand, "must equal " + ourBrand + " (folded)");
    }
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

  /**
   * The brand mentions counted: every inbound mention and share of our brand fed, over every channel and period,
   * carrying a message or not (the sum of the report's {@link PullThroughRow#brandMentions()} over the
   * (channel, period) cells of any one message).
   */
  public long brandMentions() {
    long[] total = {0};
    boolean[] all = cellsOf(ALL);
    tallies.forEach((cell, customer, mentions, shares, reach) -> {
      if (all[cell]) {
        total[0] += mentions + shares;
      }
    });
    return total[0];
  }

  /**
   * The distinct customers with a brand mention carrying the message called {@code message} on any channel in
   * any period: its amplifiers over the whole count (a row's {@link PullThroughRow#amplifiers()} counts them per
   * channel and period, and a customer may be in several rows). Read from the tallies, so finding it needs no
   * second pass over the interactions and no set of ids (issue 16).
   *
   * @throws InvalidFieldException if no message of the matcher has that name
   */
  public int amplifiers(String message) {
    requireNonNull(message, "message");
    int number = -1;
    for (int m = 0; m < matcher.messages().size(); m++) {
      if (matcher.messages().get(m).name().equals(message)) {
        number = m;
      }
    }
    if (number < 0) {
      throw new InvalidFieldException("message", message, "must be the name of a key message of " + matcher);
    }
    boolean[] ofMessage = cellsOf(number);
    BitSet seen = new BitSet(customers.size());
    tallies.forEach((cell, customer, mentions, shares, reach) -> {
      if (ofMessage[cell]) {
        seen.set(customer);
      }
    });
    return seen.cardinality();
  }

  /** By cell number, whether the cell is message {@code message}'s. */
  private boolean[] cellsOf(int message) {
    boolean[] of = new boolean[cells.size()];
    for (int c = 0; c < of.length; c++) {
      of[c] = cells.get(c).message() == message;
    }
    return of;
  }

  /** The report over the customers {@code member} accepts, each asked once. */
  private PullThroughReport build(Predicate<String> member) {
    BitSet members = new BitSet(customers.size());
    for (int c = 0; c < customers.size(); c++) {
      members.set(c, member.test(customers.id(c)));
    }
    long[][] sums = new long[cells.size()][4];
    tallies.forEach((cell, customer, mentions, shares, reach) -> {
      if (members.get(customer)) {
        long[] sum = sums[cell];
        sum[0] += mentions;
        sum[1] += shares;
        sum[2] += reach;
        sum[3]++;
      }
    });
    PullThroughReport.Assembly assembly = new PullThroughReport.Assembly(matcher.messages(), granularity, zone);
    for (int c = 0; c < sums.length; c++) {
      long[] sum = sums[c];
      if (sum[3] > 0) {
        Cell cell = cells.get(c);
        assembly.put(cell.message(), cell.channel(), cell.period(), sum[0], sum[1], sum[2], (int) sum[3]);
      }
    }
    return assembly.build();
  }

  /** The tallies by cell and customer id: what equality compares, whatever the order they were met in. */
  private Map<Cell, Map<String, Tally>> byCell() {
    Map<Cell, Map<String, Tally>> byCell = new HashMap<>();
    tallies.forEach((cell, customer, mentions, shares, reach) -> byCell
        .computeIfAbsent(cells.get(cell), c -> new HashMap<>())
        .put(customers.id(customer), new Tally(mentions, shares, reach)));
    return byCell;
  }

  /** Whether {@code o} is a count with equal settings and the same tallies. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof PullThrough other
        && other.matcher.equals(matcher)
        && other.granularity == granularity
        && other.zone.equals(zone)
        && Objects.equals(other.ourBrand, ourBrand)
        && other.tallies.size() == tallies.size()
        && other.byCell().equals(byCell());
  }

  @Override
  public int hashCode() {
    return Objects.hash(matcher, granularity, zone, ourBrand, byCell());
  }

  @Override
  public String toString() {
    return "PullThrough[messages=" + matcher.messages().size() + ", granularity=" + granularity + ", zone=" + zone
        + ", cells=" + cells.size() + "]";
  }

  private Object writeReplace() {
    return new Form(this);
  }

  private void readObject(ObjectInputStream in) throws InvalidObjectException {
    throw new InvalidObjectException("a PullThrough is read through its serial form");
  }

  /**
   * Where a tally belongs. Hashed by mixing its parts with the period's epoch day: the record's own hash left the
   * cells of a few channels over two years of months in a handful of buckets, searched as trees (issue 16; see
   * {@code ShareOfVoice.Cell}).
   */
  private record Cell(int message, Channel channel, LocalDate period) {
    @Override
    public int hashCode() {
      long h = (message * 31L + channel.hashCode()) * 0x9E3779B97F4A7C15L + period.toEpochDay();
      h *= 0xBF58476D1CE4E5B9L;
      return (int) (h ^ (h >>> 32));
    }

    /** Written out: the record's own equals goes through method handles that the profile showed uninlined. */
    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Cell other && other.message == message && other.channel.equals(channel)
          && other.period.equals(period);
    }
  }

  /** Counts of one customer in one cell, as equality compares them. */
  private record Tally(long mentions, long shares, long reach) {}

  /**
   * The serial form: the settings, the customers and channels once each (sorted), and one row per
   * (cell, customer) tally.
   */
  private static final class Form implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<KeyMessage> messages;
    private final Granularity granularity;
    private final ZoneId zone;
    private final @Nullable String ourBrand;
    private final String[] customers;
    private final Channel[] channels;
    private final int[] message;
    private final int[] channel;
    private final long[] day;
    private final int[] customer;
    private final long[] mentions;
    private final long[] shares;
    private final long[] reach;

    Form(PullThrough count) {
      messages = List.copyOf(count.matcher.messages());
      granularity = count.granularity;
      zone = count.zone;
      ourBrand = count.ourBrand;
      List<String> met = new ArrayList<>(count.customers.size());
      for (int c = 0; c < count.customers.size(); c++) {
        met.add(count.customers.id(c));
      }
      Dictionary<String> ids = Dictionary.of(met, Comparator.naturalOrder());
      Dictionary<Channel> where = Dictionary.of(count.cells.stream().map(Cell::channel).toList(), Channel.ORDER);
      customers = ids.toArray(String[]::new);
      channels = where.toArray(Channel[]::new);
      int rows = count.tallies.size();
      message = new int[rows];
      channel = new int[rows];
      day = new long[rows];
      customer = new int[rows];
      mentions = new long[rows];
      shares = new long[rows];
      reach = new long[rows];
      int[] row = {0};
      count.tallies.forEach((cellNumber, customerNumber, mentionCount, shareCount, reachSum) -> {
        Cell cell = count.cells.get(cellNumber);
        int r = row[0]++;
        message[r] = cell.message();
        channel[r] = where.numberOf(cell.channel());
        day[r] = cell.period().toEpochDay();
        customer[r] = ids.numberOf(count.customers.id(customerNumber));
        mentions[r] = mentionCount;
        shares[r] = shareCount;
        reach[r] = reachSum;
      });
    }

    private Object readResolve() {
      PullThrough count = new PullThrough(MessageMatcher.of(messages), granularity, zone, ourBrand);
      for (int row = 0; row < message.length; row++) {
        Cell cell = new Cell(message[row], channels[channel[row]], LocalDate.ofEpochDay(day[row]));
        count.tallies.add(count.numberOf(cell), count.customers.numberOf(customers[customer[row]]), mentions[row],
            shares[row], reach[row]);
      }
      return count;
    }
  }
}
