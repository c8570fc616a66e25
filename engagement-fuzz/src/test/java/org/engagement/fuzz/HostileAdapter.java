package org.engagement.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.concurrent.TimeoutException;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.jspecify.annotations.Nullable;

/**
 * A channel adapter that yields good records (accepted, and rejected ones if asked) and then fails in one
 * place with one kind of throwable; its reader's close can fail too. For the importer's containment tests.
 */
final class HostileAdapter implements ChannelAdapter {
  /** Where the adapter fails. */
  enum Place { NAME, OPEN, NEXT, CLOSE, NOWHERE }

  /** What it throws. */
  enum Fault {
    RUNTIME, SNEAKY_CHECKED, ASSERTION, NO_CLASS_DEF, INITIALIZER, STACK_OVERFLOW, OUT_OF_MEMORY;

    Throwable make() {
      return switch (this) {
        case RUNTIME -> new IllegalStateException("adapter bug");
        case SNEAKY_CHECKED -> new TimeoutException("checked, thrown sneakily");
        case ASSERTION -> new AssertionError("adapter assertion");
        case NO_CLASS_DEF -> new NoClassDefFoundError("com/example/Missing");
        case INITIALIZER -> new ExceptionInInitializerError(new IllegalStateException("static init"));
        case STACK_OVERFLOW -> new StackOverflowError();
        case OUT_OF_MEMORY -> new OutOfMemoryError("simulated");
      };
    }
  }

  private static final Channel CHANNEL = Channel.of("email", ChannelGroup.EMAIL);

  final Place place;
  final Throwable thrown;
  final @Nullable Throwable closeThrown;
  private final int records;
  private final boolean withRejections;
  boolean inputClosed;

  HostileAdapter(Place place, Fault fault, int records, boolean withRejections, @Nullable Fault closeFault) {
    this.place = place;
    this.thrown = fault.make();
    this.closeThrown = place == Place.CLOSE ? thrown : closeFault == null ? null : closeFault.make();
    this.records = records;
    this.withRejections = withRejections;
  }

  /**
   * Whether the importer documents {@code t} as let through rather than contained: a {@link VirtualMachineError}
   * other than {@link StackOverflowError}, or {@link ThreadDeath}.
   */
  static boolean isFatal(@Nullable Throwable t) {
    return (t instanceof VirtualMachineError && !(t instanceof StackOverflowError)) || t instanceof ThreadDeath;
  }

  /** Whether the importer reaches the reader's {@code close()}: the reader was opened. */
  boolean closes() {
    return place != Place.NAME && place != Place.OPEN;
  }

  /** The good record {@code i} (from 1): accepted, or with rejections every third one rejected. */
  boolean accepted(int i) {
    return !withRejections || i % 3 != 0;
  }

  static String sourceId(int i) {
    return "g" + i;
  }

  @Override
  public String name() {
    if (place == Place.NAME) {
      throw HostileAdapter.<RuntimeException>sneaky(thrown);
    }
    return "hostile";
  }

  @Override
  public RecordReader open(InputStream input) throws IOException {
    if (place == Place.OPEN) {
      throw HostileAdapter.<RuntimeException>sneaky(thrown);
    }
    return new RecordReader() {
      private int next = 1;

      @Override
      public @Nullable AdapterRecord next() {
        if (next <= records) {
          int i = next++;
          SourcePosition position = new SourcePosition(i, i + 1);
          if (!accepted(i)) {
            return AdapterRecord.rejected(Rejection.invalid(position, "not a record"));
          }
          return AdapterRecord.accepted(position, Interaction.builder().customerId("c" + i).channel(CHANNEL)
              .timestamp(Instant.ofEpochSecond(1_700_000_000L + i)).type(InteractionType.CLICK)
              .sourceId(sourceId(i)).build());
        }
        if (place == Place.NEXT) {
          throw HostileAdapter.<RuntimeException>sneaky(thrown);
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        inputClosed = true;
        input.close();
        if (closeThrown != null) {
          throw HostileAdapter.<RuntimeException>sneaky(closeThrown);
        }
      }
    };
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> RuntimeException sneaky(Throwable t) throws T {
    throw (T) t;
  }
}
