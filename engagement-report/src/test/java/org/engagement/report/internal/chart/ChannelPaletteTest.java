package org.engagement.report.internal.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.engagement.core.domain.InvalidFieldException;
import org.junit.jupiter.api.Test;

/** Channel colours and their shades: a channel keeps its hue in every chart, whatever the series drawn. */
class ChannelPaletteTest {
  @Test
  void shadesGoFromTheColourTowardsWhite() {
    assertThat(ChannelPalette.shade("#0072b2", 0, 4)).isEqualTo("#0072b2");
    // the last of four is 72% of the way to white: 0 + 255 * 0.72 = 183.6, 114 + 141 * 0.72 = 215.5,
    // 178 + 77 * 0.72 = 233.4
    assertThat(ChannelPalette.shade("#0072b2", 3, 4)).isEqualTo(String.format("#%02x%02x%02x", 184, 216, 233));
    assertThat(ChannelPalette.shade("#0072b2", 0, 1)).isEqualTo("#0072b2");
    assertThatThrownBy(() -> ChannelPalette.shade("#0072b2", 4, 4)).isInstanceOf(InvalidFieldException.class);
    assertThatThrownBy(() -> ChannelPalette.shade("blue", 0, 4)).isInstanceOf(InvalidFieldException.class)
        .hasMessageContaining("colour");
  }

  @Test
  void stackedPartsAndGroupedBarsTakeShadesOfTheirChannel() {
    Map<String, String> colours = ChannelPalette.of(List.of("Blog", "Press"));
    String stacked = new StackedBarChart("rewards", List.of("Press", "Blog"), List.of("revenue", "retained"),
        List.of(List.of(10.0, 5.0), List.of(4.0, -2.0)), "investment", List.of(12.0, 3.0))
        .withColours(colours).toSvg();
    assertThat(stacked).contains("fill=\"" + colours.get("Press") + "\"><title>Press, revenue")
        .contains("fill=\"" + ChannelPalette.shade(colours.get("Press"), 1, 2) + "\"><title>Press, retained")
        .contains("fill=\"" + ChannelPalette.shade(colours.get("Blog"), 1, 2) + "\"><title>Blog, retained")
        // the legend in grey shades, not in a channel's colour
        .contains("fill=\"" + ChannelPalette.NEUTRAL + "\"><title>revenue");
    String grouped = new BarChart("credit", List.of("Blog", "Press"), List.of(
        new BarChart.Series("first", List.of(1.0, 2.0)), new BarChart.Series("last", List.of(3.0, 4.0))))
        .withColours(colours).toSvg();
    assertThat(grouped).contains("fill=\"" + ChannelPalette.shade(colours.get("Blog"), 1, 2) + "\"><title>Blog, last")
        .doesNotContain("fill=\"" + colours.get("Press") + "\"><title>Blog");
    String map = new HeatMap("overlap", List.of("Blog", "Press"), List.of("Blog", "Press"),
        List.of(List.of(1.0, 0.5), List.of(0.2, 1.0)), List.of(List.of("4", "2"), List.of("2", "9")))
        .withColours(colours).toSvg();
    // a square beside each row's and each column's name
    assertThat(map.split("fill=\"" + colours.get("Press") + "\"><title>Press</title>", -1)).hasSize(3);
  }

  /** A mark that is not a channel (a value tier, say) is grey, and no channel is grey or black. */
  @Test
  void marksThatAreNotChannelsTakeNoChannelsColour() {
    String tiers = BarChart.single("tiers", List.of("retain", "grow"), List.of(3.0, 5.0)).toSvg();
    assertThat(tiers).contains("fill=\"" + ChannelPalette.NOT_A_CHANNEL + "\"><title>retain");
    Map<String, String> sixteen = ChannelPalette.of(java.util.stream.IntStream.range(0, 16)
        .mapToObj(i -> "channel " + i).toList());
    assertThat(sixteen.values()).doesNotHaveDuplicates()
        .doesNotContain(ChannelPalette.NOT_A_CHANNEL, ChannelPalette.NEUTRAL, "#000000");
  }

  /**
   * The lines of series that are not channels (all customers and the value tiers, issue 15) are grey and dashed
   * apart, where before they took the channels' palette; a channel's line keeps its colour and stays solid.
   */
  @Test
  void linesThatAreNotChannelsAreGreyAndDashedApart() {
    List<String> tiers = List.of("all customers", "retain", "grow", "maintain", "win back", "let go", "new");
    List<BarChart.Series> series = tiers.stream().map(t -> new BarChart.Series(t, List.of(1.0, 2.0))).toList();
    String svg = new LineChart("trend", List.of("2024-01", "2024-02"), series).toSvg();
    java.util.regex.Matcher lines = java.util.regex.Pattern.compile(
        "<polyline fill=\"none\" stroke=\"(#[0-9a-f]{6})\" stroke-width=\"2\"( stroke-dasharray=\"([^\"]*)\")? "
            + "points=\"[^\"]*\"><title>([^<]*)</title>").matcher(svg);
    java.util.Set<String> styles = new java.util.HashSet<>();
    Map<String, String> channels = ChannelPalette.of(java.util.stream.IntStream.range(0, 16)
        .mapToObj(i -> "channel " + i).toList());
    int found = 0;
    while (lines.find()) {
      found++;
      String colour = lines.group(1);
      assertThat(channels.values()).as(lines.group()).doesNotContain(colour);
      assertThat(isGrey(colour)).as(lines.group()).isTrue();
      styles.add(lines.group(4) + " " + colour + " " + lines.group(3));
    }
    // a legend key and a line per series, each series its own grey and dash (solid for the first)
    assertThat(found).isEqualTo(2 * tiers.size());
    assertThat(styles).hasSize(tiers.size());
    assertThat(svg).contains("stroke=\"" + ChannelPalette.notAChannel(0) + "\" stroke-width=\"2\" points=");
    String channelLines = new LineChart("curves", List.of("0", "1"), List.of(
        new BarChart.Series("channel 3", List.of(1.0, 2.0)))).withColours(channels).toSvg();
    assertThat(channelLines).contains("stroke=\"" + channels.get("channel 3") + "\" stroke-width=\"2\" points=")
        .doesNotContain("stroke-dasharray");
  }

  /** Red, green and blue within 30 of each other (every channel colour's differ by 69 or more). */
  private static boolean isGrey(String colour) {
    int r = Integer.parseInt(colour.substring(1, 3), 16);
    int g = Integer.parseInt(colour.substring(3, 5), 16);
    int b = Integer.parseInt(colour.substring(5, 7), 16);
    return Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) <= 30;
  }
}
