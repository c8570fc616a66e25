package org.engagement.report.internal.section;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.engagement.core.conversation.MentionKind;
import org.engagement.core.conversation.Periods;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.conversation.message.MessageMatcher;
import org.engagement.core.conversation.message.PullThrough;
import org.engagement.core.conversation.message.PullThroughReport;
import org.engagement.core.conversation.message.PullThroughRow;
import org.engagement.core.conversation.service.RetentionGroups;
import org.engagement.core.conversation.service.ServiceLedger;
import org.engagement.core.conversation.voice.Brands;
import org.engagement.core.conversation.voice.ShareOfVoice;
import org.engagement.core.conversation.voice.VoiceReport;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.TrendRule;
import org.engagement.core.ingest.ImportException;
import org.engagement.core.ingest.ImportReport;
import org.engagement.core.ingest.InteractionImporter;
import org.engagement.core.ingest.InvalidSourceException;
import org.engagement.core.ingest.csv.CsvImport;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.CsvFiles;
import org.engagement.report.internal.analysis.ConversationSetup;
import org.engagement.report.internal.analysis.MessageFigures;
import org.engagement.report.internal.text.NumberText;
import org.engagement.roi.lift.LiftEstimate;
import org.engagement.roi.lift.ServiceRetentionLift;
import org.jspecify.annotations.Nullable;

/**
 * Computes a {@link ConversationSection} with the conversation module's aggregates: {@link PullThrough},
 * {@link ShareOfVoice}, {@link ServiceLedger} and {@link ServiceRetentionLift}, monthly in UTC. Stateless.
 */
public final class ConversationAnalysis {
  private ConversationAnalysis() {}

  /** Reads the feed, the messages and the brands of {@code analysis}, or returns empty without a feed. */
  static Optional<ConversationSection> of(Analysis analysis) {
    AnalysisInput input = analysis.input();
    Optional<ByteSource> feedFile = input.file(AnalysisInput.CONVERSATIONS);
    if (feedFile.isEmpty()) {
      return Optional.empty();
    }
    analysis.progress().step("conversations: reading the feed");
    InteractionColumns.Builder feedColumns = InteractionColumns.builder();
    List<ImportReport> reads = new ArrayList<>(List.of(readFeed(analysis, feedFile.get(), feedColumns)));
    InteractionColumns feed = feedColumns.build();
    List<KeyMessage> messages = List.of();
    Optional<ByteSource> messagesFile = input.file(AnalysisInput.MESSAGES);
    if (messagesFile.isPresent()) {
      CsvImport<ConversationSetup.MessageRow> rows =
          CsvFiles.read(analysis, AnalysisInput.MESSAGES, messagesFile.get(), ConversationSetup::readMessages);
      reads.add(rows.report());
      messages = ConversationSetup.messages(rows.values());
    }
    Brands brands = null;
    Optional<ByteSource> brandsFile = input.file(AnalysisInput.BRANDS);
    if (brandsFile.isPresent()) {
      CsvImport<ConversationSetup.BrandRow> rows =
          CsvFiles.read(analysis, AnalysisInput.BRANDS, brandsFile.get(), ConversationSetup::readBrands);
      reads.add(rows.report());
      brands = brands(rows.values());
    }
    Instant asOf = feed.latest().filter(analysis.asOf()::isBefore)
        .orElse(analysis.asOf());
    analysis.progress().step("conversations: pull-through, share of voice and service");
    return Optional.of(compute(feed, input.interactions(), messages, brands, asOf, reads));
  }

  /**
   * Imports the feed into {@code feed} and records the account in {@code analysis}.
   *
   * @throws InvalidSourceException if the feed cannot be read as a whole (broken CSV structure, say); the
   *     account of what was read before is recorded first
   */
  private static ImportReport readFeed(Analysis analysis, ByteSource file, InteractionColumns.Builder feed) {
    ImportReport report;
    try (InputStream in = file.openBufferedStream()) {
      report = Analysis.named(AnalysisInput.CONVERSATIONS,
          InteractionImporter.defaults().run(new CsvInteractionAdapter(), in, feed::add));
    } catch (ImportException e) {
      ImportReport before = e.report();
      analysis.recordRead(new ImportReport(AnalysisInput.CONVERSATIONS, before.read(), before.accepted(),
          before.rejected(), before.duplicates(), before.rejections(), before.rejectionsNotRetained(),
          before.failureReason().orElse(String.valueOf(e.getMessage()))));
      throw new InvalidSourceException("cannot read " + AnalysisInput.CONVERSATIONS + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw CsvFiles.failed(analysis, AnalysisInput.CONVERSATIONS, String.valueOf(e.getMessage()), e);
    }
    analysis.recordRead(report);
    return report;
  }

  private static Brands brands(List<ConversationSetup.BrandRow> rows) {
    String ours = rows.stream().filter(ConversationSetup.BrandRow::ours).map(ConversationSetup.BrandRow::brand)
        .findFirst().orElseThrow(() -> new InvalidFieldException(AnalysisInput.BRANDS, rows.size() + " brands",
            "must mark one brand as ours"));
    return new Brands(ours, rows.stream().filter(r -> !r.ours()).map(ConversationSetup.BrandRow::brand).toList());
  }

  /**
   * The section for a conversation feed.
   *
   * @param feed the interactions with content: mentions, shares and service threads
   * @param activity the other interactions, which count as activity for retention
   * @param messages the key messages, possibly none
   * @param brands the brands, or {@code null} to take every mention as ours and leave share of voice out
   * @param asOf the end of observation for retention
   * @param reads the accounts of the files read
   */
  static ConversationSection compute(List<Interaction> feed, List<Interaction> activity, List<KeyMessage> messages,
      @Nullable Brands brands, Instant asOf, List<ImportReport> reads) {
    MessageMatcher matcher = MessageMatcher.of(messages);
    String ours = brands == null ? null : brands.ours();
    PullThroughReport pull = PullThrough.of(matcher, Granularity.MONTH, ZoneOffset.UTC, ours).addAll(feed).report();
    List<LocalDate> months = pull.periods() == null ? List.of() : pull.periods().starts();
    long[] amplifiers = new long[messages.size()];
    long brandMentions = amplifiers(feed, matcher, ours, amplifiers);
    List<MessageFigures> figures = new ArrayList<>();
    for (int m = 0; m < messages.size(); m++) {
      figures.add(figures(pull, messages.get(m).name(), months.size(), amplifiers[m]));
    }
    VoiceReport voice = brands == null ? null
        : ShareOfVoice.of(brands, Granularity.MONTH, ZoneOffset.UTC).addAll(feed).report();
    ServiceLedger ledger = ServiceLedger.create().addAll(activity).addAll(feed);
    RetentionGroups retention = ledger.retention(asOf, ConversationSection.RETENTION_WINDOW);
    LiftEstimate lift = lift(retention);
    return new ConversationSection(brands, months, figures, brandMentions, voice,
        ledger.report(ConversationSection.RESPONSE_TARGET), retention, lift, reads);
  }

  /** The lift test, or {@code null} when a group is empty or the test cannot be formed (no variance at all). */
  private static @Nullable LiftEstimate lift(RetentionGroups retention) {
    if (retention.resolved().customers() == 0 || retention.unresolved().customers() == 0) {
      return null;
    }
    try {
      return ServiceRetentionLift.test(retention);
    } catch (IllegalArgumentException degenerate) {
      return null;
    }
  }

  private static MessageFigures figures(PullThroughReport pull, String message, int months, long amplifiers) {
    long carrying = 0;
    long shares = 0;
    long brandMentions = 0;
    long reach = 0;
    long[] byMonth = new long[months];
    Periods axis = pull.periods();
    for (PullThroughRow row : pull.rows(message)) {
      carrying += row.carrying();
      shares += row.shares();
      brandMentions += row.brandMentions();
      reach += row.reach();
      if (axis != null) {
        byMonth[axis.indexOf(row.periodStart())] += row.carrying();
      }
    }
    List<Long> series = new ArrayList<>(months);
    for (long count : byMonth) {
      series.add(count);
    }
    return new MessageFigures(message, carrying, shares, brandMentions, reach, amplifiers, series,
        pull.trend(message, null, TrendRule.defaults()));
  }

  /**
   * Counts the distinct authors carrying each message into {@code amplifiers}, over every channel and month
   * (the pull-through rows count them per channel and month), and returns the number of brand mentions. A
   * brand mention is what {@link PullThrough} counts: an inbound mention or share naming our brand or none.
   */
  private static long amplifiers(List<Interaction> feed, MessageMatcher matcher, @Nullable String ours,
      long[] amplifiers) {
    List<Set<String>> authors = new ArrayList<>();
    for (int m = 0; m < amplifiers.length; m++) {
      authors.add(new HashSet<>());
    }
    MessageMatcher.Scanner scanner = matcher.scanner();
    BitSet found = new BitSet();
    long brandMentions = 0;
    for (Interaction interaction : feed) {
      Content content = interaction.content();
      String brand = content == null ? null : content.brand();
      if (MentionKind.of(interaction) == null
          || (ours != null && brand != null && !Brands.sameName(ours, brand))) {
        continue;
      }
      brandMentions++;
      if (content != null) {
        found.clear();
        scanner.match(content, found);
        for (int m = found.nextSetBit(0); m >= 0; m = found.nextSetBit(m + 1)) {
          authors.get(m).add(interaction.customerId());
        }
      }
    }
    for (int m = 0; m < amplifiers.length; m++) {
      amplifiers[m] = authors.get(m).size();
    }
    return brandMentions;
  }

  /** A duration as hours with one decimal, or a dash when there is none. */
  static String hours(@Nullable Duration duration) {
    return duration == null ? "\u2013" : NumberText.number(duration.toSeconds() / 3600.0, 1) + " h";
  }
}
