package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableSet;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 * profiles ({@link #of}), such as value tiers or RFM cells. Segments may overlap. Members are kept in immutable
 * hash sets in the order added (about 12 bytes a member, sharing the id strings), so segments of millions of
 * customers cost tens of megabytes, not hundreds.
 *
 * <p>Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class RoiSegments {
  private final Map<String, Set<String>> members;
  private final int population;

  private RoiSegments(Map<String, Set<String>> members, int population) {
    this.members = members;
    this.population = population;
  }

  /**
   * One segment per label of {@code segmentOfCustomer} (customer id to segment label), labels in name
   * order; the population is every customer in the map.
   *
   * @throws InvalidFieldException if a label is blank
   */
  public static RoiSegments byLabel(Map<String, String> segmentOfCustomer) {
    requireNonNull(segmentOfCustomer, "segmentOfCustomer");
    Map<String, ImmutableSet.Builder<String>> members = new TreeMap<>();
    segmentOfCustomer.forEach((customer, label) -> {
      if (label.isBlank()) {
        throw new InvalidFieldException("segment label of " + customer, label, "must not be blank");
      }
      members.computeIfAbsent(label, l -> ImmutableSet.builder()).add(customer);
    });
    return new RoiSegments(freeze(members), segmentOfCustomer.size());
  }

  /**
   * One segment per name of {@code names}, in that order, whose members are the profiles that {@code label}
   * names it (a profile whose label is not among the names is in none, and a segment may have no member); the
   * population is every profile. The label is asked once per profile, in one pass: a segmentation that costs
   * something per profile (value tiers predict a lifetime value) need not be run per segment or held in a map
   * of every customer.
   *
   * @throws InvalidFieldException if a name is blank or given twice
   */
  public static RoiSegments byLabel(List<String> names, Collection<CustomerProfile> profiles,
      Function<? super CustomerProfile, String> label) {
    requireNonNull(names, "names");
    requireNonNull(profiles, "profiles");
    requireNonNull(label, "label");
    Map<String, ImmutableSet.Builder<String>> members = new LinkedHashMap<>();
    for (String name : names) {
      if (name.isBlank()) {
        throw new InvalidFieldException("segment name", name, "must not be blank");
      }
      if (members.putIfAbsent(name, ImmutableSet.builder()) != null) {
        throw new InvalidFieldException("segment name", name, "must be unique among the segments");
      }
    }
    for (CustomerProfile profile : profiles) {
      ImmutableSet.Builder<String> segment = members.get(label.apply(profile));
      if (segment != null) {
        segment.add(profile.customer().id());
      }
    }
    return new RoiSegments(freeze(members), profiles.size());
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
    Map<String, ImmutableSet.Builder<String>> members = new LinkedHashMap<>();
    for (Segment segment : segments) {
      ImmutableSet.Builder<String> ids = ImmutableSet.builder();
      profiles.stream().filter(segment).forEach(p -> ids.add(p.customer().id()));
      if (members.putIfAbsent(segment.name(), ids) != null) {
        throw new InvalidFieldException("segment name", segment.name(), "must be unique among the segments");
      }
    }
    return new RoiSegments(freeze(members), profiles.size());
  }

  private static Map<String, Set<String>> freeze(Map<String, ImmutableSet.Builder<String>> members) {
    Map<String, Set<String>> frozen = new LinkedHashMap<>();
    members.forEach((name, ids) -> frozen.put(name, ids.build()));
    return Collections.unmodifiableMap(frozen);
  }

  /** The members of each segment by segment name, in segment order; a segment may have none. */
  public Map<String, Set<String>> members() {
    return members;
  }

  /** How many customers the segments are drawn from. */
  public int population() {
    return population;
  }

  /** The share of the population in {@code segment}; 0 for an unknown segment or an empty population. */
  public double share(String segment) {
    Set<String> ids = members.get(requireNonNull(segment, "segment"));
    return ids == null || population == 0 ? 0 : ids.size() / (double) population;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder("RoiSegments[");
    members.forEach((name, ids) -> text.append(name).append(' ').append(ids.size()).append(", "));
    return text.append("of ").append(population).append(']').toString();
  }
}
