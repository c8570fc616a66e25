package org.engagement.integration;

import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.LocationProvider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

/**
 * Tells ArchUnit to read exactly the published modules, from their jars (or their classes directories, in a
 * build that stops before packaging): on the module path, scanning packages by name would miss the classes
 * of named modules.
 */
final class PublishedModuleLocations implements LocationProvider {

  @Override
  public Set<Location> get(Class<?> testClass) {
    return PublishedModule.ALL.stream().map(PublishedModuleLocations::of).collect(Collectors.toSet());
  }

  static Location of(PublishedModule module) {
    Path path = module.location();
    if (Files.isDirectory(path)) {
      return Location.of(path);
    }
    try (JarFile jar = new JarFile(path.toFile())) {
      return Location.of(jar);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open " + path, e);
    }
  }
}
