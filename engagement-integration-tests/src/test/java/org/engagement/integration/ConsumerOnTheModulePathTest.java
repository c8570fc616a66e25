package org.engagement.integration;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.testkit.ChannelAdapterContractTest;
import org.junit.jupiter.api.Test;

/**
 * The tests of this module run where a JPMS consumer runs: on the module path, inside the named module
 * {@code org.engagement.integration}, with the SDK's modules as explicit named modules. If Surefire ever put
 * them on the class path, these tests would fail rather than the others silently proving nothing.
 */
class ConsumerOnTheModulePathTest {

  @Test
  void theseTestsRunInsideTheNamedConsumerModule() {
    Module module = getClass().getModule();
    assertThat(module.isNamed()).as("test classes patched into the consumer module").isTrue();
    assertThat(module.getName()).isEqualTo("org.engagement.integration");
  }

  @Test
  void theSdkModulesAreExplicitNamedModules() {
    assertThat(ChannelAdapter.class.getModule().getName()).isEqualTo("org.engagement.core");
    assertThat(ChannelAdapterContractTest.class.getModule().getName()).isEqualTo("org.engagement.testkit");
    for (String required : List.of("org.engagement.core", "org.engagement.attribution", "org.engagement.clv",
        "org.engagement.roi", "org.engagement.testkit")) {
      ModuleDescriptor descriptor = ModuleLayer.boot().findModule(required).orElseThrow().getDescriptor();
      assertThat(descriptor.isAutomatic()).as("%s has a module-info", required).isFalse();
    }
  }

  @Test
  void theConsumerRequiresOnlyEngagementModules() {
    Set<String> required = getClass().getModule().getDescriptor().requires().stream()
        .map(ModuleDescriptor.Requires::name).filter(name -> !name.equals("java.base"))
        .collect(Collectors.toSet());
    assertThat(required).containsExactlyInAnyOrder("org.engagement.core", "org.engagement.attribution",
        "org.engagement.clv", "org.engagement.roi", "org.engagement.testkit");
  }

  @Test
  void theSdksOwnDependenciesAreResolvedForIt() {
    Set<String> resolved = ModuleLayer.boot().modules().stream().map(Module::getName).collect(Collectors.toSet());
    assertThat(resolved).contains("org.slf4j", "com.google.common", "com.fasterxml.jackson.dataformat.csv",
        "hipparchus.core", "hipparchus.optim", "hipparchus.stat");
  }

  @Test
  void theTourRunsInThisModule() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ConsumerTour.run(new PrintStream(bytes, true, UTF_8));
    assertThat(bytes.toString(UTF_8).lines())
        .contains("module: org.engagement.integration (named)", "slf4j resolved: true",
            "adapters: [csv, social-pipe]", "import: social-pipe: read 5, accepted 4, rejected 1, duplicates 0");
  }
}
