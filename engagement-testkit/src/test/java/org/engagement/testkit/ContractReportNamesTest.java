package org.engagement.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Build tools (Surefire, Gradle) file a test under the class of its source: the kit's tests must be
 * sourced from the concrete subclass, not from the kit, or the results of two adapters in one build
 * merge under one name.
 */
class ContractReportNamesTest {

  @Test
  void everyContractTestIsReportedUnderTheConcreteSubclass() {
    List<Event> finished = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(CsvInteractionAdapterContractTest.class)).execute()
        .testEvents().finished().list();
    assertThat(finished).hasSizeGreaterThan(20);
    assertThat(finished).allSatisfy(event -> assertThat(sourceClass(event))
        .as(event.getTestDescriptor().getDisplayName())
        .isEqualTo(CsvInteractionAdapterContractTest.class.getName()));
  }

  @Test
  void displayNamesSayWhichRuleOfWhichGroup() {
    List<String> names = EngineTestKit.engine("junit-jupiter")
        .selectors(selectClass(CsvInteractionAdapterContractTest.class)).execute()
        .testEvents().finished().list().stream()
        .map(event -> event.getTestDescriptor().getDisplayName()).toList();
    assertThat(names).doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).matches("[a-z][a-z -]*: .+"))
        .anySatisfy(name -> assertThat(name).startsWith("closing the reader: "));
  }

  private static String sourceClass(Event event) {
    TestSource source = event.getTestDescriptor().getSource().orElseThrow();
    assertThat(source).isInstanceOf(MethodSource.class);
    return ((MethodSource) source).getClassName();
  }
}
