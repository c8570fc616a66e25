package org.engagement.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.engagement.cli.AttributeCommandTest.resource;
import static org.engagement.cli.CliRun.run;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.calibration.LiftCalibration;
import org.engagement.attribution.calibration.LiftResult;
import org.engagement.attribution.calibration.UntestedChannels;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.PathFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code attribute --lift FILE --untested HOW} on the toy path file (linear credits A 3, B 2.5, C 2.5; an
 * experiment puts A at 1.5 in [1, 2]): the command's credits are the library's calibration of the same
 * journeys, for each choice, and the choices differ where they should.
 */
class AttributeUntestedTest {
  @TempDir
  Path dir;

  private String lift() throws IOException {
    return Files.writeString(dir.resolve("lift.csv"), "channel,incremental_conversions,low,high\nA,1.5,1,2\n")
        .toString();
  }

  private static AttributionResult library(UntestedChannels untested) throws IOException {
    JourneySet journeys;
    try (InputStream in = Files.newInputStream(Path.of(resource("toy-paths.csv")))) {
      journeys = PathFormat.channelAttribution().read(in, "toy-paths.csv");
    }
    List<LiftResult> lifts = List.of(new LiftResult("A", 1.5, 1, 2));
    return LiftCalibration.defaults().withUntested(untested)
        .calibrate(AttributionModels.defaults().create("linear"), journeys, lifts);
  }

  private double conversions(String channel, UntestedChannels untested) throws IOException {
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--lift", lift(),
        "--untested", untested.name());
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out().lines().filter(line -> line.startsWith(channel + ","))
        .mapToDouble(line -> Double.parseDouble(line.split(",", -1)[1])).findFirst().orElseThrow();
  }

  @Test
  void eachChoiceGivesTheLibrarysCalibration() throws IOException {
    for (UntestedChannels untested : UntestedChannels.values()) {
      AttributionResult expected = library(untested);
      for (String channel : List.of("A", "B", "C")) {
        assertThat(conversions(channel, untested)).as(untested + " " + channel)
            .isCloseTo(expected.conversions(channel), within(1e-9));
      }
    }
  }

  @Test
  void theChoicesDifferForTheUntestedChannelsOnly() throws IOException {
    assertThat(conversions("A", UntestedChannels.REFITTED)).isEqualTo(1.5);
    assertThat(conversions("A", UntestedChannels.SCALED)).isEqualTo(1.5);
    assertThat(conversions("B", UntestedChannels.SCALED)).isCloseTo(1.25, within(1e-12));
    assertThat(conversions("B", UntestedChannels.REMAINDER)).isNotCloseTo(1.25, within(1e-6));
    assertThat(conversions("B", UntestedChannels.REFITTED)).isNotCloseTo(1.25, within(1e-6));
  }

  @Test
  void untestedWithoutLiftIsAUsageError() {
    CliRun run = run("attribute", "--model", "linear", "--input", resource("toy-paths.csv"), "--untested",
        "REFITTED");
    assertThat(run.exit()).isEqualTo(Exit.USAGE);
    assertThat(run.err()).contains("--untested").contains("needs --lift");
  }
}
