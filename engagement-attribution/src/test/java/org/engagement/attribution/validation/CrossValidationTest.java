package org.engagement.attribution.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.engagement.attribution.HazardWorld;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

class CrossValidationTest {
  private static final Instant T0 = Instant.parse("2024-03-01T00:00:00Z");

  /** Customers touched 1 to 4 times by channels a..d; conversion depends on the last two touches. */
  static List<Interaction> secondOrderWorld(long seed, int customers, Map<String, String> rename) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] channels = {"a", "b", "c", "d"};
    List<Interaction> all = new ArrayList<>();
    for (int i = 0; i < customers; i++) {
      String customer = "cust-" + i;
      int touches = 1 + random.nextInt(4);
      String previous = "";
      String last = "";
      for (int k = 0; k < touches; k++) {
        previous = last;
        last = channels[random.nextInt(4)];
        all.add(at(customer, rename.getOrDefault(last, last), T0.plusSeconds(3_600L * k + i * 10L),
            InteractionType.CLICK));
      }
      // a then b converts often, b then a rarely: only an order-2 chain can tell them apart.
      double p = previous.equals("a") && last.equals("b") ? 0.6 : previous.equals("b") && last.equals("a") ? 0.02
          : 0.1;
      if (random.nextDouble() < p) {
        all.add(at(customer, "web", T0.plusSeconds(3_600L * touches + i * 10L), InteractionType.PURCHASE));
      }
    }
    return all;
  }

  private static Interaction at(String customer, String channel, Instant when, InteractionType type) {
    return Interaction.builder().customerId(customer).channel(Channel.of(channel, ChannelGroup.UNASSIGNED))
        .timestamp(when).type(type).build();
  }

  private static JourneySet timed(long seed, int customers, Map<String, String> rename) {
    return JourneyRules.defaults().journeys(secondOrderWorld(seed, customers, rename)).toJourneySet();
  }

  @Test
  void selectsTheOrderTheWorldHasAndBeatsTheBaseRate() {
    ValidationReport report = CrossValidation.defaults().validate(timed(1, 6_000, Map.of()));
    assertThat(report.unit()).isEqualTo("customers");
    assertThat(report.markovOrder()).isGreaterThanOrEqualTo(2);
    double base = report.score("base-rate").orElseThrow().logLoss();
    assertThat(report.score("markov-2").orElseThrow().logLoss()).isLessThan(base);
    assertThat(report.score("markov-2").orElseThrow().auc()).isGreaterThan(0.6);
    assertThat(report.score("markov-2").orElseThrow().logLoss())
        .isLessThan(report.score("markov-1").orElseThrow().logLoss());
    assertThat(report.score("base-rate").orElseThrow().auc()).isBetween(0.0, 1.0);
    assertThat(report.scores()).extracting(PredictorScore::predictor).containsExactly("base-rate", "path",
        "channel-set", "markov-1", "markov-2", "markov-3", "markov-4");
  }

  @Test
  void customerFoldsPartitionTheCustomersEvenly() {
    Journeys journeys = JourneyRules.defaults().journeys(secondOrderWorld(2, 1_003, Map.of()));
    Map<String, Integer> folds = CrossValidation.of(4, 7).customerFolds(journeys);
    assertThat(folds).hasSize(1_003);
    Map<Integer, Integer> sizes = new HashMap<>();
    folds.values().forEach(f -> sizes.merge(f, 1, Integer::sum));
    assertThat(sizes.keySet()).containsExactlyInAnyOrder(0, 1, 2, 3);
    assertThat(sizes.values()).allSatisfy(size -> assertThat(size).isBetween(250, 251));
    assertThat(CrossValidation.of(4, 8).customerFolds(journeys)).isNotEqualTo(folds);
  }

  /** Scores are probabilities' scores: log-loss positive, AUC in [0, 1], for any seed and number of folds. */
  @Property(tries = 25)
  void scoresAreInRangeAndDeterministic(@ForAll @LongRange(min = 0, max = 1_000) long seed,
      @ForAll @IntRange(min = 2, max = 10) int folds) {
    JourneySet journeys = HazardWorld.of(seed, 2_000, null).journeys();
    ValidationReport report = CrossValidation.of(folds, seed).validate(journeys);
    assertThat(report.unit()).isEqualTo("journeys");
    for (PredictorScore score : report.scores()) {
      assertThat(score.logLoss()).isPositive().isFinite();
      assertThat(score.auc()).isBetween(0.0, 1.0);
    }
    assertThat(CrossValidation.of(folds, seed).validate(journeys)).isEqualTo(report);
  }

  /** Renaming channels does not move customer folds, so every score stays the same; nor does input order. */
  @Property(tries = 10)
  void invariantToChannelNamesAndInputOrder(@ForAll @LongRange(min = 0, max = 1_000) long seed) {
    JourneySet plain = timed(seed, 800, Map.of());
    JourneySet renamed = timed(seed, 800, Map.of("a", "zz-a", "b", "İb", "c", "0c", "d", "d"));
    List<Interaction> shuffled = new ArrayList<>(secondOrderWorld(seed, 800, Map.of()));
    java.util.Collections.shuffle(shuffled, new java.util.Random(seed));
    JourneySet reordered = JourneyRules.defaults().journeys(shuffled).toJourneySet();
    CrossValidation validation = CrossValidation.of(5, seed);
    ValidationReport report = validation.validate(plain);
    assertThat(validation.validate(renamed)).isEqualTo(report);
    assertThat(validation.validate(reordered)).isEqualTo(report);
  }

  @Test
  void refusesWhatItCannotValidate() {
    assertThatThrownBy(() -> CrossValidation.defaults().validate(JourneySet.empty()))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("journeys");
    assertThatThrownBy(() -> CrossValidation.of(1, 0)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("folds");
    assertThatThrownBy(() -> CrossValidation.defaults().withMaxMarkovOrder(0))
        .isInstanceOf(InvalidFieldException.class).hasMessageContaining("maxMarkovOrder");
  }
}
