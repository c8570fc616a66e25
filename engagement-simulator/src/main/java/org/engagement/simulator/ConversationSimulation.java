package org.engagement.simulator;

import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;

/**
 * Simulates what one person (and the anonymous authors drawn in their slot) says on the social channels:
 * brand mentions and shares, and service threads, at the rates given in the package description. Draws come
 * from a stream of their own, seeded from the spec's seed, the person's index and a constant, so the rest of
 * the world is the same with or without conversations. Inbound posts of a customer stop when they leave.
 * Immutable and thread-safe.
 */
final class ConversationSimulation {
  static final long CONVERSATION_STREAM = 0x436F6E766572L;
  private static final long HOUR = 3_600_000L;
  private static final double MONTH = 30.4375 * CustomerSimulation.DAY;
  private static final double[] MESSAGE_RATES = {0.20, 0.20, 0.08, 0.06};
  private static final double[] OWNER_HOURS = {2, 5, 12};
  private static final String[] OPENERS = {"Loving", "Week three with", "Our team swears by", "Just saw a demo of",
      "Quick shout-out to", "Honest review of"};
  private static final String[] PLAIN = {"dashboards look slick", "anyone using it with a CRM?",
      "great webinar today", "pricing page is clear", "onboarding took one afternoon",
      "trying to connect the dot between ads and deals", "the relationship with our account manager is great"};
  private static final String[] REQUESTS = {"my export keeps failing since Monday, any help?",
      "can't log in after the update", "the invoice shows the wrong VAT number", "report is stuck at 99%, help!",
      "how do I add a second workspace?"};
  private static final String[] REPLIES = {"Sorry about that! Sending you a DM now.",
      "Thanks for flagging, we're looking into it.", "Hi! Could you DM us your account id?"};
  private static final String[] RESOLUTIONS = {"Fixed on our side, thanks for your patience!",
      "All sorted now, let us know if anything else comes up.", "Done: the new version is live for you."};
  private static final Comparator<Interaction> ORDER = Comparator.comparing(Interaction::timestamp)
      .thenComparing(Interaction::customerId).thenComparing(Interaction::type);

  private final WorldSpec spec;
  private final ConversationSpec conversation;
  private final List<ChannelSpec> social;
  private final List<ChannelSpec> service;
  private final long start;
  private final long end;
  private final long campaign;

  ConversationSimulation(WorldSpec spec) {
    this.spec = spec;
    this.conversation = spec.conversations();
    this.social = spec.channels().stream().filter(c -> c.channel().group() == ChannelGroup.ORGANIC_SOCIAL
        || c.channel().group() == ChannelGroup.PAID_SOCIAL).toList();
    List<ChannelSpec> organic =
        social.stream().filter(c -> c.channel().group() == ChannelGroup.ORGANIC_SOCIAL).toList();
    this.service = organic.isEmpty() ? social : organic;
    this.start = spec.startInstant().toEpochMilli();
    this.end = spec.endInstant().toEpochMilli();
    this.campaign = start + (end - start) / 2;
  }

  /** The conversation interactions of slot {@code index}, whose person lived {@code life}, in time order. */
  List<Interaction> simulate(int index, CustomerLife life) {
    if (social.isEmpty()) {
      return List.of();
    }
    SplittableRandom rng = new SplittableRandom(CustomerSimulation.seedOf(spec.seed() ^ CONVERSATION_STREAM, index));
    SplittableRandom mentionRandom = rng.split();
    SplittableRandom anonymousRandom = rng.split();
    SplittableRandom serviceRandom = rng.split();
    String id = life.customer().id();
    long arrival = life.customer().firstSeen().toEpochMilli();
    long leaves = life.customer().attributes().getInstant(CustomerSimulation.CHURNED_AT)
        .map(Instant::toEpochMilli).orElse(end);
    long purchase = firstPurchase(life);
    List<Interaction> out = new ArrayList<>();
    mentions(mentionRandom, id, arrival, leaves, life.purchased(), out);
    anonymous(anonymousRandom, "anon-" + id.substring(1), out);
    if (purchase >= 0) {
      service(serviceRandom, id, index, purchase, leaves, out);
    }
    out.sort(ORDER);
    return out;
  }

  private static long firstPurchase(CustomerLife life) {
    for (Interaction interaction : life.interactions()) {
      if (interaction.type() == InteractionType.PURCHASE) {
        return interaction.timestamp().toEpochMilli();
      }
    }
    return -1;
  }

  private void mentions(SplittableRandom random, String id, long from, long until, boolean buyer,
      List<Interaction> out) {
    if (random.nextDouble() >= (buyer ? 0.35 : 0.2)) {
      return;
    }
    double ours = buyer ? 0.8 : 0.6;
    for (long t = next(random, from, 0.08); t < until; t = next(random, t, 0.08)) {
      out.add(post(random, id, t, ours, 1.0, lognormal(random, 250, 1.0)));
    }
  }

  private void anonymous(SplittableRandom random, String author, List<Interaction> out) {
    int posts = Draws.poisson(random, 0.25);
    for (int k = 0; k < posts; k++) {
      long t = CustomerSimulation.seconds(start + (long) (random.nextDouble() * (end - start)));
      out.add(post(random, author, t, 0.45, 0.5, lognormal(random, 600, 1.5)));
    }
  }

  /** One mention or share at {@code t}, naming our brand with probability {@code ours}. */
  private Interaction post(SplittableRandom random, String author, long t, double ours, double messageFactor,
      long audience) {
    ChannelSpec channel = byReach(random, social);
    InteractionType type = random.nextDouble() < 0.3 ? InteractionType.SHARE : InteractionType.MENTION;
    Content.Builder content = Content.builder().audience(audience);
    if (random.nextDouble() < ours) {
      ourPost(random, t, messageFactor, content);
    } else {
      competitorPost(random, content);
    }
    return Interaction.builder().customerId(author).channel(channel.channel()).timestamp(Instant.ofEpochMilli(t))
        .type(type).content(content.build()).build();
  }

  private void ourPost(SplittableRandom random, long t, double messageFactor, Content.Builder content) {
    double progress = (double) (t - start) / (end - start);
    content.brand(conversation.brand()).sentiment(sentiment(random, 0.05 + 0.35 * progress));
    List<String> parts = new ArrayList<>();
    List<String> hashtags = new ArrayList<>();
    List<String> links = new ArrayList<>();
    List<KeyMessage> messages = conversation.messages();
    for (int m = 0; m < messages.size(); m++) {
      if (random.nextDouble() < messageRate(m, t) * messageFactor) {
        carry(random, messages.get(m), parts, hashtags, links);
      }
    }
    String opener = OPENERS[random.nextInt(OPENERS.length)] + " " + conversation.brand();
    String text = parts.isEmpty() ? opener + ": " + PLAIN[random.nextInt(PLAIN.length)]
        : opener + ": " + String.join(", and ", parts) + ".";
    if (random.nextDouble() < 0.4) {
      hashtags.add(0, conversation.brand());
    }
    if (random.nextDouble() < 0.25) {
      links.add("https://" + domain() + "/blog/" + (1 + random.nextInt(40)));
    }
    content.text(text).hashtags(hashtags).links(links);
  }

  private double messageRate(int message, long t) {
    if (message == 1) {
      return t < campaign ? 0.02 : MESSAGE_RATES[1];
    }
    return MESSAGE_RATES[Math.min(message, MESSAGE_RATES.length - 1)];
  }

  /** Puts one of the message's matchers into the post, in a form the matcher must still recognise. */
  private static void carry(SplittableRandom random, KeyMessage message, List<String> parts, List<String> hashtags,
      List<String> links) {
    if (!message.phrases().isEmpty()) {
      parts.add(variant(random, message.phrases().get(random.nextInt(message.phrases().size()))));
    }
    if (!message.hashtags().isEmpty() && (message.phrases().isEmpty() || random.nextDouble() < 0.5)) {
      String tag = message.hashtags().get(random.nextInt(message.hashtags().size()));
      if (random.nextBoolean()) {
        hashtags.add(tag);
      } else {
        parts.add("#" + tag);
      }
    }
    if (!message.links().isEmpty() && (message.phrases().isEmpty() || random.nextDouble() < 0.6)) {
      links.add("https://www." + message.links().get(random.nextInt(message.links().size())) + "?utm_source=social");
    }
  }

  /** The phrase as written, in lower case, in upper case, or without its accents. */
  private static String variant(SplittableRandom random, String phrase) {
    return switch (random.nextInt(4)) {
      case 0 -> phrase.toLowerCase(Locale.ROOT);
      case 1 -> phrase.toUpperCase(Locale.ROOT);
      case 2 -> Normalizer.normalize(phrase, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
      default -> phrase;
    };
  }

  private void competitorPost(SplittableRandom random, Content.Builder content) {
    List<String> competitors = conversation.competitors();
    String name = competitors.get(random.nextInt(competitors.size()));
    String written = random.nextDouble() < 0.2
        ? Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT) : name;
    content.brand(written).sentiment(sentiment(random, 0.15))
        .text(OPENERS[random.nextInt(OPENERS.length)] + " " + name + ": " + PLAIN[random.nextInt(PLAIN.length)]);
    if (random.nextDouble() < 0.4) {
      content.hashtags(List.of(name.replace(" ", "")));
    }
  }

  private void service(SplittableRandom random, String id, int index, long purchase, long leaves,
      List<Interaction> out) {
    List<Long> requests = new ArrayList<>();
    for (long t = next(random, purchase, 0.03); t < leaves; t = next(random, t, 0.03)) {
      requests.add(t);
    }
    if (leaves < end && random.nextDouble() < 0.5) {
      long t = CustomerSimulation.seconds(leaves - (long) ((1 + 44 * random.nextDouble()) * CustomerSimulation.DAY));
      if (t > purchase) {
        requests.add(t);
      }
    }
    for (int k = 0; k < requests.size(); k++) {
      String thread = String.format(Locale.ROOT, "case-%07d-%d", index + 1L, k + 1);
      thread(random, id, thread, requests.get(k), leaves - requests.get(k) <= 60 * CustomerSimulation.DAY, out);
    }
  }

  private void thread(SplittableRandom random, String id, String thread, long at, boolean leavingSoon,
      List<Interaction> out) {
    ChannelSpec channel = byReach(random, service);
    out.add(Interaction.builder().customerId(id).channel(channel.channel()).timestamp(Instant.ofEpochMilli(at))
        .type(InteractionType.SUPPORT_REQUEST).content(Content.builder()
            .text("@" + conversation.brand() + " " + REQUESTS[random.nextInt(REQUESTS.length)])
            .brand(conversation.brand()).sentiment(sentiment(random, -0.3)).threadId(thread).build())
        .build());
    boolean answered = random.nextDouble() < (leavingSoon ? 0.55 : 0.9);
    boolean resolved = random.nextDouble() < (leavingSoon ? 0.35 : 0.8);
    boolean firstResolves = random.nextBoolean();
    int owner = random.nextInt(conversation.owners().size());
    double hours = owner < OWNER_HOURS.length ? OWNER_HOURS[owner] : 20;
    boolean fast = channel.id().equals("x") || channel.channel().displayName().contains("Twitter");
    long reply = CustomerSimulation.seconds(at + lognormal(random, (fast ? 0.6 : 1.0) * hours * 60, 1.0) * HOUR / 60);
    long second = CustomerSimulation.seconds(reply + lognormal(random, 30 * 60, 0.8) * HOUR / 60);
    if (!answered || reply >= end) {
      return;
    }
    boolean resolvesNow = resolved && firstResolves;
    out.add(reply(id, channel, thread, owner, reply,
        resolvesNow ? RESOLUTIONS[random.nextInt(RESOLUTIONS.length)] : REPLIES[random.nextInt(REPLIES.length)],
        resolvesNow));
    if (resolved && !firstResolves && second < end) {
      out.add(reply(id, channel, thread, owner, second, RESOLUTIONS[random.nextInt(RESOLUTIONS.length)], true));
    }
  }

  private Interaction reply(String id, ChannelSpec channel, String thread, int owner, long at, String text,
      boolean resolves) {
    return Interaction.builder().customerId(id).channel(channel.channel()).timestamp(Instant.ofEpochMilli(at))
        .type(InteractionType.REPLY).direction(Direction.OUTBOUND).content(Content.builder().text(text)
            .threadId(thread).owner(conversation.owners().get(owner)).resolved(resolves).build())
        .build();
  }

  private String domain() {
    return conversation.brand().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + ".example";
  }

  /** The next event of a Poisson process of {@code perMonth} events a month after {@code t}, in whole seconds. */
  private static long next(SplittableRandom random, long t, double perMonth) {
    return CustomerSimulation.seconds(t + 1000 + (long) (Draws.exponential(random) * MONTH / perMonth));
  }

  private static ChannelSpec byReach(SplittableRandom random, List<ChannelSpec> channels) {
    double total = channels.stream().mapToDouble(c -> Math.max(c.reach(), 1e-3)).sum();
    double u = random.nextDouble() * total;
    for (ChannelSpec channel : channels) {
      u -= Math.max(channel.reach(), 1e-3);
      if (u < 0) {
        return channel;
      }
    }
    return channels.get(channels.size() - 1);
  }

  private static double sentiment(SplittableRandom random, double mean) {
    double s = Math.max(-1, Math.min(1, mean + 0.4 * Draws.gaussian(random)));
    return Math.round(s * 100) / 100.0;
  }

  private static long lognormal(SplittableRandom random, double median, double sigma) {
    return Math.max(1, Math.round(median * StrictMath.exp(sigma * Draws.gaussian(random))));
  }
}
