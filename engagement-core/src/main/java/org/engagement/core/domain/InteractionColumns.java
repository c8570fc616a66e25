package org.engagement.core.domain;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Currency;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.engagement.core.internal.column.EpochSeconds;
import org.engagement.core.internal.column.IdNumbers;
import org.engagement.core.internal.column.NarrowInts;
import org.engagement.core.internal.column.SparseRows;
import org.jspecify.annotations.Nullable;

/**
 * An immutable list of interactions stored by column instead of as objects, so that millions of them fit
 * in a small heap (issue 16): customer ids interned to ints; channels interned to a byte a row while there are
 * at most 256 (an int a row beyond); the instant as an int offset of epoch seconds while it fits (a long beyond;
 * nanoseconds in a column made only when some row has them); type and direction together in one byte; and the
 * parts a row rarely has (value, source id, attributes, content) in side columns that only the rows having one
 * point into, found by a bit a row. A row costs about 10 bytes instead of the kilobyte an imported {@link
 * Interaction} with its own strings costs.
 *
 * <p>As a {@link List} it is the interactions in the order added, each {@linkplain #get materialised} anew
 * when read: equal to the one added, short-lived, sharing its customer id string and channel with the
 * other rows of that customer and channel. {@link #perCustomer()} gives each customer's interactions in
 * turn, customers ordered by id, so a computation that groups by customer holds one customer at a time;
 * {@link #where} keeps a subset as another such list (4 bytes a row). Library values that copy the
 * interaction lists they are given ({@code ProfileInput}, {@code RoiData}, the report's input) keep an
 * {@code InteractionColumns} as it is, and the library's per-customer computations (profiles, journeys)
 * fold it one customer at a time, with results equal to those of the same interactions in any other list.
 *
 * <p>Immutable and thread-safe (the order by customer is computed once, on first use, under a lock).
 *
 * @since 0.1.0
 */
public final class InteractionColumns extends AbstractList<Interaction> implements RandomAccess {
  private static final InteractionType[] TYPES = InteractionType.values();
  private static final Direction[] DIRECTIONS = Direction.values();
  private static final byte KEEP = 1;
  private static final byte DROP = 2;
  private static final InteractionType[] KIND_TYPE = kindTypes();
  private static final Direction[] KIND_DIRECTION = kindDirections();

  private final Store store;
  /** The rows of the store in this list, in order; {@code null} for every row. */
  private final int @Nullable [] rows;
  private final int size;
  private volatile @Nullable CustomerOrder order;

  private InteractionColumns(Store store, int @Nullable [] rows, int size) {
    this.store = store;
    this.rows = rows;
    this.size = size;
  }

  /** A builder that takes interactions one at a time, as an importer gives them. */
  public static Builder builder() {
    return new Builder();
  }

  /** {@code interactions} as columns, in their order; an {@code InteractionColumns} is returned as it is. */
  public static InteractionColumns of(Iterable<Interaction> interactions) {
    requireNonNull(interactions, "interactions");
    if (interactions instanceof InteractionColumns columns) {
      return columns;
    }
    Builder builder = builder();
    interactions.forEach(builder::add);
    return builder.build();
  }

  @Override
  public int size() {
    return size;
  }

  /** The interaction at {@code index}, made anew on each call. */
  @Override
  public Interaction get(int index) {
    return store.interaction(row(Objects.checkIndex(index, size)));
  }

  private int row(int index) {
    int[] r = rows;
    return r == null ? index : r[index];
  }

  /** The interactions {@code keep} accepts, in order, as another list of columns sharing these. */
  public InteractionColumns where(Predicate<? super Interaction> keep) {
    requireNonNull(keep, "keep");
    int[] kept = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int row = row(i);
      if (keep.test(store.interaction(row))) {
        kept[count++] = row;
      }
    }
    return count == size ? this : new InteractionColumns(store, Arrays.copyOf(kept, count), count);
  }

  /**
   * The interactions at or before {@code instant}, in order: what {@code where(i -> !i.timestamp().isAfter(instant))}
   * gives, read from the time column without making an interaction; this list itself when every row qualifies.
   */
  public InteractionColumns notAfter(Instant instant) {
    requireNonNull(instant, "instant");
    long second = instant.getEpochSecond();
    int nano = instant.getNano();
    int[] kept = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int row = row(i);
      long s = store.second(row);
      if (s < second || (s == second && store.nano(row) <= nano)) {
        kept[count++] = row;
      }
    }
    return count == size ? this : new InteractionColumns(store, Arrays.copyOf(kept, count), count);
  }

  /**
   * The interactions of any of {@code types}, in order: what {@code where(i -> types.contains(i.type()))} gives,
   * read from the type column without making an interaction (the purchases of ten million rows are cut in one
   * pass over a byte column); this list itself when every row qualifies.
   */
  @SuppressWarnings("EnumOrdinal") // a type's ordinal indexes the wanted flags
  public InteractionColumns ofTypes(Set<InteractionType> types) {
    requireNonNull(types, "types");
    boolean[] wanted = new boolean[TYPES.length];
    for (InteractionType type : types) {
      wanted[type.ordinal()] = true;
    }
    int[] kept = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int row = row(i);
      if (wanted[store.type(row).ordinal()]) {
        kept[count++] = row;
      }
    }
    return count == size ? this : new InteractionColumns(store, Arrays.copyOf(kept, count), count);
  }

  /**
   * The interactions that carry content, in order: what {@code where(Interaction::hasContent)} gives, read from the
   * side list only the rows with rare parts point into (issue 16: the threads among ten million main interactions
   * are found without making one); this list itself when every row qualifies.
   */
  public InteractionColumns withContent() {
    int[] kept = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int row = row(i);
      if (store.hasContent(row)) {
        kept[count++] = row;
      }
    }
    return count == size ? this : new InteractionColumns(store, Arrays.copyOf(kept, count), count);
  }

  /**
   * The interactions of the customers {@code keep} accepts, in order, as another list of columns sharing these:
   * what {@code where(i -> keep.test(i.customerId()))} gives, but {@code keep} is asked once per distinct
   * customer and no interaction is made (a segment of millions of rows is cut in one pass over an int column).
   */
  public InteractionColumns whereCustomer(Predicate<? super String> keep) {
    requireNonNull(keep, "keep");
    byte[] decided = new byte[store.customers.length];
    int[] kept = new int[size];
    int count = 0;
    for (int i = 0; i < size; i++) {
      int row = row(i);
      int customer = store.customer[row];
      if (decided[customer] == 0) {
        decided[customer] = keep.test(store.customers[customer]) ? KEEP : DROP;
      }
      if (decided[customer] == KEEP) {
        kept[count++] = row;
      }
    }
    return count == size ? this : new InteractionColumns(store, Arrays.copyOf(kept, count), count);
  }

  /**
   * The interactions of each of {@code groups} groups of customers, each in order as another list of columns sharing
   * these, in one pass: list {@code g} holds the rows of the customers whose bits from {@code groupsOf} have bit
   * {@code g} set (a customer may be in several groups or none; bits from {@code groups} up are ignored). List
   * {@code g} is what {@code whereCustomer} gives for the customers in group {@code g}, but {@code groupsOf} is asked
   * once per distinct customer for all the groups, and the rows are read twice (to count, then to place) whatever
   * the number of groups, not once per group.
   *
   * @throws InvalidFieldException if {@code groups} is not from 1 to 64
   */
  public List<InteractionColumns> whereCustomerIn(int groups, ToLongFunction<? super String> groupsOf) {
    requireNonNull(groupsOf, "groupsOf");
    if (groups < 1 || groups > Long.SIZE) {
      throw new InvalidFieldException("groups", groups, "must be from 1 to " + Long.SIZE);
    }
    long wanted = groups == Long.SIZE ? -1L : (1L << groups) - 1;
    long[] bits = new long[store.customers.length];
    boolean[] decided = new boolean[store.customers.length];
    int[] counts = new int[groups];
    for (int i = 0; i < size; i++) {
      int customer = store.customer[row(i)];
      if (!decided[customer]) {
        bits[customer] = groupsOf.applyAsLong(store.customers[customer]) & wanted;
        decided[customer] = true;
      }
      for (long b = bits[customer]; b != 0; b &= b - 1) {
        counts[Long.numberOfTrailingZeros(b)]++;
      }
    }
    int[][] kept = new int[groups][];
    for (int g = 0; g < groups; g++) {
      kept[g] = counts[g] == size ? new int[0] : new int[counts[g]];
    }
    int[] next = new int[groups];
    for (int i = 0; i < size; i++) {
      int row = row(i);
      for (long b = bits[store.customer[row]]; b != 0; b &= b - 1) {
        int g = Long.numberOfTrailingZeros(b);
        if (counts[g] < size) {
          kept[g][next[g]++] = row;
        }
      }
    }
    List<InteractionColumns> lists = new ArrayList<>(groups);
    for (int g = 0; g < groups; g++) {
      lists.add(counts[g] == size ? this : new InteractionColumns(store, kept[g], counts[g]));
    }
    return Collections.unmodifiableList(lists);
  }

  /** The latest instant, or empty without any interaction; no interaction is made. */
  public java.util.Optional<Instant> latest() {
    return extreme(true);
  }

  /** The earliest instant, or empty without any interaction; no interaction is made. */
  public java.util.Optional<Instant> earliest() {
    return extreme(false);
  }

  private java.util.Optional<Instant> extreme(boolean latest) {
    if (size == 0) {
      return java.util.Optional.empty();
    }
    int best = row(0);
    for (int i = 1; i < size; i++) {
      int row = row(i);
      int c = store.compareInstants(row, best);
      if (latest ? c > 0 : c < 0) {
        best = row;
      }
    }
    return java.util.Optional.of(store.instant(best));
  }

  /** The distinct channels of the interactions, in the order first seen. */
  public List<Channel> channels() {
    if (rows == null) {
      return List.of(store.channels);
    }
    boolean[] seen = new boolean[store.channels.length];
    List<Channel> out = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int c = store.channel(row(i));
      if (!seen[c]) {
        seen[c] = true;
        out.add(store.channels[c]);
      }
    }
    return List.copyOf(out);
  }

  /**
   * The customer ids the rows are interned to: row visits ({@link #forEachRow}) name a customer by its index
   * here. Shared by every list cut from the same columns ({@link #where}), so it may hold customers without a
   * row in this one.
   */
  public List<String> internedCustomers() {
    return Collections.unmodifiableList(Arrays.asList(store.customers));
  }

  /** The channels the rows are interned to: row visits ({@link #forEachRow}) name a channel by its index here. */
  public List<Channel> internedChannels() {
    return List.of(store.channels);
  }

  /**
   * Visits every row in this list's order with its interned parts, making no interaction: a columnar pass
   * (issue 16) for a computation that needs only the customer, channel, instant and type of each row.
   */
  public void forEachRow(RowVisitor visitor) {
    requireNonNull(visitor, "visitor");
    for (int i = 0; i < size; i++) {
      int row = row(i);
      visitor.visit(i, store.customer[row], store.channel(row), store.second(row), store.nano(row), store.type(row));
    }
  }

  /**
   * What {@link #forEachRow} hands each row: its index in the list (for {@link #get}), the numbers of its
   * customer in {@link #internedCustomers()} and of its channel in {@link #internedChannels()}, its instant as
   * epoch seconds and nanoseconds, and its type.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface RowVisitor {
    /** Takes one row. */
    void visit(int index, int customer, int channel, long epochSecond, int nano, InteractionType type);
  }

  /**
   * Visits every row customer by customer as {@link #perCustomer()} orders them (customers by id, each one's rows in
   * this list's order), with its interned parts and direction, making no interaction; {@link
   * CustomerRowVisitor#endCustomer} follows each customer's last row. A columnar pass (issue 16) for a per-customer
   * fold that needs only the customer, channel, instant, type and direction of each row.
   */
  public void forEachRowPerCustomer(CustomerRowVisitor visitor) {
    requireNonNull(visitor, "visitor");
    CustomerOrder o = customerOrder();
    for (int k = nextCustomer(o, 0); k < o.ids.length; k = nextCustomer(o, k + 1)) {
      int customer = -1;
      for (int p = o.starts[k]; p < o.starts[k + 1]; p++) {
        int row = o.row(p);
        customer = store.customer[row];
        visitor.visit(customer, store.channel(row), store.second(row), store.nano(row), store.type(row),
            store.direction(row));
      }
      visitor.endCustomer(customer);
    }
  }

  /**
   * What {@link #forEachRowPerCustomer} hands each row: the numbers of its customer in {@link #internedCustomers()}
   * and of its channel in {@link #internedChannels()}, its instant as epoch seconds and nanoseconds, its type and
   * direction; then the end of each customer's rows.
   *
   * @since 0.1.0
   */
  public interface CustomerRowVisitor {
    /** Takes one row. */
    void visit(int customer, int channel, long epochSecond, int nano, InteractionType type, Direction direction);

    /** Ends the rows of {@code customer}, which had at least one. */
    void endCustomer(int customer);
  }

  /**
   * Each customer {@code customers} accepts, in the order of {@link #perCustomer()} (by id), with their interactions
   * in this list's order, made anew and not kept: {@code customers} is asked with the customer's number in {@link
   * #internedCustomers()} before any interaction is made, so a walk over one segment of the customers makes only
   * its members' interactions and needs no list of its rows (issue 16: a segment as a number per customer, no set
   * of ids and no rows cut per segment). What {@code perCustomer()} of the segment's rows gives, customer for
   * customer.
   */
  public void forEachCustomer(IntPredicate customers, CustomerVisitor visitor) {
    requireNonNull(customers, "customers");
    requireNonNull(visitor, "visitor");
    CustomerOrder o = customerOrder();
    for (int k = nextCustomer(o, 0); k < o.ids.length; k = nextCustomer(o, k + 1)) {
      int customer = store.customer[o.row(o.starts[k])];
      if (customers.test(customer)) {
        visitor.visit(customer, customerAt(o, k));
      }
    }
  }

  /**
   * What {@link #forEachCustomer} hands each customer it accepts: its number in {@link #internedCustomers()} and its
   * interactions, a list made for this call that the visitor may reorder.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface CustomerVisitor {
    /** Takes one customer's interactions. */
    void visit(int customer, List<Interaction> interactions);
  }

  /**
   * For each customer of {@link #internedCustomers()}, its index in {@code ids}, or -1 if it is not there: one merge
   * of two lists ordered by id, no hashing, so that a segmentation given as customer ids in order (tens of millions
   * of look-ups in hash sets at 10 million interactions, issue 16) becomes a number per interned customer.
   *
   * @param ids customer ids in ascending {@link String#compareTo} order, each once
   * @throws InvalidFieldException if {@code ids} is not strictly ascending (naming the first id out of order)
   */
  public int[] indexesIn(List<String> ids) {
    requireNonNull(ids, "ids");
    Store.Ranks ranks = store.ranks();
    int[] ofRank = new int[ranks.ids.length];
    int k = 0;
    @Nullable String previous = null;
    for (int i = 0; i < ids.size(); i++) {
      String id = requireNonNull(ids.get(i), "id");
      if (previous != null && previous.compareTo(id) >= 0) {
        throw new InvalidFieldException("ids[" + i + "]", id, "must come after " + previous + " (ascending, each once)");
      }
      previous = id;
      while (k < ofRank.length && ranks.ids[k].compareTo(id) < 0) {
        ofRank[k++] = -1;
      }
      if (k < ofRank.length && ranks.ids[k].equals(id)) {
        ofRank[k++] = i;
      }
    }
    Arrays.fill(ofRank, k, ofRank.length, -1);
    int[] index = new int[store.customers.length];
    for (int c = 0; c < index.length; c++) {
      index[c] = ofRank[ranks.of(c)];
    }
    return index;
  }

  /**
   * Each customer's interactions in turn (in this list's order), customers ordered by id; each list is
   * made when the iteration reaches it, and not kept.
   */
  public Iterable<List<Interaction>> perCustomer() {
    CustomerOrder o = customerOrder();
    return () -> new Iterator<>() {
      private int k = nextCustomer(o, 0);

      @Override
      public boolean hasNext() {
        return k < o.ids.length;
      }

      @Override
      public List<Interaction> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        List<Interaction> own = customerAt(o, k);
        k = nextCustomer(o, k + 1);
        return own;
      }
    };
  }

  /**
   * The interactions of customer {@code customerId} (in this list's order), made anew; empty if the
   * customer has none. A binary search in the customers ordered by id.
   */
  public List<Interaction> ofCustomer(String customerId) {
    requireNonNull(customerId, "customerId");
    CustomerOrder o = customerOrder();
    int k = Arrays.binarySearch(o.ids, customerId);
    if (k < 0) {
      return List.of();
    }
    return customerAt(o, k);
  }

  private List<Interaction> customerAt(CustomerOrder o, int k) {
    List<Interaction> own = new ArrayList<>(o.starts[k + 1] - o.starts[k]);
    for (int p = o.starts[k]; p < o.starts[k + 1]; p++) {
      own.add(store.interaction(o.row(p)));
    }
    return own;
  }

  /** The first customer from {@code k} on with a row in this list. */
  private static int nextCustomer(CustomerOrder o, int k) {
    int next = k;
    while (next < o.ids.length && o.starts[next] == o.starts[next + 1]) {
      next++;
    }
    return next;
  }

  /** The rows ordered by customer id, then this list's order: a stable counting sort on the id's rank. */
  private CustomerOrder customerOrder() {
    CustomerOrder o = order;
    if (o != null) {
      return o;
    }
    synchronized (this) {
      o = order;
      if (o == null) {
        o = sortByCustomer();
        order = o;
      }
      return o;
    }
  }

  /**
   * The order by customer; when the rows come in it already (a file sorted by customer), the order is this list's
   * own rows and no permutation is kept (issue 16: 4 bytes a row fewer at ten million rows).
   */
  private CustomerOrder sortByCustomer() {
    Store.Ranks ranks = store.ranks();
    int customers = ranks.ids.length;
    int[] starts = new int[customers + 1];
    boolean inOrder = true;
    int last = 0;
    for (int i = 0; i < size; i++) {
      int rank = ranks.of(store.customer[row(i)]);
      inOrder &= rank >= last;
      last = rank;
      starts[rank + 1]++;
    }
    for (int k = 0; k < customers; k++) {
      starts[k + 1] += starts[k];
    }
    if (inOrder) {
      return new CustomerOrder(ranks.ids, starts, rows);
    }
    int[] next = Arrays.copyOf(starts, customers);
    int[] sorted = new int[size];
    for (int i = 0; i < size; i++) {
      int row = row(i);
      sorted[next[ranks.of(store.customer[row])]++] = row;
    }
    return new CustomerOrder(ranks.ids, starts, sorted);
  }

  /**
   * Customer ids by rank, where each rank's rows start in the order, and the rows by customer ({@code null}: the
   * store's rows in their order).
   */
  private static final class CustomerOrder {
    private final String[] ids;
    private final int[] starts;
    private final int @Nullable [] rows;

    CustomerOrder(String[] ids, int[] starts, int @Nullable [] rows) {
      this.ids = ids;
      this.starts = starts;
      this.rows = rows;
    }

    int row(int p) {
      int[] r = rows;
      return r == null ? p : r[p];
    }
  }

  /**
   * The columns, shared by a list and the subsets {@link #where} makes of it (issue 16: about 10 bytes a row). The
   * customer is an int into the interned ids; the channel a byte while there are at most 256 channels; the instant's
   * second an int offset while it fits (nanoseconds in a column made only when some row has them); type and
   * direction one byte together; and the parts a row rarely has (value, source id, attributes, content) in side
   * columns that only the rows having one point into, found by a bit a row. Every part reads back exactly.
   */
  private static final class Store {
    private final String[] customers;
    private final Channel[] channels;
    private final int[] customer;
    private final NarrowInts channel;
    private final EpochSeconds seconds;
    private final int @Nullable [] nanos;
    private final byte[] kind;
    private final SparseRows hasRest;
    private final Rests rests;
    private @Nullable Ranks ranks;

    /** Customer ids in id order and each interned customer's rank in it ({@code null}: its own number). */
    private static final class Ranks {
      private final String[] ids;
      private final int @Nullable [] rank;

      Ranks(String[] ids, int @Nullable [] rank) {
        this.ids = ids;
        this.rank = rank;
      }

      int of(int customer) {
        int[] r = rank;
        return r == null ? customer : r[customer];
      }
    }

    private Store(Builder b) {
      this.customers = b.customerNumbers.ids();
      this.channels = b.channelList.toArray(new Channel[0]);
      b.channel.trim();
      this.channel = b.channel;
      b.seconds.trim();
      this.seconds = b.seconds;
      this.customer = Arrays.copyOf(b.customer, b.size);
      int[] n = b.nanos;
      this.nanos = n == null ? null : Arrays.copyOf(n, b.size);
      this.kind = Arrays.copyOf(b.kind, b.size);
      b.hasRest.trim();
      this.hasRest = b.hasRest;
      b.rests.trim();
      this.rests = b.rests;
    }

    Interaction interaction(int row) {
      int r = hasRest.indexOf(row);
      return new Interaction(customers[customer[row]], channels[channel.get(row)], instant(row), type(row),
          direction(row), r < 0 ? null : rests.value(r), r < 0 ? null : rests.sourceIds[r],
          r < 0 ? Attributes.empty() : rests.attributes[r], r < 0 ? null : rests.contents[r]);
    }

    int channel(int row) {
      return channel.get(row);
    }

    long second(int row) {
      return seconds.get(row);
    }

    int nano(int row) {
      int[] n = nanos;
      return n == null ? 0 : n[row];
    }

    InteractionType type(int row) {
      return KIND_TYPE[kind[row]];
    }

    Direction direction(int row) {
      return KIND_DIRECTION[kind[row]];
    }

    boolean hasContent(int row) {
      int r = hasRest.indexOf(row);
      return r >= 0 && rests.contents[r] != null;
    }

    Instant instant(int row) {
      return Instant.ofEpochSecond(second(row), nano(row));
    }

    int compareInstants(int a, int b) {
      int c = Long.compare(second(a), second(b));
      return c != 0 || nanos == null ? c : Integer.compare(nano(a), nano(b));
    }

    synchronized Ranks ranks() {
      Ranks r = ranks;
      if (r == null) {
        r = sortedAlready() ? new Ranks(customers, null) : sortedRanks();
        ranks = r;
      }
      return r;
    }

    /** Whether the customers were met in id order (as a file sorted by customer gives them). */
    private boolean sortedAlready() {
      for (int c = 1; c < customers.length; c++) {
        if (customers[c - 1].compareTo(customers[c]) >= 0) {
          return false;
        }
      }
      return true;
    }

    private Ranks sortedRanks() {
      String[] ids = customers.clone();
      Arrays.sort(ids);
      IdNumbers byId = new IdNumbers();
      for (String id : ids) {
        byId.numberOf(id);
      }
      int[] rank = new int[customers.length];
      for (int c = 0; c < customers.length; c++) {
        rank[c] = byId.find(customers[c]);
      }
      return new Ranks(ids, rank);
    }
  }

  /** The side columns of the rows with a value, source id, attributes or content, in row order. */
  private static final class Rests {
    private static final int FIRST_CAPACITY = 64;
    private @Nullable Currency[] currencies = new Currency[FIRST_CAPACITY];
    private long[] minorUnits = new long[FIRST_CAPACITY];
    private @Nullable String[] sourceIds = new String[FIRST_CAPACITY];
    private Attributes[] attributes = new Attributes[FIRST_CAPACITY];
    private @Nullable Content[] contents = new Content[FIRST_CAPACITY];
    private int size;

    void add(@Nullable Money value, @Nullable String sourceId, Attributes shared, @Nullable Content content) {
      if (size == minorUnits.length) {
        resize(size + (size >> 1));
      }
      currencies[size] = value == null ? null : value.currency();
      minorUnits[size] = value == null ? 0 : value.minorUnits();
      sourceIds[size] = sourceId;
      attributes[size] = shared;
      contents[size] = content;
      size++;
    }

    @Nullable Money value(int r) {
      Currency currency = currencies[r];
      return currency == null ? null : Money.ofMinor(minorUnits[r], currency);
    }

    void trim() {
      if (size != minorUnits.length) {
        resize(size);
      }
    }

    private void resize(int capacity) {
      currencies = Arrays.copyOf(currencies, capacity);
      minorUnits = Arrays.copyOf(minorUnits, capacity);
      sourceIds = Arrays.copyOf(sourceIds, capacity);
      attributes = Arrays.copyOf(attributes, capacity);
      contents = Arrays.copyOf(contents, capacity);
    }
  }

  /** Collects interactions into growing columns. Not thread-safe; not to be used after {@link #build}. */
  public static final class Builder {
    private static final int FIRST_CAPACITY = 1024;
    /** How many distinct attribute values are kept once; beyond it (ids, say) a row keeps its own. */
    private static final int MAX_SHARED_ATTRIBUTES = 4096;
    /** The seconds of the first and last instants an {@link Interaction} may have (years 0001 to 9999, UTC). */
    private static final long EARLIEST_SECOND = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
    private static final long LATEST_SECOND = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    private static final int MAX_NANO = 999_999_999;
    private final IdNumbers customerNumbers = new IdNumbers();
    private final Map<Channel, Integer> channelIndex = new HashMap<>();
    private final List<Channel> channelList = new ArrayList<>();
    private final Rests rests = new Rests();
    /** Equal attributes kept once: sources repeat a few values (a campaign, a purchase number) many times. */
    private final Map<Attributes, Attributes> attributes = new HashMap<>();
    private int size;
    private int[] customer = new int[FIRST_CAPACITY];
    private final NarrowInts channel = new NarrowInts();
    private final EpochSeconds seconds = new EpochSeconds();
    private int @Nullable [] nanos;
    private byte[] kind = new byte[FIRST_CAPACITY];
    private final SparseRows hasRest = new SparseRows();
    /**
     * The customer id of the last row {@link #addRow} added, as characters, and its number: a file grouped by
     * customer repeats the previous row's id in most rows, which then costs one short comparison instead of a
     * hash and a probe of the id table (issue 16). Numbers never change, so it stays right whatever is added.
     */
    private char[] lastCustomer = new char[16];
    private int lastCustomerLength = -1;
    private int lastCustomerNumber;
    private boolean built;

    private Builder() {}

    /**
     * Adds {@code interaction} as the next row.
     *
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder add(Interaction interaction) {
      requireNonNull(interaction, "interaction");
      if (built) {
        throw new IllegalStateException("the columns are built; make a new builder");
      }
      if (size == customer.length) {
        grow();
      }
      customer[size] = customerNumbers.numberOf(interaction.customerId());
      channel.add(channelNumber(interaction.channel()));
      Instant at = interaction.timestamp();
      seconds.add(at.getEpochSecond());
      int nano = at.getNano();
      if (nano != 0) {
        nanosColumn()[size] = nano;
      }
      kind[size] = kindOf(interaction.type(), interaction.direction());
      hasRest.add(rest(interaction));
      size++;
      return this;
    }

    /**
     * Adds the next row for an interaction without a value, a source id, attributes or content, given by its parts
     * instead of as an {@link Interaction}: what {@code add(new Interaction(...))} adds for the same facts, with the
     * customer id read from {@code customerId[from .. from + length)}. An importer of millions of rows calls it with
     * a field of its read buffer: no string is made for a customer already added, and no {@code Interaction} or
     * {@code Instant} for any row (issue 16). The row is checked as {@link Interaction} checks it (the customer id
     * only when it is new, since the ids added before were checked); nothing is added when a check fails.
     *
     * @param epochSecond the instant's seconds from 1970-01-01T00:00:00Z
     * @param nano the instant's nanoseconds within its second, 0 to 999,999,999
     * @throws InvalidFieldException if the customer id or the instant breaks {@link Interaction}'s rules
     * @throws IndexOutOfBoundsException if the range is not within {@code customerId}
     * @throws IllegalStateException after {@link #build()}
     */
    public Builder addRow(char[] customerId, int from, int length, Channel channel, long epochSecond, int nano,
        InteractionType type, Direction direction) {
      Objects.checkFromIndexSize(from, length, customerId.length);
      requireNonNull(channel, "channel");
      requireNonNull(type, "type");
      requireNonNull(direction, "direction");
      if (built) {
        throw new IllegalStateException("the columns are built; make a new builder");
      }
      if (epochSecond < EARLIEST_SECOND || epochSecond > LATEST_SECOND || nano < 0 || nano > MAX_NANO) {
        Instant at = nano < 0 || nano > MAX_NANO ? null : Instant.ofEpochSecond(epochSecond, nano);
        throw new InvalidFieldException("timestamp", at == null ? epochSecond + "s " + nano + "ns" : at,
            "must be between years 0001 and 9999 (UTC)");
      }
      int number = customerNumber(customerId, from, length);
      if (size == customer.length) {
        grow();
      }
      customer[size] = number;
      this.channel.add(channelNumber(channel));
      seconds.add(epochSecond);
      if (nano != 0) {
        nanosColumn()[size] = nano;
      }
      kind[size] = kindOf(type, direction);
      hasRest.add(false);
      size++;
      return this;
    }

    /**
     * The number of the customer id {@code chars[from .. from + length)}, given the next number (after {@link
     * Interaction}'s check of the id) if it is new; the previous row's number when the id is the previous row's.
     */
    private int customerNumber(char[] chars, int from, int length) {
      if (length == lastCustomerLength && Arrays.equals(lastCustomer, 0, length, chars, from, from + length)) {
        return lastCustomerNumber;
      }
      int number = customerNumbers.find(chars, from, length);
      if (number < 0) {
        number = customerNumbers.numberOf(Identifiers.requireCustomerId("customerId", new String(chars, from, length)));
      }
      if (lastCustomer.length < length) {
        lastCustomer = new char[length];
      }
      System.arraycopy(chars, from, lastCustomer, 0, length);
      lastCustomerLength = length;
      lastCustomerNumber = number;
      return number;
    }

    private int channelNumber(Channel c) {
      Integer known = channelIndex.get(c);
      if (known != null) {
        return known;
      }
      channelList.add(c);
      channelIndex.put(c, channelList.size() - 1);
      return channelList.size() - 1;
    }

    private int[] nanosColumn() {
      int[] n = nanos;
      if (n == null) {
        n = new int[customer.length];
        nanos = n;
      }
      return n;
    }

    /** Whether {@code interaction} has a part a row rarely has, which is then added to the side columns. */
    private boolean rest(Interaction interaction) {
      if (interaction.value() == null && interaction.sourceId() == null && interaction.attributes().isEmpty()
          && interaction.content() == null) {
        return false;
      }
      Attributes shared = attributes.size() < MAX_SHARED_ATTRIBUTES
          ? attributes.computeIfAbsent(interaction.attributes(), a -> a)
          : attributes.getOrDefault(interaction.attributes(), interaction.attributes());
      rests.add(interaction.value(), interaction.sourceId(), shared, interaction.content());
      return true;
    }

    private void grow() {
      int capacity = customer.length + (customer.length >> 1);
      customer = Arrays.copyOf(customer, capacity);
      int[] n = nanos;
      if (n != null) {
        nanos = Arrays.copyOf(n, capacity);
      }
      kind = Arrays.copyOf(kind, capacity);
    }

    /**
     * The columns of the interactions added. The columns are handed over and trimmed one at a time (a copy of all
     * of them at once would double the peak), so the builder cannot be used afterwards.
     *
     * @throws IllegalStateException if called twice
     */
    public InteractionColumns build() {
      if (built) {
        throw new IllegalStateException("the columns are built already");
      }
      built = true;
      Store store = new Store(this);
      customer = new int[0];
      kind = new byte[0];
      nanos = null;
      return new InteractionColumns(store, null, size);
    }
  }

  /** Type and direction in one byte: the type's ordinal times the number of directions plus the direction's. */
  @SuppressWarnings("EnumOrdinal") // the kind byte is read back only through KIND_TYPE and KIND_DIRECTION
  private static byte kindOf(InteractionType type, Direction direction) {
    return (byte) (type.ordinal() * DIRECTIONS.length + direction.ordinal());
  }

  private static InteractionType[] kindTypes() {
    InteractionType[] types = new InteractionType[TYPES.length * DIRECTIONS.length];
    for (int k = 0; k < types.length; k++) {
      types[k] = TYPES[k / DIRECTIONS.length];
    }
    return types;
  }

  private static Direction[] kindDirections() {
    Direction[] directions = new Direction[TYPES.length * DIRECTIONS.length];
    for (int k = 0; k < directions.length; k++) {
      directions[k] = DIRECTIONS[k % DIRECTIONS.length];
    }
    return directions;
  }
}
