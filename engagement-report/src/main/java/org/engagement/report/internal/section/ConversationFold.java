package org.engagement.report.internal.section;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionColumns;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.engagement.Granularity;
import org.engagement.core.engagement.TrendRule;
import org.engagement.core.ingest.ImportReport;
import org.engagement.report.internal.analysis.MessageFigures;
import org.engagement.roi.lift.LiftEstimate;
import org.engagement.roi.lift.ServiceRetentionLift;
import org.jspecify.annotations.Nullable;

/**
 * The conversation section's aggregates, fed the feed one interaction at a time as it is read, so that the feed
 * is never held (issue 16: at 10 million interactions it is about 1.2 million rows with their text, and holding
 * them ran the report out of a 1 GB heap). Each aggregate ({@link PullThrough}, {@link ShareOfVoice}, {@link
 * ServiceLedger}) is a fold whose result does not depend on the order it is fed in, so the section equals the one
 * computed on the whole feed held in a list. The brand mentions and each message's distinct amplifiers come from
 * the pull-through's tallies, so a mention's text is scanned once and no set of author ids is kept.
 *
 * <p>The main interactions count as activity for retention, which only asks for the latest inbound activity of
 * customers who opened a service case: so the ledger is given the threads the main interactions carry and then
 * the latest inbound activity of the customers with an inbound threaded interaction (a superset of the openers),
 * read from the columns without making their interactions, not the latest activity of every customer (1.86 million
 * of them at 10 million interactions).
 *
 * <p>Not thread-safe: one reader feeds it.
 */
final class ConversationFold {
  private final List<KeyMessage> messages;
  private final @Nullable Brands brands;
  private final PullThrough pull;
  private final @Nullable ShareOfVoice voice;
  private final ServiceLedger ledger = ServiceLedger.create();
  /** The customers of inbound threaded interactions: every customer who can have opened a case. */
  private final Set<String> requesters = new HashSet<>();
  private @Nullable Instant latest;

  /**
   * An empty fold.
   *
   * @param messages the key messages, possibly none
   * @param brands the brands, or {@code null} to take every mention as ours and leave share of voice out
   */
  ConversationFold(List<KeyMessage> messages, @Nullable Brands brands) {
    this.messages = List.copyOf(messages);
    this.brands = brands;
    this.pull = PullThrough.of(MessageMatcher.of(messages), Granularity.MONTH, ZoneOffset.UTC,
        brands == null ? null : brands.ours());
    this.voice = brands == null ? null : ShareOfVoice.of(brands, Granularity.MONTH, ZoneOffset.UTC);
  }

  /** Folds in one interaction of the feed. */
  void add(Interaction interaction) {
    pull.add(interaction);
    if (voice != null) {
      voice.add(interaction);
    }
    ledger.add(interaction);
    noteRequester(interaction);
    if (latest == null || interaction.timestamp().isAfter(latest)) {
      latest = interaction.timestamp();
    }
  }

  /** The latest instant of the feed, or empty if it had none. */
  Optional<Instant> latest() {
    return Optional.ofNullable(latest);
  }

  /**
   * The section: the feed folded so far, with {@code activity} as the other interactions, which count as activity
   * for retention, judged at {@code asOf}.
   */
  ConversationSection section(InteractionColumns activity, Instant asOf, List<ImportReport> reads) {
    for (Interaction carrying : activity.withContent()) {
      if (inThread(carrying)) {
        ledger.add(carrying);
        noteRequester(carrying);
      }
    }
    InteractionColumns ofRequesters = activity.whereCustomer(requesters::contains);
    ofRequesters.forEachRowPerCustomer(new LatestInbound(ledger, ofRequesters.internedCustomers()));
    PullThroughReport report = pull.report();
    List<LocalDate> months = report.periods() == null ? List.of() : report.periods().starts();
    List<MessageFigures> figures = new ArrayList<>();
    for (int m = 0; m < messages.size(); m++) {
      String name = messages.get(m).name();
      figures.add(figures(report, name, months.size(), pull.amplifiers(name)));
    }
    VoiceReport voiceReport = voice == null ? null : voice.report();
    RetentionGroups retention = ledger.retention(asOf, ConversationSection.RETENTION_WINDOW);
    return new ConversationSection(brands, months, figures, pull.brandMentions(), voiceReport,
        ledger.report(ConversationSection.RESPONSE_TARGET), retention, lift(retention), reads);
  }

  private static boolean inThread(Interaction interaction) {
    Content content = interaction.content();
    return content != null && content.threadId() != null;
  }

  private void noteRequester(Interaction interaction) {
    if (interaction.direction() == Direction.INBOUND && inThread(interaction)) {
      requesters.add(interaction.customerId());
    }
  }

  /**
   * Gives the ledger each requester's latest inbound main interaction, read from the columns: the rest of what adding
   * their main interactions would record (their threaded ones are in already, and the ledger keeps only the latest
   * inbound instant of a customer), without making an interaction per row (issue 16).
   */
  private static final class LatestInbound implements InteractionColumns.CustomerRowVisitor {
    private final ServiceLedger ledger;
    private final List<String> customers;
    private boolean any;
    private long latestSecond;
    private int latestNano;

    LatestInbound(ServiceLedger ledger, List<String> customers) {
      this.ledger = ledger;
      this.customers = customers;
    }

    @Override
    public void visit(int customer, int channel, long epochSecond, int nano, InteractionType type,
        Direction direction) {
      if (direction == Direction.INBOUND
          && (!any || epochSecond > latestSecond || (epochSecond == latestSecond && nano > latestNano))) {
        any = true;
        latestSecond = epochSecond;
        latestNano = nano;
      }
    }

    @Override
    public void endCustomer(int customer) {
      if (any) {
        ledger.addInboundActivity(customers.get(customer), Instant.ofEpochSecond(latestSecond, latestNano));
        any = false;
      }
    }
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
}
