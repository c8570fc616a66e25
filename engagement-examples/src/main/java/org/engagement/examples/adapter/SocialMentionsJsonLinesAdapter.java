package org.engagement.examples.adapter;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.RecordReader;

/**
 * An example {@link ChannelAdapter} for a (made-up) JSON-lines feed of social-media mentions: what an
 * integrator writes to bring their own source into the SDK, in a few small classes.
 *
 * <h2>Format</h2>
 * UTF-8 text, one JSON object per line, LF or CRLF line ends; lines holding only white space are not
 * records:
 * <pre>{@code
 * {"id":"m-1","network":"twitter","author":"cust-42","at":"2024-05-01T09:30:00Z","kind":"mention","followers":1200}
 * }</pre>
 * <table>
 *   <caption>Properties</caption>
 *   <tr><th>property</th><th>required</th><th>becomes</th></tr>
 *   <tr><td>id</td><td>yes</td><td>the {@linkplain org.engagement.core.domain.Interaction#sourceId() source id}
 *       (repeats are duplicates)</td></tr>
 *   <tr><td>network</td><td>yes</td><td>the channel: {@code twitter} and {@code x}, {@code linkedin},
 *       {@code facebook}, {@code instagram}, ... (see {@link #networks()}), all
 *       {@link ChannelGroup#ORGANIC_SOCIAL}; case is ignored</td></tr>
 *   <tr><td>author</td><td>yes</td><td>the customer id</td></tr>
 *   <tr><td>at</td><td>yes</td><td>the timestamp, ISO-8601 with a zone offset</td></tr>
 *   <tr><td>kind</td><td>yes</td><td>the type: {@code mention}, {@code share}, {@code reply}, {@code like},
 *       {@code comment} or {@code follow}; the direction is the type's default (inbound)</td></tr>
 *   <tr><td>text</td><td>no</td><td>string attribute {@value #TEXT}, at most
 *       {@value Attributes#MAX_STRING_LENGTH} characters</td></tr>
 *   <tr><td>followers</td><td>no</td><td>long attribute {@value #FOLLOWERS}, a whole number, 0 or more</td></tr>
 *   <tr><td><i>any other</i></td><td>no</td><td>ignored, so that the feed can grow</td></tr>
 * </table>
 * A JSON {@code null} counts as absent.
 *
 * <h2>Errors</h2>
 * Every non-blank line is accepted or rejected; no line stops the import. A line is rejected, with the
 * property, the value and the rule, when it is not valid UTF-8, is longer than {@value #MAX_LINE_BYTES}
 * bytes, is not valid JSON (the rejection shows the line and the parser's complaint), holds something
 * other than one object (an array, two objects, an object twice naming a property), lacks a required
 * property, has a property of the wrong JSON type, names an unknown network or kind, or breaks a rule of
 * the model (a blank author, a timestamp without offset). A text longer than the limit is rejected, or cut
 * with {@link Builder#truncateLongText(boolean)} (then attribute {@value #TEXT_TRUNCATED} is {@code true}).
 * The source as a whole is never refused: an empty source has no records.
 *
 * <h2>Resources</h2>
 * Reading streams line by line: a reader holds one line at a time, and a line is cut at
 * {@value #MAX_LINE_BYTES} bytes whatever the source contains. Instances are immutable and thread-safe; the
 * no-argument constructor, used by {@link java.util.ServiceLoader}, gives the defaults.
 */
public final class SocialMentionsJsonLinesAdapter implements ChannelAdapter {
  /** The adapter's name, {@value}. */
  public static final String NAME = "social-mentions-jsonl";

  /** The longest line read, in bytes; a longer line is rejected. */
  public static final int MAX_LINE_BYTES = 1 << 20;

  /** The attribute holding the mention's text. */
  public static final String TEXT = "text";

  /** The attribute set to {@code true} when the text was cut. */
  public static final String TEXT_TRUNCATED = "text_truncated";

  /** The attribute holding the author's follower count. */
  public static final String FOLLOWERS = "followers";

  private static final Map<String, Channel> DEFAULT_NETWORKS = defaultNetworks();

  private final Map<String, Channel> networks;
  private final MentionParser parser;

  /** An adapter with the default networks that rejects texts over the limit. */
  public SocialMentionsJsonLinesAdapter() {
    this(builder());
  }

  private SocialMentionsJsonLinesAdapter(Builder builder) {
    this.networks = Map.copyOf(builder.networks);
    this.parser = new MentionParser(networks, builder.truncateLongText);
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /** The channel of each network name (lower case) this adapter accepts. */
  public Map<String, Channel> networks() {
    return networks;
  }

  /** Opens a reader; reads nothing until the first {@link RecordReader#next()}. */
  @Override
  public RecordReader open(InputStream input) throws IOException {
    return new MentionReader(new LineReader(requireNonNull(input, "input"), MAX_LINE_BYTES), parser);
  }

  private static Map<String, Channel> defaultNetworks() {
    Channel x = Channel.of("x", "X (Twitter)", ChannelGroup.ORGANIC_SOCIAL);
    Map<String, Channel> networks = new LinkedHashMap<>();
    networks.put("twitter", x);
    networks.put("x", x);
    for (String name : new String[] {"LinkedIn", "Facebook", "Instagram", "Threads", "Mastodon", "Bluesky",
        "Reddit", "Pinterest", "TikTok"}) {
      String id = name.toLowerCase(Locale.ROOT);
      networks.put(id, Channel.of(id, name, ChannelGroup.ORGANIC_SOCIAL));
    }
    return Map.copyOf(networks);
  }

  /**
   * Configures a {@link SocialMentionsJsonLinesAdapter}. Not thread-safe.
   */
  public static final class Builder {
    private final Map<String, Channel> networks = new LinkedHashMap<>(DEFAULT_NETWORKS);
    private boolean truncateLongText;

    private Builder() {}

    /**
     * Accepts mentions from {@code network} (matched ignoring case and surrounding white space) as
     * touches on {@code channel}, replacing a default of the same name.
     *
     * @throws InvalidFieldException if {@code network} is blank
     * @return this builder
     */
    public Builder network(String network, Channel channel) {
      requireNonNull(network, "network");
      requireNonNull(channel, "channel");
      String key = network.trim().toLowerCase(Locale.ROOT);
      if (key.isEmpty()) {
        throw new InvalidFieldException("network", network, "must not be blank");
      }
      networks.put(key, channel);
      return this;
    }

    /**
     * Whether a text longer than {@value Attributes#MAX_STRING_LENGTH} characters is cut to that length
     * and marked with attribute {@value SocialMentionsJsonLinesAdapter#TEXT_TRUNCATED} ({@code true}), or
     * rejects its mention ({@code false}, the default: an import does not change data unasked).
     *
     * @return this builder
     */
    public Builder truncateLongText(boolean truncateLongText) {
      this.truncateLongText = truncateLongText;
      return this;
    }

    /** The adapter. */
    public SocialMentionsJsonLinesAdapter build() {
      return new SocialMentionsJsonLinesAdapter(this);
    }
  }
}
