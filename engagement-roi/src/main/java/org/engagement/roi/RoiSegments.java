package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.segment.Segment;

/**
 * The customer segments an ROI is computed for ({@link RoiAnalysis#perSegment}): each segment's name and
 * members, and the population they are drawn from. A segment's share of the costs aimed at everyone is its
 * share of the population; costs aimed at a segment ({@link org.engagement.roi.investment.Cost#segment()})
 * go to the segment of that name.
 *
 * <p>Any segmentation a host has fits: a label per customer ({@link #byLabel}), or {@link Segment}s over
 * profiles ({@link #of}), such as value tiers or RFM cells. Segments may overlap. The members are kept as the
 * customer ids in order, each once, and per segment the ascending indexes of its members among them (about 8
 * bytes a member, sharing the id strings; no hash set), so segments of millions of customers cost tens of
 * megabytes, and {@link RoiAnalysis#perSegment} matches them to the interactions' customers in one merge
 * instead of a hash look-up per customer and segment (issue 16). {@link #members()} views them as sets, in id
 * order.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RoiSegments {
  private final List<String> names;
  /** Every member's id, ascending, each once. */
  private final String[] ids;
  /** Per segment (in {@link #names} order) the ascending indexes in {@link #ids} of its members. */
  private final int[][] members;
  private final int population;
  private final Map<String, Set<String>> views;

  private RoiSegments(List<String> names, String[] ids, int[][] members, int population) {
    this.names = List.copyOf(names);
    this.ids = ids;
    this.members = members;
    this.population = population;
    Map<String, Set<String>> byName = new LinkedHashMap<>();
    for (int g = 0; g < members.length; g++) {
      byName.put(names.get(g), new Members(members[g]));
    }
    this.views = Collections.unmodifiableMap(byName);
  }

  /**
   * One segment per label of {@code segmentOfCustomer} (customer id to segment label), labels in name
   * order; the population is every customer in the map.
   *
   * @throws InvalidFieldException if a label is blank
   */
  public static RoiSegments byLabel(Map<String, String> segmentOfCustomer) {
    requireNonNull(segmentOfCustomer, "segmentOfCustomer");
    Set<String> labels = new TreeSet<>();
    segmentOfCustomer.forEach((customer, label) -> {
      if (label.isBlank()) {
        throw new InvalidFieldException("segment label of " + customer, label, "must not be blank");
      }
      labels.add(label);
    });
    List<String> names = List.copyOf(labels);
    Pairs pairs = new Pairs(segmentOfCustomer.size());
    segmentOfCustomer.forEach((customer, label) -> pairs.add(customer, Collections.binarySearch(names, label)));
    return pairs.segments(names, segmentOfCustomer.size());
  }

  /**
   * One segment per name of {@code names}, in that order, whose members are the profiles that {@code label}
   * names it (a profile whose label is not among the names is in none, and a segment may have no member); the
   * population is every profile. The label is asked once per profile, in one pass: a segmentation that costs
   * something per profile (value tiers predict a lifetime value) need not be run per segment or held in a map
   * of every customer. Profiles in id order (as {@code CustomerProfiles} makes them) need no sorting.
   *
   * @throws InvalidFieldException if a name is blank or given twice
   */
  public static RoiSegments byLabel(List<String> names, Collection<CustomerProfile> profiles,
      Function<? super CustomerProfile, String> label) {
    requireNonNull(names, "names");
    requireNonNull(profiles, "profiles");
    requireNonNull(label, "label");
    Map<String, Integer> index = new LinkedHashMap<>();
    for (String name : names) {
      if (name.isBlank()) {
        throw new InvalidFieldException("segment name", name, "must not be blank");
      }
      if (index.putIfAbsent(name, index.size()) != null) {
        throw new InvalidFieldException("segment name", name, "must be unique among the segments");
      }
    }
    Pairs pairs = new Pairs(profiles.size());
    for (CustomerProfile profile : profiles) {
      Integer segment = index.get(label.apply(profile));
      if (segment != null) {
        pairs.add(profile.customer().id(), segment);
      }
    }
    return pairs.segments(names, profiles.size());
  }

  /**
   * One segment per element of {@code segments}, in that order, whose members are the profiles it accepts;
   * the population is every profile.
   *
   * @throws InvalidFieldException if two segments share a name
   */
  public static RoiSegments of(List<Segment> segments, Collection<CustomerProfile> profiles) {
    requireNonNull(segments, "segments");
    requireNonNull(profiles, "profiles");
    List<String> names = new ArrayList<>();
    Pairs pairs = new Pairs(profiles.size());
    for (Segment segment : segments) {
      if (names.contains(segment.name())) {
        throw new InvalidFieldException("segment name", segment.name(), "must be unique among the segments");
      }
      names.add(segment.name());
      int g = names.size() - 1;
      profiles.stream().filter(segment).forEach(p -> pairs.add(p.customer().id(), g));
    }
    return pairs.segments(names, profiles.size());
  }

  /** The members of each segment by segment name, in segment order; a segment may have none. */
  public Map<String, Set<String>> members() {
    return views;
  }

  /** How many customers the segments are drawn from. */
  public int population() {
    return population;
  }

  /** The share of the population in {@code segment}; 0 for an unknown segment or an empty population. */
  public double share(String segment) {
    Set<String> own = views.get(requireNonNull(segment, "segment"));
    return own == null || population == 0 ? 0 : own.size() / (double) population;
  }

  /** The segments' names, in segment order. */
  List<String> names() {
    return names;
  }

  /** Every member's id, ascending, each once: what {@link #membersAt} indexes. */
  List<String> ids() {
    return Collections.unmodifiableList(Arrays.asList(ids));
  }

  /** The members of segment {@code g} (in {@link #names()} order) as bits at their indexes in {@link #ids()}. */
  BitSet membersAt(int g) {
    BitSet bits = new BitSet(ids.length);
    for (int i : members[g]) {
      bits.set(i);
    }
    return bits;
  }

  /** How many members segment {@code g} has. */
  int size(int g) {
    return members[g].length;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RoiSegments[");
    views.forEach((name, own) -> text.append(name).append(' ').append(own.size()).append(", "));
    return text.append("of ").append(population).append(']').toString();
  }

  /** One segment's members as an unmodifiable set: its indexes into the ids, looked up by binary search. */
  private final class Members extends AbstractSet<String> {
    private final int[] at;

    Members(int[] at) {
      this.at = at;
    }

    @Override
    public boolean contains(Object o) {
      if (!(o instanceof String id)) {
        return false;
      }
      int i = Arrays.binarySearch(ids, id);
      return i >= 0 && Arrays.binarySearch(at, i) >= 0;
    }

    @Override
    public Iterator<String> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < at.length;
        }

        @Override
        public String next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          return ids[at[next++]];
        }
      };
    }

    @Override
    public int size() {
      return at.length;
    }
  }

  /**
   * (customer id, segment) pairs in the order given, made into the ids in order and each segment's indexes: no
   * sorting when the ids come in ascending order (profiles do), one sort of the distinct ids otherwise.
   */
  private static final class Pairs {
    private String[] ids;
    private int[] segments;
    private int size;

    Pairs(int capacity) {
      ids = new String[Math.max(capacity, 1)];
      segments = new int[ids.length];
    }

    void add(String id, int segment) {
      if (size == ids.length) {
        ids = Arrays.copyOf(ids, size * 2);
        segments = Arrays.copyOf(segments, size * 2);
      }
      ids[size] = requireNonNull(id, "customer id");
      segments[size++] = segment;
    }

    RoiSegments segments(List<String> names, int population) {
      String[] distinct = distinctIds();
      int[] counts = new int[names.size()];
      int[] at = new int[size];
      for (int p = 0; p < size; p++) {
        at[p] = distinct == ids ? p : Arrays.binarySearch(distinct, ids[p]);
        counts[segments[p]]++;
      }
      int[][] members = new int[names.size()][];
      for (int g = 0; g < members.length; g++) {
        members[g] = new int[counts[g]];
      }
      int[] next = new int[names.size()];
      for (int p = 0; p < size; p++) {
        members[segments[p]][next[segments[p]]++] = at[p];
      }
      for (int g = 0; g < members.length; g++) {
        members[g] = ascendingOnce(members[g]);
      }
      return new RoiSegments(names, distinct, members, population);
    }

    /** The ids ascending and each once: the ids themselves if they already are (trimmed to size). */
    private String[] distinctIds() {
      ids = Arrays.copyOf(ids, size);
      boolean ascending = true;
      for (int p = 1; p < size && ascending; p++) {
        ascending = ids[p - 1].compareTo(ids[p]) < 0;
      }
      if (ascending) {
        return ids;
      }
      String[] sorted = ids.clone();
      Arrays.sort(sorted);
      int n = 0;
      for (String id : sorted) {
        if (n == 0 || !sorted[n - 1].equals(id)) {
          sorted[n++] = id;
        }
      }
      return Arrays.copyOf(sorted, n);
    }

    private static int[] ascendingOnce(int[] indexes) {
      boolean ascending = true;
      for (int i = 1; i < indexes.length && ascending; i++) {
        ascending = indexes[i - 1] < indexes[i];
      }
      if (ascending) {
        return indexes;
      }
      return Arrays.stream(indexes).sorted().distinct().toArray();
    }
  }
}
