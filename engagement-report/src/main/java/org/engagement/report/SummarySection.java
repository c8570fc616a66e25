package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.DoubleFunction;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.html.Html;
import org.engagement.report.internal.analysis.PeriodFigures;
import org.engagement.report.internal.recommendation.Reconciliation;
import org.engagement.report.internal.section.RoiSection;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.Recommendation;
import org.engagement.report.section.ReportSection;
import org.engagement.roi.RewardComponent;
import org.hipparchus.stat.descriptive.rank.Percentile;

/**
 * The page's first screen: the headline figures (revenue, cost, ROI, ROAS, CAC, customers retained) for the
 * whole window and for each of its halves with the change from the earlier half to the later, the
 * strongest {@value #SHOWN} recommendations in plain words, and which attribution model the ROI rests on
 * and why. It is made from the other sections once they are built ({@link #of}), so it never computes a
 * figure the page does not show elsewhere in full.
 *
 * <p>Immutable and thread-safe.
 *
 * @param periods the headline figures per period: the whole window first, then the later and the earlier half
 * @param findings what the figures say as a whole, shown before the recommendations (every channel lost money,
 *     say, so that none can be a case to grow); may be empty
 * @param recommendations the recommendations, strongest first, at most {@value #SHOWN}
 * @param modelChoice which attribution model the ROI rests on and why, in sentences; may be empty
 * @param notes what the figures do not cover (no costs file, say); may be empty
 * @since 0.1.0
 */
public record SummarySection(List<Period> periods, List<String> findings, List<Recommendation> recommendations,
    List<String> modelChoice, List<String> notes) implements ReportSection {
  /** The id of this section: the page's first. */
  public static final String ID = "summary";
  /**
   * The rule that keeps the recommendations consistent ({@link Reconciliation}), as the page states it under
   * them.
   */
  static final String RULE = "No recommendation puts money into a channel that another says to cut, or that "
      + "lost more than half of what was spent on it (ROI below " + NumberText.signedPercent(
          Reconciliation.STRONG_LOSS) + ", with or without an interval), unless the money comes from a channel "
      + "that lost more; none takes money out of a channel another says to grow.";
  /** How many recommendations the summary shows. */
  public static final int SHOWN = 3;

  /** Copies the lists. */
  public SummarySection {
    periods = List.copyOf(periods);
    findings = List.copyOf(findings);
    recommendations = List.copyOf(recommendations);
    modelChoice = List.copyOf(modelChoice);
    notes = List.copyOf(notes);
  }

  /**
   * The summary of {@code sections} (the report's, built on {@code analysis}), with the recommendations of
   * every source, strongest first. A source or a figure that cannot be computed leaves its place empty
   * with a note; the summary itself never fails the report.
   */
  public static SummarySection of(Analysis analysis, List<ReportSection> sections, List<Recommendation.Source> sources) {
    requireNonNull(analysis, "analysis");
    return of(analysis, sections, sources, () -> PeriodFigures.of(analysis));
  }

  /** As {@link #of(Analysis, List, List)}, with the halves' figures from {@code halves} (computed ahead, perhaps). */
  static SummarySection of(Analysis analysis, List<ReportSection> sections, List<Recommendation.Source> sources,
      Supplier<PeriodFigures> halvesOf) {
    Optional<RoiSection> roi = sections.stream().filter(RoiSection.class::isInstance).map(RoiSection.class::cast)
        .findFirst();
    List<String> notes = new ArrayList<>();
    String currency = analysis.currency().map(c -> c.getCurrencyCode()).orElse("");
    Optional<PeriodFigures> halves;
    try {
      halves = Optional.of(halvesOf.get());
    } catch (IllegalArgumentException | InvalidSourceException | ImportException e) {
      halves = Optional.empty();
      notes.add("No change between the halves of the window: " + e.getMessage());
    }
    Reconciliation reconciled = Reconciliation.of(sources.stream().map(s -> s.recommend(sections)).toList());
    List<Recommendation> recommendations = interleaved(reconciled.kept());
    notes.addAll(reconciled.notes());
    if (roi.isEmpty()) {
      notes.add("No ROI, ROAS or recommendation: " + whyNoRoi(sections));
    }
    List<Period> periods = new ArrayList<>();
    periods.add(Kpis.whole(analysis, roi, halves, currency));
    halves.ifPresent(h -> {
      periods.add(Kpis.half("later", "latest half", h, true, currency, roi));
      periods.add(Kpis.half("earlier", "earlier half", h, false, currency, roi));
    });
    List<String> choice = new ArrayList<>();
    roi.filter(r -> !r.labels().model().isEmpty()).ifPresent(r -> choice.add("The ROI credits revenue to channels "
        + "with the " + r.labels().model() + " attribution model, chosen on these journeys by how well each "
        + "candidate predicts conversions it was not fitted on. The choice and its validation:"));
    roi.ifPresent(r -> r.attribution().stream().limit(2).map(SummarySection::withoutModelName).forEach(choice::add));
    return new SummarySection(periods, roi.map(SummarySection::findings).orElse(List.of()),
        recommendations.stream().limit(SHOWN).toList(), choice, notes);
  }

  /**
   * Why the summary has no ROI figures: a ROI section left out for the heap is not a missing cost file, and a
   * marketer told "no costs.csv" beside a cost file would look for the wrong fault.
   */
  static String whyNoRoi(List<ReportSection> sections) {
    return sections.stream()
        .filter(s -> s instanceof ReportSection.LeftOut && s.id().equals(RoiSection.ID))
        .findFirst()
        .map(s -> "the ROI section was left out: " + ((ReportSection.LeftOut) s).reason())
        .orElse("the input has no " + AnalysisInput.COSTS
            + " (month,channel,owner,amount,currency), so there is no investment to weigh the returns against.");
  }

  /**
   * What the ROI says as a whole: when every channel with an interval lost money, the recommendations can only
   * cut, and a marketer reading three cuts should know that no channel was left out as a case to grow.
   */
  static List<String> findings(RoiSection roi) {
    List<RoiSection.RoiInterval> intervals = roi.intervals();
    if (intervals.isEmpty() || intervals.stream().anyMatch(i -> i.roi() >= 0)) {
      return List.of();
    }
    RoiSection.RoiInterval best = intervals.stream().max(Comparator.comparingDouble(RoiSection.RoiInterval::roi))
        .orElseThrow();
    String currency = roi.currency();
    return List.of("Every channel lost money over this window: the best, " + roi.labels().name(best.channel())
        + ", brought back " + NumberText.number(1 + best.roi(), 2) + " " + currency + " for each 1 " + currency
        + " spent (ROI " + NumberText.signedPercent(best.roi()) + "). So no channel is a case to grow, and the "
        + "recommendations below are the largest losses to cut or test. Before cutting, check the margin the ROI "
        + "assumes and what the lifetime value section says the relationships are worth after the window.");
  }

  /**
   * An attribution note without the "recommended: " its model's notes start with (the model's name, which
   * the sentence before already gives), as a sentence.
   */
  static String withoutModelName(String note) {
    String prefix = "recommended: ";
    if (!note.startsWith(prefix) || note.length() == prefix.length()) {
      return note;
    }
    String rest = note.substring(prefix.length());
    return Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
  }

  /**
   * The recommendations of every source, in the order the summary shows them: first each source's strongest
   * (so that the page always says what each analysis suggests), then the others, those the figures support
   * (strength above 0) before those to test, the sources taking turns; the first {@value #SHOWN} are then
   * ordered supported first. Turns rather than one ranking because the sources' strengths are on different
   * scales (an ROI against a share of revenue).
   */
  static List<Recommendation> interleaved(List<Recommendation.Source> sources, List<ReportSection> sections) {
    return interleaved(sources.stream().map(s -> s.recommend(sections)).toList());
  }

  /** {@link #interleaved(List, List)} of each source's recommendations, in the sources' order. */
  static List<Recommendation> interleaved(List<List<Recommendation>> perSource) {
    List<Ranked> ranked = new ArrayList<>();
    for (int s = 0; s < perSource.size(); s++) {
      List<Recommendation> own = new ArrayList<>(perSource.get(s));
      own.sort(Comparator.comparingDouble(Recommendation::strength).reversed());
      for (int rank = 0; rank < own.size(); rank++) {
        ranked.add(new Ranked(own.get(rank), rank, s));
      }
    }
    ranked.sort(Comparator.comparing((Ranked r) -> r.rank() == 0 ? 0 : 1)
        .thenComparing(r -> r.recommendation().strength() > 0 ? 0 : 1)
        .thenComparing(Ranked::rank).thenComparing(Ranked::source));
    List<Recommendation> ordered = new ArrayList<>(ranked.stream().map(Ranked::recommendation).toList());
    List<Recommendation> shown = new ArrayList<>(ordered.subList(0, Math.min(SHOWN, ordered.size())));
    shown.sort(Comparator.comparing((Recommendation r) -> r.strength() > 0 ? 0 : 1));
    for (int i = 0; i < shown.size(); i++) {
      ordered.set(i, shown.get(i));
    }
    return ordered;
  }

  /** A recommendation with its rank within its source and the source's index. */
  private record Ranked(Recommendation recommendation, int rank, int source) {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Summary";
  }

  @Override
  public void writeHtml(Html html) {
    if (periods.size() > 1) {
      html.periodSwitch(periods.stream().map(p -> List.of(p.key(), p.label())).toList());
      html.paragraph("note", "The period switch changes these headline figures only; every section below covers "
          + "the whole window. The owner and segment switches of the ROI section filter its tables per owner "
          + "and per value tier (segment), the only tables split that way.");
    }
    for (Period period : periods) {
      html.headline(period.key(), period.label(), period.figures().stream()
          .map(k -> List.of(k.name(), k.value(), k.interval(), k.change(), k.note())).toList());
    }
    html.heading("What to do");
    findings.forEach(html::paragraph);
    if (recommendations.isEmpty()) {
      html.paragraph("not-available", "No recommendation: the figures below do not single out a channel to "
          + "grow or cut.");
    } else {
      html.list("recommendations", recommendations.stream().map(r -> r.action() + " " + r.effect() + " ("
          + r.interval() + "). Basis: " + r.basis() + ".").toList());
      html.paragraph("note", "Attribution credits what was on the journeys and the mix model reads spend against "
          + "revenue; neither proves that the spend caused the purchases. Before a large move, test it (a "
          + "hold-out or a geographic split).");
      html.paragraph("note", RULE);
    }
    if (!modelChoice.isEmpty()) {
      html.heading("The model behind the ROI");
      modelChoice.forEach(html::paragraph);
    }
    notes.forEach(note -> html.paragraph("note", note));
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    if (!periods.isEmpty()) {
      periods.get(0).figures().forEach(k -> lines.add(k.name() + " " + k.value()
          + (k.interval().isEmpty() ? "" : " (" + k.interval() + ")")
          + (k.change().isEmpty() ? "" : "; " + k.change())));
    }
    lines.addAll(findings);
    recommendations.forEach(r -> lines.add("do: " + r.action() + " " + r.effect() + " (" + r.interval() + ")"));
    lines.addAll(notes);
    return lines;
  }

  /**
   * The headline figures of one period. Immutable and thread-safe.
   *
   * @param key a short key for the page's period switch ({@code whole}, {@code later}, {@code earlier})
   * @param label the period, in words with its dates
   * @param figures the figures, in order
   * @since 0.1.0
   */
  public record Period(String key, String label, List<Kpi> figures) {
    /** Copies the list. */
    public Period {
      requireNonNull(key, "key");
      requireNonNull(label, "label");
      figures = List.copyOf(figures);
    }
  }

  /**
   * One headline figure. Immutable and thread-safe.
   *
   * @param name what it is (revenue, cost, ROI, ...)
   * @param value the figure as shown, with its unit, or why there is none
   * @param interval its 90% interval, or empty when it has none
   * @param change its change between the halves of the window, with the change's interval, or empty
   * @param note what the figure rests on, or why it has no interval or change; may be empty
   * @since 0.1.0
   */
  public record Kpi(String name, String value, String interval, String change, String note) {
    /** Requires every part. */
    public Kpi {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      requireNonNull(interval, "interval");
      requireNonNull(change, "change");
      requireNonNull(note, "note");
    }
  }

  /** Builds the figures of each period. */
  static final class Kpis {
    private Kpis() {}

    static Period whole(Analysis analysis, Optional<RoiSection> roi, Optional<PeriodFigures> halves,
        String currency) {
      List<Kpi> kpis = new ArrayList<>();
      Spread spread = new Spread(halves.map(PeriodFigures::resamples).orElse(List.of()));
      double revenue = halves.map(h -> h.observed().revenue()).orElse(0.0);
      long buyers = halves.map(h -> h.observed().newBuyers()).orElse(0L);
      kpis.add(new Kpi("revenue", NumberText.wholeMoney(revenue, currency),
          spread.interval(PeriodFigures.Sample::revenue, v -> NumberText.wholeMoney(v, currency)),
          halves.map(h -> "latest half " + spread.change(h.observed(), x -> x.later().revenue(),
              x -> x.earlier().revenue())).orElse(""), "all purchases in the window"));
      roi.ifPresentOrElse(r -> {
        double cost = r.investment();
        kpis.add(new Kpi("cost", NumberText.wholeMoney(cost, currency), "",
            halves.flatMap(h -> h.later().cost().flatMap(later -> h.earlier().cost()
                .map(earlier -> "latest half " + change(later, earlier)))).orElse(""),
            "what was spent: known, so no interval"));
        double credited = credited(r);
        double scale = revenue > 0 ? credited / revenue : 0;
        double other = r.reward() - credited;
        List<Kpi> later = halves.map(h -> returns(r, h, true, currency)).orElse(List.of());
        kpis.add(new Kpi("ROI", ratio(r.roi(), true), cost > 0 && revenue > 0 ? spread.interval(
            x -> (r.margin() * (x.revenue() * scale + other) - cost) / cost, NumberText::signedPercent) : "",
            later.isEmpty() ? "" : "latest half " + later.get(0).change(),
            "margin " + NumberText.percent(r.margin()) + "; the revenue credited to the channels moves with the "
                + "resampled revenue, the other rewards held; each half's under the period switch"));
        kpis.add(new Kpi("ROAS", ratio(roas(credited, cost), false), cost > 0 && revenue > 0
            ? spread.interval(x -> x.revenue() * scale / cost, v -> NumberText.number(v, 2)) : "",
            later.isEmpty() ? "" : "latest half " + later.get(1).change(),
            "revenue credited per 1 " + currency + " spent"));
        kpis.add(new Kpi("CAC", buyers > 0 ? NumberText.wholeMoney(cost / buyers, currency) : "no buyer",
            spread.interval(x -> cost / x.newBuyers(), v -> NumberText.wholeMoney(v, currency)),
            halves.map(h -> cac(h, spread)).orElse(""),
            "cost per customer who bought for the first time (" + NumberText.count(buyers) + " of them)"));
      }, () -> kpis.add(new Kpi("new buyers", NumberText.count(buyers),
          spread.interval(x -> x.newBuyers(), v -> NumberText.count(Math.round(v))),
          halves.map(h -> "latest half " + spread.change(h.observed(), x -> x.later().newBuyers(),
              x -> x.earlier().newBuyers())).orElse(""), "")));
      halves.ifPresent(h -> kpis.add(retained(h, spread)));
      return new Period("whole", "Whole window, " + date(halves.map(PeriodFigures::earlierStart))
          + " to " + analysis.asOfDate(), kpis);
    }

    static Period half(String key, String name, PeriodFigures figures, boolean later, String currency,
        Optional<RoiSection> roi) {
      List<Kpi> kpis = new ArrayList<>();
      Spread spread = new Spread(figures.resamples());
      PeriodFigures.Sample observed = figures.observed();
      java.util.function.Function<PeriodFigures.Sample, PeriodFigures.Half> own = later
          ? PeriodFigures.Sample::later : PeriodFigures.Sample::earlier;
      PeriodFigures.Half half = own.apply(observed);
      kpis.add(new Kpi("revenue", NumberText.wholeMoney(half.revenue(), currency),
          spread.interval(x -> own.apply(x).revenue(), v -> NumberText.wholeMoney(v, currency)),
          later ? spread.change(observed, x -> x.later().revenue(), x -> x.earlier().revenue()) : "", ""));
      half.cost().ifPresent(cost -> {
        kpis.add(new Kpi("cost", NumberText.wholeMoney(cost, currency), "",
            later ? figures.earlier().cost().map(b -> change(cost, b)).orElse("") : "",
            "what was spent: known, so no interval"));
        roi.ifPresent(r -> kpis.addAll(returns(r, figures, later, currency)));
        kpis.add(new Kpi("CAC", half.newBuyers() > 0 ? NumberText.wholeMoney(cost / half.newBuyers(), currency)
            : "no new buyer", spread.interval(x -> cost / own.apply(x).newBuyers(),
                v -> NumberText.wholeMoney(v, currency)), later ? cac(figures, spread) : "",
            "cost per customer who bought for the first time (" + NumberText.count(half.newBuyers())
                + " of them)"));
      });
      kpis.add(new Kpi("new buyers", NumberText.count(half.newBuyers()),
          spread.interval(x -> own.apply(x).newBuyers(), v -> NumberText.count(Math.round(v))),
          later ? spread.change(observed, x -> x.later().newBuyers(), x -> x.earlier().newBuyers()) : "", ""));
      kpis.add(new Kpi("active customers", NumberText.count(half.active()),
          spread.interval(x -> own.apply(x).active(), v -> NumberText.count(Math.round(v))),
          later ? spread.change(observed, x -> x.later().active(), x -> x.earlier().active()) : "", ""));
      String label = Character.toUpperCase(name.charAt(0)) + name.substring(1) + ", "
          + (later ? figures.laterFirstDay() : figures.earlierFirstDay()) + " to "
          + (later ? figures.laterLastDay() : figures.earlierLastDay());
      return new Period(key, label + (later ? " (change against the earlier half)" : ""), kpis);
    }

    /**
     * The ROI and ROAS of one half, with their intervals and, for the later half, their change against the
     * earlier: the ROI section's rewards (and the revenue it credits to the channels) split between the halves
     * in proportion to each half's purchase revenue, against each half's own cost. Empty without a cost in
     * both halves or without revenue, since a half's return then has no base.
     */
    static List<Kpi> returns(RoiSection roi, PeriodFigures figures, boolean later, String currency) {
      Optional<Double> laterCost = figures.later().cost();
      Optional<Double> earlierCost = figures.earlier().cost();
      double revenue = figures.observed().revenue();
      if (laterCost.isEmpty() || earlierCost.isEmpty() || !(laterCost.get() > 0) || !(earlierCost.get() > 0)
          || !(revenue > 0)) {
        return List.of();
      }
      Spread spread = new Spread(figures.resamples());
      PeriodFigures.Sample observed = figures.observed();
      double rewardPerRevenue = roi.reward() / revenue;
      double creditedPerRevenue = credited(roi) / revenue;
      double margin = roi.margin();
      ToDoubleFunction<PeriodFigures.Sample> roiLater =
          x -> (margin * x.later().revenue() * rewardPerRevenue - laterCost.get()) / laterCost.get();
      ToDoubleFunction<PeriodFigures.Sample> roiEarlier =
          x -> (margin * x.earlier().revenue() * rewardPerRevenue - earlierCost.get()) / earlierCost.get();
      ToDoubleFunction<PeriodFigures.Sample> roasLater = x -> x.later().revenue() * creditedPerRevenue / laterCost.get();
      ToDoubleFunction<PeriodFigures.Sample> roasEarlier =
          x -> x.earlier().revenue() * creditedPerRevenue / earlierCost.get();
      ToDoubleFunction<PeriodFigures.Sample> ownRoi = later ? roiLater : roiEarlier;
      ToDoubleFunction<PeriodFigures.Sample> ownRoas = later ? roasLater : roasEarlier;
      String basis = "the ROI section's rewards split between the halves by each half's revenue, against the "
          + "half's own cost";
      return List.of(
          new Kpi("ROI", NumberText.signedPercent(ownRoi.applyAsDouble(observed)),
              spread.interval(ownRoi, NumberText::signedPercent),
              later ? spread.difference(observed, roiLater, roiEarlier) : "",
              "margin " + NumberText.percent(margin) + "; " + basis),
          new Kpi("ROAS", NumberText.number(ownRoas.applyAsDouble(observed), 2),
              spread.interval(ownRoas, v -> NumberText.number(v, 2)),
              later ? spread.change(observed, roasLater, roasEarlier) : "",
              "revenue credited per 1 " + currency + " spent; " + basis));
    }

    /** The change of the CAC from the earlier half to the later, with its interval; empty without costs. */
    private static String cac(PeriodFigures h, Spread spread) {
      Optional<Double> later = h.later().cost();
      Optional<Double> earlier = h.earlier().cost();
      if (later.isEmpty() || earlier.isEmpty()) {
        return "";
      }
      double laterCost = later.get();
      double earlierCost = earlier.get();
      return "latest half " + spread.change(h.observed(), x -> laterCost / x.later().newBuyers(),
          x -> earlierCost / x.earlier().newBuyers());
    }

    private static Kpi retained(PeriodFigures h, Spread spread) {
      long earlier = h.earlier().active();
      return new Kpi("customers retained", NumberText.count(h.retained()),
          spread.interval(x -> x.retained(), v -> NumberText.count(Math.round(v))), "", earlier > 0
          ? NumberText.percent((double) h.retained() / earlier) + " of the earlier half's active customers were "
              + "active in the latest half" : "");
    }

    private static String date(Optional<java.time.Instant> instant) {
      return instant.map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate().toString()).orElse("?");
    }

    private static String change(double now, double before) {
      return before > 0 ? NumberText.signedPercent(now / before - 1) + " against the earlier half" : "";
    }

    /** The revenue the ROI credits to the channels: attributed revenue and self-reported influence. */
    private static double credited(RoiSection roi) {
      double revenue = 0;
      for (RewardComponent component : List.of(RewardComponent.ATTRIBUTED_REVENUE,
          RewardComponent.SELF_REPORTED_INFLUENCE)) {
        int index = roi.components().indexOf(RoiSection.label(component));
        if (index >= 0) {
          for (RoiSection.ChannelRoi row : roi.channels()) {
            revenue += row.rewards().get(index);
          }
        }
      }
      return revenue;
    }

    private static OptionalDouble roas(double credited, double cost) {
      return cost > 0 ? OptionalDouble.of(credited / cost) : OptionalDouble.empty();
    }

    private static String ratio(OptionalDouble value, boolean percent) {
      if (value.isEmpty()) {
        return "no investment";
      }
      return percent ? NumberText.signedPercent(value.getAsDouble()) : NumberText.number(value.getAsDouble(), 2);
    }
  }

  /**
   * The 90% percentile intervals of figures over the customer resamples (R-7, as the mix model's). A resample
   * where a figure is undefined (no new buyer to divide by) is left out of that figure's interval. Immutable and
   * thread-safe.
   *
   * @param draws the resamples
   */
  private record Spread(List<PeriodFigures.Sample> draws) {
    private static final double LEVEL = 0.90;

    /** The interval of {@code figure} in words, or empty without resamples. */
    String interval(ToDoubleFunction<PeriodFigures.Sample> figure, DoubleFunction<String> format) {
      double[] ends = ends(figure);
      return ends.length == 0 ? "" : "90% interval " + format.apply(ends[0]) + " to " + format.apply(ends[1]);
    }

    /** The change from {@code before} to {@code now} in {@code observed}, with its interval. */
    String change(PeriodFigures.Sample observed, ToDoubleFunction<PeriodFigures.Sample> now,
        ToDoubleFunction<PeriodFigures.Sample> before) {
      double base = before.applyAsDouble(observed);
      if (!(base > 0) || !Double.isFinite(base)) {
        return "";
      }
      ToDoubleFunction<PeriodFigures.Sample> ratio = x -> now.applyAsDouble(x) / before.applyAsDouble(x) - 1;
      double[] ends = ends(ratio);
      return NumberText.signedPercent(ratio.applyAsDouble(observed)) + " against the earlier half"
          + (ends.length == 0 ? "" : " (" + NumberText.signedPercent(ends[0]) + " to "
              + NumberText.signedPercent(ends[1]) + ")");
    }

    /**
     * The difference {@code now - before} in {@code observed}, in percentage points, with its interval: the
     * change of a figure that is itself a percentage and may be negative (an ROI), where a relative change
     * would mislead.
     */
    String difference(PeriodFigures.Sample observed, ToDoubleFunction<PeriodFigures.Sample> now,
        ToDoubleFunction<PeriodFigures.Sample> before) {
      ToDoubleFunction<PeriodFigures.Sample> gap = x -> now.applyAsDouble(x) - before.applyAsDouble(x);
      double[] ends = ends(gap);
      return points(gap.applyAsDouble(observed)) + " against the earlier half"
          + (ends.length == 0 ? "" : " (" + points(ends[0]) + " to " + points(ends[1]) + ")");
    }

    private static String points(double share) {
      String text = NumberText.number(share * 100, 1);
      return (text.startsWith("-") || text.equals("0.0") ? text : "+" + text) + " points";
    }

    private double[] ends(ToDoubleFunction<PeriodFigures.Sample> figure) {
      double[] values = draws.stream().mapToDouble(figure).filter(Double::isFinite).toArray();
      if (values.length == 0) {
        return new double[0];
      }
      Percentile percentile = new Percentile().withEstimationType(Percentile.EstimationType.R_7);
      percentile.setData(values);
      double tail = (1 - LEVEL) / 2 * 100;
      return new double[] {percentile.evaluate(tail), percentile.evaluate(100 - tail)};
    }
  }
}
