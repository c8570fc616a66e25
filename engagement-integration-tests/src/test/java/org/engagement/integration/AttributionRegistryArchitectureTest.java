package org.engagement.integration;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The attribution registry finds models as services and imports none of them (issue 11, req. 5): so a model
 * package depends on the registry's package and never the other way, and the root package of attribution
 * stays free of cycles.
 */
@AnalyzeClasses(locations = PublishedModuleLocations.class)
class AttributionRegistryArchitectureTest {
  static final String REGISTRY = "org.engagement.attribution.AttributionModels";
  static final String[] MODEL_PACKAGES = {
    "org.engagement.attribution.heuristic..", "org.engagement.attribution.markov..",
    "org.engagement.attribution.shapley.."};

  @ArchTest
  static final ArchRule THE_REGISTRY_IMPORTS_NO_MODEL = noClasses()
      .that().haveNameMatching(REGISTRY.replace(".", "\\.") + "(\\$.*)?")
      .should().dependOnClassesThat().resideInAnyPackage(MODEL_PACKAGES);
}
