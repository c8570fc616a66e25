package org.engagement.report.internal.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How full the heap is, for {@code SectionRun}'s choice of building a second section beside a running one (issue
 * 16). Two sections at a time halve the wall time on two cores, but each adds its working set to what the analysis
 * already holds (the interactions, profiles, journeys, the lifetime-value fit): at 10 million interactions in a 1 GB
 * heap the ROI section ran out of memory beside the CLV section (757-795 MB still in use after collections while
 * both ran), so its partial work (about 12 s of CPU) was thrown away and done again alone.
 *
 * <p>The rule ({@link #roomForAnother}): a second section starts beside a running one only while the old
 * generation is at most half full. {@link #jvm()} measures it without forcing a collection (a library must not stop
 * its host's threads for that): the occupancy of the heap pools that are neither eden nor a survivor space, which
 * hold what survived the collections so far plus the garbage not collected there yet (an upper bound of the heap
 * still reachable), against those pools' maximum. Measured with G1 in a 1 GB heap (old generation maximum 1,024 MB):
 * at 10 million interactions 462 MB once read (data and attribution may run together, as they did without running
 * out in an earlier two-at-a-time run) and 712-830 MB once the attribution had run (one at a time from then on: ROI
 * beside CLV is the pair that ran out); at 500,000 people (2.7 million interactions) 144-363 MB, so two at a time
 * throughout. A third of the maximum would have put the 500,000-person report one at a time too, since G1 leaves
 * garbage in the old generation until it is 45 % full. With the serial collector, the launcher's, the old
 * generation's maximum is a share of the heap (682 MB of 1 GB by default, 512 MB with the launcher's {@code
 * -XX:NewRatio=1}, and for {@code report}, whose young generation the launcher caps at 128 MB, 896 MB), so the rule
 * reads "half full" against that.
 *
 * <p>Erring high costs wall time only (a section waits to run alone); erring low costs a section's work (it runs out
 * of memory beside another and is built again alone).
 *
 * <p>Implementations must be thread-safe.
 */
public interface HeapGauge {
  /** The share of the old generation's maximum above which no second section starts: a half. */
  int SHARE_FOR_TWO = 2;

  /** The bytes the old generation holds: what a collection of the young generation would not free. */
  long inUse();

  /** The most bytes the old generation may hold; {@link Long#MAX_VALUE} when it has no limit. */
  long max();

  /**
   * Whether a second section may start beside a running one: the old generation is at most half full (see the class
   * comment).
   */
  default boolean roomForAnother() {
    return inUse() <= max() / SHARE_FOR_TWO;
  }

  /**
   * This JVM's heap: the occupancy of its pools that are neither eden nor a survivor space, against their maximum (the
   * heap's maximum if a pool has none).
   */
  static HeapGauge jvm() {
    // looked up at the first reading, not before: a one-at-a-time run never reads the gauge, and the management
    // beans it would set up could change what a nearly full heap can still do
    return new HeapGauge() {
      /** The old generation's pools, once looked up (a race looks them up twice, to the same effect). */
      private volatile @Nullable List<MemoryPoolMXBean> pools;

      private List<MemoryPoolMXBean> pools() {
        List<MemoryPoolMXBean> found = pools;
        if (found == null) {
          found = ManagementFactory.getMemoryPoolMXBeans().stream()
              .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid() && !young(pool.getName())).toList();
          pools = found;
        }
        return found;
      }

      @Override
      public long inUse() {
        long used = 0;
        for (MemoryPoolMXBean pool : pools()) {
          used += pool.getUsage().getUsed();
        }
        return used;
      }

      @Override
      public long max() {
        List<MemoryPoolMXBean> old = pools();
        long max = 0;
        for (MemoryPoolMXBean pool : old) {
          long most = pool.getUsage().getMax();
          if (most < 0) {
            return Runtime.getRuntime().maxMemory();
          }
          max += most;
        }
        return old.isEmpty() ? Runtime.getRuntime().maxMemory() : max;
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
