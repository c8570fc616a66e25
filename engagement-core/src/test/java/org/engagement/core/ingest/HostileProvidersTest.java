package org.engagement.core.ingest;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Service providers that fail in every way discovery can meet: the registry skips and counts them, finds the
 * good ones, lets only the fatal errors through, and cannot be made to loop.
 */
class HostileProvidersTest {
  private static final String SERVICE_FILE = "META-INF/services/" + ChannelAdapter.class.getName();

  @TempDir
  Path dir;

  @Test
  void providersThatFailInAnyContainedWayAreSkippedAndTheGoodOnesFound() throws IOException {
    ClassLoader loader = loaderListing(
        NameThrowsAssertionError.class.getName(),
        "missing.BrokenJarAdapter",
        NameThrowsNoClassDefFoundError.class.getName(),
        NameReturnsNull.class.getName(),
        ConstructorThrows.class.getName(),
        InitializerThrows.class.getName(),
        CsvInteractionAdapter.class.getName());

    ChannelAdapters adapters = ChannelAdapters.builder().discover(loader).build();

    assertThat(adapters.names()).containsExactly("csv");
    assertThat(adapters.discoveryFailures()).isEqualTo(6);
  }

  @Test
  void anOutOfMemoryErrorFromAProviderIsNotContained() throws IOException {
    ClassLoader loader = loaderListing(NameThrowsOutOfMemoryError.class.getName(), CsvInteractionAdapter.class.getName());
    assertThatThrownBy(() -> ChannelAdapters.builder().discover(loader)).isInstanceOf(OutOfMemoryError.class);
  }

  @Test
  @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void aClassLoaderThatFailsTheSameWayForeverCannotHangDiscovery() {
    ClassLoader broken = new ClassLoader(getClass().getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        throw new IOException("the class path is unreadable");
      }
    };
    ChannelAdapters adapters = ChannelAdapters.builder().discover(broken).build();
    assertThat(adapters.names()).isEmpty();
    assertThat(adapters.discoveryFailures()).isEqualTo(ChannelAdapters.MAX_CONSECUTIVE_DISCOVERY_FAILURES);
  }

  @Test
  void registeringAnAdapterWhoseNameThrowsFailsWithTheDocumentedException() {
    assertThatThrownBy(() -> ChannelAdapters.builder().register(new NameThrowsAssertionError()))
        .isInstanceOf(InvalidFieldException.class)
        .hasMessageStartingWith("adapter name is missing: name() of " + NameThrowsAssertionError.class.getName()
            + " failed with java.lang.AssertionError")
        .hasCauseInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> ChannelAdapters.builder().register(new NameReturnsNull()))
        .isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ChannelAdapters.builder().register(new NameThrowsOutOfMemoryError()))
        .isInstanceOf(OutOfMemoryError.class);
  }

  /** A class loader that lists {@code providers} as the adapter services and cannot load {@code missing.*}. */
  private ClassLoader loaderListing(String... providers) throws IOException {
    Path file = Files.writeString(dir.resolve("services"), String.join("\n", providers) + "\n", UTF_8);
    URL url = file.toUri().toURL();
    return new ClassLoader(getClass().getClassLoader()) {
      @Override
      public Enumeration<URL> getResources(String name) throws IOException {
        return name.equals(SERVICE_FILE) ? Collections.enumeration(List.of(url)) : super.getResources(name);
      }

      @Override
      protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (name.startsWith("missing.")) {
          throw new NoClassDefFoundError(name.replace('.', '/') + " (its superclass is not on the class path)");
        }
        return super.loadClass(name, resolve);
      }
    };
  }

  /** An adapter that is never opened by these tests. */
  abstract static class NeverOpened implements ChannelAdapter {
    @Override
    public RecordReader open(InputStream input) {
      throw new UnsupportedOperationException("never opened");
    }
  }

  /** A provider whose name() fails an assertion. */
  public static final class NameThrowsAssertionError extends NeverOpened {
    @Override
    public String name() {
      throw new AssertionError(HostileAdapter.SECRET);
    }
  }

  /** A provider whose name() needs a class its jar lacks. */
  public static final class NameThrowsNoClassDefFoundError extends NeverOpened {
    @Override
    public String name() {
      throw new NoClassDefFoundError("com/acme/Missing");
    }
  }

  /** A provider without a name. */
  public static final class NameReturnsNull extends NeverOpened {
    @Override
    public String name() {
      return null;
    }
  }

  /** A provider whose name() runs out of memory. */
  public static final class NameThrowsOutOfMemoryError extends NeverOpened {
    @Override
    public String name() {
      throw new OutOfMemoryError(HostileAdapter.SECRET);
    }
  }

  /** A provider that cannot be constructed. */
  public static final class ConstructorThrows extends NeverOpened {
    /** Fails. */
    public ConstructorThrows() {
      throw new IllegalStateException(HostileAdapter.SECRET);
    }

    @Override
    public String name() {
      return "constructor-throws";
    }
  }

  /** A provider whose class cannot be initialised. */
  public static final class InitializerThrows extends NeverOpened {
    private static final String NAME = initialName();

    @Override
    public String name() {
      return NAME;
    }

    private static String initialName() {
      if (HostileAdapter.SECRET.startsWith("secret")) {
        throw new IllegalStateException(HostileAdapter.SECRET);
      }
      return "initializer-throws";
    }
  }
}
