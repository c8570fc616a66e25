package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.domain.Customer;
import org.engagement.core.domain.Interaction;
import org.engagement.core.ingest.csv.CsvInteractionWriter;
import org.engagement.simulator.internal.CsvFileWriter;

/**
 * Writes a world into a directory as the CSV files described in the package description, streaming:
 * a world of ten million interactions is written in constant memory.
 *
 * <p>Rows come person by person (the order of {@link WorldGenerator#stream(WorldSpec, WorldVisitor)}): each
 * person's interactions in time order, the people in order of their ids. The same spec always gives the same
 * bytes. Stateless; thread-safe as long as two calls do not write into the same directory.
 *
 * @since 0.1.0
 */
public final class WorldWriter {
  /** The interactions, in the format of {@link org.engagement.core.ingest.csv.CsvInteractionAdapter}. */
  public static final String INTERACTIONS = "interactions.csv";
  /** The people: {@code customer_id,first_seen,segment,churned_at}. */
  public static final String CUSTOMERS = "customers.csv";
  /** The costs: {@code month,channel,owner,amount,currency}. */
  public static final String COSTS = "costs.csv";
  /** The survey answers: {@code customer_id,answer}. */
  public static final String SURVEY = "survey.csv";
  /**
   * How survey answers name the channels: {@code channel,phrase}, one row per phrase, channels in the order
   * answers are matched against them.
   */
  public static final String SURVEY_CHANNELS = "survey-channels.csv";
  /** The ground truth: {@code channel,true_incremental_conversions,true_share}. */
  public static final String TRUTH = "truth.csv";
  /** The conversation feed: interactions with content, in the format of {@link CsvInteractionWriter#openWithContent}. */
  public static final String CONVERSATIONS = "conversations.csv";
  /** The key messages: {@code message,phrase,kind}. */
  public static final String MESSAGES = "messages.csv";
  /** The brands compared in the conversation: {@code brand,role}. */
  public static final String BRANDS = "brands.csv";
  /**
   * The truth about each buyer ({@link CustomerTruth}):
   * {@code customer_id,purchase_rate_per_week,dropout_probability,mean_spend,alive_at_end,holdout_purchases}.
   */
  public static final String CUSTOMER_TRUTH = "customer_truth.csv";
  /** The people held out of a channel ({@link HeldOut}): {@code customer_id,channel}. */
  public static final String HOLDOUT = "holdout.csv";
  /** Every file a world has, in the order they are described. */
  public static final List<String> FILES = List.of(INTERACTIONS, CUSTOMERS, COSTS, SURVEY, SURVEY_CHANNELS, TRUTH,
      CUSTOMER_TRUTH, HOLDOUT, CONVERSATIONS, MESSAGES, BRANDS);

  /** The attribute columns of {@code interactions.csv}. */
  static final List<String> ATTRIBUTE_COLUMNS = List.of(CustomerSimulation.PURCHASE_NUMBER);
  private static final int SHARE_DECIMALS = 6;
  private static final int RATE_DECIMALS = 8;

  private WorldWriter() {}

  /**
   * Generates the world of {@code spec} into {@code directory} (created if missing; existing files of the
   * same names are replaced).
   *
   * @return the world's ground truth, as written to {@value #TRUTH}
   * @throws IOException if a file cannot be written
   */
  public static GroundTruth write(WorldSpec spec, Path directory) throws IOException {
    requireNonNull(spec, "spec");
    requireNonNull(directory, "directory");
    Files.createDirectories(directory);
    GroundTruth truth;
    try (OutputStream interactionStream = Files.newOutputStream(directory.resolve(INTERACTIONS));
        CsvInteractionWriter interactions = CsvInteractionWriter.open(interactionStream, ATTRIBUTE_COLUMNS);
        CsvFileWriter customers = CsvFileWriter.create(directory.resolve(CUSTOMERS),
            List.of("customer_id", "first_seen", "segment", "churned_at"));
        CsvFileWriter survey = CsvFileWriter.create(directory.resolve(SURVEY), List.of("customer_id", "answer"));
        CsvFileWriter customerTruth = CsvFileWriter.create(directory.resolve(CUSTOMER_TRUTH), List.of("customer_id",
            "purchase_rate_per_week", "dropout_probability", "mean_spend", "alive_at_end", "holdout_purchases"));
        CsvFileWriter holdout = CsvFileWriter.create(directory.resolve(HOLDOUT), List.of("customer_id", "channel"));
        OutputStream conversationStream = Files.newOutputStream(directory.resolve(CONVERSATIONS));
        CsvInteractionWriter conversations = CsvInteractionWriter.openWithContent(conversationStream, List.of())) {
      truth = WorldGenerator.stream(spec,
          new FileVisitor(interactions, customers, survey, new CsvFileWriter[] {customerTruth, holdout},
              conversations));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writeCosts(WorldGenerator.costs(spec), directory.resolve(COSTS));
    writeSurveyChannels(spec.channels(), directory.resolve(SURVEY_CHANNELS));
    writeTruth(truth, directory.resolve(TRUTH));
    writeMessages(spec.conversations(), directory.resolve(MESSAGES));
    writeBrands(spec.conversations(), directory.resolve(BRANDS));
    return truth;
  }

  private static void writeSurveyChannels(List<ChannelSpec> channels, Path file) throws IOException {
    try (CsvFileWriter table = CsvFileWriter.create(file, List.of("channel", "phrase"))) {
      for (ChannelSpec channel : channels) {
        for (String phrase : channel.surveyPhrases()) {
          table.row(List.of(channel.channel().id(), phrase));
        }
      }
    }
  }

  private static void writeMessages(ConversationSpec conversation, Path file) throws IOException {
    try (CsvFileWriter table = CsvFileWriter.create(file, List.of("message", "phrase", "kind"))) {
      for (KeyMessage message : conversation.messages()) {
        for (String phrase : message.phrases()) {
          table.row(List.of(message.name(), phrase, "phrase"));
        }
        for (String tag : message.hashtags()) {
          table.row(List.of(message.name(), tag, "hashtag"));
        }
        for (String link : message.links()) {
          table.row(List.of(message.name(), link, "link"));
        }
      }
    }
  }

  private static void writeBrands(ConversationSpec conversation, Path file) throws IOException {
    try (CsvFileWriter table = CsvFileWriter.create(file, List.of("brand", "role"))) {
      table.row(List.of(conversation.brand(), "ours"));
      for (String competitor : conversation.competitors()) {
        table.row(List.of(competitor, "competitor"));
      }
    }
  }

  private static void writeCosts(List<MonthlyCost> costs, Path file) throws IOException {
    try (CsvFileWriter table = CsvFileWriter.create(file, List.of("month", "channel", "owner", "amount", "currency"))) {
      for (MonthlyCost cost : costs) {
        table.row(List.of(cost.month().toString(), cost.channel(), cost.owner(),
            cost.amount().amount().toPlainString(), cost.amount().currency().getCurrencyCode()));
      }
    }
  }

  private static void writeTruth(GroundTruth truth, Path file) throws IOException {
    long sum = truth.channels().stream().mapToLong(row -> Math.abs(row.incrementalConversions())).sum();
    try (CsvFileWriter table =
        CsvFileWriter.create(file, List.of("channel", "true_incremental_conversions", "true_share"))) {
      for (ChannelTruth row : truth.channels()) {
        table.row(List.of(row.channel(), Long.toString(row.incrementalConversions()),
            shareText(row.incrementalConversions(), sum)));
      }
    }
  }

  /** A double as exact decimal text rounded to eight places (the same text on every JVM). */
  static String decimalText(double value) {
    return new BigDecimal(value).setScale(RATE_DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** The share as exact decimal text with six places, from the integer counts (no floating point). */
  static String shareText(long count, long sum) {
    if (sum == 0) {
      return BigDecimal.ZERO.setScale(SHARE_DECIMALS).toPlainString();
    }
    return BigDecimal.valueOf(count).divide(BigDecimal.valueOf(sum), SHARE_DECIMALS, RoundingMode.HALF_EVEN)
        .toPlainString();
  }


  /** Sends each person's rows to the open files. */
  private static final class FileVisitor implements WorldVisitor {
    private final CsvInteractionWriter interactions;
    private final CsvFileWriter customers;
    private final CsvFileWriter survey;
    private final CsvFileWriter customerTruth;
    private final CsvFileWriter holdout;
    private final CsvInteractionWriter conversations;

    /** {@code truthFiles} holds the customer truth and the holdout files, in that order. */
    FileVisitor(CsvInteractionWriter interactions, CsvFileWriter customers, CsvFileWriter survey,
        CsvFileWriter[] truthFiles, CsvInteractionWriter conversations) {
      this.interactions = interactions;
      this.customers = customers;
      this.survey = survey;
      this.customerTruth = truthFiles[0];
      this.holdout = truthFiles[1];
      this.conversations = conversations;
    }

    @Override
    public void customerTruth(CustomerTruth truth) {
      unchecked(() -> customerTruth.row(List.of(truth.customerId(), decimalText(truth.purchaseRate()),
          decimalText(truth.dropoutProbability()), decimalText(truth.meanSpend()),
          Boolean.toString(truth.aliveAtEnd()), Integer.toString(truth.holdoutPurchases()))));
    }

    @Override
    public void heldOut(String customerId, String channel) {
      unchecked(() -> holdout.row(List.of(customerId, channel)));
    }

    @Override
    public void conversation(Interaction interaction) {
      conversations.write(interaction);
    }

    @Override
    public void customer(Customer customer) {
      String churned = customer.attributes().getInstant(CustomerSimulation.CHURNED_AT)
          .map(Object::toString).orElse("");
      String segment = customer.attributes().getString(CustomerSimulation.SEGMENT).orElse("");
      unchecked(() -> customers.row(List.of(customer.id(), customer.firstSeen().toString(), segment, churned)));
    }

    @Override
    public void interaction(Interaction interaction) {
      interactions.write(interaction);
    }

    @Override
    public void surveyAnswer(SurveyAnswer answer) {
      unchecked(() -> survey.row(List.of(answer.customerId(), answer.answer())));
    }

    private static void unchecked(IoAction action) {
      try {
        action.run();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A write that may fail. */
  @FunctionalInterface
  private interface IoAction {
    void run() throws IOException;
  }
}
