package org.engagement.core.domain;

import java.util.List;
import java.util.Locale;

/**
 * The family a {@link Channel} belongs to, used to compare like with like across integrations.
 *
 * <p>The web groups follow the widely used default channel groupings of web analytics (Direct,
 * Organic Search, Paid Search, Organic Social, Paid Social, Email, Referral, Display, Affiliates,
 * Video, ...); {@link #EVENTS}, {@link #PUBLIC_RELATIONS}, {@link #SUPPORT} and {@link #OFFLINE}
 * cover the relationship channels that never show up in a click stream. {@link #UNASSIGNED} is what
 * an unknown or unclassifiable channel gets, so that nothing is dropped for lack of a group.
 *
 * <p>Groups are a closed set on purpose: reports group by them and the classifier maps to them.
 * Channels themselves are open-ended.
 *
 * <p>Immutable and thread-safe, like every enum.
 *
 * @since 0.1.0
 */
public enum ChannelGroup {
  /** Typed-in or bookmarked visits: no source, or source "(direct)" with medium "(none)". */
  DIRECT("Direct"),
  /** Unpaid results of a search engine. */
  ORGANIC_SEARCH("Organic Search"),
  /** Paid ads on a search engine. */
  PAID_SEARCH("Paid Search"),
  /** Unpaid posts, mentions and links on social networks. */
  ORGANIC_SOCIAL("Organic Social"),
  /** Paid ads on social networks. */
  PAID_SOCIAL("Paid Social"),
  /** Email messages and newsletters. */
  EMAIL("Email"),
  /** Links from other sites that are not search engines or social networks. */
  REFERRAL("Referral"),
  /** Banner and other display advertising. */
  DISPLAY("Display"),
  /** Affiliate and partner programmes. */
  AFFILIATES("Affiliates"),
  /** Unpaid video platforms. */
  ORGANIC_VIDEO("Organic Video"),
  /** Paid video advertising. */
  PAID_VIDEO("Paid Video"),
  /** Unpaid shopping listings. */
  ORGANIC_SHOPPING("Organic Shopping"),
  /** Paid shopping ads. */
  PAID_SHOPPING("Paid Shopping"),
  /** Campaigns that run across several ad networks at once. */
  CROSS_NETWORK("Cross-network"),
  /** Other paid traffic (cost-per-click and the like) that fits no narrower paid group. */
  PAID_OTHER("Paid Other"),
  /** Audio advertising (podcasts, streaming radio). */
  AUDIO("Audio"),
  /** Text messages. */
  SMS("SMS"),
  /** Mobile push notifications. */
  MOBILE_PUSH("Mobile Push Notifications"),
  /** Conferences, trade shows, webinars and meet-ups. */
  EVENTS("Events"),
  /** Press coverage and public relations. */
  PUBLIC_RELATIONS("PR"),
  /** Customer service and support conversations. */
  SUPPORT("Support"),
  /** Other offline touches: phone, direct mail, in store. */
  OFFLINE("Offline"),
  /** A channel that could not be classified. */
  UNASSIGNED("Unassigned");

  private static final EnumNames<ChannelGroup> NAMES =
      EnumNames.of(ChannelGroup.class, ChannelGroup::id, group -> List.of(group.displayName));

  private final String displayName;

  ChannelGroup(String displayName) {
    this.displayName = displayName;
  }

  /** The human-readable name, as analytics tools show it (for example "Organic Social"). */
  public String displayName() {
    return displayName;
  }

  /** The stable lower-case identifier used in files (for example {@code organic_social}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses a group from its {@linkplain #id() id}, its enum name or its display name, ignoring case,
   * spaces, hyphens and underscores.
   *
   * @throws InvalidFieldException if {@code text} names no group
   */
  public static ChannelGroup parse(String field, String text) {
    return NAMES.parse(field, text);
  }
}
