package org.engagement.integration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The SDK's architecture as rules over the compiled classes of every published module (issue 11, req. 7):
 * no package cycles, dependencies that follow the module table, and {@code internal} packages kept inside
 * their module. The module system enforces exports at run time only for consumers on the module path; these
 * rules hold on the class path too.
 */
@AnalyzeClasses(locations = PublishedModuleLocations.class)
class ArchitectureTest {

  /** No package depends on itself through others, within a module or across modules. */
  @ArchTest
  static final ArchRule NO_PACKAGE_CYCLES = slices().matching("org.engagement.(**)")
      .should().beFreeOfCycles();

  /**
   * The module table: dependencies point down only. Simulator and report are leaves that only the
   * command-line tool, the examples and the benchmarks build on; the testkit builds on core alone.
   */
  @ArchTest
  static final ArchRule MODULES_DEPEND_DOWN_ONLY = layeredArchitecture()
      .consideringOnlyDependenciesInAnyPackage("org.engagement..")
      .layer("core").definedBy("org.engagement.core..")
      .layer("attribution").definedBy("org.engagement.attribution..")
      .layer("clv").definedBy("org.engagement.clv..")
      .layer("roi").definedBy("org.engagement.roi..")
      .layer("json").definedBy("org.engagement.json..")
      .layer("testkit").definedBy("org.engagement.testkit..")
      .layer("jdbc").definedBy("org.engagement.jdbc..")
      .layer("simulator").definedBy("org.engagement.simulator..")
      .layer("report").definedBy("org.engagement.report..")
      .optionalLayer("cli").definedBy("org.engagement.cli..")
      .optionalLayer("examples").definedBy("org.engagement.examples..")
      .optionalLayer("benchmarks").definedBy("org.engagement.benchmarks..")
      .whereLayer("core").mayNotAccessAnyLayer()
      .whereLayer("attribution").mayOnlyAccessLayers("core")
      .whereLayer("clv").mayOnlyAccessLayers("core")
      .whereLayer("roi").mayOnlyAccessLayers("attribution", "clv", "core")
      .whereLayer("json").mayOnlyAccessLayers("roi", "attribution", "clv", "core")
      .whereLayer("testkit").mayOnlyAccessLayers("core")
      .whereLayer("jdbc").mayOnlyAccessLayers("core")
      .whereLayer("simulator").mayOnlyAccessLayers("core")
      .whereLayer("report").mayOnlyAccessLayers("roi", "attribution", "clv", "core")
      .whereLayer("simulator").mayOnlyBeAccessedByLayers("cli", "examples", "benchmarks")
      .whereLayer("report").mayOnlyBeAccessedByLayers("cli", "examples", "benchmarks");

  /** An {@code internal} package is implementation of its module: no other module may use it. */
  @ArchTest
  static final ArchRule INTERNAL_PACKAGES_STAY_IN_THEIR_MODULE = classes()
      .should(new ArchCondition<JavaClass>("use no internal package of another module") {
        @Override
        public void check(JavaClass origin, ConditionEvents events) {
          for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            String module = internalPackageModule(dependency.getTargetClass().getPackageName());
            if (module != null && !origin.getPackageName().startsWith(module)) {
              events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
            }
          }
        }
      });

  private static final Pattern INTERNAL =
      Pattern.compile("(org\\.engagement\\.[a-z]+)\\.(?:.+\\.)?internal(?:\\..+)?");

  /** The package prefix of the module that owns {@code packageName}, if it is internal; else null. */
  static @Nullable String internalPackageModule(String packageName) {
    Matcher matcher = INTERNAL.matcher(packageName);
    return matcher.matches() ? matcher.group(1) : null;
  }
}
