package org.engagement.simulator;

import static org.engagement.core.domain.InteractionType.CLICK;
import static org.engagement.core.domain.InteractionType.COMMENT;
import static org.engagement.core.domain.InteractionType.EVENT_ATTENDANCE;
import static org.engagement.core.domain.InteractionType.IMPRESSION;
import static org.engagement.core.domain.InteractionType.LIKE;
import static org.engagement.core.domain.InteractionType.MENTION;
import static org.engagement.core.domain.InteractionType.OPEN;
import static org.engagement.core.domain.InteractionType.SHARE;
import static org.engagement.core.domain.InteractionType.VISIT;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;

/** The channels of {@link WorldSpec#defaults()}; the table is in the package description. */
final class DefaultChannels {
  private static final Currency EUR = Currency.getInstance("EUR");

  private DefaultChannels() {}

  static List<ChannelSpec> all() {
    return List.of(
        channel("linkedin", "LinkedIn", ChannelGroup.ORGANIC_SOCIAL, "social team",
            0.20, 0.15, TouchTiming.STEADY, 0.060, 2_500, List.of(IMPRESSION, LIKE, COMMENT, CLICK),
            List.of("LinkedIn", "a post on LinkedIn")),
        channel("x", "X (Twitter)", ChannelGroup.ORGANIC_SOCIAL, "social team",
            0.15, 0.15, TouchTiming.STEADY, 0.010, 1_500, List.of(IMPRESSION, LIKE, SHARE),
            List.of("Twitter", "a tweet")),
        channel("facebook-ads", "Facebook Ads", ChannelGroup.PAID_SOCIAL, "performance marketing",
            0.20, 0.15, TouchTiming.STEADY, 0.015, 6_000, List.of(IMPRESSION, IMPRESSION, CLICK),
            List.of("an ad on Facebook", "Facebook")),
        channel("newsletter", "Newsletter", ChannelGroup.EMAIL, "CRM team",
            0.20, 0.20, TouchTiming.STEADY, 0.030, 800, List.of(OPEN, OPEN, CLICK),
            List.of("your newsletter", "an email from you")),
        channel("google-ads", "Google Ads", ChannelGroup.PAID_SEARCH, "performance marketing",
            0.20, 0.15, TouchTiming.STEADY, 0.060, 8_000, List.of(CLICK),
            List.of("I googled it", "a search ad")),
        channel("blog", "Company blog", ChannelGroup.REFERRAL, "content team",
            0.15, 0.15, TouchTiming.STEADY, 0.080, 3_000, List.of(VISIT),
            List.of("a blog post", "an article on your blog")),
        channel("partner-referral", "Partner referrals", ChannelGroup.REFERRAL, "partnerships",
            0.10, 0.0, TouchTiming.EARLY, 0.150, 2_000, List.of(VISIT, MENTION),
            List.of("a friend told me", "a partner recommended you")),
        channel("trade-show", "Trade shows", ChannelGroup.EVENTS, "events team",
            0.10, 0.0, TouchTiming.EARLY, 0.180, 12_000, List.of(EVENT_ATTENDANCE),
            List.of("saw you at a conference", "met you at a trade show")),
        channel("press", "Press coverage", ChannelGroup.PUBLIC_RELATIONS, "PR agency",
            0.10, 0.0, TouchTiming.EARLY, 0.120, 4_000, List.of(IMPRESSION, VISIT),
            List.of("read about you in the press", "an article in a magazine")),
        channel("direct", "Direct", ChannelGroup.DIRECT, "web team",
            0.25, 0.40, TouchTiming.STEADY, 0.002, 0, List.of(VISIT),
            List.of("I already knew you", "just found your website")));
  }

  private static ChannelSpec channel(String id, String name, ChannelGroup group, String owner, double reach,
      double touchesPerMonth, TouchTiming timing, double lift, long monthlyCostEuros,
      List<InteractionType> types, List<String> phrases) {
    return new ChannelSpec(Channel.of(id, name, group), owner, reach, touchesPerMonth, timing, lift,
        Money.of(BigDecimal.valueOf(monthlyCostEuros), EUR), types, phrases);
  }
}
