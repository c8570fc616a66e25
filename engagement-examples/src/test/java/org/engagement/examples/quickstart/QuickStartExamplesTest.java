package org.engagement.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class QuickStartExamplesTest {

  @Test
  void scoreEngagementListsTheFiveMostEngagedCustomers() {
    String out = run(ScoreEngagement::run);

    assertThat(out).startsWith("Engagement of 4013 customers at ");
    assertThat(out.lines().filter(line -> line.matches("  c\\d{7} +\\d+\\.\\d{2}"))).hasSize(5);
  }

  @Test
  void attributeConversionsComparesLastTouchWithMarkov() {
    String out = run(AttributeConversions::run);

    assertThat(out.lines().findFirst().orElseThrow()).contains("last-touch", "markov");
    assertThat(out).contains("press", "trade-show", "newsletter");
    // every channel row has two numbers
    assertThat(out.lines().skip(1)).allMatch(line -> line.matches("\\S+ +\\d+\\.\\d{2} +\\d+\\.\\d{2}"));
  }

  @Test
  void segmentCustomersChecksTheEightyTwentyRuleAndCountsTiers() {
    String out = run(SegmentCustomers::run);

    assertThat(out).containsPattern("The top 20% of \\d+ buyers bring \\d+\\.\\d% of the value \\(Gini 0\\.\\d{2}\\)");
    assertThat(out).contains("  retain: ", "  grow: ", "  maintain: ", "  re-engage: ");
    assertThat(out).containsPattern("Segment 'engaged prospects': \\d+ customers");
  }

  @Test
  void computeRoiReportsEveryCostedChannel() {
    String out = run(ComputeRoi::run);

    assertThat(out.lines().findFirst().orElseThrow()).contains("cost", "attributed", "survey", "retained", "ROI");
    assertThat(out).contains("trade-show", "press", "newsletter", "direct");
    // a channel without cost has no ROI
    assertThat(out.lines().filter(line -> line.startsWith("direct ")).findFirst().orElseThrow()).endsWith(" -");
  }

  @Test
  void firstStepsReachesEveryProductFromItsEntryPoint() {
    String out = run(FirstSteps::run);

    assertThat(out).contains("import: csv: read 27050, accepted 27050, rejected 0, duplicates 0");
    assertThat(out).containsPattern("segment 'spent 500 EUR or more': \\d+ of \\d+ customers");
    assertThat(out).containsPattern("shao-li credit of \\d+ conversions: press \\d+\\.\\d, trade-show \\d+\\.\\d");
    assertThat(out).containsPattern("lifetime value: \\d+ buyers predicted");
    assertThat(out).containsPattern("ROI over 10 channels: cost \\d+\\.\\d{2} EUR, ROI -?\\d+\\.\\d%");
  }

  @Test
  void planBudgetPrintsEveryChannelBesideItsTruthAndASplitOfTheSameBudget() {
    String out = run(PlanBudget::run);

    java.util.List<String> rows = out.lines().skip(1)
        .filter(line -> line.matches("\\S+ +\\d\\.\\d{3} +\\d\\.\\d{3} +.*")).toList();
    assertThat(rows).hasSize(8);
    double shares = rows.stream().mapToDouble(line -> Double.parseDouble(line.split(" +", -1)[1])).sum();
    assertThat(shares).isCloseTo(1, org.assertj.core.api.Assertions.within(0.01));
    assertThat(out).containsPattern("Cautious split of (\\d+) a week").contains("partnerships");
    java.util.regex.Matcher budget = java.util.regex.Pattern.compile("Cautious split of (\\d+) a week").matcher(out);
    assertThat(budget.find()).isTrue();
    double recommended = out.lines().filter(line -> line.matches("  \\S+ +\\d+ -> +\\d+"))
        .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf("->") + 2).strip())).sum();
    assertThat(recommended).isCloseTo(Double.parseDouble(budget.group(1)),
        org.assertj.core.api.Assertions.within(8.0));
  }

  private static String run(Consumer<PrintStream> example) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    example.accept(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    return bytes.toString(StandardCharsets.UTF_8);
  }
}
