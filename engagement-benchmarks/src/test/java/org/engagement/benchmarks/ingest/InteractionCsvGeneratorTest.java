package org.engagement.benchmarks.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InteractionCsvGeneratorTest {
  private static final int ROWS = 10_000;
  private static final long SEED = 7;

  @TempDir static Path directory;

  private static Path file;
  private static List<String> lines;
  private static ImportReport report;
  private static final List<Interaction> interactions = new ArrayList<>();

  @BeforeAll
  static void generateAndImport() throws IOException {
    file = directory.resolve("interactions.csv");
    new InteractionCsvGenerator(SEED).write(file, ROWS);
    lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    report = InteractionImporter.defaults().run(new CsvInteractionAdapter(), file, interactions::add);
  }

  @Test
  void writesTheHeaderAndOneLinePerRow() {
    assertThat(lines).hasSize(ROWS + 1);
    assertThat(lines.get(0)).isEqualTo(String.join(",", InteractionCsvGenerator.HEADER));
    assertThat(rows())
        .allSatisfy(row -> assertThat(row.split(",", -1)).hasSize(InteractionCsvGenerator.HEADER.size()));
  }

  @Test
  void theSameSeedGivesTheSameTextAndAnotherSeedAnother() throws IOException {
    String fromFile = Files.readString(file, StandardCharsets.UTF_8);

    assertThat(generate(SEED)).isEqualTo(fromFile);
    assertThat(generate(SEED + 1)).isNotEqualTo(fromFile);
  }

  @Test
  void everyRowIsAcceptedByTheCsvAdapterWithUniqueSourceIds() {
    assertThat(report.isClean()).as(report.summary()).isTrue();
    assertThat(report.read()).isEqualTo(ROWS);
    assertThat(report.duplicates()).isZero();
    assertThat(interactions).hasSize(ROWS);
  }

  @Test
  void namesEveryChannelByIdAndLeavesSomeToClassification() {
    Set<String> channelIds = new HashSet<>();
    long classified = 0;
    for (String row : rows()) {
      String channel = row.split(",", -1)[4];
      if (channel.isEmpty()) {
        classified++;
      } else {
        channelIds.add(channel);
      }
    }
    assertThat(channelIds).hasSize(Touchpoints.channelCount());
    assertThat(classified).isBetween(ROWS / 10L, ROWS * 3L / 10);
  }

  @Test
  void writesTimestampsWithZOffsetsAndFractions() {
    assertThat(rows())
        .anyMatch(row -> row.matches("[^,]*,[^,.]*Z,.*"))
        .anyMatch(row -> row.matches("[^,]*,[^,.]*\\+05:30,.*"))
        .anyMatch(row -> row.matches("[^,]*,[^,]*\\.\\d{3}(Z|[+-]\\d\\d:\\d\\d),.*"))
        .anyMatch(row -> row.matches("[^,]*,[^,]*\\.\\d{6}(Z|[+-]\\d\\d:\\d\\d),.*"));
  }

  @Test
  void mostlyImpressionsVisitsAndClicksWithValuedPurchases() {
    assertThat(interactions).filteredOn(i -> i.type() == InteractionType.PURCHASE)
        .isNotEmpty()
        .allMatch(Interaction::hasValue);
    assertThat(interactions).filteredOn(i -> i.type() != InteractionType.PURCHASE)
        .noneMatch(Interaction::hasValue);
    assertThat(interactions).filteredOn(i -> i.type() == InteractionType.IMPRESSION
            || i.type() == InteractionType.VISIT || i.type() == InteractionType.CLICK)
        .hasSizeGreaterThan(ROWS * 8 / 10);
    assertThat(interactions.stream().map(Interaction::customerId).distinct().count()).isGreaterThan(ROWS / 2L);
    assertThat(interactions).anyMatch(i -> i.attributes().getString("device").isPresent());
  }

  private static List<String> rows() {
    return lines.subList(1, lines.size());
  }

  private static String generate(long seed) throws IOException {
    StringWriter out = new StringWriter();
    new InteractionCsvGenerator(seed).write(out, ROWS);
    return out.toString();
  }
}
