package org.engagement.report.internal.section;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.attribution.validation.RecommendedModel;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.TrueEffects;
import org.engagement.report.html.Html;
import org.engagement.report.internal.analysis.TopChannels;
import org.engagement.report.internal.analysis.TruthFit;
import org.engagement.report.internal.chart.BarChart;
import org.engagement.report.internal.chart.HeatMap;
import org.engagement.report.internal.text.NumberText;
import org.engagement.report.section.ReportSection;
import org.engagement.report.section.SectionBuilder;

/**
 * Credit per channel under every attribution model of a registry, side by side, on the journeys of
 * {@link Analysis#journeys()}. Each model runs with its default parameters; a model that cannot run
 * that way (the {@code custom} model needs weights) is listed as skipped with the reason.
 *
 * <p>The section keeps every channel's credit; the page shows the 20 channels with the largest share of
 * some model's value credit one by one, in order of first appearance, and adds the others up in one row,
 * "other channels (k)", so the charts, the heat map and the table stay bounded whatever the channel count.
 *
 * <p>Immutable and thread-safe.
 *
 * @param channels the channels, in order of first appearance in the journeys
 * @param models one credit table per model that ran, in name order
 * @param skipped the models that did not run: name to reason
 * @param conversions the conversions on journeys
 * @param value their total value
 * @param untouchedConversions conversions without any touch since the previous one, in no journey
 * @param currency the value currency code
 * @param notes what a reader of the credits should know: what the journeys set aside (interactions after the
 *     as-of, touches outside the lookback, ...) and then the models' own warnings
 * @param trueShares each channel's true share of the conversions from the input's {@value AnalysisInput#TRUTH}
 *     (a simulated world's), in file order; empty without one. With it the page sets every model's shares
 *     against the truth ({@link #againstTruth()})
 * @param names each channel's display name by id, as the page names it; a channel not named shows its id
 * @since 0.1.0
 */
public record AttributionSection(List<String> channels, List<ModelCredit> models, Map<String, String> skipped,
    double conversions, double value, double untouchedConversions, String currency, List<String> notes,
    Map<String, Double> trueShares, Map<String, String> names)
    implements ReportSection {
  /** The id of this section. */
  public static final String ID = "attribution";
  /** The registry name of the recommended model, whose shares the page sets beside the truth. */
  private static final String RECOMMENDED = RecommendedModel.NAME;
  /** The models drawn in the bar chart; the heat map and the table show every model. */
  private static final List<String> HEADLINE =
      List.of("first-touch", "last-touch", "linear", "time-decay", "position-based", "markov", "shapley");

  /** Requires every part and copies the collections. */
  public AttributionSection {
    channels = List.copyOf(channels);
    models = List.copyOf(models);
    skipped = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(skipped));
    requireNonNull(currency, "currency");
    notes = List.copyOf(notes);
    trueShares = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(trueShares));
    names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
  }

  /** A section that names channels by their ids. */
  public AttributionSection(List<String> channels, List<ModelCredit> models, Map<String, String> skipped,
      double conversions, double value, double untouchedConversions, String currency, List<String> notes,
      Map<String, Double> trueShares) {
    this(channels, models, skipped, conversions, value, untouchedConversions, currency, notes, trueShares, Map.of());
  }

  /** How the page names {@code channel}: its display name, or the id (or row label) itself. */
  private String name(String channel) {
    return names.getOrDefault(channel, channel);
  }

  /** A section without a truth to compare with. */
  public AttributionSection(List<String> channels, List<ModelCredit> models, Map<String, String> skipped,
      double conversions, double value, double untouchedConversions, String currency, List<String> notes) {
    this(channels, models, skipped, conversions, value, untouchedConversions, currency, notes, Map.of());
  }

  /** The builder of this section, with every model of {@link AttributionModels#defaults()}. */
  public static SectionBuilder builder() {
    return builder(AttributionModels.defaults());
  }

  /** The builder of this section, with every model of {@code registry}. */
  public static SectionBuilder builder(AttributionModels registry) {
    requireNonNull(registry, "registry");
    return SectionBuilder.of(ID, analysis -> of(analysis, registry));
  }

  /** The section for {@code analysis}, with every model of {@code registry}. */
  public static ReportSection of(Analysis analysis, AttributionModels registry) {
    Journeys journeys = analysis.journeys();
    JourneySet set = analysis.journeySet();
    if (set.totalConversions() == 0) {
      return ReportSection.notAvailable(ID, "Attribution", "no conversion has a touch before it");
    }
    List<ModelCredit> credits = new ArrayList<>();
    Map<String, String> skipped = new LinkedHashMap<>();
    List<String> notes = new ArrayList<>(set.notes());
    for (String name : registry.names()) {
      analysis.progress().step("attribution model " + name);
      try {
        AttributionResult result = registry.create(name).attribute(set);
        credits.add(ModelCredit.of(result));
        result.notes().stream().filter(note -> !notes.contains(note)).forEach(notes::add);
      } catch (IllegalArgumentException e) {
        skipped.put(name, String.valueOf(e.getMessage()));
      }
    }
    return new AttributionSection(set.channels().names(), credits, skipped, set.totalConversions(),
        set.totalValue(), journeys.untouchedConversions(),
        journeys.currency().map(c -> c.getCurrencyCode()).orElse("none"), notes,
        analysis.truth().map(TrueEffects::shares).orElse(Map.of()), analysis.channelNames());
  }

  /** {@code model}'s share of each channel: its conversion credit over the conversions on the journeys. */
  public Map<String, Double> shares(ModelCredit model) {
    Map<String, Double> shares = new LinkedHashMap<>();
    model.conversions().forEach((channel, credit) -> shares.put(channel, conversions > 0 ? credit / conversions : 0));
    return shares;
  }

  /**
   * Every model's fit against {@link #trueShares()}, in model order; empty without a truth of at least two
   * channels.
   */
  public List<TruthFit> againstTruth() {
    if (trueShares.size() < 2) {
      return List.of();
    }
    return models.stream().map(m -> TruthFit.of(m.model(), shares(m), trueShares)).toList();
  }

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String title() {
    return "Attribution: credit per channel under each model";
  }

  /** The channels the page shows one by one ({@link TopChannels}): by their largest share of a model's value. */
  private List<String> shownChannels() {
    double[] totals = models.stream().mapToDouble(ModelCredit::totalValue).toArray();
    return TopChannels.shown(channels, channel -> {
      double largest = 0;
      for (int m = 0; m < totals.length; m++) {
        largest = Math.max(largest, totals[m] == 0 ? 0 : Math.abs(models.get(m).value(channel) / totals[m]));
      }
      return largest;
    });
  }

  /**
   * The rows of the page: the channels shown, each with its credit per model, and a last row adding up the
   * others when there are any.
   */
  private Map<String, List<Double>> pageRows() {
    List<String> shown = shownChannels();
    Map<String, List<Double>> rows = new LinkedHashMap<>();
    for (String channel : shown) {
      rows.put(channel, models.stream().map(m -> m.value(channel)).toList());
    }
    if (shown.size() < channels.size()) {
      Set<String> one = new HashSet<>(shown);
      List<Double> others = new ArrayList<>();
      for (ModelCredit m : models) {
        double sum = 0;
        for (String channel : channels) {
          sum += one.contains(channel) ? 0 : m.value(channel);
        }
        others.add(sum);
      }
      String label = TopChannels.others(channels.size() - shown.size());
      while (rows.containsKey(label)) {
        label = label + "*";
      }
      rows.put(label, others);
    }
    return rows;
  }

  /**
   * {@code rows} keyed by display name, in the page's channel order: by display name, a row adding up the
   * other channels last.
   */
  private Map<String, List<Double>> named(Map<String, List<Double>> rows) {
    Map<String, List<Double>> named = new java.util.TreeMap<>();
    Map<String, List<Double>> last = new LinkedHashMap<>();
    rows.forEach((channel, credits) -> {
      Map<String, List<Double>> target = channels.contains(channel) ? named : last;
      String label = name(channel);
      target.put(target.containsKey(label) ? label + " (" + channel + ")" : label, credits);
    });
    Map<String, List<Double>> ordered = new LinkedHashMap<>(named);
    ordered.putAll(last);
    return ordered;
  }

  @Override
  public void writeHtml(Html html) {
    html.paragraph(NumberText.number(conversions, 0) + " conversions worth " + NumberText.number(value, 2) + " "
        + currency + " had a touch before them (each journey reaches back to the previous purchase or the"
        + " customer's first touch); " + NumberText.number(untouchedConversions, 0)
        + " had none and are in no journey. Each model splits the same value between channels differently.");
    Map<String, List<Double>> page = named(pageRows());
    if (channels.size() > TopChannels.SHOWN) {
      html.paragraph("note", "The " + TopChannels.SHOWN + " channels with the largest share of some model's value "
          + "credit are shown one by one; the other " + (channels.size() - TopChannels.SHOWN) + " are added up in "
          + "the last row.");
    }
    List<String> rowNames = List.copyOf(page.keySet());
    List<BarChart.Series> series = new ArrayList<>();
    for (int m = 0; m < models.size(); m++) {
      if (HEADLINE.contains(models.get(m).model())) {
        int model = m;
        series.add(new BarChart.Series(models.get(m).model(), page.values().stream().map(v -> v.get(model)).toList()));
      }
    }
    if (!series.isEmpty()) {
      html.chart("Value credit per channel (" + currency + ") under the main models, side by side; every model "
          + "is in the map and the table below; largest " + series.get(0).name() + " credit first; each channel "
          + "in its colour, the models from darkest to lightest in the legend's order",
          new BarChart("Value credit per channel and model", rowNames, series).sortedByValue()
              .withColours(html.channelColours()));
    }
    double[][] share = new double[rowNames.size()][models.size()];
    double max = 0;
    double[] totals = models.stream().mapToDouble(ModelCredit::totalValue).toArray();
    List<List<Double>> pageCredits = List.copyOf(page.values());
    for (int c = 0; c < rowNames.size(); c++) {
      List<Double> credits = pageCredits.get(c);
      for (int m = 0; m < models.size(); m++) {
        double total = totals[m];
        share[c][m] = total == 0 ? 0 : Math.max(0, credits.get(m) / total);
        max = Math.max(max, share[c][m]);
      }
    }
    List<List<Double>> shades = new ArrayList<>();
    List<List<String>> texts = new ArrayList<>();
    for (double[] row : share) {
      List<Double> shadeRow = new ArrayList<>();
      List<String> textRow = new ArrayList<>();
      for (double v : row) {
        shadeRow.add(max == 0 ? 0 : Math.min(1, v / max));
        textRow.add(NumberText.percent(v));
      }
      shades.add(shadeRow);
      texts.add(textRow);
    }
    html.chart("Each model's credit as a share of its total value credit: a row that changes colour across "
        + "the models is a channel the models disagree on", new HeatMap("Share of value credit per channel and model",
        rowNames, models.stream().map(ModelCredit::model).toList(), shades, texts)
        .withColours(html.channelColours()));
    List<String> header = new ArrayList<>();
    header.add("channel");
    models.forEach(m -> header.add(m.model()));
    List<List<String>> rows = new ArrayList<>();
    page.forEach((channel, credits) -> {
      List<String> row = new ArrayList<>();
      row.add(channel);
      credits.forEach(credit -> row.add(NumberText.number(credit, 2)));
      rows.add(row);
    });
    List<String> total = new ArrayList<>();
    total.add("total");
    models.forEach(m -> total.add(NumberText.number(m.totalValue(), 2)));
    rows.add(total);
    html.table("Value credit (" + currency + "); participation is not additive, so its total exceeds the value",
        header, rows);
    notes.forEach(note -> html.paragraph("note", note));
    zeroCredits().forEach(note -> html.paragraph("note", note));
    if (!skipped.isEmpty()) {
      html.paragraph("note", "Not run here: " + String.join(", ", skipped.keySet()) + " (each needs settings only you "
          + "can choose, such as your own weights; the attribute command runs it with them).");
    }
    writeTruth(html);
  }

  /**
   * Why a Shapley model gives no credit to several channels, one sentence per such model: its game scores
   * conversion rates, so a channel whose journeys convert below the others lowers the rate, comes out
   * negative and is clamped to 0. A reader would otherwise take the zeros for missing data.
   */
  private List<String> zeroCredits() {
    List<String> found = new ArrayList<>();
    for (ModelCredit model : models) {
      List<String> zero = channels.stream().filter(c -> model.value(c) == 0).map(this::name).toList();
      if (model.model().startsWith("shapley") && zero.size() >= 2) {
        found.add(model.model() + " gives no credit to " + zero.size() + " of " + channels.size() + " channels ("
            + String.join(", ", zero) + "): its game scores conversion rates, and a channel whose journeys "
            + "convert below the others lowers the rate, so its value comes out negative and is shown as 0. It "
            + "does not mean the channel brought no purchases; compare the other models.");
      }
    }
    return found;
  }

  /** The comparison with {@value AnalysisInput#TRUTH}, when there is one. */
  private void writeTruth(Html html) {
    List<TruthFit> fits = againstTruth();
    if (fits.isEmpty()) {
      return;
    }
    html.paragraph("Against " + AnalysisInput.TRUTH + ": this input is a simulated world whose true effects are "
        + "known (each channel's incremental conversions, replayed without it). A model's share of a channel is "
        + "its conversion credit over the " + NumberText.number(conversions, 0) + " conversions on journeys; the "
        + "true share is signed (negative for a channel that hurts). Aim: mean absolute error at most 0.03 and "
        + "Spearman at least 0.8.");
    java.util.Optional<ModelCredit> chosen = models.stream().filter(m -> m.model().equals(RECOMMENDED)).findFirst();
    List<List<Html.Cell>> rows = new ArrayList<>();
    trueShares.forEach((channel, truth) -> {
      List<Html.Cell> row = new ArrayList<>(List.of(Html.Cell.text(name(channel)), share(truth)));
      chosen.ifPresent(m -> row.add(share(shares(m).getOrDefault(channel, 0.0))));
      rows.add(row);
    });
    html.dataTable("True share per channel" + (chosen.isPresent() ? " beside the recommended model's" : ""),
        chosen.isPresent() ? List.of("channel", "true share", RECOMMENDED) : List.of("channel", "true share"), rows);
    html.dataTable("Each model against the truth, closest first", List.of("model", "mean absolute error of shares",
        "Spearman"), fits.stream().sorted(java.util.Comparator.comparingDouble(TruthFit::meanAbsoluteError))
        .map(f -> List.of(Html.Cell.text(f.model()), new Html.Cell(NumberText.number(f.meanAbsoluteError(), 3),
            f.meanAbsoluteError()), Double.isNaN(f.spearman()) ? Html.Cell.text("n/a")
            : new Html.Cell(NumberText.number(f.spearman(), 2), f.spearman()))).toList());
  }

  private static Html.Cell share(double share) {
    return new Html.Cell(NumberText.percent(share), share);
  }

  @Override
  public List<String> summary() {
    List<String> lines = new ArrayList<>();
    lines.add(NumberText.number(conversions, 0) + " conversions on journeys, worth " + NumberText.number(value, 2)
        + " " + currency + "; " + models.size() + " models run, " + skipped.size() + " skipped");
    notes.forEach(note -> lines.add("  note: " + note));
    for (ModelCredit m : models) {
      if (List.of("first-touch", "last-touch", "linear", "markov", "shapley").contains(m.model())) {
        String top = channels.stream().max(java.util.Comparator.comparingDouble(m::value)).orElse("-");
        lines.add(String.format(java.util.Locale.ROOT, "  %-12s top channel %s (%s %s)", m.model(), name(top),
            NumberText.number(m.value(top), 2), currency));
      }
    }
    List<TruthFit> fits = againstTruth();
    if (!fits.isEmpty()) {
      lines.add("against " + AnalysisInput.TRUTH + " (mean absolute error of shares / Spearman):");
      fits.stream().filter(f -> List.of(RECOMMENDED, "last-touch", "markov", "shao-li").contains(f.model()))
          .forEach(f -> lines.add(String.format(java.util.Locale.ROOT, "  %-12s %s / %s", f.model(),
              NumberText.number(f.meanAbsoluteError(), 3), NumberText.number(f.spearman(), 2))));
      fits.stream().min(java.util.Comparator.comparingDouble(TruthFit::meanAbsoluteError)).ifPresent(best ->
          lines.add("  closest: " + best.model() + " " + NumberText.number(best.meanAbsoluteError(), 3)));
    }
    return lines;
  }

  /**
   * One model's credit per channel. Immutable and thread-safe.
   *
   * @param model the model's name
   * @param additive whether the credits add up to the totals
   * @param conversions the conversion credit per channel
   * @param values the value credit per channel
   * @since 0.1.0
   */
  public record ModelCredit(String model, boolean additive, Map<String, Double> conversions,
      Map<String, Double> values) {
    /** Requires every part and copies the maps. */
    public ModelCredit {
      requireNonNull(model, "model");
      conversions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(conversions));
      values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The credits of {@code result}. */
    public static ModelCredit of(AttributionResult result) {
      return new ModelCredit(result.model(), result.additive(), result.conversionsByChannel(),
          result.valueByChannel());
    }

    /** The value credit of {@code channel}; 0 if it has none. */
    public double value(String channel) {
      return values.getOrDefault(channel, 0.0);
    }

    /** The sum of the value credits. */
    public double totalValue() {
      return values.values().stream().mapToDouble(Double::doubleValue).sum();
    }
  }
}
