package org.engagement.report.internal.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One colour per channel for the whole page: the page's channels, in its one channel order (by display name),
 * take the colour-blind-safe palette's colours in turn, so a channel is drawn in the same colour in every chart
 * that colours by channel. Past the palette's 16 colours they repeat. Where a chart has several series or
 * components per channel (credit by model, customers by kind, reward by component), each is a {@linkplain
 * #shade shade} of the channel's colour, darkest first, and its legend shows the same shades of {@link
 * #NEUTRAL}: the channel keeps its colour and the series are told apart by lightness and place. A series that is
 * not a channel (all customers, a value tier, a key message, the share of voice) never takes a channel's colour:
 * it is drawn in one of the {@linkplain #notAChannel greys}, and a line also in its own {@linkplain #dash dash
 * pattern}, so that no reader takes a tier's line for a channel's. Holds no state; thread-safe.
 */
public final class ChannelPalette {
  /** How many greys and dash patterns there are for series that are not channels. */
  public static final int SERIES_STYLES = 6;
  /** The grey whose shades stand for the series in the legend of a chart whose bars take channel colours. */
  public static final String NEUTRAL = "#4d4d4d";
  /**
   * The colour of a mark that is not a channel (a value tier, a funnel stage, a Lorenz curve): a cool grey, so
   * that no reader takes it for the channel the palette's first colour stands for.
   */
  public static final String NOT_A_CHANNEL = "#5f6b7a";
  /**
   * The greys of series that are not channels, dark and light in turn so that neighbours differ; each has red,
   * green and blue within 30 of each other (a cool grey), where every channel colour's differ by 69 or more.
   */
  private static final String[] GREYS = {"#2e3a46", "#8a96a3", "#52606d", "#a9b3bd", "#3e4c59", "#6f7b88"};
  /** The dash patterns ({@code stroke-dasharray}) of the lines of series that are not channels, solid first. */
  private static final String[] DASHES = {"", "8 4", "2 3", "10 3 2 3", "4 4", "1 4"};
  /** How far towards white the lightest of several shades goes: far enough to tell apart, not so far as to fade. */
  private static final double LIGHTEST = 0.72;

  private ChannelPalette() {}

  /**
   * Shade {@code step} of {@code steps} of {@code colour} ({@code #rrggbb}): the colour itself for step 0, then
   * evenly lighter (mixed with white) up to {@value #LIGHTEST} of the way for the last step.
   *
   * @throws org.engagement.core.domain.InvalidFieldException if the colour is not {@code #rrggbb} or the step is
   *     outside {@code [0, steps)}
   */
  public static String shade(String colour, int step, int steps) {
    if (!colour.matches("#[0-9a-fA-F]{6}")) {
      throw new org.engagement.core.domain.InvalidFieldException("colour", colour, "must be #rrggbb");
    }
    if (step < 0 || step >= steps) {
      throw new org.engagement.core.domain.InvalidFieldException("step", step, "must be in [0, " + steps + ")");
    }
    double towardsWhite = steps == 1 ? 0 : LIGHTEST * step / (steps - 1);
    StringBuilder out = new StringBuilder("#");
    for (int i = 1; i < 7; i += 2) {
      int channel = Integer.parseInt(colour.substring(i, i + 2), 16);
      out.append(String.format(java.util.Locale.ROOT, "%02x",
          (int) Math.round(channel + (255 - channel) * towardsWhite)));
    }
    return out.toString();
  }

  /**
   * The grey of the {@code index}th series that is not a channel: the first is the darkest; past the
   * {@value #SERIES_STYLES} greys they repeat (with their dash patterns, they still tell {@value #SERIES_STYLES}
   * squared lines apart).
   */
  public static String notAChannel(int index) {
    return GREYS[Math.floorMod(index, GREYS.length)];
  }

  /**
   * The dash pattern ({@code stroke-dasharray}, empty for a solid line) of the line of the {@code index}th
   * series that is not a channel: solid first, then dashes and dots, repeating after {@value #SERIES_STYLES},
   * shifted by one each round so that a grey and a pattern do not pair twice.
   */
  public static String dash(int index) {
    int i = Math.floorMod(index, SERIES_STYLES * SERIES_STYLES);
    return DASHES[(i % SERIES_STYLES + i / SERIES_STYLES) % SERIES_STYLES];
  }

  /** Each channel's colour by display name, for {@code names} in the page's channel order. */
  public static Map<String, String> of(List<String> names) {
    Map<String, String> colours = new LinkedHashMap<>();
    for (String name : names) {
      colours.putIfAbsent(name, SvgCanvas.colour(colours.size()));
    }
    return java.util.Collections.unmodifiableMap(colours);
  }
}
