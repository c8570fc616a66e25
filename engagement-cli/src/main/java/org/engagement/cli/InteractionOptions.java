package org.engagement.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.engagement.attribution.journey.JourneyRules;
import org.engagement.attribution.journey.Journeys;
import org.engagement.core.domain.ConversionRule;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.core.ingest.csv.CsvPolicy;
import org.engagement.core.ingest.csv.UnknownChannelPolicy;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * The options of the attribution commands that cut journeys from an interactions CSV (a picocli mixin):
 * the file, read like {@code import} reads it, and the {@link JourneyRules} exposed one option each.
 *
 * <p>{@code --as-of} takes a date ({@code 2024-03-31}: the whole of that day, UTC, is in) or an instant
 * with offset ({@code 2024-03-31T18:00:00Z}); {@code --lookback} whole days (without it, a lookback covering the
 * interactions, as the report's: {@link JourneyRules#lookbackCovering}); {@code --conversion-type} and
 * {@code --touch-types} {@link InteractionType} names separated by commas ({@code purchase},
 * {@code lead,opportunity}); {@code --collapse-repeats} an ISO-8601 duration ({@code PT30M}).
 */
final class InteractionOptions {
  @Option(names = "--interactions", paramLabel = "FILE",
      description = "an interactions CSV (the format of the import command) to cut into journeys, instead of "
          + "--input")
  @Nullable Path file;

  @Option(names = "--as-of", paramLabel = "DATE",
      description = "with --interactions: the end of the period analysed, an ISO date (the whole day, UTC) or an "
          + "instant such as 2024-03-31T18:00:00Z; later interactions are left out and journeys that did not "
          + "convert end there (default: the latest interaction)")
  @Nullable String asOf;

  @Option(names = "--lookback", paramLabel = "DAYS",
      description = "with --interactions: how many days before a conversion (or the as-of) touches count "
          + "(default: from the earliest interaction to the as-of and a day more, so no touch is set aside and "
          + "recommended runs the model the report runs on these interactions)")
  @Nullable Long lookbackDays;

  @Option(names = "--conversion-type", split = ",", paramLabel = "TYPE",
      description = "with --interactions: the interaction types that are conversions, separated by commas "
          + "(default purchase)")
  @Nullable List<String> conversionTypes;

  @Option(names = "--touch-types", split = ",", paramLabel = "TYPE",
      description = "with --interactions: the interaction types that are touches, separated by commas "
          + "(default: every type that is not a conversion)")
  @Nullable List<String> touchTypes;

  @Option(names = "--collapse-repeats", paramLabel = "DURATION",
      description = "with --interactions: drop a touch on the same channel as the previous one at most this "
          + "long after it, an ISO-8601 duration such as PT30M (default: keep every touch)")
  @Nullable String collapseGap;

  @Option(names = "--unknown-channels", paramLabel = "POLICY",
      description = "with --interactions: what to do with an unknown channel id without channel_group: "
          + "${COMPLETION-CANDIDATES} (default UNASSIGNED)")
  @Nullable UnknownChannelPolicy unknownChannels;

  /** The names of the options that make sense only with {@code --interactions}, of those given. */
  List<String> given() {
    List<String> given = new ArrayList<>();
    addIf(given, asOf != null, "--as-of");
    addIf(given, lookbackDays != null, "--lookback");
    addIf(given, conversionTypes != null, "--conversion-type");
    addIf(given, touchTypes != null, "--touch-types");
    addIf(given, collapseGap != null, "--collapse-repeats");
    addIf(given, unknownChannels != null, "--unknown-channels");
    return given;
  }

  private static void addIf(List<String> names, boolean given, String name) {
    if (given) {
      names.add(name);
    }
  }

  /**
   * The journey rules the options give.
   *
   * @throws Failure a usage error naming the option whose value is wrong and why
   */
  JourneyRules rules() throws Failure {
    JourneyRules rules = JourneyRules.defaults();
    if (lookbackDays != null) {
      if (lookbackDays <= 0 || lookbackDays > 36_500) {
        throw Failure.usage("--lookback " + lookbackDays + ": must be a whole number of days from 1 to 36500");
      }
      rules = rules.withLookback(Duration.ofDays(lookbackDays));
    }
    if (conversionTypes != null) {
      rules = rules.withConversionRule(ConversionRule.ofTypes(types("--conversion-type", conversionTypes)));
    }
    if (touchTypes != null) {
      rules = rules.withTouchTypes(types("--touch-types", touchTypes));
    }
    if (collapseGap != null) {
      rules = rules.withCollapseRepeats(gap(collapseGap));
    }
    if (asOf != null) {
      rules = rules.withAsOf(instant(asOf));
    }
    return rules;
  }

  private static Set<InteractionType> types(String option, List<String> names) throws Failure {
    Set<InteractionType> types = EnumSet.noneOf(InteractionType.class);
    for (String name : names) {
      try {
        types.add(InteractionType.parse(option, name.strip()));
      } catch (IllegalArgumentException e) {
        throw Failure.usage(String.valueOf(e.getMessage()));
      }
    }
    if (types.isEmpty()) {
      throw Failure.usage(option + " names no interaction type");
    }
    return types;
  }

  private static Duration gap(String text) throws Failure {
    Duration gap;
    try {
      gap = Duration.parse(text);
    } catch (DateTimeParseException e) {
      throw Failure.usage("--collapse-repeats '" + text + "' is not an ISO-8601 duration such as PT30M or P1D");
    }
    if (gap.isNegative()) {
      throw Failure.usage("--collapse-repeats '" + text + "' must not be negative");
    }
    return gap;
  }

  /**
   * {@code text} as the as-of instant: a date is the last instant of that day in UTC, so that the whole
   * day is in; otherwise an instant with offset.
   *
   * @throws Failure a usage error if it is neither
   */
  static Instant instant(String text) throws Failure {
    try {
      return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1);
    } catch (DateTimeParseException notADate) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException notAnInstant) {
        throw Failure.usage("--as-of '" + text + "' is neither an ISO date (2024-03-31) nor an instant with "
            + "offset (2024-03-31T18:00:00Z)");
      }
    }
  }

  /**
   * Imports the interactions CSV as {@code import} does (lenient: bad rows are rejected and the rest
   * used), prints the rejected rows on {@code err}, one line each, and cuts the accepted interactions into
   * journeys with {@code rules}.
   *
   * @param policy the CSV limits ({@code --max-record-length}), or null for the defaults
   * @throws Failure if the file cannot be read at all or the journeys cannot be cut
   */
  Read read(JourneyRules rules, @Nullable CsvPolicy policy, PrintStream err) throws Failure {
    Path input = Objects.requireNonNull(file, "file");
    CsvInteractionAdapter.Builder adapter = CsvInteractionAdapter.builder()
        .unknownChannels(unknownChannels == null ? UnknownChannelPolicy.UNASSIGNED : unknownChannels);
    if (policy != null) {
      adapter.policy(policy);
    }
    List<Interaction> interactions = new ArrayList<>();
    ImportReport report;
    try (InputStream in = InputFile.openBytes(input)) {
      report = InteractionImporter.defaults().run(adapter.build(), in, interactions::add);
    } catch (ImportException e) {
      throw Failure.failed("cannot read " + input + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw InputFile.cannotRead(input, e);
    }
    RejectionLines.print(input.toString(), report, err);
    report.failureReason().ifPresent(reason ->
        err.println(OneLine.of(input + ": could not be read in full: " + reason)));
    Journeys journeys;
    try {
      journeys = covering(rules, interactions).journeys(interactions);
    } catch (IllegalArgumentException e) {
      throw Failure.failed("cannot cut journeys from " + input + ": " + e.getMessage(), e);
    }
    if (journeys.size() == 0 && !interactions.isEmpty()) {
      // every accepted interaction was set aside (all after the as-of, say): an empty table would read as
      // "no channel earned anything" rather than "nothing was measured"
      throw Failure.failed("no journey to credit in " + input + ": " + String.join("; ",
          journeys.setAside().notes()));
    }
    return new Read(input, journeys, report);
  }

  /**
   * {@code rules} with, unless {@code --lookback} was given, the lookback that covers {@code interactions} from the
   * earliest to the as-of ({@link JourneyRules#lookbackCovering}), the rule the report cuts its journeys by: so
   * {@code recommended} fits in exposure time here as it does there, and the credits agree.
   */
  private JourneyRules covering(JourneyRules rules, List<Interaction> interactions) {
    if (lookbackDays != null || interactions.isEmpty()) {
      return rules;
    }
    Instant first = interactions.get(0).timestamp();
    Instant latest = first;
    for (Interaction interaction : interactions) {
      Instant at = interaction.timestamp();
      first = at.isBefore(first) ? at : first;
      latest = at.isAfter(latest) ? at : latest;
    }
    Instant asOf = rules.asOf();
    return rules.withLookback(JourneyRules.lookbackCovering(first, asOf == null ? latest : asOf));
  }

  /**
   * The journeys of an interactions file and the account of its rows.
   *
   * @param file the file read
   * @param journeys the journeys cut from its accepted interactions
   * @param report the import's account: rows read, accepted, rejected and duplicated
   */
  record Read(Path file, Journeys journeys, ImportReport report) {
    /**
     * Checks that every row was used; if not, says on {@code err} in one line how many rows were not used,
     * and that the credits are of the others.
     *
     * @return whether every row was used
     */
    boolean checkAllRowsUsed(PrintStream err) {
      if (report.isClean()) {
        return true;
      }
      long unused = report.read() - report.accepted();
      err.println(OneLine.of(file + ": " + unused + " of " + report.read() + " rows not used (rejected "
          + report.rejected() + ", duplicates " + report.duplicates() + (report.isComplete() ? "" : ", stopped early")
          + "); the credits are of the " + report.accepted() + " rows accepted"));
      return false;
    }
  }
}
