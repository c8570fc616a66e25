package org.engagement.core.channel;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.regex.Pattern;
import org.engagement.core.channel.KnownSites.Category;
import org.engagement.core.domain.ChannelGroup;
import org.jspecify.annotations.Nullable;

/**
 * The built-in rules, in the order of the table in {@link ChannelClassifier#defaultRules()}.
 *
 * <p>Written as one straight sequence of tests rather than a list of rule objects: it runs for
 * every distinct touch of a bulk import, and this way each field is lower-cased once, the site
 * lookup is done once and nothing is allocated for values that are already lower case.
 */
final class DefaultChannelRules implements ChannelClassifier {

  static final DefaultChannelRules INSTANCE = new DefaultChannelRules();

  /**
   * GA4's shopping campaign test {@code ^(.*(([^a-df-z]|^)shop|shopping).*)$} as a search: "shop"
   * at the start or after anything but a letter other than "e" (so "eshop" and "summer-shop" count,
   * "workshop" does not), or "shopping" anywhere.
   */
  private static final Pattern SHOPPING_CAMPAIGN = Pattern.compile("(?:^|[^a-df-z])shop|shopping");

  private static final ImmutableSet<String> DIRECT_MEDIA = ImmutableSet.of("(none)", "(not set)");
  private static final ImmutableSet<String> DISPLAY_MEDIA =
      ImmutableSet.of("display", "banner", "expandable", "interstitial", "cpm");
  private static final ImmutableSet<String> SOCIAL_MEDIA =
      ImmutableSet.of(
          "social", "social-network", "social-media", "sm", "social network", "social media");
  private static final ImmutableSet<String> REFERRAL_MEDIA =
      ImmutableSet.of("referral", "app", "link");
  private static final ImmutableSet<String> EMAIL_NAMES =
      ImmutableSet.of("email", "e-mail", "e_mail", "e mail");

  /** This SDK's extensions: relationship channels GA4 has no group for. */
  private static final ImmutableMap<String, ChannelGroup> EXTENSION_MEDIA =
      ImmutableMap.<String, ChannelGroup>builder()
          .put("event", ChannelGroup.EVENTS)
          .put("events", ChannelGroup.EVENTS)
          .put("webinar", ChannelGroup.EVENTS)
          .put("conference", ChannelGroup.EVENTS)
          .put("pr", ChannelGroup.PUBLIC_RELATIONS)
          .put("press", ChannelGroup.PUBLIC_RELATIONS)
          .put("support", ChannelGroup.SUPPORT)
          .put("offline", ChannelGroup.OFFLINE)
          .put("print", ChannelGroup.OFFLINE)
          .put("direct-mail", ChannelGroup.OFFLINE)
          .buildOrThrow();

  private DefaultChannelRules() {}

  @Override
  public ChannelGroup classify(TrafficSource traffic) {
    requireNonNull(traffic, "traffic");
    String source = lower(traffic.source());
    String medium = lower(traffic.medium());
    String campaign = lower(traffic.campaign());
    String referrer = traffic.referrer();
    if (source == null && referrer != null) {
      source = KnownSites.hostOf(referrer.toLowerCase(Locale.ROOT));
      if (source != null && medium == null) {
        medium = "referral";
      }
    }

    if ((source == null || source.equals("(direct)"))
        && (medium == null || DIRECT_MEDIA.contains(medium))) {
      return ChannelGroup.DIRECT;
    }
    if (campaign != null && campaign.contains("cross-network")) {
      return ChannelGroup.CROSS_NETWORK;
    }
    Category site = source == null ? null : KnownSites.categoryOf(source);
    if (medium != null && isPaid(medium)) {
      if (site == Category.SHOPPING || isShoppingCampaign(campaign)) {
        return ChannelGroup.PAID_SHOPPING;
      }
      if (site != null) {
        return switch (site) {
          case SEARCH -> ChannelGroup.PAID_SEARCH;
          case SOCIAL -> ChannelGroup.PAID_SOCIAL;
          case VIDEO -> ChannelGroup.PAID_VIDEO;
          case SHOPPING -> ChannelGroup.PAID_SHOPPING;
        };
      }
      return DISPLAY_MEDIA.contains(medium) ? ChannelGroup.DISPLAY : ChannelGroup.PAID_OTHER;
    }
    if (medium != null && DISPLAY_MEDIA.contains(medium)) {
      return ChannelGroup.DISPLAY;
    }
    if (site == Category.SHOPPING || isShoppingCampaign(campaign)) {
      return ChannelGroup.ORGANIC_SHOPPING;
    }
    if (site == Category.SOCIAL || (medium != null && SOCIAL_MEDIA.contains(medium))) {
      return ChannelGroup.ORGANIC_SOCIAL;
    }
    if (site == Category.VIDEO || (medium != null && medium.contains("video"))) {
      return ChannelGroup.ORGANIC_VIDEO;
    }
    if (site == Category.SEARCH || "organic".equals(medium)) {
      return ChannelGroup.ORGANIC_SEARCH;
    }
    return classifyByMedium(source, medium);
  }

  /** The rules from Referral on, which look at nothing but the source and medium names. */
  private static ChannelGroup classifyByMedium(@Nullable String source, @Nullable String medium) {
    if (medium != null && REFERRAL_MEDIA.contains(medium)) {
      return ChannelGroup.REFERRAL;
    }
    if ((source != null && EMAIL_NAMES.contains(source))
        || (medium != null && EMAIL_NAMES.contains(medium))) {
      return ChannelGroup.EMAIL;
    }
    if ("affiliate".equals(medium)) {
      return ChannelGroup.AFFILIATES;
    }
    if ("audio".equals(medium)) {
      return ChannelGroup.AUDIO;
    }
    if ("sms".equals(source) || "sms".equals(medium)) {
      return ChannelGroup.SMS;
    }
    if ((medium != null
            && (medium.endsWith("push")
                || medium.contains("mobile")
                || medium.contains("notification")))
        || "firebase".equals(source)) {
      return ChannelGroup.MOBILE_PUSH;
    }
    ChannelGroup extension = medium == null ? null : EXTENSION_MEDIA.get(medium);
    return extension == null ? ChannelGroup.UNASSIGNED : extension;
  }

  /** GA4's paid medium test {@code ^(.*cp.*|ppc|retargeting|paid.*)$}, without a regex. */
  private static boolean isPaid(String medium) {
    return medium.contains("cp")
        || medium.equals("ppc")
        || medium.equals("retargeting")
        || medium.startsWith("paid");
  }

  private static boolean isShoppingCampaign(@Nullable String campaign) {
    return campaign != null && SHOPPING_CAMPAIGN.matcher(campaign).find();
  }

  private static @Nullable String lower(@Nullable String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return "ChannelClassifier[default rules]";
  }
}
