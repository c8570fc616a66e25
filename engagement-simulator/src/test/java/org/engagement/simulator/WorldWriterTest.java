package org.engagement.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.engagement.core.domain.Interaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorldWriterTest {
  private static final Comparator<Interaction> ORDER = Comparator.comparing(Interaction::customerId)
      .thenComparing(Interaction::timestamp).thenComparing(Interaction::type).thenComparing(i -> i.channel().id());

  private static Function<String, InputStream> in(Path directory) {
    return file -> {
      try {
        return Files.newInputStream(directory.resolve(file));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Test
  void theImporterReadsBackTheSameInteractionsAndTheFilesHaveTheDocumentedHeaders(@TempDir Path directory)
      throws IOException {
    WorldSpec spec = WorldSpec.builder().seed(11).customers(400).build();
    GroundTruth truth = WorldWriter.write(spec, directory);
    World world = WorldGenerator.generate(spec);
    WorldFiles files = WorldFiles.read(in(directory));

    List<Interaction> expected = new ArrayList<>(world.interactions());
    List<Interaction> read = new ArrayList<>(files.interactions());
    expected.sort(ORDER);
    read.sort(ORDER);
    assertThat(read).isEqualTo(expected);
    assertThat(truth).isEqualTo(world.truth());
    assertThat(files.arrivals()).hasSize(400).containsEntry("c0000001", world.customers().get(0).firstSeen());

    assertThat(firstLine(directory, WorldWriter.CUSTOMERS)).isEqualTo("customer_id,first_seen,segment,churned_at");
    assertThat(firstLine(directory, WorldWriter.COSTS)).isEqualTo("month,channel,owner,amount,currency");
    assertThat(firstLine(directory, WorldWriter.SURVEY)).isEqualTo("customer_id,answer");
    assertThat(firstLine(directory, WorldWriter.TRUTH)).isEqualTo("channel,true_incremental_conversions,true_share");
    assertThat(firstLine(directory, WorldWriter.CUSTOMER_TRUTH)).isEqualTo("customer_id,purchase_rate_per_week,"
        + "dropout_probability,mean_spend,alive_at_end,holdout_purchases");
    assertThat(firstLine(directory, WorldWriter.HOLDOUT)).isEqualTo("customer_id,channel");
    assertThat(WorldFiles.rows(in(directory), WorldWriter.CUSTOMER_TRUTH)).hasSize(world.customerTruth().size())
        .first().satisfies(row -> {
          CustomerTruth first = world.customerTruth().get(0);
          assertThat(row.get(0)).isEqualTo(first.customerId());
          assertThat(Double.parseDouble(row.get(1))).isCloseTo(first.purchaseRate(),
              org.assertj.core.data.Offset.offset(5e-9));
          assertThat(row.get(4)).isEqualTo(Boolean.toString(first.aliveAtEnd()));
        });
    assertThat(WorldFiles.rows(in(directory), WorldWriter.COSTS)).hasSize(24 * 10)
        .first().satisfies(row -> assertThat(row).containsExactly("2024-01", "linkedin", "social team",
            world.costs().get(0).amount().amount().toPlainString(), "EUR"));
    assertThat(WorldFiles.rows(in(directory), WorldWriter.SURVEY)).hasSize(world.survey().size());
    assertThat(files.trueShares().keySet()).containsExactlyElementsOf(truth.shares().keySet());
    files.trueShares().forEach((channel, share) ->
        assertThat(share).isCloseTo(truth.share(channel), org.assertj.core.data.Offset.offset(5e-7)));
  }

  @Test
  void sharesAreExactDecimalsFromTheCounts() {
    // 1 of 3 is 0.333333 (six places, half-even); nothing caused gives 0.000000 rather than a division by zero.
    assertThat(WorldWriter.shareText(1, 3)).isEqualTo("0.333333");
    assertThat(WorldWriter.shareText(2, 3)).isEqualTo("0.666667");
    assertThat(WorldWriter.shareText(0, 0)).isEqualTo("0.000000");
    // A harmful channel's count is negative and so is its share: -1 of |-1| + 3 is -0.25.
    assertThat(WorldWriter.shareText(-1, 4)).isEqualTo("-0.250000");
    assertThat(WorldWriter.decimalText(0.1)).isEqualTo("0.10000000");
  }

  private static String firstLine(Path directory, String file) throws IOException {
    return Files.readAllLines(directory.resolve(file)).get(0);
  }
}
