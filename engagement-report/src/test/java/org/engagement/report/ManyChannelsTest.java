package org.engagement.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.io.ByteSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.engagement.attribution.AttributionModels;
import org.engagement.attribution.heuristic.HeuristicModelProviders;
import org.engagement.core.domain.Channel;
import org.engagement.core.presence.PresenceCount;
import org.engagement.report.analysis.Analysis;
import org.engagement.report.analysis.AnalysisInput;
import org.engagement.report.analysis.Progress;
import org.engagement.report.html.Html;
import org.engagement.report.internal.analysis.TopChannels;
import org.engagement.report.internal.section.AttributionSection;
import org.engagement.report.internal.section.PresenceSection;
import org.engagement.report.internal.text.NumberText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page stays bounded however many channels the input has (issue 12: 1,000 channels made a 179 MB page
 * and took 3.3 GB, 10,000 ran out of memory): the channel overlap used to be a matrix over every channel,
 * and the attribution charts drew every channel under every model.
 *
 * <p>The input: 400 channels {@code ch000..ch399}; customer {@code i} touches channels {@code i}, {@code
 * i+1} and {@code i+2} (mod 400) and buys 10 EUR; customers {@code h0..h59} also touch {@code ch007}, so
 * {@code ch007} has the most active customers.
 */
class ManyChannelsTest {
  private static final int CHANNELS = 400;
  private static Analysis analysis;

  @BeforeAll
  static void input() throws IOException {
    StringBuilder csv = new StringBuilder("customer_id,timestamp,type,channel,value,currency\n");
    for (int i = 0; i < CHANNELS; i++) {
      for (int k = 0; k < 3; k++) {
        csv.append("c").append(i).append(",2024-01-0").append(k + 1).append("T10:00:00Z,click,")
            .append(channel((i + k) % CHANNELS)).append(",,\n");
      }
      csv.append("c").append(i).append(",2024-01-05T10:00:00Z,purchase,shop,10,EUR\n");
    }
    for (int h = 0; h < 60; h++) {
      csv.append("h").append(h).append(",2024-01-02T10:00:00Z,click,").append(channel(7)).append(",,\n");
    }
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    analysis = Analysis.of(AnalysisInput.of("many channels", Map.of(AnalysisInput.INTERACTIONS, ByteSource.wrap(bytes))),
        Progress.none());
  }

  private static String channel(int i) {
    return String.format(java.util.Locale.ROOT, "ch%03d", i);
  }

  @Test
  void presenceShowsTheTopChannelsAndGroupsTheRest() {
    PresenceSection presence = (PresenceSection) PresenceSection.of(analysis);
    assertThat(presence.grouped()).isEqualTo(CHANNELS + 1 - TopChannels.SHOWN);
    assertThat(presence.report().channels()).hasSize(TopChannels.SHOWN + 1);
    assertThat(presence.report().channelOverlap().size()).isEqualTo(TopChannels.SHOWN + 1);
    List<String> ids = presence.report().channels().stream().map(c -> c.key().id()).toList();
    assertThat(ids).contains("ch007", "shop", "other channels (381)");
    PresenceCount<Channel> others = presence.report().channels().stream()
        .filter(c -> c.key().equals(presence.others())).findFirst().orElseThrow();
    // Shown: shop (400 customers), ch007 (63) and, of the channels tied at 3, the first 18 by id: so
    // ch000..ch018. Customers c0..c16 touch only shown channels; the other 383 touch one that is grouped.
    assertThat(ids).containsExactly("ch000", "ch001", "ch002", "ch003", "ch004", "ch005", "ch006", "ch007", "ch008",
        "ch009", "ch010", "ch011", "ch012", "ch013", "ch014", "ch015", "ch016", "ch017", "ch018",
        "other channels (381)", "shop");
    assertThat(others.active()).isEqualTo(CHANNELS - 17);
    assertThat(presence.report().activeAnywhere()).isEqualTo(CHANNELS + 60);
    StringBuilder page = new StringBuilder();
    presence.writeHtml(new Html(page));
    assertThat(page.length()).isLessThan(400_000);
    assertThat(page).contains("the other 381 are grouped as \u201cother channels (381)\u201d");
  }

  @Test
  void attributionShowsTheTopChannelsAndAddsUpTheRest() {
    AttributionModels registry = AttributionModels.builder().register(new HeuristicModelProviders.FirstTouch())
        .register(new HeuristicModelProviders.Linear()).build();
    AttributionSection attribution = (AttributionSection) AttributionSection.of(analysis, registry);
    assertThat(attribution.channels()).hasSize(CHANNELS);
    StringBuilder page = new StringBuilder();
    attribution.writeHtml(new Html(page));
    assertThat(page.length()).isLessThan(200_000);
    assertThat(page).contains("other channels (380)");
    // The table's rows: 20 channels, the others and the total; the others' credit is what the 20 leave.
    List<Double> linear = new ArrayList<>();
    AttributionSection.ModelCredit credit = attribution.models().stream().filter(m -> m.model().equals("linear"))
        .findFirst().orElseThrow();
    for (String channel : attribution.channels()) {
      linear.add(credit.value(channel));
    }
    double shown = linear.stream().sorted(java.util.Comparator.reverseOrder()).limit(TopChannels.SHOWN)
        .mapToDouble(Double::doubleValue).sum();
    assertThat(page).contains(NumberText.number(credit.totalValue() - shown, 2));
  }

  @Test
  void oneChannelTooManyIsGroupedWithTheNoteEvenIfAChannelHasTheGroupsName() {
    List<String> channels = new ArrayList<>();
    Map<String, Double> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < TopChannels.SHOWN; i++) {
      channels.add(channel(i));
      values.put(channel(i), i == 0 ? 1.5 : 10.0 + i);
    }
    channels.add("other channels (1)");
    values.put("other channels (1)", 100.0);
    AttributionSection section = new AttributionSection(channels,
        List.of(new AttributionSection.ModelCredit("linear", true, values, values)), Map.of(), 21, 0, 0, "EUR", List.of());
    StringBuilder page = new StringBuilder();
    section.writeHtml(new Html(page));
    assertThat(page).contains("the other 1 are added up in the last row")
        .contains("<td>other channels (1)</td><td class=\"num\">100.00</td>")
        .contains("<td>other channels (1)*</td><td class=\"num\">1.50</td>").doesNotContain("<td>ch000</td>");
  }

  @Test
  void theWholeReportOfFourHundredChannelsIsSmall() {
    ReportModel model = ReportModel.build(analysis, ReportModel.defaultBuilders());
    String page = HtmlReport.render(model);
    assertThat(page.length()).isLessThan(2_000_000);
  }
}
