package org.engagement.core.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;

/**
 * Checks the laws of {@link Mergeable} on given aggregates: identity, associativity, commutativity, purity
 * and a serialisation round trip. Property tests generate inputs, build aggregates per partition and call
 * {@link #check}; shared with other modules' tests through the core test jar.
 */
public final class MergeableLaws {
  private MergeableLaws() {}

  /**
   * Checks every law on three aggregates built with equal settings and the empty one.
   *
   * @param empty the aggregate of no input
   */
  public static <T extends Mergeable<T>> void check(T empty, T a, T b, T c) {
    byte[] aBefore = serialize(a);
    byte[] bBefore = serialize(b);
    assertThat(a.merge(empty)).as("a + empty = a").isEqualTo(a);
    assertThat(empty.merge(a)).as("empty + a = a").isEqualTo(a);
    T ab = a.merge(b);
    assertThat(ab).as("a + b = b + a").isEqualTo(b.merge(a));
    assertThat(ab.hashCode()).as("equal aggregates have equal hash codes").isEqualTo(b.merge(a).hashCode());
    assertThat(ab.merge(c)).as("(a + b) + c = a + (b + c)").isEqualTo(a.merge(b.merge(c)));
    assertThat(serialize(a)).as("merge leaves its receiver unchanged").isEqualTo(aBefore);
    assertThat(serialize(b)).as("merge leaves its argument unchanged").isEqualTo(bBefore);
    for (T aggregate : java.util.List.of(empty, a, ab)) {
      assertThat(roundTrip(aggregate)).as("serialisation round trip").isEqualTo(aggregate);
    }
  }

  /** The aggregate serialised with Java serialisation and read back. */
  @SuppressWarnings("unchecked")
  public static <T> T roundTrip(T aggregate) {
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(serialize(aggregate)))) {
      return (T) in.readObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ClassNotFoundException e) {
      throw new AssertionError(e);
    }
  }

  /** The bytes of {@code aggregate}'s Java serialisation. */
  public static byte[] serialize(Object aggregate) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(aggregate);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
