package org.engagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.RecordReader;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * The kit is only worth something if it fails bad adapters. Each nested class runs the kit against
 * the CSV adapter with one deliberate defect; the engine test kit runs it and the named contract
 * test must fail. (Surefire never runs the nested classes on their own: their names contain '$'.)
 */
class ContractKitCatchesBrokenAdaptersTest {

  private static Events failures(Class<?> kitSubclass) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(kitSubclass)).execute()
        .testEvents().failed();
  }

  @Test
  void theIntactCsvAdapterPassesEveryContractTest() {
    assertThat(failures(CsvInteractionAdapterContractTest.class).count()).isZero();
  }

  @ParameterizedTest
  @ValueSource(classes = {ThrowsOnRejection.class, LeavesInputOpen.class, SharesStateBetweenReaders.class,
      BadNameAndThrowsAfterEnd.class, AssumesOneReadFillsTheBuffer.class, LeavesInputOpenAfterAFailure.class})
  void everyDeliberateDefectFailsTheKit(Class<?> broken) throws ReflectiveOperationException {
    String expected = ((Broken) broken.getDeclaredConstructor().newInstance()).expectedFailure();
    List<String> failed = failures(broken).stream()
        .map(event -> event.getTestDescriptor().getDisplayName()).toList();
    assertThat(failed).as(broken.getSimpleName()).anySatisfy(name -> assertThat(name).contains(expected));
  }

  /** The CSV adapter's sample, with the adapter wrapped by a defect. */
  abstract static class Broken extends CsvInteractionAdapterContractTest {
    abstract String expectedFailure();

    abstract ChannelAdapter wrap(ChannelAdapter csv);

    @Override
    protected ChannelAdapter adapter() {
      return wrap(new CsvInteractionAdapter());
    }

    @Override
    protected boolean discoverable() {
      return false;
    }

    static ChannelAdapter named(String name, ChannelAdapter inner, UnaryOperator<RecordReader> readers) {
      return new ChannelAdapter() {
        @Override
        public String name() {
          return name;
        }

        @Override
        public RecordReader open(InputStream input) throws IOException {
          return readers.apply(inner.open(input));
        }
      };
    }

    static RecordReader mapping(RecordReader reader, UnaryOperator<@Nullable AdapterRecord> change) {
      return new RecordReader() {
        @Override
        public @Nullable AdapterRecord next() throws IOException {
          return change.apply(reader.next());
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      };
    }
  }

  static final class ThrowsOnRejection extends Broken {
    @Override
    String expectedFailure() {
      return "rejects exactly the bad record";
    }

    @Override
    ChannelAdapter wrap(ChannelAdapter csv) {
      return named("throws-on-rejection", csv, reader -> mapping(reader, record -> {
        if (record instanceof AdapterRecord.Rejected) {
          throw new IllegalStateException("a rejection escaped as an exception");
        }
        return record;
      }));
    }
  }

  static final class LeavesInputOpen extends Broken {
    @Override
    String expectedFailure() {
      return "closes the input";
    }

    @Override
    ChannelAdapter wrap(ChannelAdapter csv) {
      return new ChannelAdapter() {
        @Override
        public String name() {
          return "leaves-input-open";
        }

        @Override
        public RecordReader open(InputStream input) throws IOException {
          return csv.open(new FilterInputStream(input) {
            @Override
            public void close() {
              // the defect: the input is never closed
            }
          });
        }
      };
    }
  }

  static final class SharesStateBetweenReaders extends Broken {
    @Override
    String expectedFailure() {
      return "readers";
    }

    @Override
    ChannelAdapter wrap(ChannelAdapter csv) {
      AtomicLong sharedCounter = new AtomicLong();
      return named("shared-counter", csv, reader -> mapping(reader, record -> {
        if (record instanceof AdapterRecord.Accepted accepted) {
          SourcePosition position = new SourcePosition(sharedCounter.incrementAndGet(), record.position().line());
          return AdapterRecord.accepted(position, accepted.interaction());
        }
        return record;
      }));
    }
  }

  static final class BadNameAndThrowsAfterEnd extends Broken {
    @Override
    String expectedFailure() {
      return "has 1 to 64 characters";
    }

    @Override
    ChannelAdapter wrap(ChannelAdapter csv) {
      return named("Bad_Name", csv, reader -> new RecordReader() {
        private boolean ended;

        @Override
        public @Nullable AdapterRecord next() throws IOException {
          if (ended) {
            throw new java.util.NoSuchElementException("read past the end");
          }
          AdapterRecord record = reader.next();
          ended = record == null;
          return record;
        }

        @Override
        public void close() throws IOException {
          reader.close();
        }
      });
    }
  }

  static final class LeavesInputOpenAfterAFailure extends Broken {
    @Override
    String expectedFailure() {
      return "even after the reader failed";
    }

    @Override
    ChannelAdapter wrap(ChannelAdapter csv) {
      return named("open-after-failure", csv, reader -> new RecordReader() {
        private int calls;
        private boolean failed;

        @Override
        public @Nullable AdapterRecord next() throws IOException {
          if (++calls == 2) {
            failed = true;
            throw new IOException("the source went away after one record");
          }
          return reader.next();
        }

        @Override
        public void close() throws IOException {
          if (!failed) {
            reader.close(); // the defect: a reader that failed is never closed
          }
        }
      });
    }
  }

  static final class AssumesOneReadFillsTheBuffer extends Broken {
    @Override
    String expectedFailure() {
      return "one byte per read";
    }

    @Override
    ChannelAdapter wrap(ChannelAdapter csv) {
      return new ChannelAdapter() {
        @Override
        public String name() {
          return "one-read";
        }

        @Override
        public RecordReader open(InputStream input) throws IOException {
          byte[] buffer = new byte[1 << 16];
          int n = Math.max(input.read(buffer), 0);
          return csv.open(new ByteArrayInputStream(buffer, 0, n) {
            @Override
            public void close() throws IOException {
              input.close();
            }
          });
        }
      };
    }
  }
}
