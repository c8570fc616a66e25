package org.engagement.roi.selfreport;

import static java.util.Objects.requireNonNull;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.InvalidFieldException;
import org.jspecify.annotations.Nullable;

/**
 * Maps free-text survey answers to channels by phrases: an answer belongs to the first channel (in the
 * order they were added) one of whose phrases it contains as whole words, ignoring case and accents.
 * "Saw you at a Conférence" matches the phrase "conference"; "conferences" does not match "conference"
 * (list both when both are meant).
 *
 * <p>Survey answers are few (one per customer at most), so a plain scan of the phrases is enough here;
 * the conversation module's multi-pattern matcher is for millions of texts. Immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class AnswerMapping {
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");
  private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

  private final Map<String, List<String>> phrasesByChannel;

  private AnswerMapping(Map<String, List<String>> phrasesByChannel) {
    this.phrasesByChannel = phrasesByChannel;
  }

  /** A builder with no channels. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The mapping of {@code phrases}: channels in order of their first phrase, each with its phrases in order.
   *
   * @throws InvalidFieldException if there is no phrase
   */
  public static AnswerMapping of(List<ChannelPhrase> phrases) {
    Map<String, List<String>> byChannel = new LinkedHashMap<>();
    for (ChannelPhrase phrase : phrases) {
      byChannel.computeIfAbsent(phrase.channel(), c -> new ArrayList<>()).add(phrase.phrase());
    }
    if (byChannel.isEmpty()) {
      throw new InvalidFieldException("phrases", phrases, "must hold at least one phrase");
    }
    Builder builder = builder();
    byChannel.forEach((channel, list) -> builder.map(channel, list.toArray(String[]::new)));
    return builder.build();
  }

  /**
   * The mapping by which answers name channels when nobody wrote phrases: each channel's id and display
   * name, channels in the order given ("I saw it on LinkedIn" names the channel {@code linkedin} displayed
   * as "LinkedIn"). A name without a letter or digit cannot be matched in an answer and is skipped; a
   * channel with no usable name is left out, and no usable name at all gives a mapping that maps nothing.
   */
  public static AnswerMapping byChannelNames(Iterable<Channel> channels) {
    requireNonNull(channels, "channels");
    Builder builder = builder();
    Set<String> ids = new HashSet<>();
    for (Channel channel : channels) {
      if (!ids.add(channel.id())) {
        continue;
      }
      String[] names = Stream.of(channel.id(), channel.displayName())
          .filter(name -> !normalize(name).isEmpty()).toArray(String[]::new);
      if (names.length > 0) {
        builder.map(channel.id(), names);
      }
    }
    return builder.build();
  }

  /** The channel {@code answer} names, or empty when no phrase matches. */
  public Optional<String> channelOf(String answer) {
    String text = " " + normalize(requireNonNull(answer, "answer")) + " ";
    for (Map.Entry<String, List<String>> entry : phrasesByChannel.entrySet()) {
      for (String phrase : entry.getValue()) {
        if (text.contains(" " + phrase + " ")) {
          return Optional.of(entry.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /** The channels, in matching order. */
  public List<String> channels() {
    return List.copyOf(phrasesByChannel.keySet());
  }

  /** Lower case (root locale), accents removed, every run of non-letters and non-digits one space. */
  static String normalize(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFKD);
    String unaccented = MARKS.matcher(decomposed).replaceAll("");
    return NOT_WORD.matcher(unaccented.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** Equal when the same channels have the same normalised phrases in the same order. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof AnswerMapping other && List.copyOf(phrasesByChannel.entrySet())
        .equals(List.copyOf(other.phrasesByChannel.entrySet()));
  }

  @Override
  public int hashCode() {
    return phrasesByChannel.hashCode();
  }

  @Override
  public String toString() {
    return "AnswerMapping" + phrasesByChannel;
  }

  /** Collects channels and their phrases. Not thread-safe. */
  public static final class Builder {
    private final Map<String, List<String>> phrasesByChannel = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Maps answers containing any of {@code phrases} to {@code channel}, after the channels added so far.
     *
     * @throws InvalidFieldException if the channel is blank or was added before, if there is no phrase,
     *     or if a phrase has no letter or digit
     */
    public Builder map(String channel, String... phrases) {
      requireNonNull(channel, "channel");
      if (channel.isBlank()) {
        throw new InvalidFieldException("channel", channel, "must not be blank");
      }
      if (phrasesByChannel.containsKey(channel)) {
        throw new InvalidFieldException("channel", channel, "must be mapped once");
      }
      if (phrases.length == 0) {
        throw new InvalidFieldException("phrases", channel, "must hold at least one phrase per channel");
      }
      List<String> normalized = new ArrayList<>();
      for (String phrase : phrases) {
        String clean = normalize(requireNonNull(phrase, "phrase"));
        if (clean.isEmpty()) {
          throw new InvalidFieldException("phrase", phrase, "must contain a letter or digit");
        }
        normalized.add(clean);
      }
      phrasesByChannel.put(channel, List.copyOf(normalized));
      return this;
    }

    /** The mapping. */
    public AnswerMapping build() {
      return new AnswerMapping(new LinkedHashMap<>(phrasesByChannel));
    }
  }
}
