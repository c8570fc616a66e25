package org.engagement.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The consumer as a user runs it: {@code java --module-path ... --module
 * org.engagement.integration/org.engagement.integration.ConsumerTour} in a process of its own, on the module
 * path Maven resolved for it (written by the dependency plugin), with nothing added by a test framework.
 * Before the SDK had module descriptors, this process failed with {@code NoClassDefFoundError:
 * org/slf4j/LoggerFactory}.
 */
class ConsumerProcessTest {
  private static final long TIMEOUT_SECONDS = 120;

  @Test
  void theConsumerRunsOnTheModulePathRequiringOnlyEngagementModules() throws Exception {
    Path classes = Path.of(property("engagement.consumer.classes"));
    String dependencies = Files.readString(Path.of(property("engagement.consumer.modulePathFile")), UTF_8).strip();
    List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", classes + File.pathSeparator + dependencies,
        "--module", "org.engagement.integration/org.engagement.integration.ConsumerTour");

    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<String> out = drain(process.getInputStream());
    CompletableFuture<String> err = drain(process.getErrorStream());
    boolean exited = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (!exited) {
      process.destroyForcibly();
    }
    String stdout = text(out);
    String stderr = text(err);

    assertThat(exited).as("exited within %s s", TIMEOUT_SECONDS).isTrue();
    assertThat(process.exitValue()).as("exit code; stderr:%n%s", stderr).isZero();
    assertThat(stderr).doesNotContain("Exception", "Error:");
    assertThat(stdout.lines()).containsExactly(
        "module: org.engagement.integration (named)",
        "slf4j resolved: true",
        "adapters: [csv, social-pipe]",
        "import: social-pipe: read 5, accepted 4, rejected 1, duplicates 0",
        "interactions: 4",
        "linear credit: linkedin=2.00, mastodon=1.00",
        "bg/nbd: P(0 purchases in 39 weeks) = 0.5738",
        "lift: +0.050, p = 0.0325");
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s, set by the Surefire configuration", name).isNotBlank();
    return value;
  }

  private static CompletableFuture<String> drain(InputStream stream) {
    return CompletableFuture.supplyAsync(() -> {
      try (InputStream in = stream) {
        return new String(in.readAllBytes(), UTF_8);
      } catch (IOException e) {
        return "(unreadable: " + e + ")";
      }
    });
  }

  private static String text(CompletableFuture<String> future)
      throws InterruptedException, ExecutionException, TimeoutException {
    return future.get(10, TimeUnit.SECONDS);
  }
}
