package org.engagement.core.ingest;

import static java.util.Objects.requireNonNull;

import java.io.IOError;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.jspecify.annotations.Nullable;

/**
 * A channel adapter that misbehaves in chosen ways, for tests of containment: the importer's table of
 * hostile adapters, and fuzz suites that mix hostile adapters with good data. Part of core's test jar.
 *
 * <p>Until its fault, the adapter behaves: its reader yields {@link #records()} records, numbered from 1,
 * in a fixed pattern that exercises the accounting (record {@code i} is rejected as invalid when
 * {@code i % 4 == 2}, repeats the source id of record {@code i - 1} when {@code i % 4 == 0}, and is a good
 * interaction otherwise), then faults in {@code next()} or ends. {@link #interactions()} and the other
 * {@code expected...} methods say what a correct importer makes of those records. A fault in
 * {@code close()} leaves the input open, the worst a reader can do. Every exception it throws carries
 * {@link #SECRET} as its message, and every customer id starts with {@link #CUSTOMER_PREFIX}, so a test
 * can check that neither reaches a log or a failure description.
 *
 * <p>{@link #expected(ImportMode)} is the importer's documented rule, applied to this adapter: what the host
 * sees. Thread-safe, as an adapter must be; its readers are not.
 */
public final class HostileAdapter implements ChannelAdapter {
  /** The name of a hostile adapter whose {@code name()} is not at fault. */
  public static final String NAME = "hostile";
  /** The message of everything a hostile adapter throws: stands for customer data. */
  public static final String SECRET = "secret: alice@example.com paid 1234";
  /** The start of every customer id in a hostile adapter's records. */
  public static final String CUSTOMER_PREFIX = "secret-customer-";

  private static final Channel WEB = Channel.of("web", ChannelGroup.DIRECT);

  /** The four methods of the SPI an adapter can fail in. */
  public enum Method {
    /** {@link ChannelAdapter#name()}. */
    NAME,
    /** {@link ChannelAdapter#open(InputStream)}. */
    OPEN,
    /** {@link RecordReader#next()}. */
    NEXT,
    /** {@link RecordReader#close()}. */
    CLOSE
  }

  /** One way of misbehaving: throwing one kind of throwable, or returning what the contract forbids. */
  public enum Fault {
    /** An unchecked exception. */
    RUNTIME_EXCEPTION,
    /** A failed assertion in adapter code. */
    ASSERTION_ERROR,
    /** A class missing from the adapter's jar. */
    NO_CLASS_DEF_FOUND_ERROR,
    /** A static initializer of the adapter that failed. */
    EXCEPTION_IN_INITIALIZER_ERROR,
    /** A recursion too deep for its input. */
    STACK_OVERFLOW_ERROR,
    /** An error of no particular kind, as libraries throw ({@link IOError} here). */
    OTHER_ERROR,
    /** A checked exception the method does not declare, thrown sneakily. */
    CHECKED_EXCEPTION,
    /** An interruption, as a blocking call inside the adapter throws it (with the flag cleared). */
    INTERRUPTED_EXCEPTION,
    /** An I/O failure (thrown sneakily from {@code name()}). */
    IO_EXCEPTION,
    /** A source that cannot be read at all. */
    INVALID_SOURCE_EXCEPTION,
    /** The heap is exhausted. */
    OUT_OF_MEMORY_ERROR,
    /** The JVM is broken. */
    INTERNAL_ERROR,
    /** The thread is being stopped. */
    THREAD_DEATH,
    /** {@code name()} or {@code open()} returns {@code null}. */
    RETURNS_NULL,
    /**
     * {@code name()} returns a name that breaks the naming rule; {@code next()} returns a rejection of kind
     * {@link Rejection.Kind#DUPLICATE}, which only the importer may report, and then goes on.
     */
    RETURNS_WRONG_VALUE;

    /** Whether this fault is a throwable, as opposed to a value the contract forbids. */
    public boolean throwsSomething() {
      return this != RETURNS_NULL && this != RETURNS_WRONG_VALUE;
    }

    /** Whether a hostile adapter can show this fault in {@code method}. */
    public boolean appliesTo(Method method) {
      return switch (this) {
        case RETURNS_NULL -> method == Method.NAME || method == Method.OPEN;
        case RETURNS_WRONG_VALUE -> method == Method.NAME || method == Method.NEXT;
        default -> true;
      };
    }

    /** Whether the importer must let this fault through to the host, in any method. */
    public boolean isFatal() {
      return this == OUT_OF_MEMORY_ERROR || this == INTERNAL_ERROR || this == THREAD_DEATH;
    }

    /** A new throwable of this fault, with {@link #SECRET} as its message where it takes one. */
    public Throwable newThrowable() {
      return switch (this) {
        case RUNTIME_EXCEPTION -> new IllegalStateException(SECRET);
        case ASSERTION_ERROR -> new AssertionError(SECRET);
        case NO_CLASS_DEF_FOUND_ERROR -> new NoClassDefFoundError(SECRET);
        case EXCEPTION_IN_INITIALIZER_ERROR -> new ExceptionInInitializerError(SECRET);
        case STACK_OVERFLOW_ERROR -> new StackOverflowError(SECRET);
        case OTHER_ERROR -> new IOError(new IOException(SECRET));
        case CHECKED_EXCEPTION -> new TimeoutException(SECRET);
        case INTERRUPTED_EXCEPTION -> new InterruptedException(SECRET);
        case IO_EXCEPTION -> new IOException(SECRET);
        case INVALID_SOURCE_EXCEPTION -> new InvalidSourceException(SECRET);
        case OUT_OF_MEMORY_ERROR -> new OutOfMemoryError(SECRET);
        case INTERNAL_ERROR -> new InternalError(SECRET);
        case THREAD_DEATH -> new ThreadDeath();
        case RETURNS_NULL, RETURNS_WRONG_VALUE -> throw new IllegalStateException(this + " throws nothing");
      };
    }
  }

  /** What the host sees when it imports from a hostile adapter, by the importer's documented rule. */
  public enum Outcome {
    /** A report, complete and without a failure (a misfiled rejection is counted as an adapter failure). */
    REPORT,
    /** A report whose failure describes the adapter's failure (lenient mode). */
    CONTAINED,
    /** An {@link ImportException} whose cause is the adapter's exception (strict mode, or a bad source). */
    IMPORT_EXCEPTION,
    /** An {@link ImportException} caused by an interruption, with the thread's interrupt flag set. */
    INTERRUPTED,
    /** The adapter's own throwable, unchanged. */
    PROPAGATES
  }

  private final Map<Method, Fault> faults;
  private final int records;
  private final AtomicInteger closes = new AtomicInteger();
  private final List<Throwable> thrown = new CopyOnWriteArrayList<>();

  private HostileAdapter(Map<Method, Fault> faults, int records) {
    this.faults = faults;
    this.records = records;
  }

  /**
   * An adapter with {@code fault} in {@code method} whose reader yields 5 records first (record 5 is the
   * first after a duplicate, so every kind of outcome precedes the fault).
   *
   * @throws IllegalArgumentException if the fault does not apply to the method
   */
  public static HostileAdapter failing(Method method, Fault fault) {
    return new HostileAdapter(Map.of(), 5).and(method, fault);
  }

  /** An adapter that behaves, with {@code records} records. */
  public static HostileAdapter behaving(int records) {
    return new HostileAdapter(Map.of(), 0).withRecords(records);
  }

  /**
   * This adapter with a further fault in another method, for example a reader that fails in {@code next()}
   * and then in {@code close()}.
   *
   * @throws IllegalArgumentException if the fault does not apply to the method, or the method has a fault
   */
  public HostileAdapter and(Method method, Fault fault) {
    if (!fault.appliesTo(method) || faults.containsKey(method)) {
      throw new IllegalArgumentException(fault + " in " + method + " is not possible here");
    }
    Map<Method, Fault> more = new EnumMap<>(Method.class);
    more.putAll(faults);
    more.put(method, fault);
    return new HostileAdapter(more, records);
  }

  /** This adapter with {@code count} records before the fault in {@code next()} or the end. */
  public HostileAdapter withRecords(int count) {
    if (count < 0) {
      throw new IllegalArgumentException("records must not be negative: " + count);
    }
    return new HostileAdapter(faults, count);
  }

  /** The faults, by method. */
  public Map<Method, Fault> faults() {
    return Map.copyOf(faults);
  }

  /** How many records the reader yields before its fault in {@code next()}, or before the end. */
  public int records() {
    return records;
  }

  /** The interactions of those records that a correct importer hands to the sink, in order. */
  public List<Interaction> interactions() {
    List<Interaction> good = new ArrayList<>();
    for (int i = 1; i <= records; i++) {
      if (i % 2 == 1) {
        good.add(interaction(i, i));
      }
    }
    return good;
  }

  /** How many of those records are rejected as invalid. */
  public long expectedInvalid() {
    return (records + 2L) / 4;
  }

  /** How many of those records repeat an earlier source id. */
  public long expectedDuplicates() {
    return records / 4;
  }

  /**
   * What the host sees when it imports from this adapter in {@code mode}, by the importer's rule: the faults
   * in the order the importer meets them, the first that ends the import deciding (in strict mode the
   * invalid record 2 ends it, if the reader gets that far).
   */
  public Outcome expected(ImportMode mode) {
    boolean failed = false;
    for (Method method : Method.values()) {
      if (method == Method.NEXT && mode == ImportMode.STRICT && records >= 2) {
        return Outcome.IMPORT_EXCEPTION;
      }
      Fault fault = faults.get(method);
      if (fault == null) {
        continue;
      }
      Outcome own = outcome(method, fault, mode, failed);
      boolean endsBeforeReading = method == Method.NAME || method == Method.OPEN;
      if (own != Outcome.REPORT && (own != Outcome.CONTAINED || endsBeforeReading)) {
        return own;
      }
      failed |= own == Outcome.CONTAINED;
    }
    return failed ? Outcome.CONTAINED : Outcome.REPORT;
  }

  private static Outcome outcome(Method method, Fault fault, ImportMode mode, boolean failedBefore) {
    if (fault.isFatal()) {
      return Outcome.PROPAGATES;
    }
    if (fault == Fault.INTERRUPTED_EXCEPTION) {
      return Outcome.INTERRUPTED;
    }
    if (fault == Fault.INVALID_SOURCE_EXCEPTION && (method == Method.OPEN || method == Method.NEXT)) {
      return Outcome.IMPORT_EXCEPTION;
    }
    boolean ioPropagates = method == Method.OPEN || method == Method.NEXT || (method == Method.CLOSE && !failedBefore);
    if (fault == Fault.IO_EXCEPTION && ioPropagates) {
      return Outcome.PROPAGATES;
    }
    if (mode == ImportMode.STRICT) {
      return Outcome.IMPORT_EXCEPTION;
    }
    return fault == Fault.RETURNS_WRONG_VALUE && method == Method.NEXT ? Outcome.REPORT : Outcome.CONTAINED;
  }

  /** Everything this adapter threw, in order. */
  public List<Throwable> thrown() {
    return List.copyOf(thrown);
  }

  /** The first throwable this adapter threw. */
  public Throwable firstThrown() {
    if (thrown.isEmpty()) {
      throw new IllegalStateException("the adapter has thrown nothing");
    }
    return thrown.get(0);
  }

  /** How many times a reader of this adapter was closed. */
  public int closes() {
    return closes.get();
  }

  @Override
  public String name() {
    Fault fault = faults.get(Method.NAME);
    if (fault == null) {
      return NAME;
    }
    return switch (fault) {
      case RETURNS_NULL -> null;
      case RETURNS_WRONG_VALUE -> "Hostile Adapter\u001b[2J";
      default -> throw fail(fault);
    };
  }

  @Override
  public RecordReader open(InputStream input) {
    Fault fault = faults.get(Method.OPEN);
    if (fault == Fault.RETURNS_NULL) {
      return null;
    }
    if (fault != null) {
      throw fail(fault);
    }
    return new Reader(input);
  }

  /** The interaction of record {@code i}, with the source id of record {@code sourceRecord}. */
  private static Interaction interaction(int i, int sourceRecord) {
    return Interaction.builder().customerId(CUSTOMER_PREFIX + i).channel(WEB).timestamp(Instant.EPOCH.plusSeconds(i))
        .type(InteractionType.VISIT).sourceId("s" + sourceRecord).build();
  }

  /** Throws the fault's throwable, checked or not, without declaring it; "returns" for {@code throw fail(...)}. */
  private RuntimeException fail(Fault fault) {
    Throwable t = fault.newThrowable();
    thrown.add(t);
    HostileAdapter.<RuntimeException>sneakyThrow(t);
    throw new AssertionError("unreachable");
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> void sneakyThrow(Throwable t) throws T {
    throw (T) t;
  }

  /** The faults, for test names. */
  @Override
  public String toString() {
    return faults.isEmpty() ? "behaving adapter" : "hostile adapter " + faults;
  }

  /** Yields the pattern of records, then faults or ends. Leaves the input open if its close faults. */
  private final class Reader implements RecordReader {
    private final InputStream input;
    private int record;
    private boolean misfiled;

    Reader(InputStream input) {
      this.input = input;
    }

    @Override
    public @Nullable AdapterRecord next() {
      if (record < records) {
        record++;
        SourcePosition position = SourcePosition.ofRecord(record);
        return switch (record % 4) {
          case 2 -> AdapterRecord.rejected(Rejection.invalid(position, "record " + record + " is bad on purpose"));
          case 0 -> AdapterRecord.accepted(position, interaction(record, record - 1));
          default -> AdapterRecord.accepted(position, interaction(record, record));
        };
      }
      Fault fault = faults.get(Method.NEXT);
      if (fault == null) {
        return null;
      }
      if (fault == Fault.RETURNS_WRONG_VALUE) {
        if (misfiled) {
          return null;
        }
        misfiled = true;
        return AdapterRecord.rejected(new Rejection(SourcePosition.ofRecord(record + 1), Rejection.Kind.DUPLICATE,
            "source_id", "s1", "claims to be a duplicate"));
      }
      throw fail(fault);
    }

    @Override
    public void close() throws IOException {
      closes.incrementAndGet();
      Fault fault = faults.get(Method.CLOSE);
      if (fault != null) {
        throw fail(fault);
      }
      input.close();
    }
  }
}
