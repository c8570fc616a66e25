package org.engagement.roi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.NoSuchElementException;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calculators by name: the built-in one, one declared in test scope, and what goes wrong. */
class RoiCalculatorsTest {

  @Test
  void defaultsFindTheBuiltInAndTheTestScopedProviderByName() throws IOException {
    RoiCalculators calculators = RoiCalculators.defaults();

    assertThat(calculators.names()).contains("relationship", AttributedOnlyCalculatorProvider.NAME);
    assertThat(calculators.create("relationship")).isInstanceOf(RelationshipRoiCalculator.class);
    assertThat(calculators.discoveryFailures()).isZero();

    RoiReport report = calculators.create(AttributedOnlyCalculatorProvider.NAME)
        .calculate(RelationshipRoiCalculatorTest.inputs());
    assertThat(report.calculator()).isEqualTo(AttributedOnlyCalculatorProvider.NAME);
    // linear credit of pr is 100, of email 200; events has cost but no credit
    assertThat(report.channel("pr").orElseThrow().reward(RewardComponent.ATTRIBUTED_REVENUE)).hasValue(100.0);
    assertThat(report.channel("pr").orElseThrow().reward(RewardComponent.RETAINED_VALUE)).isEmpty();
    assertThat(report.total().totalReward()).isEqualTo(300.0);
  }

  @Test
  void anUnknownNameListsTheNamesThereAre() {
    assertThatThrownBy(() -> RoiCalculators.defaults().create("nope"))
        .isInstanceOf(NoSuchElementException.class).hasMessageContaining("nope").hasMessageContaining("relationship");
  }

  @Test
  void anExplicitRegistrationReplacesADiscoveredOne() {
    RoiCalculatorProvider halfMargin = new BrokenProviders.Clash();
    RoiCalculators calculators = RoiCalculators.builder().discover().register(halfMargin).build();

    assertThat(calculators.provider("relationship")).isSameAs(halfMargin);
    assertThat(((RelationshipRoiCalculator) calculators.create("relationship")).margin()).isEqualTo(0.5);
    assertThat(RoiCalculators.builder().register(halfMargin).build().names()).containsExactly("relationship");
    assertThatThrownBy(() -> RoiCalculators.builder().register(halfMargin).register(halfMargin))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("already registered");
    assertThatThrownBy(() -> RoiCalculators.builder().register(new BrokenProviders.BadName()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("Not A Name");
  }

  @Test
  void brokenProvidersAreSkippedAndCounted(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderListing(dir, BrokenProviders.BadName.class.getName(),
        BrokenProviders.Failing.class.getName())) {
      RoiCalculators calculators = RoiCalculators.builder().discover(loader).build();

      assertThat(calculators.names()).contains("relationship").doesNotContain("failing");
      assertThat(calculators.discoveryFailures()).isEqualTo(2);
    }
  }

  @Test
  void twoDiscoveredProvidersOfOneNameFailNamingBoth(@TempDir Path dir) throws IOException {
    try (URLClassLoader loader = loaderListing(dir, BrokenProviders.Clash.class.getName())) {
      RoiCalculators calculators = RoiCalculators.builder().discover(loader).build();

      assertThatThrownBy(calculators::names).isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("'relationship'").hasMessageContaining("RelationshipRoiCalculatorProvider")
          .hasMessageContaining("BrokenProviders$Clash");
    }
  }

  /** A class loader that sees everything the tests see plus a services file listing {@code providers}. */
  private static URLClassLoader loaderListing(Path dir, String... providers) throws IOException {
    Path services = Files.createDirectories(dir.resolve("META-INF/services"));
    Files.writeString(services.resolve(RoiCalculatorProvider.class.getName()), String.join("\n", providers) + "\n");
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, RoiCalculatorsTest.class.getClassLoader());
  }
}
