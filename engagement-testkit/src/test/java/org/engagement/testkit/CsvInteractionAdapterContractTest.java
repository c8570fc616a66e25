package org.engagement.testkit;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.time.Instant;
import java.util.List;
import org.engagement.core.domain.Attributes;
import org.engagement.core.domain.Channel;
import org.engagement.core.domain.ChannelGroup;
import org.engagement.core.domain.Direction;
import org.engagement.core.domain.Interaction;
import org.engagement.core.domain.InteractionType;
import org.engagement.core.domain.Money;
import org.engagement.core.ingest.ChannelAdapter;
import org.engagement.core.ingest.csv.CsvInteractionAdapter;
import org.jspecify.annotations.Nullable;

/**
 * Runs the contract kit against the built-in CSV adapter, with a sample that uses its features once
 * each: a byte-order mark, CRLF and LF line ends, a blank line, known-by-row and classified channels,
 * a value, an explicit direction, quoted fields with a comma, a line break, doubled quotes and
 * non-ASCII text.
 */
class CsvInteractionAdapterContractTest extends ChannelAdapterContractTest {
  private static final String HEADER = "\uFEFFcustomer_id,timestamp,type,direction,channel,channel_name,channel_group,"
      + "utm_source,utm_medium,referrer,value,currency,source_id,note";

  private static final Channel NEWSLETTER = Channel.of("newsletter", "Newsletter", ChannelGroup.EMAIL);

  @Override
  protected ChannelAdapter adapter() {
    return new CsvInteractionAdapter();
  }

  @Override
  protected ContractSample sample() {
    String valid = HEADER + "\r\n"
        + "cust-1,2024-03-01T10:15:30Z,click,,newsletter,Newsletter,email,,,,,,evt-1,\r\n"
        + "cust-2,2024-03-01T11:15:30.250+01:00,purchase,inbound,webshop,Web shop,direct,,,,19.99,EUR,evt-2,"
        + "\"first order, paid by card\"\n"
        + "\n"
        + "cust-1,2024-03-02T08:00:00Z,visit,,,,,facebook,social,,,,evt-3,\n"
        + "cust-3,2024-03-03T09:00:00-05:00,send,outbound,newsletter,Newsletter,email,,,,,,evt-4,"
        + "\"two\nlines, \"\"quoted\"\", Grüße\"\n"
        + "cust-4,2024-03-04T12:00:00Z,support_request,,,,,,,https://www.google.com/search?q=x,,,,\n";
    String oneBad = HEADER + "\n"
        + "cust-1,2024-03-01T10:15:30Z,click,,newsletter,Newsletter,email,,,,,,evt-1,\n"
        + "cust-2,2024-03-01 11:15:30,purchase,,webshop,Web shop,direct,,,,19.99,EUR,evt-2,\n"
        + "cust-3,2024-03-03T09:00:00-05:00,send,,newsletter,Newsletter,email,,,,,,evt-4,\n";
    return ContractSample.of(valid.getBytes(UTF_8), List.of(
            interaction("cust-1", NEWSLETTER, "2024-03-01T10:15:30Z", InteractionType.CLICK, "evt-1")
                .build(),
            interaction("cust-2", Channel.of("webshop", "Web shop", ChannelGroup.DIRECT), "2024-03-01T10:15:30.250Z",
                    InteractionType.PURCHASE, "evt-2")
                .value(Money.parse("19.99", "EUR"))
                .attributes(Attributes.of("note", "first order, paid by card"))
                .build(),
            interaction("cust-1", Channel.ofGroup(ChannelGroup.ORGANIC_SOCIAL), "2024-03-02T08:00:00Z",
                    InteractionType.VISIT, "evt-3")
                .build(),
            interaction("cust-3", NEWSLETTER, "2024-03-03T14:00:00Z", InteractionType.SEND, "evt-4")
                .direction(Direction.OUTBOUND)
                .attributes(Attributes.of("note", "two\nlines, \"quoted\", Grüße"))
                .build(),
            interaction("cust-4", Channel.ofGroup(ChannelGroup.ORGANIC_SEARCH), "2024-03-04T12:00:00Z",
                    InteractionType.SUPPORT_REQUEST, null)
                .build()))
        .withBadRecord(oneBad.getBytes(UTF_8), 2);
  }

  @Override
  protected boolean discoverable() {
    return true;
  }

  private static Interaction.Builder interaction(
      String customer, Channel channel, String at, InteractionType type, @Nullable String id) {
    return Interaction.builder()
        .customerId(customer)
        .channel(channel)
        .timestamp(Instant.parse(at))
        .type(type)
        .sourceId(id);
  }
}
