package org.engagement.report.internal.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.SplittableRandom;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.report.internal.analysis.PeriodFigures.Half;
import org.engagement.report.internal.analysis.PeriodFigures.Sample;
import org.junit.jupiter.api.Test;

/**
 * The summary's halves read from the columns by kind of customer (issue 16) give, to the bit, the figures of the
 * computation they replaced: a weight per customer drawn and every customer's interactions made and summed, kept
 * here as the reference.
 */
class PeriodFiguresSamplesTest {
  private static final Instant MIDDLE = Instant.parse("2024-07-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void theSamplesAreThoseOfAWeightPerCustomer() {
    for (long seed = 1; seed <= 6; seed++) {
      List<Interaction> interactions = world(new Random(seed), 40 + (int) seed * 37);
      Optional<double[]> costs = seed % 2 == 0 ? Optional.of(new double[] {12.5, 30}) : Optional.empty();
      List<Sample> expected = reference(interactions, "EUR", costs);
      List<Sample> actual = PeriodFigures.samples(InteractionColumns.of(interactions), MIDDLE, "EUR", costs);
      assertThat(actual).hasSize(PeriodFigures.RESAMPLES + 1);
      assertThat(actual).isEqualTo(expected);
    }
  }

  /** A cut of the columns (rows shared with the whole) numbers its customers by its own first appearances. */
  @Test
  void aCutOfTheColumnsGivesTheFiguresOfItsOwnRows() {
    List<Interaction> interactions = world(new Random(7), 300);
    InteractionColumns cut = InteractionColumns.of(interactions).where(i -> i.type() != InteractionType.CLICK);
    assertThat(cut.size()).isLessThan(interactions.size());
    assertThat(PeriodFigures.samples(cut, MIDDLE, "USD", Optional.empty()))
        .isEqualTo(reference(List.copyOf(cut), "USD", Optional.empty()));
  }

  /** The revenue differs with the currency counted, so the comparisons above can tell a wrong sum. */
  @Test
  void theCurrencyDecidesTheRevenue() {
    InteractionColumns columns = InteractionColumns.of(world(new Random(3), 200));
    Sample eur = PeriodFigures.samples(columns, MIDDLE, "EUR", Optional.empty()).get(0);
    Sample usd = PeriodFigures.samples(columns, MIDDLE, "USD", Optional.empty()).get(0);
    assertThat(eur.revenue()).isPositive().isNotEqualTo(usd.revenue());
    assertThat(eur.newBuyers()).isPositive().isEqualTo(usd.newBuyers());
  }

  /** Customers in no order, purchases in two currencies or without a value, some at the middle instant itself. */
  private static List<Interaction> world(Random random, int customers) {
    List<Interaction> out = new ArrayList<>();
    List<Channel> channels = List.of(Channel.of("email", ChannelGroup.EMAIL),
        Channel.of("search", ChannelGroup.EMAIL), Channel.of("store", ChannelGroup.EMAIL));
    InteractionType[] types = {InteractionType.VISIT, InteractionType.CLICK, InteractionType.PURCHASE};
    int rows = customers * 5;
    for (int r = 0; r < rows; r++) {
      Instant at = random.nextInt(20) == 0 ? MIDDLE
          : MIDDLE.plusSeconds((long) (random.nextGaussian() * 86_400 * 90)).plusNanos(random.nextInt(3));
      InteractionType type = types[random.nextInt(types.length)];
      Money value = null;
      if (type == InteractionType.PURCHASE && random.nextInt(5) > 0) {
        value = Money.of(BigDecimal.valueOf(random.nextInt(100_000), 2), random.nextInt(4) == 0 ? USD : EUR);
      }
      out.add(Interaction.builder().customerId("c" + random.nextInt(customers)).channel(channels.get(
          random.nextInt(channels.size()))).timestamp(at).type(type).value(value).attributes(Attributes.empty())
          .build());
    }
    return out;
  }

  /** The computation before the columns: a weight per customer, every interaction made. */
  private static List<Sample> reference(List<Interaction> interactions, String currency, Optional<double[]> costs) {
    Map<String, Integer> index = new HashMap<>();
    interactions.forEach(i -> index.putIfAbsent(i.customerId(), index.size()));
    int n = index.size();
    double[] earlierRevenue = new double[n];
    double[] laterRevenue = new double[n];
    boolean[] earlierActive = new boolean[n];
    boolean[] laterActive = new boolean[n];
    Instant[] first = new Instant[n];
    for (Interaction interaction : interactions) {
      int k = index.get(interaction.customerId());
      boolean later = !interaction.timestamp().isBefore(MIDDLE);
      (later ? laterActive : earlierActive)[k] = true;
      if (interaction.type() == InteractionType.PURCHASE) {
        if (first[k] == null || interaction.timestamp().isBefore(first[k])) {
          first[k] = interaction.timestamp();
        }
        Money value = interaction.value();
        if (value != null && value.currency().getCurrencyCode().equals(currency)) {
          (later ? laterRevenue : earlierRevenue)[k] += value.amount().doubleValue();
        }
      }
    }
    int[] firstHalf = new int[n];
    for (int k = 0; k < n; k++) {
      firstHalf[k] = first[k] == null ? -1 : first[k].isBefore(MIDDLE) ? 0 : 1;
    }
    List<int[]> weightings = new ArrayList<>();
    int[] once = new int[n];
    java.util.Arrays.fill(once, 1);
    weightings.add(once);
    SplittableRandom random = new SplittableRandom(PeriodFigures.SEED);
    for (int r = 0; r < PeriodFigures.RESAMPLES && n > 0; r++) {
      int[] weights = new int[n];
      for (int k = 0; k < n; k++) {
        weights[random.nextInt(n)]++;
      }
      weightings.add(weights);
    }
    List<Sample> samples = new ArrayList<>();
    for (int[] weights : weightings) {
      double[] revenue = new double[2];
      long[] newBuyers = new long[2];
      long[] active = new long[2];
      long retained = 0;
      for (int k = 0; k < n; k++) {
        int w = weights[k];
        if (w == 0) {
          continue;
        }
        revenue[0] += w * earlierRevenue[k];
        revenue[1] += w * laterRevenue[k];
        if (firstHalf[k] >= 0) {
          newBuyers[firstHalf[k]] += w;
        }
        active[0] += earlierActive[k] ? w : 0;
        active[1] += laterActive[k] ? w : 0;
        retained += earlierActive[k] && laterActive[k] ? w : 0;
      }
      samples.add(new Sample(new Half(revenue[0], newBuyers[0], costs.map(c -> c[0]), active[0]),
          new Half(revenue[1], newBuyers[1], costs.map(c -> c[1]), active[1]), retained));
    }
    return samples;
  }
}
