package org.engagement.benchmarks.conversation;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.engagement.core.conversation.message.KeyMessage;
import org.engagement.core.conversation.message.MessageMatcher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching {@value #MESSAGES} key messages of {@value #PHRASES_PER_MESSAGE} phrases each over
 * {@value #TEXTS} texts of {@value #TEXT_LENGTH} characters on one thread, in milliseconds per run (single
 * shot after warm-up runs). The target is under two seconds.
 *
 * <p>Texts are made once per trial (seeded) from a vocabulary of plain and accented words, with a phrase
 * of some message dropped into about one text in five, in mixed case; the figure is the matching alone:
 * folding, the automaton, whole-word checks and the set of messages found.
 *
 * <p>Run with {@code java -jar engagement-benchmarks/target/benchmarks.jar KeyMessageMatching}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class KeyMessageMatchingBenchmark {
  /** Key messages matched. */
  public static final int MESSAGES = 100;
  /** Phrases per key message. */
  public static final int PHRASES_PER_MESSAGE = 5;
  /** Texts matched per run. */
  public static final int TEXTS = 1_000_000;
  /** Characters per text. */
  public static final int TEXT_LENGTH = 200;

  private static final long SEED = 20_261_123L;
  private static final String[] WORDS = {
    "the", "new", "model", "is", "fast", "and", "quiet", "café", "service", "was", "great", "terrible",
    "délai", "shipping", "price", "support", "team", "love", "hate", "battery", "screen", "camera", "über",
    "launch", "today", "tomorrow", "order", "refund", "crème", "brûlée", "naïve", "customer", "experience",
    "quality", "value", "cheap", "premium", "design", "colour", "size", "fit", "comfort", "warranty", "app",
  };

  private MessageMatcher matcher = MessageMatcher.of(List.of(KeyMessage.ofPhrases("x", "x")));
  private String[] texts = new String[0];

  /** Makes the messages and texts. */
  @Setup(Level.Trial)
  public void makeTexts() {
    SplittableRandom random = new SplittableRandom(SEED);
    List<KeyMessage> messages = new ArrayList<>();
    List<String> allPhrases = new ArrayList<>();
    for (int m = 0; m < MESSAGES; m++) {
      String[] phrases = new String[PHRASES_PER_MESSAGE];
      for (int p = 0; p < PHRASES_PER_MESSAGE; p++) {
        phrases[p] = "brand" + m + " " + WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)];
        allPhrases.add(phrases[p]);
      }
      messages.add(KeyMessage.ofPhrases("message " + m, phrases));
    }
    matcher = MessageMatcher.of(messages);
    texts = new String[TEXTS];
    StringBuilder text = new StringBuilder(TEXT_LENGTH + 32);
    for (int i = 0; i < TEXTS; i++) {
      text.setLength(0);
      if (random.nextInt(5) == 0) {
        text.append(allPhrases.get(random.nextInt(allPhrases.size())).toUpperCase(java.util.Locale.ROOT)).append(' ');
      }
      while (text.length() < TEXT_LENGTH) {
        text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? ", " : " ");
      }
      text.setLength(TEXT_LENGTH);
      texts[i] = text.toString();
    }
  }

  /** Finds the messages in every text; returns how many (text, message) pairs matched. */
  @Benchmark
  public long matchOneMillionTexts() {
    MessageMatcher.Scanner scanner = matcher.scanner();
    BitSet found = new BitSet(MESSAGES);
    long matches = 0;
    for (String text : texts) {
      found.clear();
      scanner.match(text, found);
      matches += found.cardinality();
    }
    return matches;
  }
}
