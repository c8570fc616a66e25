package org.engagement.integration;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The published modules of the SDK, by artifact and module name, and where this build put them.
 *
 * @param artifactId the Maven artifact
 * @param moduleName the module's name in its {@code module-info}
 */
record PublishedModule(String artifactId, String moduleName) {
  /** Every published module: the modules the BOM must list and the architecture rules must cover. */
  static final List<PublishedModule> ALL = List.of(
      new PublishedModule("engagement-core", "org.engagement.core"),
      new PublishedModule("engagement-attribution", "org.engagement.attribution"),
      new PublishedModule("engagement-clv", "org.engagement.clv"),
      new PublishedModule("engagement-roi", "org.engagement.roi"),
      new PublishedModule("engagement-json", "org.engagement.json"),
      new PublishedModule("engagement-jdbc", "org.engagement.jdbc"),
      new PublishedModule("engagement-testkit", "org.engagement.testkit"),
      new PublishedModule("engagement-simulator", "org.engagement.simulator"),
      new PublishedModule("engagement-report", "org.engagement.report"));

  /** Reactor modules that are built but not published, each for a stated reason. */
  static final List<String> UNPUBLISHED = List.of(
      "engagement-bom", // published, but as the bill of materials itself, not as a module it lists
      "engagement-cli", // an application: the shaded engagement.jar
      "engagement-examples", // programs to copy from
      "engagement-benchmarks", // JMH
      "engagement-fuzz", // tests only: the fuzz suite over the readers and the importer
      "engagement-spark", // Spark jobs run on the class path (Spark is not modular); published once its API settles
      "engagement-integration-tests"); // this module

  /**
   * The module as its jar (or classes directory) declares it, found among the tests' dependencies as Maven
   * resolved them (written by the dependency plugin), whether the tests run it from the module path or not.
   */
  ModuleReference reference() {
    for (Path entry : testPath()) {
      Optional<ModuleReference> found = find(entry);
      if (found.isPresent()) {
        return found.get();
      }
    }
    throw new NoSuchElementException(moduleName + " is not among the test dependencies of "
        + "engagement-integration-tests");
  }

  /** Where the module's classes are: its jar, or its classes directory. */
  Path location() {
    return Path.of(reference().location()
        .orElseThrow(() -> new NoSuchElementException(moduleName + " has no location")));
  }

  private Optional<ModuleReference> find(Path entry) {
    try {
      return ModuleFinder.of(entry).find(moduleName);
    } catch (FindException e) {
      return Optional.empty(); // a jar that is not a valid module (as some plain jars are not) is not ours
    }
  }

  private static List<Path> testPath() {
    String file = System.getProperty("engagement.testPathFile");
    if (file == null) {
      throw new IllegalStateException("system property engagement.testPathFile is not set (by Surefire)");
    }
    try {
      String path = Files.readString(Path.of(file), UTF_8).strip();
      return Arrays.stream(path.split(File.pathSeparator)).map(Path::of).toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
