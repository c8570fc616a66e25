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
 * The summary's halves read from the columns by kind of customer (issue 16): the observed figures are, to the
 * bit, those of every customer's interactions made and summed (kept here as the reference), and the resamples
 * spread as draws of every customer one by one would: each draws as many customers as there are, and each
 * figure's mean and spread over the resamples are the bootstrap's (for a sum over n customers drawn with
 * replacement, the observed sum and n times the customers' variance).
 */
class PeriodFiguresSamplesTest {
  private static final Instant MIDDLE = Instant.parse("2024-07-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");
  private static final Currency USD = Currency.getInstance("USD");

  @Test
  void theObservedFiguresAreThoseOfEveryCustomer() {
    for (long seed = 1; seed <= 6; seed++) {
      List<Interaction> interactions = world(new Random(seed), 40 + (int) seed * 37);
      Optional<double[]> costs = seed % 2 == 0 ? Optional.of(new double[] {12.5, 30}) : Optional.empty();
      List<Sample> actual = PeriodFigures.samples(InteractionColumns.of(interactions), MIDDLE, "EUR", costs);
      assertThat(actual).hasSize(PeriodFigures.RESAMPLES + 1);
      assertThat(actual.get(0)).isEqualTo(reference(interactions, "EUR", costs));
    }
  }

  /**
   * Each figure's mean over the resamples is within four standard errors of the observed figure, and its
   * standard deviation within a fifth of the bootstrap's, the square root of n times the customers' variance (with
   * 400 resamples the standard deviation's own relative error is about 3.5 %).
   */
  @Test
  void theResamplesSpreadAsDrawsOfEveryCustomerWould() {
    for (long seed = 11; seed <= 13; seed++) {
      List<Interaction> interactions = world(new Random(seed), 3_000);
      double[][] perCustomer = perCustomer(interactions, "EUR");
      List<Sample> samples = PeriodFigures.samples(InteractionColumns.of(interactions), MIDDLE, "EUR",
          Optional.empty());
      List<Sample> resamples = samples.subList(1, samples.size());
      List<java.util.function.ToDoubleFunction<Sample>> figures = List.of(s -> s.earlier().revenue(),
          s -> s.later().revenue(), s -> s.earlier().newBuyers(), s -> s.later().newBuyers(),
          s -> s.earlier().active(), s -> s.later().active(), Sample::retained);
      for (int f = 0; f < figures.size(); f++) {
        double[] values = resamples.stream().mapToDouble(figures.get(f)).toArray();
        double expectedSd = Math.sqrt(perCustomer[f].length * variance(perCustomer[f]));
        double observed = figures.get(f).applyAsDouble(samples.get(0));
        assertThat(expectedSd).as("figure %d varies", f).isPositive();
        assertThat(Math.abs(mean(values) - observed)).as("figure %d's mean", f)
            .isLessThan(4 * expectedSd / Math.sqrt(values.length));
        assertThat(Math.sqrt(variance(values)) / expectedSd).as("figure %d's spread", f).isBetween(0.8, 1.2);
      }
    }
  }

  /**
   * Every resample draws as many customers as there are: where every customer is active in both halves, every
   * resample counts them all active and retained, with no payer, some, or every customer paying.
   */
  @Test
  void everyResampleDrawsAsManyCustomersAsThereAre() {
    for (int paying : new int[] {0, 7, 50}) {
      List<Interaction> interactions = new ArrayList<>();
      for (int c = 0; c < 50; c++) {
        interactions.add(touch("c" + c, MIDDLE.minusSeconds(86_400), InteractionType.VISIT, null));
        interactions.add(touch("c" + c, MIDDLE.plusSeconds(86_400), InteractionType.VISIT, null));
        if (c < paying) {
          interactions.add(touch("c" + c, MIDDLE.plusSeconds(3_600),
              InteractionType.PURCHASE, Money.of(BigDecimal.TEN, EUR)));
        }
      }
      List<Sample> samples = PeriodFigures.samples(InteractionColumns.of(interactions), MIDDLE, "EUR",
          Optional.empty());
      assertThat(samples).hasSize(PeriodFigures.RESAMPLES + 1).allSatisfy(s -> {
        assertThat(s.earlier().active()).isEqualTo(50);
        assertThat(s.later().active()).isEqualTo(50);
        assertThat(s.retained()).isEqualTo(50);
        assertThat(s.later().newBuyers()).isLessThanOrEqualTo(50);
      });
      if (paying == 50) {
        assertThat(samples).allSatisfy(s -> assertThat(s.later().newBuyers()).isEqualTo(50));
      }
    }
  }

  /** A cut of the columns (rows shared with the whole) numbers its customers by its own first appearances. */
  @Test
  void aCutOfTheColumnsGivesTheFiguresOfItsOwnRows() {
    List<Interaction> interactions = world(new Random(7), 300);
    InteractionColumns cut = InteractionColumns.of(interactions).where(i -> i.type() != InteractionType.CLICK);
    assertThat(cut.size()).isLessThan(interactions.size());
    List<Sample> ofCut = PeriodFigures.samples(cut, MIDDLE, "USD", Optional.empty());
    assertThat(ofCut.get(0)).isEqualTo(reference(List.copyOf(cut), "USD", Optional.empty()));
    assertThat(ofCut).isEqualTo(PeriodFigures.samples(InteractionColumns.of(List.copyOf(cut)), MIDDLE, "USD",
        Optional.empty()));
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

  /** The observed figures as computed before the columns: every customer's interactions made and summed. */
  private static Sample reference(List<Interaction> interactions, String currency, Optional<double[]> costs) {
    double[][] f = perCustomer(interactions, currency);
    double[] sums = new double[f.length];
    for (int figure = 0; figure < f.length; figure++) {
      for (double value : f[figure]) {
        sums[figure] += value;
      }
    }
    return new Sample(new Half(sums[0], (long) sums[2], costs.map(c -> c[0]), (long) sums[4]),
        new Half(sums[1], (long) sums[3], costs.map(c -> c[1]), (long) sums[5]), (long) sums[6]);
  }

  private static Interaction touch(String customer, Instant at, InteractionType type, Money value) {
    return Interaction.builder().customerId(customer).channel(Channel.of("email", ChannelGroup.EMAIL)).timestamp(at)
        .type(type).value(value).attributes(Attributes.empty()).build();
  }

  /**
   * Each customer's part of each figure, customers in order of first appearance: revenue in each half, first
   * purchase in each half (0 or 1), active in each half, active in both.
   */
  private static double[][] perCustomer(List<Interaction> interactions, String currency) {
    Map<String, Integer> index = new HashMap<>();
    interactions.forEach(i -> index.putIfAbsent(i.customerId(), index.size()));
    double[][] figures = new double[7][index.size()];
    Instant[] first = new Instant[index.size()];
    for (Interaction interaction : interactions) {
      int k = index.get(interaction.customerId());
      boolean later = !interaction.timestamp().isBefore(MIDDLE);
      figures[later ? 5 : 4][k] = 1;
      if (interaction.type() == InteractionType.PURCHASE) {
        if (first[k] == null || interaction.timestamp().isBefore(first[k])) {
          first[k] = interaction.timestamp();
        }
        Money value = interaction.value();
        if (value != null && value.currency().getCurrencyCode().equals(currency)) {
          figures[later ? 1 : 0][k] += value.amount().doubleValue();
        }
      }
    }
    for (int k = 0; k < first.length; k++) {
      if (first[k] != null) {
        figures[first[k].isBefore(MIDDLE) ? 2 : 3][k] = 1;
      }
      figures[6][k] = figures[4][k] * figures[5][k];
    }
    return figures;
  }

  private static double mean(double[] values) {
    return java.util.Arrays.stream(values).average().orElseThrow();
  }

  /** The population variance. */
  private static double variance(double[] values) {
    double mean = mean(values);
    return java.util.Arrays.stream(values).map(v -> (v - mean) * (v - mean)).average().orElseThrow();
  }
}
