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
 * experiment needs. The defaults: the ten channels of {@link #defaultChannels()}, the
 * {@linkplain WorldMechanism#ADDITIVE additive} mechanism, 5,000 people over 24 months from 1 January 2024
 * (UTC), a base weekly funnel hazard of 0.0005, a carry-over half-life of 120 days, 26 weeks in the market,
 * purchases in EUR, repeat buying and spend as {@link RepeatBuying#defaults()}, no holdouts, a truth horizon of
 * 52 weeks after the end, and a survey answered by 60% of buyers, 15% of them wrongly, and the conversation of
 * {@link ConversationSpec#defaults()}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the seed every random draw derives from
 * @param customers how many people the world has (customers and prospects), at least 1
 * @param start the first day of the world, at midnight UTC
 * @param months how long the world runs, in calendar months, 1 to 600
 * @param channels the channels, at least one, with distinct ids; each channel's monthly cost is for a world
 *     of {@value #COST_BASE_CUSTOMERS} people and scales with {@code customers}
 * @param mechanism how the channels cause first purchases
 * @param baseHazard the weekly funnel hazard without any channel's help, in {@code [0, 1]}
 * @param carryOverDays the half-life of a touch's effect, in days, at least 1 (see {@link WorldMechanism})
 * @param inMarketWeeks how long a person is in the market after arriving, in weeks, at least 1: a prospect who
 *     has not bought by then buys elsewhere and stays a prospect (a buying cycle)
 * @param currency the currency of purchases and costs
 * @param buyers how customers buy again and what they spend
 * @param holdouts the randomised holdouts, at most one per channel, each naming a channel of the world
 * @param holdoutWeeks the weeks after the world's end over which each customer's purchases are counted for
 *     {@link CustomerTruth#holdoutPurchases()}, 0 to 520
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
    WorldMechanism mechanism,
    double baseHazard,
    int carryOverDays,
    int inMarketWeeks,
    Currency currency,
    RepeatBuying buyers,
    List<Holdout> holdouts,
    int holdoutWeeks,
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
    requireNonNull(mechanism, "mechanism");
    ChannelSpec.requireProbability("baseHazard", baseHazard);
    if (carryOverDays < 1) {
      throw new InvalidFieldException("carryOverDays", carryOverDays, "must be at least 1");
    }
    if (inMarketWeeks < 1) {
      throw new InvalidFieldException("inMarketWeeks", inMarketWeeks, "must be at least 1");
    }
    requireNonNull(currency, "currency");
    requireNonNull(buyers, "buyers");
    holdouts = List.copyOf(holdouts);
    requireKnownHoldouts(holdouts, channels);
    if (holdoutWeeks < 0 || holdoutWeeks > 520) {
      throw new InvalidFieldException("holdoutWeeks", holdoutWeeks, "must be from 0 to 520");
    }
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

  private static void requireKnownHoldouts(List<Holdout> holdouts, List<ChannelSpec> channels) {
    Set<String> held = new HashSet<>();
    for (Holdout holdout : holdouts) {
      if (channels.stream().noneMatch(c -> c.id().equals(holdout.channel()))) {
        throw new InvalidFieldException("holdouts", holdout.channel(), "must name a channel of the world");
      }
      if (!held.add(holdout.channel())) {
        throw new InvalidFieldException("holdouts", holdout.channel(), "must not hold a channel out twice");
      }
    }
  }

  /** The number of people the channels' monthly costs are for; costs scale with {@link #customers()}. */
  public static final int COST_BASE_CUSTOMERS = 5_000;

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

  /**
   * A channel table drawn from {@code seed}, for judging models on more than one table: the ten default
   * channels (ids, groups, reach, costs, touch types and survey phrases as in {@link #defaultChannels()}) with
   * their ten lifts dealt out among them at random, and each channel's timing drawn uniformly from
   * {@link TouchTiming#EARLY}, {@link TouchTiming#STEADY} and {@link TouchTiming#LATE}. A channel that becomes
   * early touches once (plus none); a steady or late one keeps its monthly rate, at least 0.15. So the channels
   * that cause most purchases may touch first, all along, or last, and a heuristic that puts credit where the
   * default table's strong channels sit is not flattered. In the {@linkplain WorldMechanism#CONFOUNDED
   * confounded} mechanism the retargeting and navigational channels still have no effect whatever lift they
   * drew; in the {@linkplain WorldMechanism#SYNERGY synergy} one the email channel still harms.
   *
   * @param seed the seed of the draw (the same seed gives the same table)
   * @return the drawn channels, in the default order
   */
  public static List<ChannelSpec> drawnChannels(long seed) {
    return DrawnChannels.draw(seed);
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
    private WorldMechanism mechanism = WorldMechanism.ADDITIVE;
    private double baseHazard = 0.0005;
    private int carryOverDays = 120;
    private int inMarketWeeks = 26;
    private Currency currency = Currency.getInstance("EUR");
    private RepeatBuying buyers = RepeatBuying.defaults();
    private List<Holdout> holdouts = List.of();
    private int holdoutWeeks = 52;
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

    /** Sets the mechanism. @return this builder */
    public Builder mechanism(WorldMechanism value) {
      this.mechanism = requireNonNull(value, "mechanism");
      return this;
    }

    /** Sets the half-life of a touch's effect, in days. @return this builder */
    public Builder carryOverDays(int value) {
      this.carryOverDays = value;
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

    /** Sets how customers buy again and spend. @return this builder */
    public Builder buyers(RepeatBuying value) {
      this.buyers = requireNonNull(value, "buyers");
      return this;
    }

    /** Sets the randomised holdouts. @return this builder */
    public Builder holdouts(List<Holdout> value) {
      this.holdouts = List.copyOf(value);
      return this;
    }

    /** Sets the weeks after the end over which customers' purchases are counted for the truth. @return this builder */
    public Builder holdoutWeeks(int value) {
      this.holdoutWeeks = value;
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
      return new WorldSpec(seed, customers, start, months, channels, mechanism, baseHazard, carryOverDays,
          inMarketWeeks, currency, buyers, holdouts, holdoutWeeks, surveyResponseRate, surveyErrorRate,
          conversations);
    }
  }
}
