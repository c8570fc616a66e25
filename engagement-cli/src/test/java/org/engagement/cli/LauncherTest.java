package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.common.base.Splitter;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher {@code src/main/launcher/engagement} run by {@code sh}, beside an {@code engagement.jar} that
 * holds only a manifest pointing at the test's class path: it runs from any working directory and through a
 * link, never fails or speaks because of an archive that does not fit, and lets {@code JAVA_OPTS} override.
 */
class LauncherTest {
  private static final Path LAUNCHER = Path.of("src/main/launcher/engagement");

  @TempDir
  Path install;
  @TempDir
  Path elsewhere;

  @BeforeEach
  void install() throws IOException {
    assumeTrue(new File("/bin/sh").canExecute(), "a POSIX shell");
    Files.copy(LAUNCHER, install.resolve("engagement"), StandardCopyOption.REPLACE_EXISTING);
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    StringBuilder classPath = new StringBuilder();
    for (String entry : Splitter.on(File.pathSeparatorChar).omitEmptyStrings()
        .split(System.getProperty("java.class.path"))) {
      classPath.append(Path.of(entry).toAbsolutePath().toUri()).append(' ');
    }
    manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().trim());
    try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(install.resolve("engagement.jar")), manifest)) {
      jar.flush();
    }
  }

  @Test
  void printsTheVersionFromAnotherWorkingDirectoryAndThroughALink() throws Exception {
    Result direct = run(Map.of(), install.resolve("engagement").toString(), "--version");
    assertThat(direct.exit()).isZero();
    assertThat(direct.out()).isEqualTo(EngagementCli.VERSION + "\n");
    assertThat(direct.err()).isEmpty();
    Path link = Files.createSymbolicLink(elsewhere.resolve("engagement"), install.resolve("engagement"));
    assertThat(run(Map.of(), link.toString(), "--version").out()).isEqualTo(EngagementCli.VERSION + "\n");
  }

  @Test
  void anArchiveMadeForAnotherJarOrBrokenIsPassedOverInSilence() throws Exception {
    Files.write(install.resolve("engagement.jsa"), new byte[4096]);
    Files.writeString(install.resolve("engagement.jsa.jar"), "/moved/from/engagement.jar\n");
    Result moved = run(Map.of(), install.resolve("engagement").toString(), "--version");
    assertThat(moved.exit()).isZero();
    assertThat(moved.out()).isEqualTo(EngagementCli.VERSION + "\n");
    assertThat(moved.err()).isEmpty();
    Files.writeString(install.resolve("engagement.jsa.jar"),
        install.toRealPath().resolve("engagement.jar") + "\n");
    Result broken = run(Map.of(), install.resolve("engagement").toString(), "--version");
    assertThat(broken.exit()).isZero();
    assertThat(broken.out()).isEqualTo(EngagementCli.VERSION + "\n");
    assertThat(broken.err()).isEmpty();
  }

  @Test
  void javaOptsOverrideTheFlagsAndAnotherCollectorReplacesTheSerialOne() throws Exception {
    Result defaults = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
        install.resolve("engagement").toString(), "--version");
    assertThat(defaults.out()).contains("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-XX:PretenureSizeThreshold=262144");
    Result g1 = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:+UseG1GC",
            "ENGAGEMENT_OPTS", "-XX:TieredStopAtLevel=4"),
        install.resolve("engagement").toString(), "--version");
    assertThat(g1.exit()).isZero();
    assertThat(g1.out()).contains("-XX:+UseG1GC", "-XX:TieredStopAtLevel=4").doesNotContain("-XX:+UseSerialGC");
  }

  @Test
  void pathFileCommandsGetASmallYoungGenerationAndHugePagesWhereTheKernelOffersThem() throws Exception {
    Path thp = Path.of("/sys/kernel/mm/transparent_hugepage/enabled");
    String mode = Files.isReadable(thp) ? Files.readString(thp, StandardCharsets.UTF_8) : "";
    boolean offered = mode.contains("[always]") || mode.contains("[madvise]");
    for (String command : List.of("compare", "attribute")) {
      Result result = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
          install.resolve("engagement").toString(), "--debug", command, "--help");
      assertThat(result.exit()).isZero();
      assertThat(result.out()).contains("-XX:MaxNewSize=4194304", "-XX:MinHeapFreeRatio=20");
      if (offered) {
        assertThat(result.out()).contains("-XX:+UseTransparentHugePages");
      } else {
        assertThat(result.out()).doesNotContain("-XX:+UseTransparentHugePages");
      }
    }
    Result other = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags"),
        install.resolve("engagement").toString(), "import", "--help");
    assertThat(other.out()).doesNotContain("-XX:MaxNewSize=4194304").doesNotContain("UseTransparentHugePages")
        .doesNotContain("MinHeapFreeRatio");
    Result overridden = run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -Xmn32m"),
        install.resolve("engagement").toString(), "compare", "--help");
    assertThat(overridden.out()).contains("-XX:MaxNewSize=33554432");
  }

  @Test
  void theReportGetsABoundedYoungGenerationAndC2OnALargeWorld() throws Exception {
    Path small = Files.createDirectory(elsewhere.resolve("small world"));
    Files.writeString(small.resolve("interactions.csv"), "customer_id\n");
    Path large = Files.createDirectory(elsewhere.resolve("large world"));
    try (RandomAccessFile file = new RandomAccessFile(large.resolve("interactions.csv").toFile(), "rw")) {
      file.setLength(512L << 20); // sparse: no disk is written
    }
    Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags");
    String launcher = install.resolve("engagement").toString();
    Result sample = run(flags, launcher, "report", "--help");
    assertThat(sample.exit()).isZero();
    assertThat(sample.out()).contains("-XX:MaxNewSize=134217728", "-XX:TieredStopAtLevel=1");
    assertThat(run(flags, launcher, "report", "--input", small.toString(), "--help").out())
        .contains("-XX:TieredStopAtLevel=1");
    assertThat(run(flags, launcher, "report", "--input=" + large, "--help").out())
        .contains("-XX:MaxNewSize=134217728", "-XX:TieredStopAtLevel=4");
    assertThat(run(flags, launcher, "--debug", "report", "--input", large.toString(), "--help").out())
        .contains("-XX:TieredStopAtLevel=4");
    assertThat(run(Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:TieredStopAtLevel=1"), launcher,
        "report", "--input", large.toString(), "--help").out()).contains("-XX:TieredStopAtLevel=1");
    assertThat(run(flags, launcher, "attribute", "--input", large.toString(), "--help").out())
        .contains("-XX:TieredStopAtLevel=1").doesNotContain("-XX:MaxNewSize=134217728");
  }

  @Test
  void argumentsReachTheToolWordForWord() throws Exception {
    Result result = run(Map.of(), install.resolve("engagement").toString(), "attribute", "--model", "no such *",
        "--input", "a file.csv");
    assertThat(result.exit()).isEqualTo(Exit.USAGE);
    assertThat(result.err()).contains("no such *");
  }

  private Result run(Map<String, String> environment, String... command) throws Exception {
    List<String> line = new ArrayList<>(List.of("sh"));
    line.addAll(List.of(command));
    ProcessBuilder builder = new ProcessBuilder(line).directory(elsewhere.toFile());
    builder.environment().remove("JAVA_OPTS");
    builder.environment().remove("ENGAGEMENT_OPTS");
    builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
    builder.environment().putAll(environment);
    Path out = Files.createTempFile(elsewhere, "out", ".txt");
    Path err = Files.createTempFile(elsewhere, "err", ".txt");
    Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private record Result(int exit, String out, String err) {}
}
