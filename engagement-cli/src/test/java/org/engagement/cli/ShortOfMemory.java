package org.engagement.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tool ({@code args[1..]}) in a child JVM with the heap taken while the report builds the section named
 * {@code args[0]}: when the report's progress line {@code "section <id>"} is printed, this fills the heap but for half a
 * megabyte, and frees it at the next section's line, so that section, and only it, runs out of memory. The
 * child runs on one processor ({@code -XX:ActiveProcessorCount=1}), so the sections are built one at a time and the
 * next line means the section is over. A test's way of reaching the report's out-of-memory path without a world
 * large enough to need gigabytes.
 */
final class ShortOfMemory {
  private static final int MEGABYTE = 1 << 20;
  private static final int CRUMB = 64 << 10;
  /** What is left free: room for the steps between sections, not for a section's working set. */
  private static final int LEFT = 8;
  /** What holds the heap while the section builds; {@code null} otherwise. Never read: holding is its use. */
  @SuppressWarnings("UnusedVariable")
  private static volatile @Nullable List<byte[]> ballast;

  private ShortOfMemory() {}

  public static void main(String[] args) {
    String section = "] section " + args[0];
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8) {
      @Override
      public void println(String line) {
        if (line.endsWith(section)) {
          ballast = fill();
        } else if (line.contains("] section ")) {
          ballast = null;
        }
        super.println(line);
      }
    };
    System.setErr(err);
    System.exit(EngagementCli.execute(Arrays.copyOfRange(args, 1, args.length)));
  }

  /** Chunks that take every byte of the heap but {@value #LEFT} crumbs. */
  private static List<byte[]> fill() {
    List<byte[]> chunks = new ArrayList<>();
    try {
      while (true) {
        chunks.add(new byte[MEGABYTE]);
      }
    } catch (OutOfMemoryError full) {
      // the heap is full to the last megabyte; now to the last crumb
    }
    try {
      while (true) {
        chunks.add(new byte[CRUMB]);
      }
    } catch (OutOfMemoryError full) {
      chunks.subList(Math.max(0, chunks.size() - LEFT), chunks.size()).clear();
    }
    return chunks;
  }
}
