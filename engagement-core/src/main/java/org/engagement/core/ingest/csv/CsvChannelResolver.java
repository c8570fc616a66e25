package org.engagement.core.ingest.csv;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.channel.TrafficSource;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Finds the channel of a CSV row: by id among the known channels, from the row's channel group, or by
 * classifying its UTM fields. Remembers the channels it has made so that a file with millions of rows
 * and a few hundred distinct sources classifies each source once. Not thread-safe (one per reader).
 */
final class CsvChannelResolver {
  private static final int MAX_REMEMBERED = 10_000;

  private final CsvHeader header;
  private final CsvInteractionAdapter config;
  private final Map<TrafficSource, Channel> classified = new HashMap<>();
  private final Map<DeclaredChannel, Channel> unknown = new HashMap<>();
  private final ChannelsByFields recentlyDeclared = new ChannelsByFields();
  private final ChannelsByFields recentlyClassified = new ChannelsByFields();

  CsvChannelResolver(CsvHeader header, CsvInteractionAdapter config) {
    this.header = header;
    this.config = config;
  }

  Channel resolve(String[] fields) {
    String id = optional(header, fields, CsvColumn.CHANNEL);
    return id != null ? byId(id, fields) : classify(fields);
  }

  private Channel byId(String id, String[] fields) {
    String group = optional(header, fields, CsvColumn.CHANNEL_GROUP);
    String name = optional(header, fields, CsvColumn.CHANNEL_NAME);
    Channel recent = recentlyDeclared.get(id, name, group, null);
    if (recent != null) {
      return recent;
    }
    Channel channel = byId(id, name, group);
    recentlyDeclared.put(id, name, group, null, channel);
    return channel;
  }

  private Channel byId(String id, @Nullable String name, @Nullable String group) {
    Channel known = config.knownChannel(id);
    if (known != null) {
      if (group != null && ChannelGroup.parse("channel_group", group) != known.group()) {
        throw new InvalidFieldException("channel_group", group,
            "must match the group of known channel '" + known.id() + "' (" + known.group().id() + ")");
      }
      return known;
    }
    DeclaredChannel declared = new DeclaredChannel(id, name, group);
    Channel channel = unknown.get(declared);
    if (channel == null) {
      channel = create(declared);
      remember(unknown, declared, channel);
    }
    return channel;
  }

  private Channel create(DeclaredChannel declared) {
    String displayName = declared.name() == null ? declared.id() : declared.name();
    if (declared.group() != null) {
      ChannelGroup group = ChannelGroup.parse("channel_group", declared.group());
      return renamed(() -> Channel.of(declared.id(), displayName, group));
    }
    ChannelGroup group = switch (config.unknownChannels()) {
      case REJECT -> throw new InvalidFieldException("channel", declared.id(),
          "must be a known channel, or come with a channel_group (unknown channels are rejected)");
      case CLASSIFY -> config.classifier().classify(new TrafficSource(declared.id(), null, null, null));
      case UNASSIGNED -> ChannelGroup.UNASSIGNED;
    };
    return renamed(() -> Channel.of(declared.id(), displayName, group));
  }

  private Channel classify(String[] fields) {
    String source = optional(header, fields, CsvColumn.UTM_SOURCE);
    String medium = optional(header, fields, CsvColumn.UTM_MEDIUM);
    String campaign = optional(header, fields, CsvColumn.UTM_CAMPAIGN);
    String referrer = optional(header, fields, CsvColumn.REFERRER);
    Channel recent = recentlyClassified.get(source, medium, campaign, referrer);
    if (recent != null) {
      return recent;
    }
    Channel channel = classify(new TrafficSource(source, medium, campaign, referrer));
    recentlyClassified.put(source, medium, campaign, referrer, channel);
    return channel;
  }

  private Channel classify(TrafficSource traffic) {
    Channel channel = classified.get(traffic);
    if (channel == null) {
      ChannelGroup group = config.classifier().classify(traffic);
      channel = switch (config.naming()) {
        case GROUP -> Channel.ofGroup(group);
        case SOURCE_MEDIUM -> renamed(() -> Channel.of(sourceMedium(traffic), group));
      };
      remember(classified, traffic, channel);
    }
    return channel;
  }

  private static String sourceMedium(TrafficSource traffic) {
    String source = traffic.source();
    String medium = traffic.medium();
    if (source == null && traffic.referrer() != null) {
      source = host(traffic.referrer());
      medium = medium == null ? "referral" : medium;
    }
    return (source == null ? "(direct)" : source.toLowerCase(Locale.ROOT)) + " / "
        + (medium == null ? "(none)" : medium.toLowerCase(Locale.ROOT));
  }

  private static String host(String url) {
    try {
      String host = java.net.URI.create(url.strip()).getHost();
      return host == null ? url : host.toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return url;
    }
  }

  private static <K> void remember(Map<K, Channel> map, K key, Channel channel) {
    if (map.size() < MAX_REMEMBERED) {
      map.put(key, channel);
    }
  }

  /** Channel rules speak of "channel id"; a CSV user knows the column as "channel". */
  private static Channel renamed(java.util.function.Supplier<Channel> factory) {
    try {
      return factory.get();
    } catch (InvalidFieldException e) {
      String field = e.field().startsWith("channel displayName") ? "channel_name" : "channel";
      throw new InvalidFieldException(field, e.value(), e.rule());
    }
  }

  /** The trimmed field of {@code column}, or null if the header lacks the column or the field is empty. */
  static @Nullable String optional(CsvHeader header, String[] fields, CsvColumn column) {
    int index = header.index(column);
    if (index < 0) {
      return null;
    }
    String value = fields[index].strip();
    return value.isEmpty() ? null : value;
  }

  /** A channel as a row declares it when the adapter does not know its id. */
  private record DeclaredChannel(String id, @Nullable String name, @Nullable String group) {}
}
