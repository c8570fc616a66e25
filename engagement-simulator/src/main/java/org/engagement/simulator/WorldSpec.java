package org.engagement.simulator;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Everything that decides a simulated CRM world: with the same spec, {@link WorldGenerator} makes the same
 * world, interaction for interaction.
 *
 * <p>Start from {@link #defaults()} or {@link #builder()} (which starts from the defaults) and change what the
 * experiment needs. The defaults: the ten channels of {@link #defaultChannels()}, 5,000 people over 24 months
 * from 1 January 2024 (UTC), a base weekly funnel hazard of 0.0005, a memory of 180 days, 26 weeks in the
 * market, purchases in EUR with a median of 120 and a log-standard deviation of 0.6, a 10% chance of a repeat
 * purchase and a 3% chance of churn each month for customers, and a survey answered by 60% of buyers, 15% of
 * them wrongly, and the conversation of {@link ConversationSpec#defaults()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the seed every random draw derives from
 * @param customers how many people the world has (customers and prospects), at least 1
 * @param start the first day of the world, at midnight UTC
 * @param months how long the world runs, in calendar months, 1 to 600
 * @param channels the channels, at least one, with distinct ids
 * @param baseHazard the weekly funnel hazard without any channel's help, in {@code [0, 1]}
 * @param memoryDays how long a touch keeps helping, in days, at least 1
 * @param inMarketWeeks how long a person is in the market after arriving, in weeks, at least 1: a prospect who
 *     has not bought by then buys elsewhere and stays a prospect (a buying cycle)
 * @param currency the currency of purchases and costs
 * @param medianPurchase the median first purchase of a small-business customer in major units, positive; mid-market
 *     customers spend 3 times and enterprises 10 times as much
 * @param purchaseSigma the standard deviation of the logarithm of purchase values, at least 0
 * @param repeatPurchasesPerMonth the probability that a live customer buys again in a month, in {@code [0, 1]}
 * @param monthlyChurn the probability that a live customer leaves in a month, in {@code [0, 1]}
 * @param surveyResponseRate the probability that a customer answers the survey, in {@code [0, 1]}
 * @param surveyErrorRate the probability that an answer names a channel at random, in {@code [0, 1]}
 * @param conversations what the social conversation feed is about: brands, key messages, service owners
 * @since 0.1.0
 */
public record WorldSpec(
    long seed,
    int customers,
    LocalDate start,
    int months,
    List<ChannelSpec> channels,
    double baseHazard,
    int memoryDays,
    int inMarketWeeks,
    Currency currency,
    double medianPurchase,
    double purchaseSigma,
    double repeatPurchasesPerMonth,
    double monthlyChurn,
    double surveyResponseRate,
    double surveyErrorRate,
    ConversationSpec conversations) {

  /**
   * Validates the spec and copies the channels.
   *
   * @throws InvalidFieldException if a rule in the parameter descriptions is broken
   */
  public WorldSpec {
    if (customers < 1) {
      throw new InvalidFieldException("customers", customers, "must be at least 1");
    }
    requireNonNull(start, "start");
    if (months < 1 || months > 600) {
      throw new InvalidFieldException("months", months, "must be from 1 to 600");
    }
    channels = List.copyOf(channels);
    requireDistinctChannels(channels);
    ChannelSpec.requireProbability("baseHazard", baseHazard);
    if (memoryDays < 1) {
      throw new InvalidFieldException("memoryDays", memoryDays, "must be at least 1");
    }
    if (inMarketWeeks < 1) {
      throw new InvalidFieldException("inMarketWeeks", inMarketWeeks, "must be at least 1");
    }
    requireNonNull(currency, "currency");
    if (!(medianPurchase > 0 && Double.isFinite(medianPurchase))) {
      throw new InvalidFieldException("medianPurchase", medianPurchase, "must be a positive finite number");
    }
    if (!(purchaseSigma >= 0 && purchaseSigma <= 5)) {
      throw new InvalidFieldException("purchaseSigma", purchaseSigma, "must be from 0 to 5");
    }
    ChannelSpec.requireProbability("repeatPurchasesPerMonth", repeatPurchasesPerMonth);
    ChannelSpec.requireProbability("monthlyChurn", monthlyChurn);
    ChannelSpec.requireProbability("surveyResponseRate", surveyResponseRate);
    ChannelSpec.requireProbability("surveyErrorRate", surveyErrorRate);
    requireNonNull(conversations, "conversations");
  }

  private static void requireDistinctChannels(List<ChannelSpec> channels) {
    if (channels.isEmpty()) {
      throw new InvalidFieldException("channels", channels, "must hold at least one channel");
    }
    if (channels.size() > 30) {
      throw new InvalidFieldException("channels", channels.size(), "must hold at most 30 channels");
    }
    Set<String> ids = new HashSet<>();
    for (ChannelSpec channel : channels) {
      if (!ids.add(channel.id())) {
        throw new InvalidFieldException("channels", channel.id(), "must not repeat a channel id");
      }
    }
  }

  /** The default world (see the class description). */
  public static WorldSpec defaults() {
    return builder().build();
  }

  /** A builder starting from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The ten default channels: three social networks, a newsletter, search ads, a blog, partner referrals,
   * trade shows, press coverage and direct visits. Trade shows, press and referrals touch early and help a
   * lot; direct visits are frequent, come last and help not at all; see the package description for the table.
   */
  public static List<ChannelSpec> defaultChannels() {
    return DefaultChannels.all();
  }

  /** The first instant of the world. */
  public Instant startInstant() {
    return start.atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The instant the world ends (exclusive): {@link #months()} after the start. */
  public Instant endInstant() {
    return start.plusMonths(months).atStartOfDay(ZoneOffset.UTC).toInstant();
  }

  /** The index of the channel with id {@code id}, or -1. */
  public int channelIndex(String id) {
    for (int i = 0; i < channels.size(); i++) {
      if (channels.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Builds a {@link WorldSpec}, starting from the defaults. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private long seed = 20_240_101L;
    private int customers = 5_000;
    private LocalDate start = LocalDate.of(2024, 1, 1);
    private int months = 24;
    private List<ChannelSpec> channels = DefaultChannels.all();
    private double baseHazard = 0.0005;
    private int memoryDays = 180;
    private int inMarketWeeks = 26;
    private Currency currency = Currency.getInstance("EUR");
    private double medianPurchase = 120;
    private double purchaseSigma = 0.6;
    private double repeatPurchasesPerMonth = 0.1;
    private double monthlyChurn = 0.03;
    private double surveyResponseRate = 0.6;
    private double surveyErrorRate = 0.15;
    private ConversationSpec conversations = ConversationSpec.defaults();

    private Builder() {}

    /** Sets the seed. @return this builder */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** Sets how many people the world has. @return this builder */
    public Builder customers(int value) {
      this.customers = value;
      return this;
    }

    /** Sets the first day. @return this builder */
    public Builder start(LocalDate value) {
      this.start = requireNonNull(value, "start");
      return this;
    }

    /** Sets the length in months. @return this builder */
    public Builder months(int value) {
      this.months = value;
      return this;
    }

    /** Sets the channels. @return this builder */
    public Builder channels(List<ChannelSpec> value) {
      this.channels = List.copyOf(value);
      return this;
    }

    /** Sets the base weekly funnel hazard. @return this builder */
    public Builder baseHazard(double value) {
      this.baseHazard = value;
      return this;
    }

    /** Sets how long a touch keeps helping. @return this builder */
    public Builder memoryDays(int value) {
      this.memoryDays = value;
      return this;
    }

    /** Sets how long a person is in the market. @return this builder */
    public Builder inMarketWeeks(int value) {
      this.inMarketWeeks = value;
      return this;
    }

    /** Sets the currency. @return this builder */
    public Builder currency(Currency value) {
      this.currency = requireNonNull(value, "currency");
      return this;
    }

    /** Sets the median purchase and the log-standard deviation of purchases. @return this builder */
    public Builder purchases(double median, double sigma) {
      this.medianPurchase = median;
      this.purchaseSigma = sigma;
      return this;
    }

    /** Sets the monthly repeat-purchase probability and the monthly churn. @return this builder */
    public Builder retention(double repeatPerMonth, double churnPerMonth) {
      this.repeatPurchasesPerMonth = repeatPerMonth;
      this.monthlyChurn = churnPerMonth;
      return this;
    }

    /** Sets the survey's response rate and error rate. @return this builder */
    public Builder survey(double responseRate, double errorRate) {
      this.surveyResponseRate = responseRate;
      this.surveyErrorRate = errorRate;
      return this;
    }

    /** Sets what the conversation feed is about. @return this builder */
    public Builder conversations(ConversationSpec value) {
      this.conversations = requireNonNull(value, "conversations");
      return this;
    }

    /**
     * The spec.
     *
     * @throws InvalidFieldException if a value breaks a rule of {@link WorldSpec}
     */
    public WorldSpec build() {
      return new WorldSpec(seed, customers, start, months, channels, baseHazard, memoryDays, inMarketWeeks, currency,
          medianPurchase, purchaseSigma, repeatPurchasesPerMonth, monthlyChurn, surveyResponseRate,
          surveyErrorRate, conversations);
    }
  }
}
