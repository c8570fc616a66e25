package org.engagement.report.internal.section;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;

/**
 * How full the heap is, for {@link SectionRun}'s choice of building a second section beside a running one (issue
 * 16). Two sections at a time halve the wall time on two cores, but each adds its working set to what the analysis
 * already holds (the interactions, profiles, journeys, the lifetime-value fit): at 10 million interactions in a 1 GB
 * heap, 377 MB was still in use after a full collection once the input was read and 643-680 MB once the attribution
 * had run, and the ROI section ran out of memory beside the CLV section (757-795 MB in use after collections while
 * both ran), so the second section's partial work (about 12 s of CPU) was thrown away and done again alone. At
 * 500,000 people (2.7 million interactions) the same heap held 112-208 MB and two at a time fitted throughout.
 *
 * <p>The rule ({@link #roomForAnother}): a second section starts beside a running one only while the heap in use
 * is at most a third of the most the heap may hold. A section's working set grows with the data as the shared
 * figures do: alone at 10 million interactions the ROI section fitted in the 320-360 MB left beside 640-680 MB in
 * use, about half the heap in use; two sections then need about twice the heap in use, and a third leaves a margin
 * for the estimate below and for a section heavier than ROI.
 *
 * <p>{@link #jvm()} measures the heap in use without forcing a collection (a library must not stop its host's
 * threads for that): the old generation's occupancy, which holds what survived the collections so far plus the
 * garbage not yet collected there, so it is an upper bound of the heap still reachable; the young generation (eden
 * and survivor spaces) is left out, since what is reachable there is small and the rest is new garbage. Erring high
 * costs wall time only (a section waits to run alone); erring low costs a section's work (it runs out of memory
 * beside another and is built again alone).
 *
 * <p>Implementations must be thread-safe.
 */
public interface HeapGauge {
  /** The share of the heap's maximum above which no second section starts: a third. */
  int SHARE_FOR_TWO = 3;

  /** The bytes the heap holds that a collection of the young generation would not free; 0 if unknown. */
  long inUse();

  /** The most bytes the heap may hold; {@link Long#MAX_VALUE} when it has no limit. */
  long max();

  /**
   * Whether a second section may start beside a running one: the heap in use is at most a third of its maximum
   * (see the class comment).
   */
  default boolean roomForAnother() {
    return inUse() <= max() / SHARE_FOR_TWO;
  }

  /** This JVM's heap: the occupancy of its pools that are neither eden nor a survivor space, against its maximum. */
  static HeapGauge jvm() {
    List<MemoryPoolMXBean> old = ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid() && !young(pool.getName())).toList();
    return new HeapGauge() {
      @Override
      public long inUse() {
        long used = 0;
        for (MemoryPoolMXBean pool : old) {
          used += pool.getUsage().getUsed();
        }
        return used;
      }

      @Override
      public long max() {
        return Runtime.getRuntime().maxMemory();
      }
    };
  }

  /** A heap that always holds {@code inUse} bytes of {@code max}: for tests and for callers that decide elsewhere. */
  static HeapGauge fixed(long inUse, long max) {
    return new HeapGauge() {
      @Override
      public long inUse() {
        return inUse;
      }

      @Override
      public long max() {
        return max;
      }
    };
  }

  /**
   * Whether a heap pool of this name belongs to the young generation: HotSpot's collectors name theirs "... Eden
   * Space" and "... Survivor Space" (G1, serial, parallel); a collector with one pool for everything (ZGC,
   * Shenandoah) has none, and all of its heap counts as in use.
   */
  private static boolean young(String pool) {
    String name = pool.toLowerCase(Locale.ROOT);
    return name.contains("eden") || name.contains("survivor");
  }
}
