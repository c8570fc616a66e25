package org.engagement.benchmarks.ingest;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Where the generated interactions happen: a dozen channels named by id (with name and group), and the
 * UTM / referrer combinations of rows that leave the channel empty for the adapter to classify.
 */
final class Touchpoints {
  private static final List<Channel> CHANNELS = List.of(
      new Channel("facebook_ads", "Facebook Ads", "paid_social", 16),
      new Channel("instagram", "Instagram", "organic_social", 12),
      new Channel("linkedin", "LinkedIn", "organic_social", 8),
      new Channel("google_ads", "Google Ads", "paid_search", 14),
      new Channel("google_organic", "Google Search", "organic_search", 12),
      new Channel("newsletter", "Newsletter", "email", 12),
      new Channel("youtube", "YouTube", "organic_video", 6),
      new Channel("display_network", "Display Network", "display", 8),
      new Channel("partner_program", "Partner Program", "affiliates", 4),
      new Channel("webinars", "Webinars", "events", 3),
      new Channel("press", "Press", "public_relations", 2),
      new Channel("support_desk", "Support Desk", "support", 3));

  /** The utm_source, utm_medium, utm_campaign and referrer columns, in that order; empty means absent. */
  private static final List<String> CLASSIFIED = List.of(
      "google,cpc,brand,",
      "google,cpc,spring_sale,",
      "bing,organic,,",
      "facebook,paid_social,retargeting_q2,",
      "twitter,social,,",
      "newsletter,email,weekly_digest,",
      "partner-portal,affiliate,,",
      "(direct),(none),,",
      ",,,https://www.example-blog.com/posts/choosing-a-crm",
      ",,,https://l.facebook.com/",
      ",,,");

  private static final int CHANNEL_WEIGHT = CHANNELS.stream().mapToInt(Channel::weight).sum();

  private Touchpoints() {}

  /** How many channels rows name by id. */
  static int channelCount() {
    return CHANNELS.size();
  }

  /**
   * Appends the seven touch columns (channel, channel_name, channel_group, utm_source, utm_medium,
   * utm_campaign, referrer): a channel by id for four rows in five, UTM fields or a referrer otherwise.
   */
  static void appendTouch(StringBuilder row, SplittableRandom random) {
    if (random.nextInt(5) > 0) {
      Channel channel = channel(random.nextInt(CHANNEL_WEIGHT));
      row.append(channel.id()).append(',').append(channel.name()).append(',').append(channel.group())
          .append(",,,,");
    } else {
      row.append(",,,").append(CLASSIFIED.get(random.nextInt(CLASSIFIED.size())));
    }
  }

  private static Channel channel(int draw) {
    int remaining = draw;
    for (Channel channel : CHANNELS) {
      remaining -= channel.weight();
      if (remaining < 0) {
        return channel;
      }
    }
    throw new AssertionError("draw " + draw + " is not below the total weight " + CHANNEL_WEIGHT);
  }

  /** A channel as rows name it, and how often it appears relative to the others. */
  private record Channel(String id, String name, String group, int weight) {}
}
