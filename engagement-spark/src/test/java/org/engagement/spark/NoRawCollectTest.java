package org.engagement.spark;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.apache.spark.api.java.JavaRDDLike;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Dataset;
import org.junit.jupiter.api.Test;

/**
 * The module never brings a Dataset's or an RDD's rows to the driver: no {@code collect},
 * {@code collectAsList}, {@code toLocalIterator}, {@code take}, {@code head} or {@code tail} anywhere in
 * its main code. Aggregates reach the driver by {@code treeReduce} of the core's mergeable aggregates.
 */
class NoRawCollectTest {
  private static final String ROWS_TO_DRIVER =
      "collect|collectAsList|collectAsMap|collectPartitions|toLocalIterator|take|takeAsList|takeOrdered|top|head|tail";

  private static final ArchRule NO_COLLECT = noClasses().that().resideInAPackage("org.engagement.spark..")
      .should().callMethodWhere(target(nameMatching(ROWS_TO_DRIVER))
          .and(target(owner(assignableTo(Dataset.class).or(assignableTo(JavaRDDLike.class))
              .or(assignableTo(RDD.class))))))
      .because("raw events never go to the driver (issue 17); merge aggregates with treeReduce instead");

  @Test
  void mainCodeCollectsNoRows() {
    JavaClasses main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("org.engagement.spark");
    NO_COLLECT.check(main);
  }

  @Test
  void theRuleCatchesACollect() {
    JavaClasses offender = new ClassFileImporter().importClasses(Offender.class);
    org.assertj.core.api.Assertions.assertThat(NO_COLLECT.evaluate(offender).hasViolation()).isTrue();
  }

  /** What the rule forbids, to show that it catches it. */
  static final class Offender {
    static Object all(Dataset<?> rows) {
      return rows.collectAsList();
    }
  }
}
