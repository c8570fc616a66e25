package org.engagement.core.conversation.message;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.engagement.core.domain.Content;
import org.engagement.core.domain.InvalidFieldException;
import org.engagement.core.internal.text.NameMemo;
import org.engagement.core.internal.text.PhraseAutomaton;
import org.engagement.core.internal.text.TextFolding;
import org.jspecify.annotations.Nullable;

/**
 * Many key messages compiled into one {@link PhraseAutomaton}, so that finding which messages an
 * interaction carries costs one pass over its text (and tags) whatever the number of messages, plus a
 * hash look-up per hashtag and a prefix test per link and link pattern.
 *
 * <p>Messages are numbered by their position in {@link #messages()}. A matcher is a setting of
 * {@link PullThrough}, so it is a value: matchers of equal messages in the same order are equal, and counts
 * built apart with them merge. Immutable and thread-safe; matching needs a {@link Scanner} per thread.
 *
 * @since 0.1.0
 */
public final class MessageMatcher {
  private static final int[] NO_GROUPS = {};
  private final List<KeyMessage> messages;
  private final PhraseAutomaton automaton;
  private final Map<String, int[]> hashtags;
  private final String[] linkPatterns;
  private final int[] linkGroups;

  private MessageMatcher(List<KeyMessage> messages) {
    this.messages = List.copyOf(messages);
    List<String> phrases = new ArrayList<>();
    List<Integer> groups = new ArrayList<>();
    Map<String, BitSet> tags = new HashMap<>();
    List<String> patterns = new ArrayList<>();
    List<Integer> patternGroups = new ArrayList<>();
    for (int m = 0; m < messages.size(); m++) {
      KeyMessage message = messages.get(m);
      for (String phrase : message.phrases()) {
        phrases.add(phrase);
        groups.add(m);
      }
      for (String tag : message.hashtags()) {
        phrases.add("#" + tag);
        groups.add(m);
        tags.computeIfAbsent(TextFolding.fold(tag), t -> new BitSet()).set(m);
      }
      for (String link : message.links()) {
        patterns.add(foldLink(link));
        patternGroups.add(m);
      }
    }
    this.automaton = PhraseAutomaton.of(phrases, groups.stream().mapToInt(Integer::intValue).toArray());
    this.hashtags = new HashMap<>();
    tags.forEach((tag, bits) -> hashtags.put(tag, bits.stream().toArray()));
    this.linkPatterns = patterns.toArray(String[]::new);
    this.linkGroups = patternGroups.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * The matcher for {@code messages}.
   *
   * @throws InvalidFieldException if two messages share a name
   */
  public static MessageMatcher of(List<KeyMessage> messages) {
    requireNonNull(messages, "messages");
    Set<String> names = new HashSet<>();
    for (KeyMessage message : messages) {
      if (!names.add(requireNonNull(message, "message").name())) {
        throw new InvalidFieldException("key message name", message.name(), "must be unique among the messages");
      }
    }
    return new MessageMatcher(messages);
  }

  /** The messages, in the order that numbers them. */
  public List<KeyMessage> messages() {
    return messages;
  }

  /** A scanner with its own buffers, for one thread at a time. */
  public Scanner scanner() {
    return new Scanner();
  }

  /** Whether {@code o} is a matcher of equal messages in the same order. */
  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof MessageMatcher other && other.messages.equals(messages);
  }

  @Override
  public int hashCode() {
    return messages.hashCode();
  }

  @Override
  public String toString() {
    return "MessageMatcher" + messages.stream().map(KeyMessage::name).toList();
  }

  /** The numbers of the messages one of whose link patterns starts {@code link} (folded), in pattern order. */
  private int[] linkGroups(String link) {
    String folded = foldLink(link);
    int[] groups = new int[linkPatterns.length];
    int count = 0;
    for (int i = 0; i < linkPatterns.length; i++) {
      if (folded.startsWith(linkPatterns[i])) {
        groups[count++] = linkGroups[i];
      }
    }
    return count == 0 ? NO_GROUPS : Arrays.copyOf(groups, count);
  }

  /** A link folded for matching: scheme and {@code www.} set aside, case and accents folded. */
  static String foldLink(String link) {
    String folded = TextFolding.fold(link);
    int scheme = folded.indexOf("://");
    if (scheme >= 0) {
      folded = folded.substring(scheme + 3);
    }
    return folded.startsWith("www.") ? folded.substring(4) : folded;
  }

  /**
   * Finds the messages an interaction's content carries. Not thread-safe: one scanner per thread.
   *
   * @since 0.1.0
   */
  public final class Scanner {
    private final PhraseAutomaton.Scanner phrases = automaton.scanner();
    /** The messages of a hashtag as a post writes it, remembered for the tags a feed repeats. */
    private final NameMemo<int[]> tagGroups =
        new NameMemo<>(tag -> hashtags.getOrDefault(TextFolding.fold(tag), NO_GROUPS));
    /**
     * The messages of a link as a post writes it, remembered for the links a feed repeats: folding a link made a new
     * string per link per row (issue 16).
     */
    private final NameMemo<int[]> linkGroupsOf = new NameMemo<>(MessageMatcher.this::linkGroups);

    private Scanner() {}

    /** Sets in {@code found} the number of every message {@code content} carries; set bits stay set. */
    public void match(Content content, BitSet found) {
      requireNonNull(content, "content");
      requireNonNull(found, "found");
      String text = content.text();
      if (text != null) {
        phrases.scan(text, found);
      }
      for (String tag : content.tags()) {
        phrases.scan(tag, found);
      }
      for (String tag : content.hashtags()) {
        for (int g : tagGroups.of(tag)) {
          found.set(g);
        }
      }
      for (String link : content.links()) {
        for (int g : linkGroupsOf.of(link)) {
          found.set(g);
        }
      }
    }

    /** Sets in {@code found} the number of every message whose phrases or hashtags occur in {@code text}. */
    public void match(CharSequence text, BitSet found) {
      phrases.scan(text, found);
    }
  }
}
