package org.engagement.core.ingest.csv;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.engagement.core.channel.ChannelClassifier;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.RecordReader;
import org.jspecify.annotations.Nullable;

/**
 * The reference adapter for interactions in CSV (RFC 4180, UTF-8, comma-separated, with a header row).
 *
 * <h2>Columns</h2>
 * Header names are matched ignoring case; order does not matter. See {@link CsvColumn} for each.
 * <table>
 *   <caption>CSV columns</caption>
 *   <tr><th>column</th><th>required</th><th>content</th></tr>
 *   <tr><td>customer_id</td><td>yes</td><td>the customer's id</td></tr>
 *   <tr><td>timestamp</td><td>yes</td><td>ISO-8601 with offset: {@code 2024-03-01T10:15:30Z}</td></tr>
 *   <tr><td>type</td><td>yes</td><td>an {@link org.engagement.core.domain.InteractionType} id: {@code click}, {@code purchase}</td></tr>
 *   <tr><td>channel</td><td rowspan="4">channel, or at least one of the UTM / referrer columns</td><td>a channel id</td></tr>
 *   <tr><td>utm_source</td><td>classified when channel is empty</td></tr>
 *   <tr><td>utm_medium</td><td>classified when channel is empty</td></tr>
 *   <tr><td>referrer</td><td>classified when channel is empty</td></tr>
 *   <tr><td>utm_campaign</td><td>no</td><td>classified with the other UTM fields</td></tr>
 *   <tr><td>channel_name, channel_group</td><td>no</td><td>name and group of a channel not known to the adapter</td></tr>
 *   <tr><td>direction</td><td>no</td><td>{@code inbound} / {@code outbound}; empty: the type's default</td></tr>
 *   <tr><td>value, currency</td><td>no</td><td>a decimal number not below zero, and its ISO 4217 code (required with a value)</td></tr>
 *   <tr><td>source_id</td><td>no</td><td>the record's id at its source; repeats are duplicates</td></tr>
 *   <tr><td>text, tags, hashtags, links, brand, sentiment, audience, thread_id, owner, resolved</td><td>no</td>
 *       <td>the interaction's {@link org.engagement.core.domain.Content content}: text as it is, lists
 *       separated by {@code |}, sentiment from -1 to 1, audience a whole number, resolved
 *       {@code true}/{@code false}; a row with all of them empty has none</td></tr>
 *   <tr><td><i>any other</i></td><td>no</td><td>a string attribute named like the column (empty: absent)</td></tr>
 * </table>
 *
 * <h2>Channels</h2>
 * A non-empty {@code channel} is looked up among the channels given to the {@link Builder} (exact id,
 * then ignoring case). An unknown one is created from {@code channel_group} (and {@code channel_name})
 * when the row gives a group; otherwise the {@link UnknownChannelPolicy} decides. A row whose channel is
 * empty is classified from its UTM fields and referrer by the {@link ChannelClassifier} (no source at
 * all is Direct) and named by the {@link ClassifiedChannelNaming}.
 *
 * <h2>Errors</h2>
 * The adapter follows the {@linkplain org.engagement.core.ingest.csv reading policy} of every CSV reader
 * of the SDK. The whole source is refused ({@link org.engagement.core.ingest.InvalidSourceException}) when
 * it is empty, when a required column is missing, when a column appears twice, when the header row itself
 * is at fault, or when an unknown column looks like a misspelling of a known one ({@code custmer_id});
 * allow such a name as an attribute with {@link Builder#allowAttributeColumn(String)}. A record is
 * rejected, with the column, value and rule, when it breaks the policy (another number of fields than the
 * header, a control character, bytes that are not UTF-8, a field or record over the {@link CsvPolicy}
 * limits, a stray quote), or when a value breaks a rule of the model (blank id, zone-less timestamp,
 * unknown type, negative value, a number not in ASCII digits, value without currency, ...); the records
 * after it are read as usual. Empty and white-space-only lines are not records.
 *
 * <p>Instances are immutable and thread-safe. The no-argument constructor (used by
 * {@link java.util.ServiceLoader}) gives the defaults.
 *
 * @since 0.1.0
 */
public final class CsvInteractionAdapter implements ChannelAdapter {
  /** The adapter's name, {@value}. */
  public static final String NAME = "csv";

  /** The default longest field, in characters: {@link CsvPolicy#DEFAULT_MAX_FIELD_LENGTH}. */
  public static final int DEFAULT_MAX_FIELD_LENGTH = CsvPolicy.DEFAULT_MAX_FIELD_LENGTH;

  private final ImmutableMap<String, Channel> channelsById;
  private final ImmutableMap<String, Channel> channelsByLowerCaseId;
  private final UnknownChannelPolicy unknownChannels;
  private final ChannelClassifier classifier;
  private final ClassifiedChannelNaming naming;
  private final CsvPolicy policy;
  private final ImmutableSet<String> allowedAttributeColumns;

  /** An adapter with the defaults: no known channels, unknown channels unassigned, default classifier. */
  public CsvInteractionAdapter() {
    this(new Builder());
  }

  private CsvInteractionAdapter(Builder builder) {
    this.channelsById = ImmutableMap.copyOf(builder.channels);
    Map<String, Channel> lower = new HashMap<>();
    builder.channels.forEach((id, channel) -> lower.putIfAbsent(id.toLowerCase(Locale.ROOT), channel));
    this.channelsByLowerCaseId = ImmutableMap.copyOf(lower);
    this.unknownChannels = builder.unknownChannels;
    this.classifier = builder.classifier;
    this.naming = builder.naming;
    this.policy = builder.policy;
    this.allowedAttributeColumns = ImmutableSet.copyOf(builder.allowedAttributeColumns);
  }

  /** A builder for a configured adapter. */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * Opens a reader over UTF-8 CSV; a leading byte-order mark is ignored, and a record holding bytes that are
   * not UTF-8 is rejected with their byte offset.
   *
   * @throws org.engagement.core.ingest.InvalidSourceException if the input is empty or its header is
   *     unusable
   */
  @Override
  public RecordReader open(InputStream input) throws IOException {
    return CsvRecordReader.open(CsvRows.open(requireNonNull(input, "input"), ',', policy), this);
  }

  /** The limits this adapter reads within. */
  public CsvPolicy policy() {
    return policy;
  }

  @Nullable Channel knownChannel(String id) {
    if (channelsById.isEmpty()) {
      return null;
    }
    Channel channel = channelsById.get(id);
    return channel != null ? channel : channelsByLowerCaseId.get(id.toLowerCase(Locale.ROOT));
  }

  UnknownChannelPolicy unknownChannels() {
    return unknownChannels;
  }

  ChannelClassifier classifier() {
    return classifier;
  }

  ClassifiedChannelNaming naming() {
    return naming;
  }

  Set<String> allowedAttributeColumns() {
    return allowedAttributeColumns;
  }

  /**
   * Configures a {@link CsvInteractionAdapter}. Not thread-safe.
   *
   * @since 0.1.0
   */
  public static final class Builder {
    private final Map<String, Channel> channels = new HashMap<>();
    private final Set<String> allowedAttributeColumns = new java.util.HashSet<>();
    private UnknownChannelPolicy unknownChannels = UnknownChannelPolicy.UNASSIGNED;
    private ChannelClassifier classifier = ChannelClassifier.defaultRules();
    private ClassifiedChannelNaming naming = ClassifiedChannelNaming.GROUP;
    private CsvPolicy policy = CsvPolicy.defaults();

    private Builder() {}

    /**
     * Adds known channels; rows name them by id.
     *
     * @throws IllegalStateException if two different channels share an id
     * @return this builder
     */
    public Builder channels(Collection<Channel> known) {
      for (Channel channel : requireNonNull(known, "channels")) {
        Channel previous = channels.putIfAbsent(channel.id(), channel);
        if (previous != null && !previous.equals(channel)) {
          throw new IllegalStateException("two channels share the id '" + channel.id() + "': "
              + previous + " and " + channel);
        }
      }
      return this;
    }

    /** What to do with a channel id that is not known and comes without a group. @return this builder */
    public Builder unknownChannels(UnknownChannelPolicy policy) {
      this.unknownChannels = requireNonNull(policy, "policy");
      return this;
    }

    /** The classifier for rows without a channel id. @return this builder */
    public Builder classifier(ChannelClassifier classifier) {
      this.classifier = requireNonNull(classifier, "classifier");
      return this;
    }

    /** How classified channels are named. @return this builder */
    public Builder classifiedChannelNaming(ClassifiedChannelNaming naming) {
      this.naming = requireNonNull(naming, "naming");
      return this;
    }

    /**
     * The longest field accepted, in characters (default 65,536); a record with a longer field is
     * rejected. A limit above the policy's record limit raises that limit to it.
     *
     * @throws InvalidFieldException if not between 1 and 16,777,216
     * @return this builder
     */
    public Builder maxFieldLength(int maxFieldLength) {
      this.policy = new CsvPolicy(maxFieldLength, Math.max(maxFieldLength, policy.maxRecordLength()));
      return this;
    }

    /**
     * The limits to read within (default {@link CsvPolicy#defaults()}).
     *
     * @return this builder
     */
    public Builder policy(CsvPolicy policy) {
      this.policy = requireNonNull(policy, "policy");
      return this;
    }

    /**
     * Accepts a column whose name looks like a misspelling of a known column (for example
     * {@code values}) as an attribute column.
     *
     * @return this builder
     */
    public Builder allowAttributeColumn(String header) {
      allowedAttributeColumns.add(requireNonNull(header, "header").strip().toLowerCase(Locale.ROOT));
      return this;
    }

    /** The adapter. */
    public CsvInteractionAdapter build() {
      return new CsvInteractionAdapter(this);
    }
  }
}
