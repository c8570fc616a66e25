package org.engagement.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.compare.ModelComparison;
import org.engagement.attribution.interval.CreditInterval;
import org.engagement.attribution.interval.CreditIntervals;
import org.engagement.attribution.journey.ChannelIndex;
import org.engagement.clv.CustomerValue;
import org.engagement.clv.prediction.Horizon;
import org.engagement.clv.fit.FitResult;
import org.engagement.clv.fit.FitStatus;
import org.engagement.clv.summary.PeriodUnit;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.value.tier.SegmentRollup;
import org.engagement.json.saved.ClvFitData;
import org.engagement.json.saved.SavedClvModel;
import org.engagement.json.view.JourneyCreditsView;
import org.engagement.json.view.LifetimeValueView;
import org.engagement.json.view.RoiResultView;
import org.engagement.roi.RewardComponent;
import org.engagement.roi.lift.Interval;
import org.engagement.roi.mix.BudgetPlan;
import org.engagement.roi.mix.ChannelAllocation;
import org.engagement.roi.mix.ChannelEffect;
import org.engagement.roi.RoiLine;
import org.engagement.roi.RoiReport;

/**
 * Every JSON form read back gives the value written, for arbitrary values: any double (NaN, infinities,
 * {@code -0.0} and subnormals included wherever the type allows them), any text (control characters, quotes,
 * surrogate pairs), empty and long lists.
 */
class RoundTripProperties {

  @Property(tries = 300)
  void attributionResults(@ForAll("results") AttributionResult result) throws IOException {
    Same.attribution(EngagementJson.read(EngagementJson.write(result), AttributionResult.class), result);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    EngagementJson.write(result, bytes);
    Same.attribution(EngagementJson.read(new ByteArrayInputStream(bytes.toByteArray()), AttributionResult.class),
        result);
  }

  @Property(tries = 100)
  void comparisons(@ForAll("results") AttributionResult first) throws IOException {
    double[] conversions = new double[first.channels().size()];
    double[] values = new double[conversions.length];
    for (int c = 0; c < conversions.length; c++) {
      conversions[c] = first.conversions(c) / 2;
      values[c] = first.value(c);
    }
    AttributionResult second = AttributionResult.of(first.model() + "-2", first.channels(), conversions, values,
        first.totalConversions(), first.totalValue(), true);
    ModelComparison comparison = ModelComparison.of(List.of(first, second));
    ModelComparison back = EngagementJson.read(EngagementJson.write(comparison), ModelComparison.class);
    assertThat(back.models()).isEqualTo(comparison.models());
    Same.attribution(back.results().get(0), first);
    Same.attribution(back.results().get(1), second);
  }

  @Property(tries = 200)
  void creditIntervals(@ForAll("intervals") CreditIntervals intervals) throws IOException {
    assertThat(EngagementJson.read(EngagementJson.write(intervals), CreditIntervals.class)).isEqualTo(intervals);
  }

  @Property(tries = 300)
  void fits(@ForAll("fits") FitResult fit) throws IOException {
    Same.fit(EngagementJson.read(EngagementJson.write(fit), FitResult.class), fit);
  }

  @Property
  void customerValues(@ForAll("text") String id, @ForAll("doubles") double alive, @ForAll("doubles") double purchases,
      @ForAll("doubles") double spend, @ForAll("doubles") double value) throws IOException {
    CustomerValue customer = new CustomerValue(id, alive, purchases, spend, value);
    assertThat(EngagementJson.read(EngagementJson.write(customer), CustomerValue.class)).isEqualTo(customer);
    List<CustomerValue> list = List.of(customer, customer);
    assertThat(EngagementJson.readList(EngagementJson.writeList(list, CustomerValue.class), CustomerValue.class))
        .isEqualTo(list);
  }

  @Property(tries = 300)
  void savedClvModels(@ForAll("savedClv") SavedClvModel saved) throws IOException {
    SavedClvModel back = EngagementJson.read(EngagementJson.write(saved), SavedClvModel.class);
    assertThat(back.kind()).isEqualTo(saved.kind());
    assertThat(back.unit()).isEqualTo(saved.unit());
    assertThat(back.data()).isEqualTo(saved.data());
    Same.fit(back.fit(), saved.fit());
  }

  @Property(tries = 300)
  void importReports(@ForAll("imports") ImportReport report) throws IOException {
    assertThat(EngagementJson.read(EngagementJson.write(report), ImportReport.class)).isEqualTo(report);
  }

  @Property
  void segments(@ForAll("text") String name, @ForAll("counts") long size, @ForAll("doubles") double total,
      @ForAll("doubles") double engagement, @ForAll("unit") double churn) throws IOException {
    SegmentRollup segment = new SegmentRollup(name, (int) size, total, engagement, churn);
    assertThat(EngagementJson.read(EngagementJson.write(segment), SegmentRollup.class)).isEqualTo(segment);
  }

  @Property
  void money(@ForAll("money") Money money) throws IOException {
    assertThat(EngagementJson.read(EngagementJson.write(money), Money.class)).isEqualTo(money);
  }

  @Property(tries = 200)
  void roiReports(@ForAll("roiReports") RoiReport report) throws IOException {
    assertThat(EngagementJson.read(EngagementJson.write(report), RoiReport.class)).isEqualTo(report);
  }

  @Property(tries = 200)
  void journeyCredits(@ForAll("journeyCreditViews") JourneyCreditsView view) throws IOException {
    JourneyCreditsView back = EngagementJson.read(EngagementJson.write(view), JourneyCreditsView.class);
    assertThat(back.model()).isEqualTo(view.model());
    assertThat(back.spread()).isEqualTo(view.spread());
    Same.attribution(back.result(), view.result());
    assertThat(back.journeys()).isEqualTo(view.journeys());
  }

  @Property(tries = 200)
  void lifetimeValues(@ForAll("lifetimeValueViews") LifetimeValueView view) throws IOException {
    LifetimeValueView back = EngagementJson.read(EngagementJson.write(view), LifetimeValueView.class);
    assertThat(back.reason()).isEqualTo(view.reason());
    assertThat(back.degeneracies()).isEqualTo(view.degeneracies());
    assertThat(back.zeroSpendBuyers()).isEqualTo(view.zeroSpendBuyers());
    assertThat(back.fitted()).isEqualTo(view.fitted());
    assertThat(back.purchaseSearch() == null).isEqualTo(view.purchaseSearch() == null);
    assertThat(back.spendSearch() == null).isEqualTo(view.spendSearch() == null);
    if (view.purchaseSearch() != null) {
      Same.fit(back.purchaseSearch(), view.purchaseSearch());
    }
    if (view.spendSearch() != null) {
      Same.fit(back.spendSearch(), view.spendSearch());
    }
  }

  @Property(tries = 200)
  void roiResults(@ForAll("roiResultViews") RoiResultView view) throws IOException {
    RoiResultView back = EngagementJson.read(EngagementJson.write(view), RoiResultView.class);
    assertThat(back.report()).isEqualTo(view.report());
    Same.attribution(back.measured(), view.measured());
    assertThat(back.surveyCounts()).isEqualTo(view.surveyCounts());
    assertThat(new double[] {back.surveyWeight(), back.valuePerCustomer()})
        .isEqualTo(new double[] {view.surveyWeight(), view.valuePerCustomer()});
    assertThat(back.surveyUnmapped()).isEqualTo(view.surveyUnmapped());
  }

  @Property(tries = 200)
  void channelEffects(@ForAll("channelEffects") ChannelEffect effect) throws IOException {
    assertThat(EngagementJson.read(EngagementJson.write(effect), ChannelEffect.class)).isEqualTo(effect);
  }

  @Property(tries = 200)
  void budgetPlans(@ForAll("budgetPlans") BudgetPlan plan) throws IOException {
    assertThat(EngagementJson.read(EngagementJson.write(plan), BudgetPlan.class)).isEqualTo(plan);
  }

  @Provide
  Arbitrary<Interval> intervalBounds() {
    return Combinators.combine(finite(), finite(), Arbitraries.doubles().between(0, 1).filter(l -> l > 0 && l < 1))
        .as((a, b, level) -> new Interval(Math.min(a, b), Math.max(a, b), level));
  }

  @Provide
  Arbitrary<ChannelEffect> channelEffects() {
    return Combinators.combine(text(), doubles().array(double[].class).ofSize(6), intervalBounds(), intervalBounds())
        .as((channel, d, roi, marginal) -> new ChannelEffect(channel, d[0], d[1], d[2], d[3], roi, d[4], marginal,
            d[5]));
  }

  @Provide
  Arbitrary<BudgetPlan> budgetPlans() {
    Arbitrary<ChannelAllocation> allocation = Combinators.combine(text(), doubles().array(double[].class).ofSize(4))
        .as((channel, d) -> new ChannelAllocation(channel, d[0], d[1], d[2], d[3]));
    return Combinators.combine(doubles(), allocation.list().ofMaxSize(5), doubles(), intervalBounds())
        .as(BudgetPlan::new);
  }

  @Provide
  Arbitrary<JourneyCreditsView> journeyCreditViews() {
    Arbitrary<JourneyCreditsView.Credit> credit = Combinators.combine(text(), doubles(), doubles())
        .as(JourneyCreditsView.Credit::new);
    Arbitrary<Instant> instants = Arbitraries.longs().between(Instant.MIN.getEpochSecond(),
        Instant.MAX.getEpochSecond()).map(Instant::ofEpochSecond);
    Arbitrary<JourneyCreditsView.Journey> journey = Combinators.combine(text(), instants.injectNull(0.3), doubles(),
        credit.list().ofMaxSize(4)).as(JourneyCreditsView.Journey::new);
    return Combinators.combine(text(), Arbitraries.of(true, false), results(), journey.list().ofMaxSize(5))
        .as(JourneyCreditsView::new);
  }

  @Provide
  Arbitrary<LifetimeValueView> lifetimeValueViews() {
    Arbitrary<LifetimeValueView.Fitted> fitted = Combinators.combine(Arbitraries.of(PeriodUnit.class),
        Arbitraries.doubles().between(1e-3, 1e4).ofScale(6), Arbitraries.of(PeriodUnit.class), doubles(),
        Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().greaterOrEqual(0))
        .as((unit, amount, horizonUnit, rate, buyers, repeat) ->
            new LifetimeValueView.Fitted(unit, new Horizon(amount, horizonUnit), rate, buyers, repeat));
    Arbitrary<FitResult> purchases = fit(SavedClvModel.Kind.BGNBD.parameters());
    Arbitrary<FitResult> spend = fit(SavedClvModel.Kind.GAMMAGAMMA.parameters());
    return Combinators.combine(text().injectNull(0.5), text().list().ofMaxSize(2), counts(),
        purchases.injectNull(0.3), spend.injectNull(0.3), fitted.injectNull(0.4))
        .as(LifetimeValueView::new);
  }

  @Provide
  Arbitrary<RoiResultView> roiResultViews() {
    Arbitrary<Map<String, Long>> counts = Arbitraries.maps(text(), counts()).ofMaxSize(4);
    return Combinators.combine(roiReports(), results(), Arbitraries.doubles().between(0, 1), counts, counts(),
        doubles()).as(RoiResultView::new);
  }

  @Provide
  Arbitrary<Double> doubles() {
    return Arbitraries.oneOf(Arbitraries.doubles(),
        Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, 0.0, Double.MIN_VALUE,
            Double.MAX_VALUE, 0.1, 1e-310, 123456789.12345679),
        Arbitraries.longs().map(Double::longBitsToDouble));
  }

  @Provide
  Arbitrary<Double> finite() {
    return doubles().filter(Double::isFinite);
  }

  @Provide
  Arbitrary<Double> unit() {
    return Arbitraries.doubles().between(0, 1);
  }

  @Provide
  Arbitrary<Long> counts() {
    return Arbitraries.longs().between(0, Integer.MAX_VALUE);
  }

  @Provide
  Arbitrary<String> text() {
    return Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(12),
        Arbitraries.strings().all().ofMaxLength(12),
        Arbitraries.of("", "a,b", "\"quoted\"", "=SUM(A1)", "emoji \uD83D\uDE00", "tab\tnew\nline", "\u0000"));
  }

  @Provide
  Arbitrary<AttributionResult> results() {
    Arbitrary<List<String>> names = text().set().ofMaxSize(6).map(ArrayList::new);
    return names.flatMap(channels -> {
      int n = channels.size();
      Arbitrary<double[]> credits = finite().array(double[].class).ofSize(n);
      Arbitrary<List<String>> notes = text().filter(s -> !s.isBlank()).list().ofMaxSize(3);
      return Combinators.combine(text(), credits, credits, doubles(), doubles(), Arbitraries.of(true, false), notes)
          .as((model, conversions, values, total, totalValue, additive, said) ->
              AttributionResult.of(model, ChannelIndex.of(channels), conversions, values, total, totalValue, additive)
                  .withNotes(said));
    });
  }

  @Provide
  Arbitrary<CreditIntervals> intervals() {
    Arbitrary<CreditInterval> interval = Combinators.combine(text(), doubles().array(double[].class).ofSize(9))
        .as((channel, d) -> new CreditInterval(channel, d[0], d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8]));
    return Combinators.combine(text(), doubles(), Arbitraries.integers().between(0, 100_000), Arbitraries.longs(),
        Arbitraries.of("customers", "journeys"), interval.list().ofMaxSize(5), text().list().ofMaxSize(3))
        .as(CreditIntervals::new);
  }

  @Provide
  Arbitrary<FitResult> fits() {
    return Arbitraries.of(SavedClvModel.Kind.class).flatMap(kind -> fit(kind.parameters()));
  }

  private Arbitrary<FitResult> fit(List<String> names) {
    int n = names.size();
    Arbitrary<double[]> estimates = doubles().array(double[].class).ofSize(n);
    Arbitrary<Optional<double[][]>> covariance = doubles().array(double[].class).ofSize(n)
        .array(double[][].class).ofSize(n).optional();
    Arbitrary<Optional<String>> degeneracy = text().optional();
    return Combinators.combine(estimates, doubles(), Arbitraries.of(FitStatus.class),
        Arbitraries.integers().greaterOrEqual(0), Arbitraries.integers().greaterOrEqual(0), covariance, degeneracy)
        .as((e, ll, status, iterations, evaluations, cov, reason) -> {
          if (status == FitStatus.DEGENERATE && reason.isPresent()) {
            return FitResult.of(names, e, ll, FitStatus.CONVERGED, iterations, evaluations, null)
                .degenerate(reason.get());
          }
          return FitResult.of(names, e, ll, status, iterations, evaluations, cov.orElse(null));
        });
  }

  @Provide
  Arbitrary<SavedClvModel> savedClv() {
    Arbitrary<ClvFitData> data = Combinators.combine(counts(), counts(), counts(),
        finite().filter(d -> d >= 0).optional(), finite().filter(d -> d >= 0).optional())
        .as((customers, buyers, purchases, age, spend) -> {
          long repeatBuyers = Math.min(customers, buyers);
          return new ClvFitData(customers, repeatBuyers, repeatBuyers + purchases,
              age.map(OptionalDouble::of).orElse(OptionalDouble.empty()),
              spend.map(OptionalDouble::of).orElse(OptionalDouble.empty()));
        });
    return Arbitraries.of(SavedClvModel.Kind.class).flatMap(kind -> Combinators.combine(fit(kind.parameters()),
        Arbitraries.of(PeriodUnit.class), data)
        .as((fit, unit, brief) -> SavedClvModel.of(kind, kind.purchases() ? unit : null, fit, brief)));
  }

  @Provide
  Arbitrary<ImportReport> imports() {
    Arbitrary<Rejection> rejection = Combinators.combine(Arbitraries.longs().between(1, Long.MAX_VALUE),
        Arbitraries.longs().between(0, Long.MAX_VALUE), Arbitraries.of(Rejection.Kind.class), text().injectNull(0.3),
        text().injectNull(0.3), text(), text().injectNull(0.5))
        .as((record, line, kind, field, value, reason, key) ->
            new Rejection(new SourcePosition(record, line, key), kind, field, value, reason));
    return Combinators.combine(text(), counts(), counts(), counts(), rejection.list().ofMaxSize(4),
        text().injectNull(0.5))
        .as((source, accepted, rejected, duplicates, rejections, failure) -> {
          long problems = Math.max(rejected + duplicates, rejections.size());
          long dup = problems - rejected;
          return new ImportReport(source, accepted + rejected + dup, accepted, rejected, dup, rejections,
              problems - rejections.size(), failure);
        });
  }

  @Provide
  Arbitrary<Money> money() {
    return Combinators.combine(Arbitraries.longs(), Arbitraries.of("EUR", "JPY", "USD", "BHD", "CLF"))
        .as((minor, code) -> Money.ofMinor(minor, Currency.getInstance(code)));
  }

  @Provide
  Arbitrary<RoiReport> roiReports() {
    Arbitrary<Currency> currency = Arbitraries.of("EUR", "JPY", "BHD").map(Currency::getInstance);
    return currency.flatMap(in -> {
      Arbitrary<RoiLine> line = line(in);
      return Combinators.combine(text(), Arbitraries.integers().between(1, 9999), Arbitraries.integers().between(1, 12),
          Arbitraries.integers().between(0, 40), line.list().ofMaxSize(4), line.list().ofMaxSize(3), line)
          .as((calculator, year, month, span, channels, owners, total) -> {
            YearMonth first = YearMonth.of(year, month);
            YearMonth last = first.plusMonths(span).getYear() > 9999 ? first : first.plusMonths(span);
            return new RoiReport(calculator, in, first, last, channels, owners, total);
          });
    });
  }

  private Arbitrary<RoiLine> line(Currency currency) {
    Arbitrary<Map<RewardComponent, Double>> rewards = Arbitraries.subsetOf(RewardComponent.values())
        .flatMap(components -> finite().list().ofSize(components.size()).map(values -> rewards(components, values)));
    Arbitrary<OptionalInt> payback = Arbitraries.integers().between(1, 600).optional()
        .map(p -> p.map(OptionalInt::of).orElse(OptionalInt.empty()));
    return Combinators.combine(text(), Arbitraries.longs().between(0, Long.MAX_VALUE), rewards, finite(), finite(),
        Arbitraries.integers().between(1, 1200), Arbitraries.doubles().between(0, 1).filter(m -> m > 0), payback)
        .as((key, cost, reward, conversions, engaged, months, margin, back) -> new RoiLine(key,
            Money.ofMinor(cost, currency), reward, conversions, engaged, months, margin, back));
  }

  private static Map<RewardComponent, Double> rewards(Set<RewardComponent> components, List<Double> values) {
    Map<RewardComponent, Double> map = new EnumMap<>(RewardComponent.class);
    List<RewardComponent> ordered = new ArrayList<>(components);
    for (int i = 0; i < ordered.size(); i++) {
      map.put(ordered.get(i), values.get(i));
    }
    return map;
  }
}
