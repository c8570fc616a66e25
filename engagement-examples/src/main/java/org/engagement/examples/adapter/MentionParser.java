package org.engagement.examples.adapter;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.AdapterRecord;
import org.engagement.core.ingest.Rejection;
import org.engagement.core.ingest.SourcePosition;
import org.engagement.core.ingest.Timestamps;

/**
 * Turns the text of one line into an accepted mention or a rejection naming the property, the value and
 * the rule. Immutable and thread-safe: Jackson's {@link ObjectReader} is, and so is everything else here.
 */
final class MentionParser {
  private static final Map<String, InteractionType> KINDS = Map.of(
      "mention", InteractionType.MENTION,
      "share", InteractionType.SHARE,
      "reply", InteractionType.REPLY,
      "like", InteractionType.LIKE,
      "comment", InteractionType.COMMENT,
      "follow", InteractionType.FOLLOW);

  /**
   * Duplicate properties are refused because which one wins would be a guess; content after the object
   * is refused because it means two records were glued onto one line.
   */
  private static final ObjectReader JSON = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build()
      .reader();

  private final Map<String, Channel> networks;
  private final boolean truncateLongText;

  MentionParser(Map<String, Channel> networks, boolean truncateLongText) {
    this.networks = Map.copyOf(networks);
    this.truncateLongText = truncateLongText;
  }

  AdapterRecord parse(String line, SourcePosition position) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      return AdapterRecord.rejected(new Rejection(position, Rejection.Kind.INVALID, null, line,
          "line is not valid JSON: " + syntaxError(e)));
    }
    if (!node.isObject()) {
      return AdapterRecord.rejected(new Rejection(position, Rejection.Kind.INVALID, null, line,
          "line must hold one JSON object, not " + node.getNodeType().name().toLowerCase(Locale.ROOT)));
    }
    try {
      return AdapterRecord.accepted(position, interaction(node));
    } catch (InvalidFieldException e) {
      return AdapterRecord.rejected(Rejection.invalid(position, e));
    }
  }

  private static String syntaxError(JsonProcessingException e) {
    JsonLocation location = e.getLocation();
    String column = location == null || location.getColumnNr() < 1 ? "" : " (column " + location.getColumnNr() + ")";
    return e.getOriginalMessage() + column;
  }

  private Interaction interaction(JsonNode mention) {
    String id = requiredText(mention, "id");
    Channel channel = network(requiredText(mention, "network"));
    String author = requiredText(mention, "author");
    Instant at = Timestamps.parseInstant("at", requiredText(mention, "at"));
    InteractionType kind = kind(requiredText(mention, "kind"));
    Attributes attributes = attributes(mention);
    try {
      return new Interaction(author, channel, at, kind, kind.defaultDirection(), null, id, attributes);
    } catch (InvalidFieldException e) {
      throw switch (e.field()) {
        case "customerId" -> new InvalidFieldException("author", e.value(), e.rule());
        case "sourceId" -> new InvalidFieldException("id", e.value(), e.rule());
        default -> e;
      };
    }
  }

  private Channel network(String name) {
    Channel channel = networks.get(name.trim().toLowerCase(Locale.ROOT));
    if (channel == null) {
      throw new InvalidFieldException("network", name, "must be one of " + new TreeSet<>(networks.keySet()));
    }
    return channel;
  }

  private static InteractionType kind(String name) {
    InteractionType kind = KINDS.get(name.trim().toLowerCase(Locale.ROOT));
    if (kind == null) {
      throw new InvalidFieldException("kind", name, "must be one of " + new TreeSet<>(KINDS.keySet()));
    }
    return kind;
  }

  private Attributes attributes(JsonNode mention) {
    Attributes.Builder attributes = Attributes.builder();
    JsonNode text = mention.get("text");
    if (text != null && !text.isNull()) {
      if (!text.isTextual()) {
        throw new InvalidFieldException("text", text.toString(), "must be a string");
      }
      String value = text.textValue();
      if (value.length() > Attributes.MAX_STRING_LENGTH) {
        if (!truncateLongText) {
          throw new InvalidFieldException("text", value, "must be at most " + Attributes.MAX_STRING_LENGTH
              + " characters (or let the adapter cut long texts)");
        }
        value = cut(value);
        attributes.put(SocialMentionsJsonLinesAdapter.TEXT_TRUNCATED, true);
      }
      attributes.put(SocialMentionsJsonLinesAdapter.TEXT, value);
    }
    JsonNode followers = mention.get("followers");
    if (followers != null && !followers.isNull()) {
      if (!followers.isIntegralNumber() || !followers.canConvertToLong() || followers.longValue() < 0) {
        throw new InvalidFieldException("followers", followers.toString(), "must be a whole number, 0 or more");
      }
      attributes.put(SocialMentionsJsonLinesAdapter.FOLLOWERS, followers.longValue());
    }
    return attributes.build();
  }

  /** The longest prefix within the limit that does not split a surrogate pair. */
  private static String cut(String text) {
    int end = Attributes.MAX_STRING_LENGTH;
    return text.substring(0, Character.isHighSurrogate(text.charAt(end - 1)) ? end - 1 : end);
  }

  private static String requiredText(JsonNode mention, String property) {
    JsonNode value = mention.get(property);
    if (value == null || value.isNull()) {
      throw new InvalidFieldException(property, null, "must be present");
    }
    if (!value.isTextual()) {
      throw new InvalidFieldException(property, value.toString(), "must be a string");
    }
    return value.textValue();
  }
}
