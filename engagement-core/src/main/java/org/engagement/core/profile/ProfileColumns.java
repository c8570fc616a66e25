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
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.column.EpochSeconds;
import org.engagement.core.internal.column.ExactDoubles;
import org.jspecify.annotations.Nullable;

/**
 * Profiles kept by column instead of as objects, so that millions fit in a small heap (issue 16): the id
 * (the string the interactions' columns already hold), the first-seen instant as an int offset of seconds while it
 * fits (nanoseconds in a column made only when some profile has them), and each metric as a column of ints while
 * its values are whole numbers and of doubles otherwise, with a small number per profile naming its metrics in their
 * order (a prospect has fewer than a buyer). About 50 bytes a profile with seven metrics of which four are whole,
 * against the 320 of a {@link CustomerProfile} with its own map of boxed numbers; every value reads back exactly.
 *
 * <p>As a {@link List} it is the profiles in the order added, each {@linkplain #get materialised} anew when read:
 * equal to the one added, its metrics iterating in the same order.
 *
 * <p>Immutable and thread-safe once built.
 */
final class ProfileColumns extends AbstractList<CustomerProfile> implements RandomAccess {
  private final String[] ids;
  private final EpochSeconds seconds;
  private final int @Nullable [] nanos;
  private final byte[] layout;
  /** Each layout's metrics, by index into {@link #values}, in the order the profile's map gives them. */
  private final int[][] layouts;
  private final String[] names;
  private final ExactDoubles[] values;
  private final int size;

  /** Takes the builder's columns, trimmed one at a time (a copy of all of them at once would double the peak). */
  private ProfileColumns(Builder b) {
    this.size = b.size;
    this.ids = Arrays.copyOf(b.ids, size);
    b.seconds.trim();
    this.seconds = b.seconds;
    int[] n = b.nanos;
    this.nanos = n == null ? null : Arrays.copyOf(n, size);
    this.layout = Arrays.copyOf(b.layout, size);
    this.layouts = b.layouts.toArray(new int[0][]);
    this.names = b.names.toArray(new String[0]);
    b.values.forEach(column -> column.resize(size));
    this.values = b.values.toArray(new ExactDoubles[0]);
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
      map.put(names[m], values[m].get(i));
    }
    int[] n = nanos;
    return new CustomerProfile(new Customer(ids[i], Instant.ofEpochSecond(seconds.get(i), n == null ? 0 : n[i]),
        Attributes.empty()), map.build());
  }

  /** Takes profiles one at a time. Not thread-safe. */
  static final class Builder {
    private static final int FIRST_CAPACITY = 1024;
    private final Map<List<String>, Integer> layoutIndex = new HashMap<>();
    private final List<int[]> layouts = new ArrayList<>();
    private final Map<String, Integer> nameIndex = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<ExactDoubles> values = new ArrayList<>();
    private String[] ids = new String[FIRST_CAPACITY];
    private final EpochSeconds seconds = new EpochSeconds();
    private int @Nullable [] nanos;
    private byte[] layout = new byte[FIRST_CAPACITY];
    private int size;
    /** The shapes {@link #add(String, Instant, Map, List, double[])} has seen (buyers and prospects, say). */
    private final List<Shape> shapes = new ArrayList<>();
    /** The metrics of the profile being added, checked before any column is written. */
    private double[] row = new double[0];

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
      first(customer.firstSeen());
      Map<String, Double> metrics = profile.metrics();
      int l = layoutIndex.computeIfAbsent(List.copyOf(metrics.keySet()), this::newLayout);
      layout[size] = (byte) l;
      for (int m : layouts.get(l)) {
        values.get(m).set(size, requireNonNull(metrics.get(names.get(m))));
      }
      size++;
      return this;
    }

    /**
     * Adds the profile of customer {@code id} (no attributes) first seen at {@code first}, with the metrics
     * {@code extra} and then {@code builtIn} named {@code builtInNames}: the profile {@code CustomerProfiles} used to
     * make by copying {@code extra} into a new {@link HashMap} twice (once per contributor pass, once per profile) and
     * putting the built-in values, without that map, the profile or their boxed numbers (issue 16). The metrics keep
     * that map's order, worked out once per sequence of extra names, and are checked as {@link CustomerProfile}
     * checks them.
     *
     * @throws InvalidFieldException if a metric is not finite
     * @throws IllegalArgumentException if the profiles have more than 127 sets of metric names
     */
    Builder add(String id, Instant first, Map<String, Double> extra, List<String> builtInNames, double[] builtIn) {
      requireNonNull(id, "id");
      Shape shape = shapeOf(extra, builtInNames);
      int[] metrics = layouts.get(shape.layout);
      if (row.length < metrics.length) {
        row = new double[metrics.length];
      }
      for (int k = 0; k < metrics.length; k++) {
        String name = names.get(metrics[k]);
        double v = shape.sources[k] >= 0 ? builtIn[shape.sources[k]]
            : InvalidFieldException.requirePresent(extra.get(name), name);
        if (!Double.isFinite(v)) {
          throw new InvalidFieldException("metric " + name, v, "must be a finite number");
        }
        row[k] = v;
      }
      if (size == ids.length) {
        grow();
      }
      ids[size] = id;
      first(first);
      layout[size] = (byte) shape.layout;
      for (int k = 0; k < metrics.length; k++) {
        values.get(metrics[k]).set(size, row[k]);
      }
      size++;
      return this;
    }

    /** Sets the current profile's first-seen instant. */
    private void first(Instant first) {
      seconds.add(first.getEpochSecond());
      int nano = first.getNano();
      if (nano != 0) {
        int[] n = nanos;
        if (n == null) {
          n = new int[ids.length];
          nanos = n;
        }
        n[size] = nano;
      }
    }

    private Shape shapeOf(Map<String, Double> extra, List<String> builtInNames) {
      for (Shape shape : shapes) {
        if (shape.fits(extra, builtInNames)) {
          return shape;
        }
      }
      Shape shape = new Shape(extra, builtInNames);
      shapes.add(shape);
      return shape;
    }

    /**
     * Where a profile's metrics go when its extra metrics come in one order: the layout of the map the profile used
     * to be made from ({@code extra} copied into a new {@link HashMap}, that copied again, the built-in values put),
     * and for each of its metrics the index of its built-in value, or -1 to read it from the extra map.
     */
    private final class Shape {
      private final String[] extraNames;
      private final List<String> builtInNames;
      private final int layout;
      private final int[] sources;

      Shape(Map<String, Double> extra, List<String> builtInNames) {
        Map<String, Double> contributed = new HashMap<>();
        extra.forEach(contributed::putIfAbsent);
        Map<String, Double> metrics = new HashMap<>(contributed);
        for (String name : builtInNames) {
          metrics.put(name, 0.0);
        }
        List<String> order = List.copyOf(metrics.keySet());
        this.layout = layoutIndex.computeIfAbsent(order, Builder.this::newLayout);
        this.sources = new int[order.size()];
        for (int k = 0; k < order.size(); k++) {
          sources[k] = builtInNames.indexOf(order.get(k));
        }
        this.extraNames = extra.keySet().toArray(new String[0]);
        this.builtInNames = builtInNames;
      }

      /** Whether a profile with these extra metrics, in this order, and these built-in names has this shape. */
      boolean fits(Map<String, Double> extra, List<String> builtIn) {
        if (builtIn != builtInNames || extra.size() != extraNames.length) {
          return false;
        }
        int k = 0;
        for (String name : extra.keySet()) {
          if (!name.equals(extraNames[k++])) {
            return false;
          }
        }
        return true;
      }
    }

    private int newLayout(List<String> metricNames) {
      if (layouts.size() == Byte.MAX_VALUE) {
        throw new IllegalArgumentException("profile columns keep at most 127 sets of metric names");
      }
      int[] indices = new int[metricNames.size()];
      for (int k = 0; k < indices.length; k++) {
        indices[k] = nameIndex.computeIfAbsent(metricNames.get(k), name -> {
          names.add(name);
          values.add(new ExactDoubles(ids.length));
          return names.size() - 1;
        });
      }
      layouts.add(indices);
      return layouts.size() - 1;
    }

    private void grow() {
      int capacity = ids.length + (ids.length >> 1);
      ids = Arrays.copyOf(ids, capacity);
      int[] n = nanos;
      if (n != null) {
        nanos = Arrays.copyOf(n, capacity);
      }
      layout = Arrays.copyOf(layout, capacity);
      values.forEach(column -> column.resize(capacity));
    }

    /** The columns of the profiles added; the builder is not to be used afterwards. */
    ProfileColumns build() {
      return new ProfileColumns(this);
    }
  }
}
