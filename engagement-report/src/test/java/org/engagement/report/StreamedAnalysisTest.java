package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.Journeys;
import org.engagement.clv.RepeatBuyingMetrics;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.profile.ProfileInput;
import org.engagement.core.profile.Purchases;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.junit.jupiter.api.Test;

/**
 * The analysis reads its interactions from columns, a customer at a time (issue 16); its shared figures
 * equal those computed the way the report computed them before, from a plain list of interaction objects
 * grouped in a {@link TreeMap} (the oracle below, written with the library's public parts only): on the
 * bundled world and on a generated world with edge cases (instants with nanoseconds, ties, customers whose
 * id order differs from the order first seen, a purchase in a minority currency, interactions after the
 * as-of of a segment).
 */
class StreamedAnalysisTest {
  private static final Channel EMAIL = Channel.of("email", "Email", ChannelGroup.EMAIL);
  private static final Channel SEARCH = Channel.of("search", "Search", ChannelGroup.PAID_SEARCH);
  private static final Channel SHOP = Channel.of("shop", "Shop", ChannelGroup.DIRECT);

  @Test
  void theBundledWorldsSharedFiguresEqualTheListBasedOnes() throws Exception {
    assertSameFigures(BundledWorld.input());
  }

  @Test
  void aGeneratedWorldWithEdgeCasesGivesTheListBasedFigures() {
    for (long seed = 1; seed <= 5; seed++) {
      assertSameFigures(new AnalysisInput("edge cases " + seed, edgeCases(seed), ImportReport.empty("edge"),
          Map.of()));
    }
  }

  private static void assertSameFigures(AnalysisInput input) {
    Analysis analysis = Analysis.of(input, Progress.none());
    List<Interaction> plain = new ArrayList<>(input.interactions());
    assertThat(input.interactions()).isInstanceOf(InteractionColumns.class);
    Instant asOf = plain.stream().map(Interaction::timestamp).max(Instant::compareTo).orElseThrow();
    assertThat(analysis.asOf()).isEqualTo(asOf);
    assertThat(analysis.profiles()).isEqualTo(oracleProfiles(plain, asOf));
    assertThat(analysis.buyers()).isEqualTo(Purchases.of(plain, ConversionRule.purchases()).buyers());
    Journeys expected;
    try {
      expected = oracleJourneys(plain, asOf);
    } catch (IllegalArgumentException e) { // conversion values in two currencies: journeys refuse them
      assertThatThrownBy(analysis::journeys).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    assertThat(analysis.journeys()).isEqualTo(expected);
  }

  /** The profiles as {@code CustomerProfiles} made them from a list grouped in a tree map. */
  private static List<CustomerProfile> oracleProfiles(List<Interaction> all, Instant asOf) {
    List<Interaction> seen = all.stream().filter(i -> !i.timestamp().isAfter(asOf)).toList();
    Map<String, List<Interaction>> byCustomer = new TreeMap<>();
    seen.forEach(i -> byCustomer.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
    Purchases purchases = Purchases.of(seen, ConversionRule.purchases());
    Map<String, Map<String, Double>> extra = RepeatBuyingMetrics.inDays()
        .metrics(new ProfileInput(seen, asOf, ConversionRule.purchases(), purchases));
    Map<String, Double> value = new HashMap<>();
    purchases.buyers().forEach(b -> value.put(b.customerId(), b.value()));
    List<CustomerProfile> profiles = new ArrayList<>();
    byCustomer.forEach((id, list) -> {
      Instant first = list.stream().map(Interaction::timestamp).min(Instant::compareTo).orElseThrow();
      Instant last = list.stream().map(Interaction::timestamp).max(Instant::compareTo).orElseThrow();
      Map<String, Double> metrics = new HashMap<>(extra.getOrDefault(id, Map.of()));
      metrics.put(MetricNames.VALUE, value.getOrDefault(id, 0.0));
      metrics.put(MetricNames.ENGAGEMENT, EngagementScorer.defaults().score(list, asOf));
      metrics.put(MetricNames.RECENCY_DAYS, (double) ChronoUnit.DAYS.between(
          last.atOffset(java.time.ZoneOffset.UTC).toLocalDate(), asOf.atOffset(java.time.ZoneOffset.UTC).toLocalDate()));
      profiles.add(new CustomerProfile(Customer.of(id, first), metrics));
    });
    return profiles;
  }

  /**
   * The journeys cut customer by customer from plain lists and merged (the mergeable contract), with the report's
   * lookback: from the first interaction to the as-of and a day more.
   */
  private static Journeys oracleJourneys(List<Interaction> all, Instant asOf) {
    Instant first = all.stream().map(Interaction::timestamp).min(Instant::compareTo).orElse(asOf);
    JourneyRules rules = JourneyRules.defaults().withAsOf(asOf)
        .withLookback(java.time.Duration.between(first, asOf).plusDays(1));
    Map<String, List<Interaction>> byCustomer = new TreeMap<>();
    all.forEach(i -> byCustomer.computeIfAbsent(i.customerId(), k -> new ArrayList<>()).add(i));
    Journeys merged = null;
    for (List<Interaction> own : byCustomer.values()) {
      Journeys part = rules.journeys(own);
      merged = merged == null ? part : merged.merge(part);
    }
    return merged == null ? rules.journeys(List.of()) : merged;
  }

  /** About 600 interactions of 60 customers, first seen in an order unlike their ids' order. */
  private static List<Interaction> edgeCases(long seed) {
    Random random = new Random(seed);
    Instant start = Instant.parse("2024-01-01T00:00:00Z");
    Channel[] channels = {EMAIL, SEARCH, SHOP};
    InteractionType[] touches = {InteractionType.CLICK, InteractionType.VISIT, InteractionType.OPEN,
        InteractionType.IMPRESSION};
    List<Interaction> out = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      String customer = "k" + (59 - random.nextInt(60)) + (random.nextBoolean() ? "" : "-b");
      Instant at = start.plusSeconds(random.nextInt(40) * 86_400L + (random.nextInt(3) == 0 ? 0 : random.nextInt(86_400)))
          .plusNanos(random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0);
      Interaction.Builder b = Interaction.builder().customerId(customer).timestamp(at)
          .channel(channels[random.nextInt(channels.length)]);
      if (random.nextInt(6) == 0) {
        String currency = seed > 3 && random.nextInt(10) == 0 ? "USD" : "EUR";
        b.type(InteractionType.PURCHASE).value(Money.of(new BigDecimal(random.nextInt(20_000)).movePointLeft(2),
            Currency.getInstance(currency)));
      } else {
        b.type(touches[random.nextInt(touches.length)]);
      }
      Interaction interaction = b.build();
      out.add(interaction);
      if (random.nextInt(15) == 0) {
        out.add(interaction); // the same interaction twice: a tie in every sort key
      }
    }
    return out;
  }
}
