package org.engagement.report.internal.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per channel for the whole page: the page's channels, in its one channel order (by display name),
 * take the colour-blind-safe palette's colours in turn, so a channel is drawn in the same colour in every chart
 * that colours by channel. Past the palette's 16 colours they repeat. Holds no state; thread-safe.
 */
public final class ChannelPalette {
  private ChannelPalette() {}

  /** Each channel's colour by display name, for {@code names} in the page's channel order. */
  public static Map<String, String> of(List<String> names) {
    Map<String, String> colours = new LinkedHashMap<>();
    for (String name : names) {
      colours.putIfAbsent(name, SvgCanvas.colour(colours.size()));
    }
    return java.util.Collections.unmodifiableMap(colours);
  }
}
