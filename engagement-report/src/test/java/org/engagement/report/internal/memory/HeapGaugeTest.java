package org.engagement.report.internal.memory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The rule that lets a second section start beside a running one, and this JVM's gauge. */
class HeapGaugeTest {

  /** Half the maximum is the limit: at it a second section may start, a byte above it not. */
  @Test
  void aSecondSectionHasRoomWhileTheOldGenerationIsAtMostHalfFull() {
    assertThat(HeapGauge.fixed(0, 999).roomForAnother()).isTrue();
    assertThat(HeapGauge.fixed(499, 999).roomForAnother()).isTrue();
    assertThat(HeapGauge.fixed(500, 999).roomForAnother()).isFalse();
    assertThat(HeapGauge.fixed(999, 999).roomForAnother()).isFalse();
    assertThat(HeapGauge.fixed(Long.MAX_VALUE / 4, Long.MAX_VALUE).roomForAnother()).isTrue();
  }

  /**
   * The gauge's readings in issue 16's runs with G1 in a 1 GB heap: 10 million interactions, 462 MB once read (two
   * at a time) and 712 MB once the attribution had run (one at a time); 500,000 people at most 363 MB (two).
   */
  @Test
  void tenMillionInteractionsInOneGigabyteAreBuiltOneAtATimeOnceTheAttributionHasRun() {
    long megabyte = 1L << 20;
    long gigabyte = 1L << 30;
    assertThat(HeapGauge.fixed(462 * megabyte, gigabyte).roomForAnother()).isTrue();
    assertThat(HeapGauge.fixed(712 * megabyte, gigabyte).roomForAnother()).isFalse();
    assertThat(HeapGauge.fixed(363 * megabyte, gigabyte).roomForAnother()).isTrue();
  }

  /**
   * This JVM's gauge counts the old generation, so what a program keeps shows in it once the young collections have
   * promoted it (G1 puts arrays of a region's size there at once), and its maximum is at most the heap's.
   */
  @Test
  void theJvmsGaugeSeesWhatIsKept() {
    HeapGauge jvm = HeapGauge.jvm();
    assertThat(jvm.max()).isBetween(1L, Runtime.getRuntime().maxMemory());
    assertThat(jvm.inUse()).isBetween(0L, jvm.max());
    long keptBytes = 64L << 20;
    byte[][] kept = new byte[64][];
    for (int i = 0; i < kept.length; i++) {
      kept[i] = new byte[1 << 20];
    }
    for (int round = 0; round < 8192 && jvm.inUse() < keptBytes; round++) {
      blackhole = new byte[1 << 20];
    }
    assertThat(jvm.inUse()).isBetween(keptBytes, jvm.max());
    assertThat(kept.length).isEqualTo(64);
  }

  @SuppressWarnings("unused")
  private static volatile byte[] blackhole = new byte[0];
}
