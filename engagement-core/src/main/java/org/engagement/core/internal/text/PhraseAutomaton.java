package org.engagement.core.internal.text;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.engagement.core.domain.InvalidFieldException;

/**
 * Finds which of many phrases occur in a text, as whole words, ignoring case and accents, in one pass
 * linear in the text length whatever the number of phrases (Aho–Corasick, 1975).
 *
 * <p>Each phrase belongs to a group (a key message, say); a scan reports the groups with at least one
 * phrase in the text. Phrases and texts are {@linkplain TextFolding folded} alike. A match is whole-word
 * where the phrase has a word character at its edge: {@code "car"} does not match {@code "cart"}, while
 * {@code "#car"} needs no word boundary before the {@code #}.
 *
 * <p>The automaton is a dense table of transitions over the distinct characters of the phrases (any
 * other character leads back to the start), so one text character costs two table reads. An entry holds
 * the next state's row offset shifted left by one, with the low bit set when a phrase may end there. Its
 * size is states × (distinct characters + 1) ints, limited to {@value #MAX_TABLE_SIZE} entries.
 *
 * <p>Immutable and thread-safe; scanning needs a {@link Scanner} per thread.
 *
 * @since 0.1.0
 */
public final class PhraseAutomaton {
  /** The largest transition table accepted, in entries. */
  public static final int MAX_TABLE_SIZE = 1 << 26;

  private final char[] classOf;
  private final int width;
  private final int[] delta;
  private final int[] firstPattern;
  private final int[] dictionaryLink;
  private final int[] nextPattern;
  private final int[] length;
  private final int[] group;
  private final boolean[] wordStart;
  private final boolean[] wordEnd;
  private final int groupCount;

  private PhraseAutomaton(Build build) {
    this.classOf = build.classOf;
    this.width = build.width;
    this.delta = build.delta;
    this.firstPattern = build.firstPattern;
    this.dictionaryLink = build.dictionaryLink;
    this.nextPattern = build.nextPattern;
    this.length = build.length;
    this.group = build.group;
    this.wordStart = build.wordStart;
    this.wordEnd = build.wordEnd;
    this.groupCount = build.groupCount;
  }

  /**
   * The automaton for {@code phrases}, where phrase {@code i} belongs to group {@code groups[i]}.
   *
   * @throws InvalidFieldException if the lists differ in length, a group is negative, a phrase folds to
   *     nothing, or the table would be too large
   */
  public static PhraseAutomaton of(List<String> phrases, int[] groups) {
    requireNonNull(phrases, "phrases");
    requireNonNull(groups, "groups");
    if (phrases.size() != groups.length) {
      throw new InvalidFieldException("groups", groups.length, "must have one group per phrase (" + phrases.size() + ")");
    }
    List<String> folded = new ArrayList<>(phrases.size());
    for (int i = 0; i < phrases.size(); i++) {
      String phrase = requireNonNull(phrases.get(i), "phrase");
      String f = TextFolding.fold(phrase);
      if (f.isEmpty()) {
        throw new InvalidFieldException("phrase", phrase, "must contain something besides white space and marks");
      }
      if (groups[i] < 0) {
        throw new InvalidFieldException("groups[" + i + "]", groups[i], "must not be negative");
      }
      folded.add(f);
    }
    return new PhraseAutomaton(new Build(folded, groups.clone()));
  }

  /** One more than the largest group, or 0 without phrases: the size a scan's result may reach. */
  public int groupCount() {
    return groupCount;
  }

  /** How many states the automaton has, including the start. */
  public int stateCount() {
    return firstPattern.length;
  }

  /** A scanner with its own buffers, for one thread at a time. */
  public Scanner scanner() {
    return new Scanner();
  }

  /**
   * Scans texts with this automaton, reusing its buffers. Not thread-safe: one scanner per thread.
   *
   * @since 0.1.0
   */
  public final class Scanner {
    private char[] buffer = new char[256];

    private Scanner() {}

    /**
     * Sets in {@code found} the group of every phrase that occurs in {@code text} as whole words; bits
     * already set stay set.
     */
    public void scan(CharSequence text, BitSet found) {
      requireNonNull(text, "text");
      requireNonNull(found, "found");
      int n = text.length();
      if (buffer.length < n) {
        buffer = new char[Math.max(n, buffer.length * 2)];
      }
      if (text instanceof String s) {
        s.getChars(0, n, buffer, 0);
      } else {
        for (int i = 0; i < n; i++) {
          buffer[i] = text.charAt(i);
        }
      }
      run(buffer, n, found);
    }
  }

  /**
   * Folds {@code text} in place while stepping the automaton: one pass. A match's right boundary needs the
   * next folded character, so it is checked one character later (or at the end).
   */
  private void run(char[] text, int n, BitSet found) {
    char[] fold = TextFolding.table();
    int row = 0;
    int k = 0;
    int pendingState = -1;
    int pendingEnd = 0;
    char previous = ' ';
    for (int i = 0; i < n; i++) {
      char f = fold[text[i]];
      if (f == TextFolding.DROP || (f == ' ' && previous == ' ')) {
        continue;
      }
      text[k] = f;
      previous = f;
      if (pendingState >= 0) {
        report(text, k + 1, pendingEnd, pendingState, found);
        pendingState = -1;
      }
      int entry = delta[row + classOf[f]];
      row = entry >>> 1;
      if ((entry & 1) != 0) {
        pendingState = row / width;
        pendingEnd = k;
      }
      k++;
    }
    if (pendingState >= 0) {
      report(text, k, pendingEnd, pendingState, found);
    }
  }

  private void report(char[] text, int n, int end, int state, BitSet found) {
    for (int s = firstPattern[state] >= 0 ? state : dictionaryLink[state]; s >= 0; s = dictionaryLink[s]) {
      for (int p = firstPattern[s]; p >= 0; p = nextPattern[p]) {
        int start = end - length[p] + 1;
        boolean leftOk = !wordStart[p] || start == 0 || !TextFolding.isWordChar(text[start - 1]);
        boolean rightOk = !wordEnd[p] || end + 1 == n || !TextFolding.isWordChar(text[end + 1]);
        if (leftOk && rightOk) {
          found.set(group[p]);
        }
      }
    }
  }

  /** Builds the trie, then the failure function folded into a full transition table. */
  private static final class Build {
    final char[] classOf = new char[Character.MAX_VALUE + 1];
    final int width;
    int[] delta;
    int[] firstPattern;
    int[] dictionaryLink;
    final int[] nextPattern;
    final int[] length;
    final int[] group;
    final boolean[] wordStart;
    final boolean[] wordEnd;
    final int groupCount;

    Build(List<String> phrases, int[] groups) {
      TreeSet<Character> alphabet = new TreeSet<>();
      for (String phrase : phrases) {
        for (int i = 0; i < phrase.length(); i++) {
          alphabet.add(phrase.charAt(i));
        }
      }
      int next = 1;
      for (char c : alphabet) {
        classOf[c] = (char) next++;
      }
      width = next;
      int n = phrases.size();
      nextPattern = new int[n];
      length = new int[n];
      group = groups;
      wordStart = new boolean[n];
      wordEnd = new boolean[n];
      int max = -1;
      for (int g : groups) {
        max = Math.max(max, g);
      }
      groupCount = max + 1;
      List<Map<Character, Integer>> children = new ArrayList<>();
      buildTrie(phrases, children);
      buildTable(children);
    }

    /** Builds the trie into the per-pattern arrays, {@code firstPattern} and {@code children}. */
    private void buildTrie(List<String> phrases, List<Map<Character, Integer>> children) {
      List<Integer> heads = new ArrayList<>();
      children.add(new HashMap<>());
      heads.add(-1);
      for (int p = 0; p < phrases.size(); p++) {
        String phrase = phrases.get(p);
        int state = 0;
        for (int i = 0; i < phrase.length(); i++) {
          Integer child = children.get(state).get(phrase.charAt(i));
          if (child == null) {
            child = children.size();
            children.get(state).put(phrase.charAt(i), child);
            children.add(new HashMap<>());
            heads.add(-1);
          }
          state = child;
        }
        length[p] = phrase.length();
        wordStart[p] = TextFolding.isWordChar(phrase.charAt(0));
        wordEnd[p] = TextFolding.isWordChar(phrase.charAt(phrase.length() - 1));
        nextPattern[p] = heads.get(state);
        heads.set(state, p);
      }
      int states = children.size();
      if ((long) states * width > MAX_TABLE_SIZE) {
        throw new InvalidFieldException("phrases", states + " states x " + width + " characters",
            "must need at most " + MAX_TABLE_SIZE + " transitions; split them over several automata");
      }
      firstPattern = heads.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Breadth-first: a state's missing transitions are its failure state's, already complete. */
    private void buildTable(List<Map<Character, Integer>> children) {
      int states = children.size();
      delta = new int[states * width];
      int[] fail = new int[states];
      dictionaryLink = new int[states];
      dictionaryLink[0] = -1;
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      for (Map.Entry<Character, Integer> e : children.get(0).entrySet()) {
        delta[classOf[e.getKey()]] = e.getValue();
        fail[e.getValue()] = 0;
        dictionaryLink[e.getValue()] = -1;
        queue.add(e.getValue());
      }
      while (!queue.isEmpty()) {
        int state = queue.poll();
        int f = fail[state];
        System.arraycopy(delta, f * width, delta, state * width, width);
        for (Map.Entry<Character, Integer> e : children.get(state).entrySet()) {
          int child = e.getValue();
          int cls = classOf[e.getKey()];
          int childFail = delta[f * width + cls];
          fail[child] = childFail;
          dictionaryLink[child] = firstPattern[childFail] >= 0 ? childFail : dictionaryLink[childFail];
          delta[state * width + cls] = child;
          queue.add(child);
        }
      }
      encode();
    }

    /** Turns each entry from a state number into its row offset times two, plus one if output may follow. */
    private void encode() {
      for (int i = 0; i < delta.length; i++) {
        int target = delta[i];
        boolean output = firstPattern[target] >= 0 || dictionaryLink[target] >= 0;
        delta[i] = (target * width) << 1 | (output ? 1 : 0);
      }
    }
  }
}
