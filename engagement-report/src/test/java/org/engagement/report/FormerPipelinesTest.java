package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.clv.FittedLifetimeValue;
import org.engagement.clv.LifetimeValueAnalysis;
import org.engagement.clv.RepeatBuyingMetrics;
import org.engagement.clv.fit.FitOptions;
import org.engagement.clv.model.BgNbdModel;
import org.engagement.clv.model.GammaGammaModel;
import org.engagement.clv.model.SpendSummary;
import org.engagement.clv.prediction.LifetimeValuePredictor;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.clv.summary.RepeatBuyingSummaries;
import org.engagement.clv.summary.RepeatBuyingSummary;
import org.engagement.clv.summary.SummaryOptions;
import org.engagement.clv.summary.Transaction;
import org.engagement.clv.summary.WeightedSummary;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.CustomerProfile;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.EngagementScorer;
import org.engagement.core.profile.Buyer;
import org.engagement.core.profile.CustomerProfiles;
import org.engagement.core.profile.Purchases;
import org.engagement.core.segment.Segment;
import org.engagement.core.value.tier.MetricNames;
import org.engagement.core.value.tier.ValueTier;
import org.engagement.core.value.tier.ValueTiers;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.report.analysis.LifetimeValueFit;
import org.engagement.report.analysis.Progress;
import org.engagement.roi.RelationshipRoiCalculator;
import org.engagement.roi.RoiAnalysis;
import org.engagement.roi.RoiData;
import org.engagement.roi.RoiInputs;
import org.engagement.roi.RoiReport;
import org.engagement.roi.RoiResult;
import org.engagement.roi.RoiSegments;
import org.engagement.roi.RoiSettings;
import org.engagement.roi.evidence.ChannelEvidence;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.io.CostCsvReader;
import org.engagement.roi.io.SurveyCsvReader;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.ChannelPhrase;
import org.engagement.roi.selfreport.HybridAttribution;
import org.engagement.roi.selfreport.SelfReportedAttribution;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library pipelines give exactly what the report computed by hand before they existed: this class
 * keeps that former code (the report's {@code Analysis.computeProfiles} and buyer totals, {@code
 * LifetimeValueFit.fit} and {@code RelationshipRoiBuilder.calculate/perTier}, as of the re-cut) as the
 * reference, and compares on the bundled sample world and on the small world with costs.
 */
class FormerPipelinesTest {

  @Test
  void profilesBuyersAndLifetimeValueOnTheBundledWorld() throws IOException {
    List<Interaction> interactions = BundledWorld.input().interactions();
    Instant asOf = latest(interactions);
    Former former = Former.of(interactions, asOf);

    Purchases purchases = Purchases.of(interactions, ConversionRule.purchases());
    assertThat(purchases.currency()).contains(former.currency);
    assertThat(purchases.otherCurrency()).isEqualTo(former.otherCurrency);
    assertThat(purchases.buyers()).isEqualTo(former.buyers);

    assertThat(CustomerProfiles.defaults().withMetrics(RepeatBuyingMetrics.inDays()).profiles(interactions, asOf))
        .isEqualTo(former.profiles());

    FittedLifetimeValue fitted = LifetimeValueAnalysis.defaults()
        .fit(interactions, ConversionRule.purchases(), former.currency, asOf).fitted().orElseThrow();
    assertThat(fitted.purchases()).isEqualTo(former.bgNbd());
    assertThat(fitted.spend()).isEqualTo(former.gammaGamma());
    assertThat(fitted.summaries()).isEqualTo(former.summaries(PeriodUnit.WEEK));
  }

  @Test
  void relationshipRoiOnTheBundledWorld() throws IOException {
    AnalysisInput input = BundledWorld.input();
    Analysis analysis = Analysis.of(input, Progress.none());
    compareRoi(analysis, Currency.getInstance("EUR"));
  }

  @Test
  void relationshipRoiOnTheSmallWorldWithCosts(@TempDir Path dir) throws IOException {
    SmallWorld.write(dir);
    Files.writeString(dir.resolve("costs.csv"), "month,channel,owner,amount,currency\n2024-01,email,crm,10,EUR\n"
        + "2024-02,social,crm,7.33,EUR\n2023-12,email,crm,1.10,EUR\n");
    Files.writeString(dir.resolve("survey.csv"), "customer_id,answer\na,an Email\nb,on social\nd,no idea\n");
    compareRoi(Analysis.of(AnalysisInput.read(dir), Progress.none()), Currency.getInstance("EUR"));
  }

  /** The pipeline's reports, for everyone and per value tier, equal those of the former code. */
  private static void compareRoi(Analysis analysis, Currency currency) {
    CostCsvReader reader = CostCsvReader.inCurrency(currency);
    Investment investment = reader.investment(CsvFiles.read(analysis, AnalysisInput.COSTS, analysis.input().file(AnalysisInput.COSTS).orElseThrow(),
        source -> reader.read(source, AnalysisInput.COSTS)));
    List<SurveyAnswer> answers = analysis.input().file(AnalysisInput.SURVEY)
        .map(file -> CsvFiles.read(analysis, AnalysisInput.SURVEY, file,
            source -> SurveyCsvReader.read(source, AnalysisInput.SURVEY)).values())
        .orElse(List.of());
    AnswerMapping mapping = FormerRoi.mapping(analysis);
    FormerRoi former = new FormerRoi(analysis, investment, answers, mapping);

    RoiAnalysis roi = RoiAnalysis.of(RoiSettings.defaults().withMapping(mapping));
    RoiData data = RoiData.of(analysis.input().interactions(), investment).withSurvey(answers);
    RoiResult overall = roi.calculate(data);
    assertThat(overall.report()).isEqualTo(former.overall());
    assertThat(overall.valuePerCustomer()).isEqualTo(former.valuePerCustomer);

    List<CustomerProfile> profiles = analysis.profiles();
    ValueTiers tiers = ValueTiers.of(analysis.valuePredictor(), profiles);
    ValueTiers shared = analysis.valueTiers();
    assertThat(analysis.apart().valueTiers()).isSameAs(shared);
    assertThat(shared.valueCutoff()).isEqualTo(tiers.valueCutoff());
    assertThat(shared.engagementCutoff()).isEqualTo(tiers.engagementCutoff());
    assertThat(profiles).allMatch(profile -> shared.tier(profile) == tiers.tier(profile));
    List<Segment> segments = new ArrayList<>();
    for (ValueTier tier : ValueTier.values()) {
      segments.add(tiers.segment(tier));
    }
    Map<String, RoiReport> perTier = new LinkedHashMap<>();
    roi.perSegment(data, RoiSegments.of(segments, profiles)).forEach((name, r) -> perTier.put(name, r.report()));
    assertThat(perTier).isEqualTo(former.perTier(tiers, profiles));
    assertThat(perTier).isNotEmpty();
  }

  private static Instant latest(List<Interaction> interactions) {
    return interactions.stream().map(Interaction::timestamp).max(Comparator.naturalOrder()).orElseThrow();
  }

  /** The report's former buyers, profiles and lifetime-value fit. */
  private static final class Former {
    final List<Interaction> interactions;
    final Instant asOf;
    final Currency currency;
    final long otherCurrency;
    final List<Buyer> buyers;

    private Former(List<Interaction> interactions, Instant asOf) {
      this.interactions = interactions;
      this.asOf = asOf;
      ConversionRule rule = ConversionRule.purchases();
      Map<Currency, Integer> currencies = new HashMap<>();
      for (Interaction i : interactions) {
        if (rule.isConversion(i) && i.value() != null) {
          currencies.merge(i.value().currency(), 1, Integer::sum);
        }
      }
      currency = currencies.entrySet().stream()
          .max(Map.Entry.<Currency, Integer>comparingByValue()
              .thenComparing(e -> e.getKey().getCurrencyCode(), Comparator.reverseOrder()))
          .map(Map.Entry::getKey).orElseThrow();
      long other = 0;
      Map<String, Buyer> byId = new TreeMap<>();
      for (Interaction i : interactions) {
        if (!rule.isConversion(i)) {
          continue;
        }
        if (i.value() != null && !i.value().currency().equals(currency)) {
          other++;
          continue;
        }
        double amount = i.value() == null ? 0 : i.value().amount().doubleValue();
        LocalDate date = i.timestamp().atOffset(ZoneOffset.UTC).toLocalDate();
        byId.merge(i.customerId(), new Buyer(i.customerId(), amount, 1, date), (a, b) -> new Buyer(
            a.customerId(), a.value() + b.value(), a.purchases() + 1,
            a.lastPurchase().isAfter(b.lastPurchase()) ? a.lastPurchase() : b.lastPurchase()));
      }
      otherCurrency = other;
      buyers = List.copyOf(byId.values());
    }

    static Former of(List<Interaction> interactions, Instant asOf) {
      return new Former(interactions, asOf);
    }

    LocalDate asOfDate() {
      return asOf.atOffset(ZoneOffset.UTC).toLocalDate();
    }

    List<RepeatBuyingSummary> summaries(PeriodUnit unit) {
      ConversionRule rule = ConversionRule.purchases();
      List<Transaction> transactions = new ArrayList<>();
      for (Interaction i : interactions) {
        if (rule.isConversion(i) && (i.value() == null || i.value().currency().equals(currency))) {
          transactions.add(Transaction.at(i.customerId(), i.timestamp(),
              i.value() == null ? 0 : i.value().amount().doubleValue()));
        }
      }
      return RepeatBuyingSummaries.summarize(transactions, SummaryOptions.of(unit, asOfDate()));
    }

    BgNbdModel bgNbd() {
      return BgNbdModel.fit(WeightedSummary.compress(summaries(PeriodUnit.WEEK)), PeriodUnit.WEEK,
          FitOptions.defaults()).model();
    }

    GammaGammaModel gammaGamma() {
      List<RepeatBuyingSummary> repeat = summaries(PeriodUnit.WEEK).stream().filter(s -> s.frequency() > 0).toList();
      return GammaGammaModel.fit(SpendSummary.compress(repeat), FitOptions.defaults()).model();
    }

    List<CustomerProfile> profiles() {
      Map<String, Map<String, Double>> repeatBuying = new HashMap<>();
      for (RepeatBuyingSummary s : summaries(PeriodUnit.DAY)) {
        repeatBuying.put(s.customerId(), Map.of(
            LifetimeValuePredictor.REPEAT_PURCHASES, (double) s.frequency(),
            LifetimeValuePredictor.PURCHASE_SPAN_DAYS, s.recency(),
            LifetimeValuePredictor.CUSTOMER_AGE_DAYS, s.age(),
            LifetimeValuePredictor.MEAN_REPEAT_SPEND, s.meanSpend()));
      }
      Map<String, List<Interaction>> byCustomer = new TreeMap<>();
      for (Interaction interaction : interactions) {
        byCustomer.computeIfAbsent(interaction.customerId(), id -> new ArrayList<>()).add(interaction);
      }
      Map<String, Double> value = new HashMap<>();
      buyers.forEach(b -> value.put(b.customerId(), b.value()));
      EngagementScorer scorer = EngagementScorer.defaults();
      List<CustomerProfile> result = new ArrayList<>();
      byCustomer.forEach((id, list) -> {
        Instant first = list.stream().map(Interaction::timestamp).min(Instant::compareTo).orElseThrow();
        Instant last = list.stream().map(Interaction::timestamp).max(Instant::compareTo).orElseThrow();
        long recency = ChronoUnit.DAYS.between(last.atOffset(ZoneOffset.UTC).toLocalDate(), asOfDate());
        Map<String, Double> metrics = new HashMap<>(repeatBuying.getOrDefault(id, Map.of()));
        metrics.put(MetricNames.VALUE, value.getOrDefault(id, 0.0));
        metrics.put(MetricNames.ENGAGEMENT, scorer.score(list, asOf));
        metrics.put(MetricNames.RECENCY_DAYS, (double) recency);
        result.add(new CustomerProfile(Customer.of(id, first), metrics));
      });
      return List.copyOf(result);
    }
  }

  /** The report's former relationship-ROI computation, for everyone and per value tier. */
  private static final class FormerRoi {
    final Analysis analysis;
    final Investment investment;
    final List<SurveyAnswer> answers;
    final AnswerMapping mapping;
    final YearMonth first;
    final YearMonth last;
    final double valuePerCustomer;

    FormerRoi(Analysis analysis, Investment investment, List<SurveyAnswer> answers, AnswerMapping mapping) {
      this.analysis = analysis;
      this.investment = investment;
      this.answers = answers;
      this.mapping = mapping;
      YearMonth f = YearMonth.from(analysis.input().interactions().stream().map(Interaction::timestamp)
          .min(Instant::compareTo).orElse(Instant.EPOCH).atOffset(ZoneOffset.UTC));
      YearMonth l = YearMonth.from(analysis.asOfDate());
      if (!investment.byMonth().isEmpty()) {
        f = f.isBefore(investment.byMonth().firstKey()) ? f : investment.byMonth().firstKey();
        l = l.isAfter(investment.byMonth().lastKey()) ? l : investment.byMonth().lastKey();
      }
      this.first = f;
      this.last = l;
      this.valuePerCustomer = analysis.buyers().stream().mapToDouble(Buyer::value).average().orElse(0);
    }

    /** The former fallback: the survey phrases file, or each channel's id and display name. */
    static AnswerMapping mapping(Analysis analysis) {
      var phrases = analysis.input().file(AnalysisInput.SURVEY_CHANNELS).map(file ->
          CsvFiles.read(analysis, AnalysisInput.SURVEY_CHANNELS, file,
              source -> SurveyCsvReader.readPhrases(source, AnalysisInput.SURVEY_CHANNELS)));
      if (phrases.isPresent() && !phrases.get().values().isEmpty()) {
        return AnswerMapping.of(phrases.get().values());
      }
      Map<String, Channel> channels = new LinkedHashMap<>();
      analysis.input().interactions().forEach(i -> channels.putIfAbsent(i.channel().id(), i.channel()));
      List<ChannelPhrase> all = new ArrayList<>();
      channels.values().forEach(channel -> {
        for (String name : List.of(channel.id(), channel.displayName())) {
          try {
            all.add(new ChannelPhrase(channel.id(), name));
          } catch (InvalidFieldException noWord) {
            // a name without a letter or digit cannot be matched in an answer
          }
        }
      });
      return all.isEmpty() ? AnswerMapping.builder().build() : AnswerMapping.of(all);
    }

    RoiReport overall() {
      // The former code's journeys: the default 90-day rules at the analysis's as-of, which RoiSettings.defaults()
      // still cuts with (the report's own journeys cover the data since issue 13's h-truth10).
      return calculate(analysis.input().interactions(), JourneyRules.defaults().withAsOf(analysis.asOf())
          .journeys(analysis.input().interactions()).toJourneySet(), investment, answers);
    }

    Map<String, RoiReport> perTier(ValueTiers tiers, List<CustomerProfile> profiles) {
      Map<String, ValueTier> assigned = tiers.assign(profiles);
      Map<String, RoiReport> reports = new LinkedHashMap<>();
      for (ValueTier tier : ValueTier.values()) {
        Set<String> members = new HashSet<>();
        assigned.forEach((customer, t) -> {
          if (t == tier) {
            members.add(customer);
          }
        });
        if (members.isEmpty()) {
          continue;
        }
        List<Interaction> interactions =
            analysis.input().interactions().stream().filter(i -> members.contains(i.customerId())).toList();
        // The former code cut a tier's journeys at the tier's own latest interaction; the pipeline cuts every
        // tier where it cuts everyone (the analysis's as-of), so that a segment's journeys do not depend on
        // which customers it holds. The reference follows that one deliberate change.
        JourneySet tierJourneys =
            JourneyRules.defaults().withAsOf(analysis.asOf()).journeys(interactions).toJourneySet();
        reports.put(tier.label(), calculate(interactions, tierJourneys,
            investment.allocatedTo(tier.label(), members.size() / (double) profiles.size()),
            answers.stream().filter(a -> members.contains(a.customerId())).toList()));
      }
      return reports;
    }

    RoiReport calculate(List<Interaction> interactions, JourneySet journeys, Investment costs,
        List<SurveyAnswer> scopeAnswers) {
      AttributionResult measured = AttributionModels.defaults().create("markov").attribute(journeys);
      boolean surveyed = analysis.input().file(AnalysisInput.SURVEY).isPresent();
      HybridAttribution attribution = surveyed
          ? HybridAttribution.blend(measured, SelfReportedAttribution.of(scopeAnswers, mapping), 0.5)
          : HybridAttribution.measuredOnly(measured);
      ChannelEvidence evidence = ChannelEvidence.of(interactions,
          first.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant(), last.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant());
      RoiInputs.Builder inputs = RoiInputs.builder(costs, attribution, first, last)
          .distinctEngagedCustomers(evidence.engagedOnAnyChannel());
      evidence.engagedCustomers().forEach(inputs::engagedCustomers);
      evidence.retention(Duration.ofDays(90), valuePerCustomer).forEach(inputs::retention);
      evidence.engagementLift(0).forEach((channel, lift) -> inputs.lift(channel, lift.evidence()));
      return RelationshipRoiCalculator.defaults().calculate(inputs.build());
    }

  }
}
