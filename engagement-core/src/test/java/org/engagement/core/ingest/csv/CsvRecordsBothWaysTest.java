package org.engagement.core.ingest.csv;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.ingest.AdapterRecord;

/**
 * Interactions read through the one-pass path, whose repeated values are shared strings (so the channel
 * resolver's cache by field identity hits), against the same text read character by character, where every field
 * is a new string (so the cache never hits and every row takes the resolver's full path): record for record the
 * same interactions and the same rejections. The channels and traffic sources are more than the cache has slots,
 * and some rows pad a field with spaces, name a known channel with a group that does not match, or give a bad group.
 */
class CsvRecordsBothWaysTest {
  private static final String HEADER =
      "customer_id,timestamp,type,channel,channel_name,channel_group,utm_source,utm_medium,utm_campaign,referrer,source_id\n";
  private static final String[] GROUPS = {"paid_search", "email", "social", "referral", "display", "bogus"};
  private static final String[] SOURCES = {"google", "newsletter", "facebook", "", " bing ", "partner"};
  private static final String[] MEDIUMS = {"cpc", "email", "social", "", "referral", "display"};
  private static final String[] REFERRERS = {"", "https://www.example.com/a", "https://news.example.org/x", "not a url"};

  @Property(tries = 60)
  void theOnePassGivesTheInteractionsOfTheCharacterLoop(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 3000) int rows, @ForAll boolean knownChannels,
      @ForAll UnknownChannelPolicy unknown, @ForAll ClassifiedChannelNaming naming) throws IOException {
    byte[] text = document(new SplittableRandom(seed), rows).getBytes(UTF_8);
    CsvInteractionAdapter.Builder builder = CsvInteractionAdapter.builder().unknownChannels(unknown)
        .classifiedChannelNaming(naming);
    if (knownChannels) {
      builder.channels(List.of(Channel.of("ch-1", "Channel one", ChannelGroup.EMAIL),
          Channel.of("ch-7", "Channel seven", ChannelGroup.PAID_SEARCH)));
    }
    CsvInteractionAdapter adapter = builder.build();

    List<String> onePass = read(text, adapter, false);
    List<String> characterLoop = read(text, adapter, true);

    assertThat(onePass).hasSize(rows).isEqualTo(characterLoop);
  }

  private static List<String> read(byte[] text, CsvInteractionAdapter adapter, boolean characterLoop)
      throws IOException {
    CsvRows rows = CsvRows.open(new ByteArrayInputStream(text), ',', adapter.policy());
    if (characterLoop) {
      rows.readCharacterByCharacter();
    }
    List<String> out = new ArrayList<>();
    try (CsvRecordReader reader = CsvRecordReader.open(rows, adapter)) {
      for (AdapterRecord record = reader.next(); record != null; record = reader.next()) {
        out.add(record instanceof AdapterRecord.Accepted a ? a.position() + " " + a.interaction()
            : ((AdapterRecord.Rejected) record).rejection().toString());
      }
    }
    return out;
  }

  private static String document(SplittableRandom random, int rows) {
    StringBuilder text = new StringBuilder(HEADER);
    for (int i = 0; i < rows; i++) {
      text.append("c").append(random.nextInt(50)).append(",2024-03-01T10:15:30Z,visit,");
      if (random.nextInt(3) > 0) {
        int channel = random.nextInt(90);
        String group = random.nextInt(10) == 0 ? "" : GROUPS[random.nextInt(GROUPS.length)];
        text.append(random.nextInt(20) == 0 ? " ch-" + channel : "ch-" + channel).append(',')
            .append(random.nextBoolean() ? "" : "Name " + channel % 7).append(',').append(group).append(",,,,");
      } else {
        text.append(",,,").append(SOURCES[random.nextInt(SOURCES.length)]).append(',')
            .append(MEDIUMS[random.nextInt(MEDIUMS.length)]).append(',')
            .append(random.nextInt(4) == 0 ? "spring-" + random.nextInt(40) : "").append(',')
            .append(REFERRERS[random.nextInt(REFERRERS.length)]);
      }
      text.append(",id-").append(i).append('\n');
    }
    return text.toString();
  }
}
