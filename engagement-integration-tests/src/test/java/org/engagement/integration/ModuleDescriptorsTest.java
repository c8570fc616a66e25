package org.engagement.integration;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The API line as the module descriptors draw it: each published module exports exactly its packages that
 * hold classes and are not {@code internal}, to everyone, and hides the rest.
 */
class ModuleDescriptorsTest {

  @Test
  void eachPublishedModuleExportsItsApiPackagesOnly() {
    for (PublishedModule module : PublishedModule.ALL) {
      ModuleDescriptor descriptor = module.reference().descriptor();
      Set<String> classPackages = new ClassFileImporter()
          .importLocations(Set.of(PublishedModuleLocations.of(module))).stream()
          .map(JavaClass::getPackageName).filter(name -> !name.isEmpty())
          .collect(Collectors.toSet());
      Set<String> api = classPackages.stream()
          .filter(name -> ArchitectureTest.internalPackageModule(name) == null)
          .collect(Collectors.toSet());
      assertThat(descriptor.exports()).as("qualified exports of %s", module.moduleName())
          .noneMatch(ModuleDescriptor.Exports::isQualified);
      assertThat(descriptor.exports().stream().map(ModuleDescriptor.Exports::source))
          .as("exports of %s", module.moduleName())
          .containsExactlyInAnyOrderElementsOf(api);
    }
  }

  @Test
  void theInternalPackagesExistAndStayHidden() {
    Module clv = ModuleLayer.boot().findModule("org.engagement.clv").orElseThrow();
    assertThat(clv.getPackages()).contains("org.engagement.clv.internal.fit", "org.engagement.clv.internal.special");
    assertThat(clv.isExported("org.engagement.clv.internal.fit")).isFalse();
    Module core = ModuleLayer.boot().findModule("org.engagement.core").orElseThrow();
    assertThat(core.getPackages()).contains("org.engagement.core.internal.text");
    assertThat(core.isExported("org.engagement.core.internal.text")).isFalse();
  }

  @Test
  void aPackageIsInternalToTheModuleWhoseNameItStartsWith() {
    assertThat(ArchitectureTest.internalPackageModule("org.engagement.core.internal.text"))
        .isEqualTo("org.engagement.core");
    assertThat(ArchitectureTest.internalPackageModule("org.engagement.attribution.internal"))
        .isEqualTo("org.engagement.attribution");
    assertThat(ArchitectureTest.internalPackageModule("org.engagement.clv.fit")).isNull();
    assertThat(ArchitectureTest.internalPackageModule("org.engagement.core.internalized")).isNull();
  }
}
