package org.engagement.attribution.journey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Test data: rows of the path format (path, conversions, value, nulls) and arbitraries that generate them.
 *
 * @param rows the rows, in order
 */
public record Rows(List<Row> rows) {

  /**
   * One row.
   *
   * @param path channel names
   * @param conversions converting journeys
   * @param value their value
   * @param nulls non-converting journeys
   */
  public record Row(List<String> path, double conversions, double value, double nulls) {}

  /** Rows over channels {@code ch0 .. ch(channels-1)}, counts small integers or quarters. */
  public static Arbitrary<Rows> arbitrary(int channels) {
    Arbitrary<List<String>> path = Arbitraries.integers().between(0, channels - 1).map(i -> "ch" + i)
        .list().ofMinSize(1).ofMaxSize(6);
    Arbitrary<Double> count = Arbitraries.integers().between(0, 20).map(i -> i / 4.0);
    Arbitrary<Double> value = Arbitraries.integers().between(0, 4_000).map(i -> i / 4.0);
    Arbitrary<Row> row = Combinators.combine(path, count, value, count).as(Row::new);
    return row.list().ofMinSize(1).ofMaxSize(25).map(Rows::new);
  }

  /** The journey set of these rows. */
  public JourneySet toSet() {
    JourneySet.Builder builder = JourneySet.builder();
    for (Row row : rows) {
      builder.add(row.path(), row.conversions(), row.value(), row.nulls());
    }
    return builder.build();
  }

  /** These rows plus their mirror image with channels {@code a} and {@code b} swapped: a and b are interchangeable. */
  public Rows mirrored(String a, String b) {
    return plus(renamed(name -> name.equals(a) ? b : name.equals(b) ? a : name).rows());
  }

  /** {@code chK} renamed to a name that sorts and hashes differently (and has a Turkish dotted İ). */
  public static String farName(String name) {
    return "İz-" + (100 - Integer.parseInt(name.substring(2)));
  }

  /** The rows in an order shuffled by {@code seed}. */
  public Rows shuffled(long seed) {
    List<Row> copy = new ArrayList<>(rows);
    Collections.shuffle(copy, new Random(seed));
    return new Rows(copy);
  }

  /** The rows with every channel renamed by {@code rename}. */
  public Rows renamed(UnaryOperator<String> rename) {
    List<Row> copy = new ArrayList<>();
    for (Row row : rows) {
      List<String> path = new ArrayList<>();
      row.path().forEach(name -> path.add(rename.apply(name)));
      copy.add(new Row(path, row.conversions(), row.value(), row.nulls()));
    }
    return new Rows(copy);
  }

  /** These rows plus {@code extra}. */
  public Rows plus(List<Row> extra) {
    List<Row> copy = new ArrayList<>(rows);
    copy.addAll(extra);
    return new Rows(copy);
  }
}
