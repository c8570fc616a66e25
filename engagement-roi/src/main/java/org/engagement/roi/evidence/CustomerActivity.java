package org.engagement.roi.evidence;

import java.util.HashMap;
import java.util.Map;

/**
 * One customer's activity in the window: the last interaction time, and per channel the engaging
 * interactions in each half of the window and the first engagement. Not thread-safe.
 */
final class CustomerActivity {
  long lastActiveMillis = Long.MIN_VALUE;
  boolean activeInFirstHalf;
  boolean bought;
  final Map<String, ChannelCounts> channels = new HashMap<>();

  /** Engaging interactions on one channel. */
  static final class ChannelCounts {
    long firstHalf;
    long secondHalf;
    long firstMillis = Long.MAX_VALUE;
  }

  /** Engaging interactions in the first or second half on every channel. */
  long engaged(boolean secondHalf) {
    long total = 0;
    for (ChannelCounts counts : channels.values()) {
      total += secondHalf ? counts.secondHalf : counts.firstHalf;
    }
    return total;
  }

  /** Engaging interactions in the first or second half on every channel but {@code except}. */
  long engagedElsewhere(String except, boolean secondHalf) {
    long total = 0;
    for (Map.Entry<String, ChannelCounts> entry : channels.entrySet()) {
      if (!entry.getKey().equals(except)) {
        total += secondHalf ? entry.getValue().secondHalf : entry.getValue().firstHalf;
      }
    }
    return total;
  }
}
