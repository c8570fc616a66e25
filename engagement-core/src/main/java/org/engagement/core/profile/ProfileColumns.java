package org.engagement.core.profile;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;

/**
 * Profiles kept by column instead of as objects, so that millions fit in a small heap (issue 16): the id
 * (the string the interactions' columns already hold), the first-seen instant as seconds and nanoseconds, and
 * each metric as a {@code double} column, with a small number per profile naming its metrics in their order (a
 * prospect has fewer than a buyer). About 80 bytes a profile with seven metrics, against the 320 of a {@link
 * CustomerProfile} with its own map of boxed numbers.
 *
 * <p>As a {@link List} it is the profiles in the order added, each {@linkplain #get materialised} anew when read:
 * equal to the one added, its metrics iterating in the same order.
 *
 * <p>Immutable and thread-safe once built.
 */
final class ProfileColumns extends AbstractList<CustomerProfile> implements RandomAccess {
  private final String[] ids;
  private final long[] seconds;
  private final int[] nanos;
  private final byte[] layout;
  /** Each layout's metrics, by index into {@link #values}, in the order the profile's map gives them. */
  private final int[][] layouts;
  private final String[] names;
  private final double[][] values;
  private final int size;

  /** Takes the builder's columns as they are (not trimmed: a copy would double the peak). */
  private ProfileColumns(Builder b) {
    this.size = b.size;
    this.ids = b.ids;
    this.seconds = b.seconds;
    this.nanos = b.nanos;
    this.layout = b.layout;
    this.layouts = b.layouts.toArray(new int[0][]);
    this.names = b.names.toArray(new String[0]);
    this.values = b.values.toArray(new double[0][]);
  }

  static Builder builder() {
    return new Builder();
  }

  @Override
  public int size() {
    return size;
  }

  /** The profile at {@code index}, made anew. */
  @Override
  public CustomerProfile get(int index) {
    int i = Objects.checkIndex(index, size);
    int[] metrics = layouts[layout[i]];
    ImmutableMap.Builder<String, Double> map = ImmutableMap.builderWithExpectedSize(metrics.length);
    for (int m : metrics) {
      map.put(names[m], values[m][i]);
    }
    return new CustomerProfile(
        new Customer(ids[i], Instant.ofEpochSecond(seconds[i], nanos[i]), Attributes.empty()), map.build());
  }

  /** Takes profiles one at a time. Not thread-safe. */
  static final class Builder {
    private static final int FIRST_CAPACITY = 1024;
    private final Map<List<String>, Integer> layoutIndex = new HashMap<>();
    private final List<int[]> layouts = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<double[]> values = new ArrayList<>();
    private String[] ids = new String[FIRST_CAPACITY];
    private long[] seconds = new long[FIRST_CAPACITY];
    private int[] nanos = new int[FIRST_CAPACITY];
    private byte[] layout = new byte[FIRST_CAPACITY];
    private int size;

    private Builder() {}

    /**
     * Adds {@code profile}, whose customer has no attributes (the profiles made from interactions have none).
     *
     * @throws IllegalArgumentException if the customer has attributes or the profiles have more than 127 sets
     *     of metric names
     */
    Builder add(CustomerProfile profile) {
      requireNonNull(profile, "profile");
      Customer customer = profile.customer();
      if (!customer.attributes().isEmpty()) {
        throw new IllegalArgumentException("profile columns keep customers without attributes");
      }
      if (size == ids.length) {
        grow();
      }
      ids[size] = customer.id();
      Instant first = customer.firstSeen();
      seconds[size] = first.getEpochSecond();
      nanos[size] = first.getNano();
      Map<String, Double> metrics = profile.metrics();
      int l = layoutIndex.computeIfAbsent(List.copyOf(metrics.keySet()), this::newLayout);
      layout[size] = (byte) l;
      for (int m : layouts.get(l)) {
        values.get(m)[size] = requireNonNull(metrics.get(names.get(m)));
      }
      size++;
      return this;
    }

    private int newLayout(List<String> metricNames) {
      if (layouts.size() == Byte.MAX_VALUE) {
        throw new IllegalArgumentException("profile columns keep at most 127 sets of metric names");
      }
      int[] indices = new int[metricNames.size()];
      for (int k = 0; k < indices.length; k++) {
        indices[k] = nameIndex.computeIfAbsent(metricNames.get(k), name -> {
          names.add(name);
          values.add(new double[ids.length]);
          return names.size() - 1;
        });
      }
      layouts.add(indices);
      return layouts.size() - 1;
    }

    private void grow() {
      int capacity = ids.length + (ids.length >> 1);
      ids = Arrays.copyOf(ids, capacity);
      seconds = Arrays.copyOf(seconds, capacity);
      nanos = Arrays.copyOf(nanos, capacity);
      layout = Arrays.copyOf(layout, capacity);
      values.replaceAll(column -> Arrays.copyOf(column, capacity));
    }

    /** The columns of the profiles added; the builder is not to be used afterwards. */
    ProfileColumns build() {
      return new ProfileColumns(this);
    }
  }
}
