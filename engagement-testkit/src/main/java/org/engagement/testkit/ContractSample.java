package org.engagement.testkit;

import static java.util.Objects.requireNonNull;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.engagement.core.domain.Interaction;
import org.jspecify.annotations.Nullable;

/**
 * The sources a {@link ChannelAdapterContractTest} feeds to an adapter, and what the adapter must make
 * of them.
 *
 * <p>The valid source is the heart of the kit: besides being read as it is, it is cut off, corrupted
 * and read from two threads at once. Make it small (a few records, a few kilobytes at most) and varied:
 * use every field and feature of the format once (optional fields present and absent, quoting, escapes,
 * non-ASCII text, blank lines if the format allows them), so that the damaged copies reach every branch
 * of the parser.
 *
 * <pre>{@code
 * ContractSample.of(
 *         ContractSample.resource(getClass()::getResourceAsStream, "/adapter/mentions.jsonl"),
 *         List.of(first, second, third))
 *     .withBadRecord(ContractSample.resource(getClass()::getResourceAsStream, "/adapter/mentions-one-bad.jsonl"), 2);
 * }</pre>
 *
 * <p><b>Sample files under the module system.</b> Resources in a package of a named module are
 * encapsulated: {@link Class#getResourceAsStream(String)} finds them only for code of that module (or of a
 * module the package is open to), and it asks on behalf of its caller. Called by the kit, it would ask for
 * the kit's module and find nothing. So the test passes the lookup from its own module, as a
 * {@link ResourceOpener} such as {@code getClass()::getResourceAsStream}, which runs with the test's rights;
 * this works on the class path too. {@link #resource(Class, String)} is the class-path form.
 *
 * <p>Immutable: the byte arrays are copied in and out.
 *
 * @param source the bytes of a valid source
 * @param expected the interactions {@code source} must yield, in order; at least one, and no two with
 *     the same source id (the importer would count the second as a duplicate)
 * @param badRecord a source with exactly one bad record, or {@code null} to skip the tests that need one
 * @since 0.1.0
 */
@SuppressWarnings("ArrayRecordComponent") // copied in and out; equals, hashCode and toString read the contents
public record ContractSample(byte[] source, List<Interaction> expected, @Nullable BadRecord badRecord) {

  /**
   * Validates and copies the sample.
   *
   * @throws IllegalArgumentException if {@code expected} is empty or repeats a source id
   */
  public ContractSample {
    source = requireNonNull(source, "source").clone();
    expected = List.copyOf(expected);
    if (expected.isEmpty()) {
      throw new IllegalArgumentException("expected must hold at least one interaction: the robustness and "
          + "thread-safety tests damage and share the valid source, and learn nothing from an empty one");
    }
    Map<String, Integer> firstIndexBySourceId = new HashMap<>();
    for (int i = 0; i < expected.size(); i++) {
      String sourceId = expected.get(i).sourceId();
      Integer first = sourceId == null ? null : firstIndexBySourceId.putIfAbsent(sourceId, i);
      if (first != null) {
        throw new IllegalArgumentException("expected interactions " + (first + 1) + " and " + (i + 1)
            + " share the source id '" + sourceId + "'; the importer would count the second as a duplicate");
      }
    }
  }

  /**
   * A sample without a bad-record source.
   *
   * @throws IllegalArgumentException if {@code expected} is empty or repeats a source id
   */
  public static ContractSample of(byte[] source, List<Interaction> expected) {
    return new ContractSample(source, expected, null);
  }

  /**
   * This sample with a source that holds exactly one bad record.
   *
   * @param source the bytes of the source; every record but one must be valid
   * @param recordNumber the {@linkplain org.engagement.core.ingest.SourcePosition#record() record number}
   *     of the bad record, counting from 1
   * @throws IllegalArgumentException if {@code recordNumber} is below 1
   */
  public ContractSample withBadRecord(byte[] source, long recordNumber) {
    return new ContractSample(this.source, expected, new BadRecord(source, recordNumber));
  }

  /**
   * The bytes of a resource that {@code opener} opens, for samples kept as files beside the test: the
   * form that works on the module path as well as on the class path.
   *
   * <pre>{@code
   * byte[] valid = ContractSample.resource(getClass()::getResourceAsStream, "/acme/valid.csv");
   * }</pre>
   *
   * @param opener opens a resource from the test's own module, usually {@code getClass()::getResourceAsStream}
   * @param name the resource name, as {@code opener} understands it
   * @throws FileNotFoundException if {@code opener} finds no such resource
   * @throws IOException if opening or reading it fails
   * @since 0.1.0
   */
  public static byte[] resource(ResourceOpener opener, String name) throws IOException {
    requireNonNull(opener, "opener");
    requireNonNull(name, "name");
    try (InputStream in = opener.open(name)) {
      if (in == null) {
        throw new FileNotFoundException("no resource '" + name + "' where the opener looks");
      }
      return in.readAllBytes();
    }
  }

  /**
   * The bytes of a class-path resource, for samples kept as files beside the test.
   *
   * <p>On the module path this finds a resource in a package of {@code anchor}'s module only if the module
   * opens that package to {@code org.engagement.testkit}; use {@link #resource(ResourceOpener, String)}
   * there instead.
   *
   * @param anchor the class whose {@link Class#getResourceAsStream(String)} finds the resource; a name
   *     starting with {@code /} is absolute
   * @param name the resource name
   * @throws FileNotFoundException if there is no such resource (or, on the module path, the kit may not
   *     read it)
   * @throws IOException if reading it fails
   */
  public static byte[] resource(Class<?> anchor, String name) throws IOException {
    requireNonNull(anchor, "anchor");
    requireNonNull(name, "name");
    try (InputStream in = anchor.getResourceAsStream(name)) {
      if (in == null) {
        throw new FileNotFoundException(missing(anchor, name));
      }
      return in.readAllBytes();
    }
  }

  private static String missing(Class<?> anchor, String name) {
    String message = "no class-path resource '" + name + "' relative to " + anchor.getName();
    Module module = anchor.getModule();
    if (!module.isNamed() || module.equals(ContractSample.class.getModule())) {
      return message;
    }
    return message + "; " + anchor.getName() + " is in module " + module.getName() + ", whose resources in a "
        + "package are hidden from the testkit unless the package is opened to it: read them with "
        + "ContractSample.resource(getClass()::getResourceAsStream, \"" + name + "\") instead";
  }

  /** A copy of the valid source's bytes. */
  @Override
  public byte[] source() {
    return source.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof ContractSample other
        && Arrays.equals(source, other.source)
        && expected.equals(other.expected)
        && Objects.equals(badRecord, other.badRecord);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(source) + expected.hashCode()) + Objects.hashCode(badRecord);
  }

  /** The sizes, not the contents, which may be long. */
  @Override
  public String toString() {
    return "ContractSample[" + source.length + " bytes, " + expected.size() + " interactions, "
        + (badRecord == null ? "no bad-record source" : badRecord) + "]";
  }

  /**
   * Opens a named resource on behalf of the test that supplies it. A method reference such as
   * {@code getClass()::getResourceAsStream} or {@code getClass().getModule()::getResourceAsStream} is made in
   * the test's module and so reads that module's resources, which the kit itself may not.
   *
   * <p>Implementations are called on the test's thread only.
   *
   * @since 0.1.0
   */
  @FunctionalInterface
  public interface ResourceOpener {
    /**
     * Opens the resource.
     *
     * @param name the resource name
     * @return the resource's bytes, or {@code null} if there is no such resource
     * @throws IOException if the resource exists but cannot be opened
     */
    @Nullable InputStream open(String name) throws IOException;
  }

  /**
   * A source with exactly one bad record: the adapter must reject that record, with a reason, and
   * accept all the others.
   *
   * @param source the bytes of the source
   * @param recordNumber the record number of the bad record, counting from 1
   * @since 0.1.0
   */
  @SuppressWarnings("ArrayRecordComponent") // copied in and out; equals, hashCode and toString read the contents
  public record BadRecord(byte[] source, long recordNumber) {

    /**
     * Validates and copies.
     *
     * @throws IllegalArgumentException if {@code recordNumber} is below 1
     */
    public BadRecord {
      source = requireNonNull(source, "source").clone();
      if (recordNumber < 1) {
        throw new IllegalArgumentException("recordNumber counts from 1, was " + recordNumber);
      }
    }

    /** A copy of the source's bytes. */
    @Override
    public byte[] source() {
      return source.clone();
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof BadRecord other && recordNumber == other.recordNumber && Arrays.equals(source, other.source);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(source) + Long.hashCode(recordNumber);
    }

    /** The size and the bad record's number. */
    @Override
    public String toString() {
      return "BadRecord[" + source.length + " bytes, bad record " + recordNumber + "]";
    }
  }
}
