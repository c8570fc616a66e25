package org.engagement.roi;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.BitSet;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.engagement.attribution.AttributionModel;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.AttributionResult;
import org.engagement.attribution.journey.CustomerJourneyCutter;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.JourneySet;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.profile.Purchases;
import org.engagement.roi.evidence.ChannelEvidence;
import org.engagement.roi.evidence.ChannelLift;
import org.engagement.roi.investment.Investment;
import org.engagement.roi.selfreport.AnswerMapping;
import org.engagement.roi.selfreport.HybridAttribution;
import org.engagement.roi.selfreport.SelfReportedAttribution;
import org.engagement.roi.selfreport.SurveyAnswer;
import org.jspecify.annotations.Nullable;

/**
 * The relationship-ROI pipeline: interactions, costs, optional survey answers and the evidence in the
 * interactions, to ROI per channel, per owner ({@link #calculate}) and per customer segment
 * ({@link #perSegment}), with the choices of a {@link RoiSettings} value.
 *
 * <pre>{@code
 * RoiAnalysis roi = RoiAnalysis.of(RoiSettings.defaults().withValuePerCustomer(700));
 * RoiData data = RoiData.of(interactions, investment).withSurvey(answers);
 * RoiReport byChannel = roi.calculate(data).report();
 * Map<String, RoiResult> bySegment = roi.perSegment(data, RoiSegments.byLabel(segmentOfCustomer));
 * RoiIntervals uncertainty = roi.intervals(data, roi.calculate(data), RoiBootstrap.of(200, 0).withLevel(0.9));
 * }</pre>
 *
 * <p>The steps, for everyone:
 *
 * <ol>
 *   <li>The window runs from the earlier of the first interaction's month and the first cost month to the
 *       later of the as-of month and the last cost month (UTC), so every cost falls inside it.
 *   <li>The measured attribution is the settings' model on the journeys; with survey answers it is blended
 *       with what customers said ({@link HybridAttribution#blend}, answers mapped by the settings' mapping
 *       or else by each channel's id and display name).
 *   <li>Engaged customers, retention and engagement-lift evidence come from the interactions of the window
 *       ({@link ChannelEvidence}); a kept customer is worth the settings' value or else the mean purchase
 *       value per buyer ({@link Purchases} in the investment's currency).
 *   <li>The settings' calculator makes the report.
 * </ol>
 *
 * <p>With {@link #intervals}, each invested channel's attributed revenue and ROI get seeded bootstrap intervals
 * over customers ({@link RoiBootstrap}, {@link RoiIntervals}), and with {@link RoiBootstrap#withSegments} each
 * segment's total ROI from the same resamples ({@link SegmentRoiInterval}).
 *
 * Per segment, the same steps run on the segment's own interactions, journeys and survey answers, with the
 * costs aimed at the segment plus its share (by customers) of the costs aimed at everyone; the window, the answer
 * mapping and the value of a kept customer are those of everyone, so segments compare on one footing. A segment's
 * journeys are its members' among the data's journeys when those keep their touch times ({@link
 * JourneySet#timed()}: built from interactions, as {@link RoiData#withJourneys} asks, with these settings' rules),
 * otherwise they are built from its members' interactions with the settings' journey rules; its evidence comes
 * from one pass over the interactions for every segment ({@link ChannelEvidence#ofGroups}).
 *
 * <p>Immutable and thread-safe if the settings are.
 *
 * @since 0.1.0
 */
public final class RoiAnalysis {
  private final RoiSettings settings;
  private final AttributionModel model;

  private RoiAnalysis(RoiSettings settings, AttributionModel model) {
    this.settings = settings;
    this.model = model;
  }

  /** The pipeline with {@link RoiSettings#defaults()}. */
  public static RoiAnalysis defaults() {
    return of(RoiSettings.defaults());
  }

  /**
   * The pipeline with {@code settings}.
   *
   * @throws NoSuchElementException if no attribution model has the settings' model name
   */
  public static RoiAnalysis of(RoiSettings settings) {
    requireNonNull(settings, "settings");
    return new RoiAnalysis(settings, AttributionModels.defaults().create(settings.model()));
  }

  /**
   * The pipeline with {@code settings} whose measured attribution is {@code model} rather than the model the
   * settings name: a model the registry cannot make, such as a model chosen once and calibrated with
   * experiments ({@link org.engagement.attribution.calibration.LiftCalibration#model}). The settings' model
   * name stays what the report says the attribution was asked for.
   */
  public static RoiAnalysis of(RoiSettings settings, AttributionModel model) {
    return new RoiAnalysis(requireNonNull(settings, "settings"), requireNonNull(model, "model"));
  }

  /** The settings. */
  public RoiSettings settings() {
    return settings;
  }

  /**
   * The ROI of everyone: per channel, per owner and in total.
   *
   * @throws IllegalArgumentException if the journeys cannot be built (conversion values in several
   *     currencies) or a cost falls outside the window
   */
  public RoiResult calculate(RoiData data) {
    Context context = context(requireNonNull(data, "data"));
    JourneySet journeys = data.journeys().orElseGet(() -> journeys(context.interactions(), data.asOf()));
    ChannelEvidence evidence = ChannelEvidence.of(context.interactions(), context.from(), context.to());
    return calculate(context, new Scope(journeys, evidence, data.investment(), data.answers()));
  }

  /**
   * The attributed revenue and ROI of each invested channel of {@code data} with seeded bootstrap intervals
   * ({@link RoiBootstrap}): {@link #calculate} then {@link #intervals(RoiData, RoiResult, RoiBootstrap)}, the
   * journeys built once for both. The intervals show the attribution's sampling noise over customers, not causal
   * error; the other rewards are held.
   *
   * @throws IllegalArgumentException as {@link #calculate} does, or if the model refuses every resample but one
   * @throws InvalidFieldException if a tested channel's credit lies outside its experiment's interval
   */
  public RoiIntervals intervals(RoiData data, RoiBootstrap bootstrap) {
    requireNonNull(data, "data");
    requireNonNull(bootstrap, "bootstrap");
    RoiData built = data.journeys().isPresent() ? data
        : data.withJourneys(journeys(data.interactions(), data.asOf()));
    return intervals(built, calculate(built), bootstrap);
  }

  /**
   * The attributed revenue and ROI of each invested channel of {@code result} with seeded bootstrap intervals
   * ({@link RoiBootstrap}: the measured model run on resamples of the customers, each channel's value credit
   * carried to its attributed revenue and ROI with the other rewards held). A channel without investment,
   * attributed revenue or a positive value credit has none, and the notes say so.
   *
   * <p>{@code result} must be {@link #calculate}{@code (data)} on this analysis: its measured credits are the
   * bootstrap's point, so the model is not run again on the whole journeys (pass data with its journeys, {@link
   * RoiData#withJourneys}, or they are built again). The intervals show the sampling noise of the attribution over
   * customers, not whether it is causally right.
   *
   * @throws IllegalArgumentException if the journeys cannot be built, or the model refuses every resample but one
   * @throws InvalidFieldException if a tested channel's credit lies outside its experiment's interval (the model
   *     was not calibrated with the bootstrap's experiments)
   */
  public RoiIntervals intervals(RoiData data, RoiResult result, RoiBootstrap bootstrap) {
    requireNonNull(data, "data");
    requireNonNull(result, "result");
    requireNonNull(bootstrap, "bootstrap");
    JourneySet journeys = data.journeys().orElseGet(() -> journeys(data.interactions(), data.asOf()));
    return bootstrap.compute(model, journeys, result, segments(journeys, bootstrap));
  }

  /**
   * The segments' part of {@code bootstrap} on {@code journeys}: each segment's journeys its members' among them (as
   * {@link #perSegment} takes them), credited by the model of the analysis that made the segments' reports; none
   * when no segment is asked for, or, with a note, when the journeys do not know their customers.
   */
  private static SegmentBootstrap segments(JourneySet journeys, RoiBootstrap bootstrap) {
    Optional<RoiBootstrap.Segmented> asked = bootstrap.segmented();
    Optional<Journeys> timed = journeys.timed();
    if (asked.isEmpty() || timed.isEmpty()) {
      return SegmentBootstrap.none(asked.isEmpty() ? List.of() : List.of("intervals: none for the segments: the "
          + "journeys were read as paths, whose customers are not known"));
    }
    RoiSegments segments = asked.get().segments();
    List<String> ids = segments.ids();
    return SegmentBootstrap.of(timed.get(), asked.get().results(),
        name -> membersOf(timed.get(), ids, segments.membersAt(segments.names().indexOf(name))),
        asked.get().analysis().model);
  }

  /**
   * The ROI of each segment of {@code segments} that has members, in segment order; segments without
   * members have no report.
   *
   * @throws IllegalArgumentException if the journeys cannot be built or a cost falls outside the window
   */
  public Map<String, RoiResult> perSegment(RoiData data, RoiSegments segments) {
    requireNonNull(data, "data");
    requireNonNull(segments, "segments");
    Context context = context(data);
    InteractionColumns columns = InteractionColumns.of(context.interactions());
    List<String> ids = segments.ids();
    int[] customerAt = columns.indexesIn(ids);
    int[] answerAt = data.answers().stream()
        .mapToInt(a -> Math.max(-1, Collections.binarySearch(ids, a.customerId()))).toArray();
    List<Integer> present = IntStream.range(0, segments.names().size()).filter(g -> segments.size(g) > 0)
        .boxed().toList();
    List<BitSet> members = present.stream().map(segments::membersAt).toList();
    List<IntPredicate> inSegment = members.stream().<IntPredicate>map(in -> c -> customerAt[c] >= 0
        && in.get(customerAt[c])).toList();
    List<ChannelEvidence> evidence = ChannelEvidence.ofGroups(columns, context.from(), context.to(), inSegment);
    Optional<Journeys> timed = data.journeys().flatMap(JourneySet::timed);
    Map<String, RoiResult> results = new LinkedHashMap<>();
    for (int k = 0; k < present.size(); k++) {
      String name = segments.names().get(present.get(k));
      BitSet in = members.get(k);
      List<SurveyAnswer> answers = IntStream.range(0, answerAt.length)
          .filter(a -> answerAt[a] >= 0 && in.get(answerAt[a])).mapToObj(data.answers()::get).toList();
      IntPredicate member = inSegment.get(k);
      JourneySet journeys = timed.map(all -> membersOf(all, ids, in))
          .orElseGet(() -> journeys(columns, member, data.asOf()));
      results.put(name, calculate(context, new Scope(journeys, evidence.get(k),
          data.investment().allocatedTo(name, segments.share(name)), answers)));
    }
    return results;
  }

  /**
   * The journeys of the segment's members among {@code all} (everyone's journeys, in canonical order: by customer),
   * a view that shares their columns ({@link Journeys#resample}, each member's journeys taken once): what cutting
   * the members' interactions with the same rules gives, journey for journey, without cutting them again (issue 16).
   * The counts set aside and the untouched conversions stay everyone's, as in a resample.
   */
  private static JourneySet membersOf(Journeys all, List<String> ids, BitSet in) {
    int[] copies = new int[all.size()];
    @Nullable String customer = null;
    int next = 0;
    int taken = 0;
    for (int j = 0; j < copies.length; j++) {
      String id = all.customerId(j);
      if (!id.equals(customer)) {
        customer = id;
        next = indexFrom(ids, next, id);
        taken = next < ids.size() && ids.get(next).equals(id) && in.get(next) ? 1 : 0;
      }
      copies[j] = taken;
    }
    return all.resample(copies).toJourneySet();
  }

  /**
   * The first index at or after {@code from} of an id not below {@code id} in ascending {@code ids}: a merge step,
   * since journeys come by customer in the same order; from the start by binary search if {@code id} is below the
   * id at {@code from} (journeys out of that order).
   */
  private static int indexFrom(List<String> ids, int from, String id) {
    if (from > 0 && from <= ids.size() && ids.get(from - 1).compareTo(id) >= 0) {
      int at = Collections.binarySearch(ids, id);
      return at >= 0 ? at : -at - 1;
    }
    int at = from;
    while (at < ids.size() && ids.get(at).compareTo(id) < 0) {
      at++;
    }
    return at;
  }

  /**
   * A segment's journeys cut from its members' interactions, walked customer by customer: the segment is a test of
   * each interned customer's number ({@link InteractionColumns#forEachCustomer}, numbers matched to the segments'
   * ids in order by one merge), so no rows are cut and no id is looked up in a set per segment.
   */
  private JourneySet journeys(InteractionColumns interactions, IntPredicate inSegment, Instant asOf) {
    CustomerJourneyCutter journeys = CustomerJourneyCutter.of(rules(asOf));
    interactions.forEachCustomer(inSegment, (customer, own) -> journeys.add(own));
    return journeys.journeys().toJourneySet();
  }

  /**
   * The journeys of {@code interactions} with the window ending at the data's as-of (unless the settings'
   * rules fix their own), so that a segment's journeys are cut where everyone's are, whatever its members'
   * latest interaction.
   */
  private JourneySet journeys(List<Interaction> interactions, Instant asOf) {
    return rules(asOf).journeys(interactions).toJourneySet();
  }

  /** The settings' journey rules, with the window ending at {@code asOf} unless they fix their own. */
  private JourneyRules rules(Instant asOf) {
    JourneyRules rules = settings.journeys();
    return rules.asOf() == null ? rules.withAsOf(asOf) : rules;
  }

  /** What every scope of one data set shares: the window, the value of a kept customer, the mapping. */
  private Context context(RoiData data) {
    List<Interaction> interactions = data.interactions();
    Investment investment = data.investment();
    Instant first = InteractionColumns.of(interactions).earliest().orElse(Instant.EPOCH);
    YearMonth firstMonth = YearMonth.from(first.atOffset(ZoneOffset.UTC));
    YearMonth lastMonth = YearMonth.from(data.asOf().atOffset(ZoneOffset.UTC));
    if (!investment.byMonth().isEmpty()) {
      firstMonth = min(firstMonth, investment.byMonth().firstKey());
      lastMonth = max(lastMonth, investment.byMonth().lastKey());
    }
    double valuePerCustomer = settings.fixedValuePerCustomer().orElseGet(() ->
        data.meanValue(settings.conversionRule(), investment.currency()));
    AnswerMapping mapping = settings.mapping() != null ? settings.mapping()
        : AnswerMapping.byChannelNames(InteractionColumns.of(interactions).channels());
    return new Context(interactions, firstMonth, lastMonth, valuePerCustomer, mapping);
  }

  private RoiResult calculate(Context context, Scope scope) {
    AttributionResult measured = model.attribute(scope.journeys());
    HybridAttribution attribution = scope.answers().isEmpty() ? HybridAttribution.measuredOnly(measured)
        : HybridAttribution.blend(measured, SelfReportedAttribution.of(scope.answers(), context.mapping()),
            settings.surveyWeight());
    ChannelEvidence evidence = scope.evidence();
    RoiInputs.Builder inputs = RoiInputs.builder(scope.investment(), attribution, context.firstMonth(),
            context.lastMonth())
        .distinctEngagedCustomers(evidence.engagedOnAnyChannel());
    evidence.engagedCustomers().forEach(inputs::engagedCustomers);
    evidence.retention(settings.inactivity(), context.valuePerCustomer()).forEach(inputs::retention);
    Map<String, ChannelLift> lifts = evidence.engagementLift(settings.valuePerInteraction());
    lifts.forEach((channel, lift) -> inputs.lift(channel, lift.evidence()));
    return new RoiResult(settings.calculator().calculate(inputs.build()), attribution, context.valuePerCustomer());
  }

  private static YearMonth min(YearMonth a, YearMonth b) {
    return a.isBefore(b) ? a : b;
  }

  private static YearMonth max(YearMonth a, YearMonth b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public String toString() {
    return "RoiAnalysis[" + settings + "]";
  }

  /** The interactions of the data, the window, the value of a kept customer and the answer mapping. */
  private record Context(List<Interaction> interactions, YearMonth firstMonth, YearMonth lastMonth,
      double valuePerCustomer, AnswerMapping mapping) {
    /** The window's start: the first month's first instant (UTC). */
    Instant from() {
      return firstMonth.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The window's end, exclusive: the first instant after the last month (UTC). */
    Instant to() {
      return lastMonth.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
  }

  /** The journeys, channel evidence, investment and survey answers of the customers one report covers. */
  private record Scope(JourneySet journeys, ChannelEvidence evidence, Investment investment,
      List<SurveyAnswer> answers) {}
}
