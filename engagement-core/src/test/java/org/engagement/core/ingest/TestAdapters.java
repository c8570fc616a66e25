package org.engagement.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.jspecify.annotations.Nullable;

/** Scripted adapters for importer tests: each line of the input is a script token. */
final class TestAdapters {
  static final Channel WEB = Channel.of("web", ChannelGroup.DIRECT);

  private TestAdapters() {}

  static Interaction interaction(String customer, @Nullable String sourceId) {
    return Interaction.builder().customerId(customer).channel(WEB).timestamp(Instant.EPOCH)
        .type(InteractionType.VISIT).sourceId(sourceId).build();
  }

  /** An adapter that yields the given outcomes, one per record, numbered from 1. */
  static ChannelAdapter scripted(String name, List<Function<SourcePosition, AdapterRecord>> outcomes) {
    return new ChannelAdapter() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RecordReader open(InputStream input) {
        Iterator<Function<SourcePosition, AdapterRecord>> it = outcomes.iterator();
        return new RecordReader() {
          private long record;

          @Override
          public @Nullable AdapterRecord next() {
            return it.hasNext() ? it.next().apply(SourcePosition.ofRecord(++record)) : null;
          }

          @Override
          public void close() throws IOException {
            input.close();
          }
        };
      }
    };
  }

  /** An adapter whose {@code open} throws {@code failure} (an unchecked or an I/O exception). */
  static ChannelAdapter failingToOpen(String name, Exception failure) {
    return new ChannelAdapter() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public RecordReader open(InputStream input) throws IOException {
        if (failure instanceof IOException io) {
          throw io;
        }
        throw (RuntimeException) failure;
      }
    };
  }

  static Function<SourcePosition, AdapterRecord> ok(String customer, @Nullable String sourceId) {
    return p -> AdapterRecord.accepted(p, interaction(customer, sourceId));
  }

  static Function<SourcePosition, AdapterRecord> bad(String reason) {
    return p -> AdapterRecord.rejected(Rejection.invalid(p, reason));
  }

  static Function<SourcePosition, AdapterRecord> crash() {
    return p -> {
      throw new IllegalStateException("secret customer data must not be logged");
    };
  }
}
