package org.engagement.report;

import static java.util.Objects.requireNonNull;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.roi.RewardComponent;

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
 * @param recommendations the recommendations, strongest first, at most {@value #SHOWN}
 * @param modelChoice which attribution model the ROI rests on and why, in sentences; may be empty
 * @param notes what the figures do not cover (no costs file, say); may be empty
 * @since 0.1.0
 */
public record SummarySection(List<Period> periods, List<Recommendation> recommendations, List<String> modelChoice,
    List<String> notes) implements ReportSection {
  /** The id of this section: the page's first. */
  public static final String ID = "summary";
  /** How many recommendations the summary shows. */
  public static final int SHOWN = 3;

  /** Copies the lists. */
  public SummarySection {
    periods = List.copyOf(periods);
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
    Optional<RoiSection> roi = sections.stream().filter(RoiSection.class::isInstance).map(RoiSection.class::cast)
        .findFirst();
    List<String> notes = new ArrayList<>();
    String currency = analysis.currency().map(c -> c.getCurrencyCode()).orElse("");
    Optional<PeriodFigures> halves;
    try {
      halves = Optional.of(PeriodFigures.of(analysis));
    } catch (IllegalArgumentException | InvalidSourceException | ImportException e) {
      halves = Optional.empty();
      notes.add("No change between the halves of the window: " + e.getMessage());
    }
    List<Recommendation> recommendations = new ArrayList<>();
    sources.forEach(source -> recommendations.addAll(source.recommend(sections)));
    recommendations.sort((a, b) -> Double.compare(b.strength(), a.strength()));
    if (roi.isEmpty()) {
      notes.add("No ROI, ROAS or recommendation: the input has no " + AnalysisInput.COSTS
          + " (month,channel,owner,amount,currency), so there is no investment to weigh the returns against.");
    }
    List<Period> periods = new ArrayList<>();
    periods.add(Kpis.whole(analysis, roi, halves, currency));
    halves.ifPresent(h -> {
      periods.add(Kpis.half("later", "latest half", h, h.later(), Optional.of(h.earlier()), currency));
      periods.add(Kpis.half("earlier", "earlier half", h, h.earlier(), Optional.empty(), currency));
    });
    List<String> choice = new ArrayList<>();
    roi.filter(r -> !r.labels().model().isEmpty()).ifPresent(r -> choice.add("The ROI credits revenue to channels "
        + "with the " + r.labels().model() + " attribution model, chosen on these journeys by how well each "
        + "candidate predicts conversions it was not fitted on. The choice and its validation:"));
    roi.ifPresent(r -> r.attribution().stream().limit(2).forEach(choice::add));
    return new SummarySection(periods, recommendations.stream().limit(SHOWN).toList(), choice, notes);
  }

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
    }
    for (Period period : periods) {
      html.headline(period.key(), period.label(), period.figures().stream()
          .map(k -> List.of(k.name(), k.value(), k.interval(), k.change())).toList());
    }
    html.heading("What to do");
    if (recommendations.isEmpty()) {
      html.paragraph("not-available", "No recommendation: the figures below do not single out a channel to "
          + "grow or cut.");
    } else {
      html.list("recommendations", recommendations.stream().map(r -> r.action() + " " + r.effect() + " ("
          + r.interval() + "). Basis: " + r.basis() + ".").toList());
      html.paragraph("note", "Attribution credits what was on the journeys; it does not prove that the spend "
          + "caused the purchases. Before a large move, test it (a hold-out or a geographic split).");
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
          + (k.interval().isEmpty() ? "" : " (" + k.interval() + ")")));
    }
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
   * @param interval its interval, or where the intervals are, or empty
   * @param change its change from the earlier half, or empty
   * @since 0.1.0
   */
  public record Kpi(String name, String value, String interval, String change) {
    /** Requires every part. */
    public Kpi {
      requireNonNull(name, "name");
      requireNonNull(value, "value");
      requireNonNull(interval, "interval");
      requireNonNull(change, "change");
    }
  }

  /** Builds the figures of each period. */
  private static final class Kpis {
    private Kpis() {}

    static Period whole(Analysis analysis, Optional<RoiSection> roi, Optional<PeriodFigures> halves,
        String currency) {
      List<Kpi> kpis = new ArrayList<>();
      double revenue = halves.map(h -> h.earlier().revenue() + h.later().revenue()).orElse(0.0);
      long buyers = halves.map(h -> h.earlier().newBuyers() + h.later().newBuyers()).orElse(0L);
      kpis.add(new Kpi("revenue", NumberText.wholeMoney(revenue, currency), "all purchases in the window", ""));
      roi.ifPresentOrElse(r -> {
        kpis.add(new Kpi("cost", NumberText.wholeMoney(r.investment(), currency), "", ""));
        kpis.add(new Kpi("ROI", ratio(r.roi(), true), "margin " + NumberText.percent(r.margin())
            + "; intervals per channel below", ""));
        kpis.add(new Kpi("ROAS", ratio(roas(r), false), "revenue credited per 1 " + currency + " spent", ""));
        kpis.add(new Kpi("CAC", buyers > 0 ? NumberText.wholeMoney(r.investment() / buyers, currency) : "no buyer",
            "cost per new buyer (" + NumberText.count(buyers) + ")", ""));
      }, () -> kpis.add(new Kpi("new buyers", NumberText.count(buyers), "", "")));
      halves.ifPresent(h -> kpis.add(retained(h)));
      return new Period("whole", "Whole window, " + date(halves.map(PeriodFigures::earlierStart))
          + " to " + analysis.asOfDate(), kpis);
    }

    static Period half(String key, String name, PeriodFigures figures, PeriodFigures.Half half,
        Optional<PeriodFigures.Half> before, String currency) {
      List<Kpi> kpis = new ArrayList<>();
      kpis.add(new Kpi("revenue", NumberText.wholeMoney(half.revenue(), currency), "",
          before.map(b -> change(half.revenue(), b.revenue())).orElse("")));
      half.cost().ifPresent(cost -> {
        kpis.add(new Kpi("cost", NumberText.wholeMoney(cost, currency), "",
            before.flatMap(PeriodFigures.Half::cost).map(b -> change(cost, b)).orElse("")));
        kpis.add(new Kpi("CAC", half.newBuyers() > 0 ? NumberText.wholeMoney(cost / half.newBuyers(), currency)
            : "no new buyer", "cost per new buyer (" + NumberText.count(half.newBuyers()) + ")",
            before.filter(b -> b.newBuyers() > 0 && half.newBuyers() > 0 && b.cost().isPresent())
                .map(b -> change(cost / half.newBuyers(), b.cost().orElseThrow() / b.newBuyers())).orElse("")));
      });
      kpis.add(new Kpi("new buyers", NumberText.count(half.newBuyers()), "",
          before.map(b -> change((double) half.newBuyers(), (double) b.newBuyers())).orElse("")));
      kpis.add(new Kpi("active customers", NumberText.count(half.active()), "",
          before.map(b -> change((double) half.active(), (double) b.active())).orElse("")));
      boolean later = key.equals("later");
      String label = Character.toUpperCase(name.charAt(0)) + name.substring(1) + ", "
          + date(Optional.of(later ? figures.middle() : figures.earlierStart())) + " to "
          + date(Optional.of(later ? figures.end() : figures.middle()));
      return new Period(key, label + (later ? " (change against the earlier half)" : ""), kpis);
    }

    private static Kpi retained(PeriodFigures h) {
      long earlier = h.earlier().active();
      return new Kpi("customers retained", NumberText.count(h.retained()), earlier > 0
          ? NumberText.percent((double) h.retained() / earlier) + " of the earlier half's active customers were "
              + "active in the latest half" : "", "");
    }

    private static String date(Optional<java.time.Instant> instant) {
      return instant.map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate().toString()).orElse("?");
    }

    private static String change(double now, double before) {
      return before > 0 ? NumberText.signedPercent(now / before - 1) + " against the earlier half" : "";
    }

    private static OptionalDouble roas(RoiSection roi) {
      double revenue = 0;
      boolean any = false;
      for (RewardComponent component : List.of(RewardComponent.ATTRIBUTED_REVENUE,
          RewardComponent.SELF_REPORTED_INFLUENCE)) {
        int index = roi.components().indexOf(RoiSection.label(component));
        if (index >= 0) {
          for (RoiSection.ChannelRoi row : roi.channels()) {
            revenue += row.rewards().get(index);
          }
          any = true;
        }
      }
      return any && roi.investment() > 0 ? OptionalDouble.of(revenue / roi.investment()) : OptionalDouble.empty();
    }

    private static String ratio(OptionalDouble value, boolean percent) {
      if (value.isEmpty()) {
        return "no investment";
      }
      return percent ? NumberText.signedPercent(value.getAsDouble()) : NumberText.number(value.getAsDouble(), 2);
    }
  }
}
