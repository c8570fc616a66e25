package org.engagement.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A damaged copy of a source, and how it was damaged, so that a failure names the input that caused
 * it.
 *
 * <p>The damage is what real transfers and exports do to files: a cut-off end, flipped or lost bytes,
 * a repeated stretch. Replacement bytes are drawn half from the bytes that carry structure in text
 * formats (quotes, separators, brackets, line breaks, the lead bytes of UTF-8 sequences) and half at
 * random, because a random byte rarely lands on the one that breaks a parser. Everything is derived
 * from a seed, so every failure can be replayed.
 *
 * @param description how the source was damaged, for failure messages
 * @param bytes the damaged source
 */
@SuppressWarnings("ArrayRecordComponent") // a message and its input, never compared or hashed
record Mutant(String description, byte[] bytes) {
  private static final byte[] STRUCTURAL = {
    0x00, '\t', '\n', '\r', ' ', '"', '\'', ',', ';', ':', '[', ']', '{', '}', '\\', '-', '0', '9',
    (byte) 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0, (byte) 0xC3, (byte) 0xE2, (byte) 0xEF,
    (byte) 0xF0, (byte) 0xFF
  };
  private static final int MAX_TRUNCATIONS = 4096;
  private static final int MAX_EDITS = 3;
  private static final int MAX_REPEAT = 64;
  private static final int MAX_GARBAGE_LENGTH = 512;

  /**
   * The source cut off at every length from 0 to one byte short of the whole, or at
   * {@value #MAX_TRUNCATIONS} evenly spread lengths for a longer source.
   */
  static List<Mutant> truncations(byte[] source) {
    int n = source.length;
    int step = Math.max(1, (n + MAX_TRUNCATIONS - 1) / MAX_TRUNCATIONS);
    List<Mutant> mutants = new ArrayList<>();
    for (int length = 0; length < n; length += step) {
      mutants.add(new Mutant("the sample cut off after " + length + " of " + n + " bytes",
          Arrays.copyOf(source, length)));
    }
    return mutants;
  }

  /** {@code count} copies of the source, each with one to three bytes changed, inserted, dropped or repeated. */
  static List<Mutant> corruptions(byte[] source, long seed, int count) {
    Random random = new Random(seed);
    List<Mutant> mutants = new ArrayList<>(count);
    for (int trial = 1; trial <= count; trial++) {
      byte[] bytes = source;
      StringBuilder description = new StringBuilder("corruption ").append(trial).append(" of seed ").append(seed)
          .append(" (").append(source.length).append("-byte sample):");
      int edits = 1 + random.nextInt(MAX_EDITS);
      for (int i = 0; i < edits; i++) {
        bytes = edit(bytes, random, description);
      }
      mutants.add(new Mutant(description.toString(), bytes));
    }
    return mutants;
  }

  /** {@code count} arrays of random bytes that owe nothing to the sample, 1 to 512 bytes long. */
  static List<Mutant> garbage(long seed, int count) {
    Random random = new Random(seed);
    List<Mutant> mutants = new ArrayList<>(count);
    for (int trial = 1; trial <= count; trial++) {
      byte[] bytes = new byte[1 + random.nextInt(MAX_GARBAGE_LENGTH)];
      for (int i = 0; i < bytes.length; i++) {
        bytes[i] = replacement(random);
      }
      mutants.add(new Mutant("garbage " + trial + " of seed " + seed + " (" + bytes.length + " random bytes)", bytes));
    }
    return mutants;
  }

  private static byte[] edit(byte[] bytes, Random random, StringBuilder description) {
    int n = bytes.length;
    int kind = n == 0 ? 1 : random.nextInt(4);
    switch (kind) {
      case 0 -> {
        int at = random.nextInt(n);
        byte value = replacement(random);
        description.append(" byte ").append(at).append(' ').append(hex(bytes[at]))
            .append(" -> ").append(hex(value)).append(';');
        byte[] changed = bytes.clone();
        changed[at] = value;
        return changed;
      }
      case 1 -> {
        int at = random.nextInt(n + 1);
        byte value = replacement(random);
        description.append(" inserted ").append(hex(value)).append(" at ").append(at).append(';');
        return splice(bytes, at, 0, new byte[] {value});
      }
      case 2 -> {
        int at = random.nextInt(n);
        description.append(" dropped byte ").append(at).append(' ').append(hex(bytes[at])).append(';');
        return splice(bytes, at, 1, new byte[0]);
      }
      default -> {
        int from = random.nextInt(n);
        int length = 1 + random.nextInt(Math.min(MAX_REPEAT, n - from));
        int at = random.nextInt(n + 1);
        description.append(" repeated bytes ").append(from).append("..").append(from + length - 1)
            .append(" at ").append(at).append(';');
        return splice(bytes, at, 0, Arrays.copyOfRange(bytes, from, from + length));
      }
    }
  }

  /** {@code bytes} with {@code removed} bytes at {@code at} replaced by {@code inserted}. */
  private static byte[] splice(byte[] bytes, int at, int removed, byte[] inserted) {
    byte[] result = new byte[bytes.length - removed + inserted.length];
    System.arraycopy(bytes, 0, result, 0, at);
    System.arraycopy(inserted, 0, result, at, inserted.length);
    System.arraycopy(bytes, at + removed, result, at + inserted.length, bytes.length - at - removed);
    return result;
  }

  private static byte replacement(Random random) {
    return random.nextBoolean() ? STRUCTURAL[random.nextInt(STRUCTURAL.length)] : (byte) random.nextInt(256);
  }

  private static String hex(byte value) {
    return String.format(Locale.ROOT, "0x%02x", value & 0xFF);
  }

  @Override
  public String toString() {
    return description;
  }
}
